import { useEffect } from 'react';
import { DETAIL_FIELDS, type Lang } from '../../../../shared/domain';
import { fieldLabel, message } from '../../../../shared/i18n';
import type { FamiliarityWeights, Policy } from '../../../../shared/policy';
import { Dialog } from '../../ui/Dialog';
import { errorText, t, type StringKey } from '../../i18n';
import { write } from '../../api/client';
import { platform } from '../../platform';
import { useDraft, type DraftUpdate } from './useDraft';
import { useAttempt } from './useAttempt';
import { Preview } from './Preview';
import { downloadText } from '../../download';

const WEIGHTS: Array<[keyof FamiliarityWeights, StringKey]> = [
  ['twoWayMessages', 'wTwoWay'],
  ['addressBook', 'wAddressBook'],
  ['addressBookByName', 'wAddressBookByName'],
  ['trustedTag', 'wTrustedTag'],
  ['personalInvitation', 'wInvitation'],
  ['silentYear', 'wSilentYear'],
];

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

type Update = DraftUpdate<Policy>;

/** The user's policy, edited with a live what-if preview; exported as JSON. */
export function PolicyDialog({ lang, onClose, onSaved }: { lang: Lang; onClose: () => void; onSaved: () => void }) {
  const { draft, update, error, save, exportFile } = usePolicyDraft(onSaved);
  return (
    <Dialog
      name="policy"
      onClose={onClose}
      title={t(lang, 'policyTitle')}
      wide
      error={error === null ? null : errorText(lang, error)}
    >
      {draft && (
        <div className="sharing-grid">
          <section>
            <SensitiveFields draft={draft} update={update} lang={lang} />
            <Thresholds draft={draft} update={update} lang={lang} />
          </section>
          <section>
            <Lists draft={draft} update={update} lang={lang} />
          </section>
        </div>
      )}
      {draft && <Preview change={{ policy: draft }} lang={lang} testId="policy-preview" />}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void exportFile()} disabled={!draft}>
          {t(lang, 'exportFile')}
        </button>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={onClose}>
          {t(lang, 'cancel')}
        </button>
        <button type="button" onClick={() => void save()} disabled={!draft}>
          {t(lang, 'save')}
        </button>
      </div>
    </Dialog>
  );
}

/** The policy as a draft, and what saving and exporting it do; a failure of either is `error`. */
function usePolicyDraft(onSaved: () => void) {
  const [draft, setDraft, update] = useDraft<Policy>();
  const { error, setError, attempt } = useAttempt();

  useEffect(() => {
    platform.invoke('policy:get', {}).then(setDraft, (e: unknown) => setError(e));
  }, [setDraft, setError]);

  const save = () =>
    attempt(async () => {
      if (!draft) return;
      await write('policy:set', { policy: draft });
      onSaved();
    });
  const exportFile = () =>
    attempt(async () => {
      const { fileName, json } = await platform.invoke('policy:export', {});
      downloadText(fileName, json, 'application/json');
    });
  return { draft, update, error, save, exportFile };
}

/** The details the rules treat as private (shared only with people the user knows). */
function SensitiveFields({ draft, update, lang }: { draft: Policy; update: Update; lang: Lang }) {
  return (
    <>
      <h3>{t(lang, 'sensitiveFields')}</h3>
      {DETAIL_FIELDS.map((f) => (
        <label key={f} className="check">
          <input
            type="checkbox"
            checked={draft.sensitiveFields.includes(f)}
            onChange={(e) =>
              update((p) => {
                p.sensitiveFields = e.target.checked
                  ? [...p.sensitiveFields, f]
                  : p.sensitiveFields.filter((x) => x !== f);
              })
            }
          />
          {fieldLabel(lang, f)}
        </label>
      ))}
    </>
  );
}

function NumberField({
  label,
  value,
  set,
  testId,
}: {
  label: string;
  value: number;
  set: (n: number) => void;
  testId: string;
}) {
  return (
    <label className="field row">
      <span>{label}</span>
      <input type="number" value={value} data-testid={testId} onChange={(e) => set(Number(e.target.value))} />
    </label>
  );
}

/** Familiarity's weights and levels, when a grant is stale, and when to re-audit. */
function Thresholds({ draft, update, lang }: { draft: Policy; update: Update; lang: Lang }) {
  const { familiarity } = draft;
  return (
    <>
      <h3>{t(lang, 'familiarityTitle')}</h3>
      {WEIGHTS.map(([key, label]) => (
        <NumberField
          key={key}
          label={t(lang, label)}
          value={familiarity.weights[key]}
          set={(n) => update((p) => (p.familiarity.weights[key] = n))}
          testId={`w-${key}`}
        />
      ))}
      <NumberField
        label={t(lang, 'knownAt')}
        value={familiarity.knownAt}
        set={(n) => update((p) => (p.familiarity.knownAt = n))}
        testId="known-at"
      />
      <NumberField
        label={t(lang, 'acquaintedAt')}
        value={familiarity.acquaintedAt}
        set={(n) => update((p) => (p.familiarity.acquaintedAt = n))}
        testId="acquainted-at"
      />
      <NumberField
        label={t(lang, 'staleYears')}
        value={draft.staleYears}
        set={(n) => update((p) => (p.staleYears = n))}
        testId="stale-years"
      />
      <NumberField
        label={message(lang, 'history.reauditAfterDays')}
        value={draft.reauditAfterDays}
        set={(n) => update((p) => (p.reauditAfterDays = n))}
        testId="reaudit-after-days"
      />
    </>
  );
}

/** The lists, one entry a line: trusted tags, and the roles and phrases that mark a contact collector. */
function Lists({ draft, update, lang }: { draft: Policy; update: Update; lang: Lang }) {
  return (
    <>
      <label className="field">
        <span>{t(lang, 'trustedTags')}</span>
        <textarea
          rows={4}
          value={draft.trustedTags.join('\n')}
          onChange={(e) => update((p) => (p.trustedTags = lines(e.target.value)))}
        />
      </label>
      <label className="field">
        <span>{t(lang, 'collectorRoles')}</span>
        <textarea
          rows={5}
          data-testid="collector-roles"
          value={draft.collector.roles.join('\n')}
          onChange={(e) => update((p) => (p.collector.roles = lines(e.target.value).map((l) => l.toLowerCase())))}
        />
      </label>
      <label className="field">
        <span>{t(lang, 'collectorPhrases')}</span>
        <textarea
          rows={5}
          value={draft.collector.phrases.join('\n')}
          onChange={(e) => update((p) => (p.collector.phrases = lines(e.target.value).map((l) => l.toLowerCase())))}
        />
      </label>
    </>
  );
}
