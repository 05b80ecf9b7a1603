/**
 * The sharing settings as the user declares them, network by network: LinkedIn's audiences per detail,
 * XING's model (per contact with "Als Standard" defaults, or categories). A setting not declared is the
 * platform's default, marked "assumed" until confirmed.
 */
import { useState } from 'react';
import { DETAIL_FIELDS, type DetailField, type Lang } from '../../../../shared/domain';
import { fieldLabel } from '../../../../shared/i18n';
import { LINKEDIN_AUDIENCES, XING_AUDIENCES, type Declared, type SharingSettings } from '../../../../shared/sharing';
import { t, type StringKey } from '../../i18n';
import type { DraftUpdate } from './useDraft';

type Update = DraftUpdate<SharingSettings>;

function Assumed({ setting, lang }: { setting: Declared<unknown>; lang: Lang }) {
  return setting.declared ? null : <span className="tag">{t(lang, 'assumed')}</span>;
}

/** One setting's audience, chosen from the network's. */
function AudienceRow({
  label,
  setting,
  options,
  set,
  testId,
  lang,
}: {
  label: string;
  setting: Declared<string>;
  options: readonly string[];
  set: (value: string) => void;
  testId: string;
  lang: Lang;
}) {
  return (
    <label className="field row">
      <span>
        {label} <Assumed setting={setting} lang={lang} />
      </span>
      <select value={setting.value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(lang, `audienceOption_${o}` as StringKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

const LINKEDIN_ROWS = [
  ['emailVisibility', 'li-email'],
  ['phoneVisibility', 'li-phone'],
  ['birthdayVisibility', 'li-birthday'],
] as const;

export function LinkedInSettings({
  settings,
  update,
  lang,
}: {
  settings: SharingSettings['linkedin'];
  update: Update;
  lang: Lang;
}) {
  return (
    <section>
      <h3>LinkedIn</h3>
      {LINKEDIN_ROWS.map(([key, testId]) => (
        <AudienceRow
          key={testId}
          label={t(lang, key)}
          setting={settings[key]}
          options={LINKEDIN_AUDIENCES}
          set={(v) => update((s) => (s.linkedin[key] = { value: v as never, declared: true }))}
          testId={testId}
          lang={lang}
        />
      ))}
      <label className="field row">
        <span>
          {t(lang, 'allowDownload')} <Assumed setting={settings.allowEmailDownload} lang={lang} />
        </span>
        <input
          type="checkbox"
          data-testid="li-download"
          checked={settings.allowEmailDownload.value}
          onChange={(e) => update((s) => (s.linkedin.allowEmailDownload = { value: e.target.checked, declared: true }))}
        />
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          update((s) => {
            for (const setting of Object.values(s.linkedin)) setting.declared = true;
          })
        }
      >
        {t(lang, 'confirmShown')}
      </button>
    </section>
  );
}

export function XingSettings({
  settings,
  update,
  lang,
}: {
  settings: SharingSettings['xing'];
  update: Update;
  lang: Lang;
}) {
  return (
    <section>
      <h3>XING</h3>
      <label className="field row">
        <span>
          {t(lang, 'xingModel')} <Assumed setting={settings.model} lang={lang} />
        </span>
        <select
          value={settings.model.value}
          onChange={(e) =>
            update((s) => (s.xing.model = { value: e.target.value as 'per-contact' | 'category', declared: true }))
          }
        >
          <option value="per-contact">{t(lang, 'perContact')}</option>
          <option value="category">{t(lang, 'categoryModel')}</option>
        </select>
      </label>
      {settings.model.value === 'category' ? (
        (['business', 'private', 'birthday'] as const).map((c) => (
          <AudienceRow
            key={`xing-${c}`}
            label={t(lang, `category_${c}`)}
            setting={settings.categories[c]}
            options={XING_AUDIENCES}
            set={(v) => update((s) => (s.xing.categories[c] = { value: v as never, declared: true }))}
            testId={`xing-${c}`}
            lang={lang}
          />
        ))
      ) : (
        <XingDefaults settings={settings} update={update} lang={lang} />
      )}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          update((s) => {
            s.xing.model.declared = true;
            for (const c of Object.values(s.xing.categories)) c.declared = true;
          })
        }
      >
        {t(lang, 'confirmShown')}
      </button>
    </section>
  );
}

/** XING per contact: the "Als Standard" defaults (each since a date, for some details), and adding one. */
function XingDefaults({ settings, update, lang }: { settings: SharingSettings['xing']; update: Update; lang: Lang }) {
  const [added, setAdded] = useState<{ from: string; fields: DetailField[] }>({ from: '', fields: [] });
  return (
    <>
      <h4>{t(lang, 'xingDefaults')}</h4>
      <ul className="files">
        {settings.defaults.map((d, i) => (
          <li key={`${d.from}-${i}`}>
            {d.from}: {d.fields.map((f) => fieldLabel(lang, f)).join(', ')}{' '}
            <button type="button" className="link" onClick={() => update((s) => s.xing.defaults.splice(i, 1))}>
              {t(lang, 'remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="add-default">
        <input
          type="date"
          aria-label={t(lang, 'since')}
          value={added.from}
          onChange={(e) => setAdded({ ...added, from: e.target.value })}
        />
        {DETAIL_FIELDS.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={added.fields.includes(f)}
              onChange={(e) =>
                setAdded({
                  ...added,
                  fields: e.target.checked ? [...added.fields, f] : added.fields.filter((x) => x !== f),
                })
              }
            />
            {fieldLabel(lang, f)}
          </label>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={!/^\d{4}-\d{2}-\d{2}$/.test(added.from) || added.fields.length === 0}
          onClick={() => {
            update((s) => s.xing.defaults.push(added));
            setAdded({ from: '', fields: [] });
          }}
        >
          {t(lang, 'addDefault')}
        </button>
      </div>
      <p className="muted small">{t(lang, 'grantsCount', { n: settings.grants.length })}</p>
    </>
  );
}
