import { useEffect, useRef, useState } from 'react';
import { DETAIL_FIELDS, type DetailField, type Lang, type MyDetail } from '../../shared/domain';
import { fieldLabel } from '../../shared/i18n';
import { LINKEDIN_AUDIENCES, XING_AUDIENCES, type Declared, type SharingSettings } from '../../shared/sharing';
import { Dialog } from './ui/Dialog';
import { errorText, t } from './i18n';
import { write } from './api/client';
import { platform } from './platform';
import { useDraft } from './useDraft';
import { Preview } from './Preview';
import { downloadText } from './download';
import { declaredKey, declaredOf, MyDetailsEditor, rowsOf, type DetailRow } from './MyDetailsEditor';

const AUDIENCE_LABELS: Record<string, Record<Lang, string>> = {
  'only-me': { en: 'Only me', de: 'Nur ich' },
  'first-degree': { en: '1st-degree connections', de: 'Kontakte 1. Grades' },
  'first-and-second': { en: '1st + 2nd degree', de: 'Kontakte 1. und 2. Grades' },
  everyone: { en: 'Everyone on LinkedIn', de: 'Alle auf LinkedIn' },
  nobody: { en: 'Nobody', de: 'Niemand' },
  contacts: { en: 'My contacts', de: 'Meine Kontakte' },
  members: { en: 'All XING members', de: 'Alle XING-Mitglieder' },
};

function Assumed({ setting, lang }: { setting: Declared<unknown>; lang: Lang }) {
  return setting.declared ? null : <span className="tag">{t(lang, 'assumed')}</span>;
}

export function SharingDialog({ lang, onClose, onSaved }: { lang: Lang; onClose: () => void; onSaved: () => void }) {
  const [draft, setDraft, update] = useDraft<SharingSettings>();
  const [stored, setStored] = useState<MyDetail[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [newDefault, setNewDefault] = useState<{ from: string; fields: DetailField[] }>({ from: '', fields: [] });
  const fileInput = useRef<HTMLInputElement>(null);
  /** Every value of every detail, each its own row (two emails are two rows), with its type and label. */
  const [details, setDetails] = useState<DetailRow[] | null>(null);

  useEffect(() => {
    Promise.all([platform.invoke('sharing:get', {}), platform.invoke('details:get', {})]).then(
      ([sharing, { details: mine }]) => {
        setDraft(sharing);
        setStored(mine);
        setDetails(rowsOf(mine));
      },
      (e: unknown) => setError(e),
    );
  }, [setDraft]);

  const declared = declaredOf(details ?? []);
  const detailsChanged = stored !== null && declaredKey(declared) !== declaredKey(stored);

  const save = async (): Promise<void> => {
    if (!draft) return;
    try {
      await write('sharing:set', { sharing: draft });
      if (detailsChanged) {
        await write('details:set', { details: declared });
      }
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  const exportFile = async (): Promise<void> => {
    const { fileName, json } = await platform.invoke('sharing:export', {});
    downloadText(fileName, json, 'application/json');
  };

  const importFile = async (files: File[]): Promise<void> => {
    try {
      const [source] = await platform.sourcesFor(files);
      if (!source) return;
      const result = await write('sharing:import', { source });
      setDraft(result.sharing);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  const li = draft?.linkedin;
  const xing = draft?.xing;
  const row = (
    label: string,
    setting: Declared<string>,
    options: readonly string[],
    set: (v: string) => void,
    testId: string,
  ) => (
    <label className="field row" key={testId}>
      <span>
        {label} <Assumed setting={setting} lang={lang} />
      </span>
      <select value={setting.value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o}>
            {AUDIENCE_LABELS[o]![lang]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Dialog
      name="sharing"
      onClose={onClose}
      title={t(lang, 'sharingTitle')}
      wide
      error={error === null ? null : errorText(lang, error)}
    >
      <p className="muted small">{t(lang, 'sharingHint')}</p>
      {details && (
        <section className="my-details">
          <h3>{t(lang, 'myDetails')}</h3>
          <p className="muted small">{t(lang, 'myDetailsHint')}</p>
          <MyDetailsEditor rows={details} onChange={setDetails} lang={lang} />
        </section>
      )}
      {li && xing && (
        <div className="sharing-grid">
          <section>
            <h3>LinkedIn</h3>
            {row(
              t(lang, 'emailVisibility'),
              li.emailVisibility,
              LINKEDIN_AUDIENCES,
              (v) => update((s) => (s.linkedin.emailVisibility = { value: v as never, declared: true })),
              'li-email',
            )}
            {row(
              t(lang, 'phoneVisibility'),
              li.phoneVisibility,
              LINKEDIN_AUDIENCES,
              (v) => update((s) => (s.linkedin.phoneVisibility = { value: v as never, declared: true })),
              'li-phone',
            )}
            {row(
              t(lang, 'birthdayVisibility'),
              li.birthdayVisibility,
              LINKEDIN_AUDIENCES,
              (v) => update((s) => (s.linkedin.birthdayVisibility = { value: v as never, declared: true })),
              'li-birthday',
            )}
            <label className="field row">
              <span>
                {t(lang, 'allowDownload')} <Assumed setting={li.allowEmailDownload} lang={lang} />
              </span>
              <input
                type="checkbox"
                data-testid="li-download"
                checked={li.allowEmailDownload.value}
                onChange={(e) =>
                  update((s) => (s.linkedin.allowEmailDownload = { value: e.target.checked, declared: true }))
                }
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
          <section>
            <h3>XING</h3>
            <label className="field row">
              <span>
                {t(lang, 'xingModel')} <Assumed setting={xing.model} lang={lang} />
              </span>
              <select
                value={xing.model.value}
                onChange={(e) =>
                  update(
                    (s) => (s.xing.model = { value: e.target.value as 'per-contact' | 'category', declared: true }),
                  )
                }
              >
                <option value="per-contact">{t(lang, 'perContact')}</option>
                <option value="category">{t(lang, 'categoryModel')}</option>
              </select>
            </label>
            {xing.model.value === 'category' ? (
              (['business', 'private', 'birthday'] as const).map((c) =>
                row(
                  t(lang, `category_${c}`),
                  xing.categories[c],
                  XING_AUDIENCES,
                  (v) => update((s) => (s.xing.categories[c] = { value: v as never, declared: true })),
                  `xing-${c}`,
                ),
              )
            ) : (
              <>
                <h4>{t(lang, 'xingDefaults')}</h4>
                <ul className="files">
                  {xing.defaults.map((d, i) => (
                    <li key={`${d.from}-${i}`}>
                      {d.from}: {d.fields.map((f) => fieldLabel(lang, f)).join(', ')}{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => update((s) => s.xing.defaults.splice(i, 1))}
                      >
                        {t(lang, 'remove')}
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="add-default">
                  <input
                    type="date"
                    aria-label={t(lang, 'since')}
                    value={newDefault.from}
                    onChange={(e) => setNewDefault({ ...newDefault, from: e.target.value })}
                  />
                  {DETAIL_FIELDS.map((f) => (
                    <label key={f} className="check">
                      <input
                        type="checkbox"
                        checked={newDefault.fields.includes(f)}
                        onChange={(e) =>
                          setNewDefault({
                            ...newDefault,
                            fields: e.target.checked
                              ? [...newDefault.fields, f]
                              : newDefault.fields.filter((x) => x !== f),
                          })
                        }
                      />
                      {fieldLabel(lang, f)}
                    </label>
                  ))}
                  <button
                    type="button"
                    className="secondary"
                    disabled={!/^\d{4}-\d{2}-\d{2}$/.test(newDefault.from) || newDefault.fields.length === 0}
                    onClick={() => {
                      update((s) => s.xing.defaults.push(newDefault));
                      setNewDefault({ from: '', fields: [] });
                    }}
                  >
                    {t(lang, 'addDefault')}
                  </button>
                </div>
                <p className="muted small">{t(lang, 'grantsCount', { n: xing.grants.length })}</p>
              </>
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
        </div>
      )}
      {draft && (
        <Preview
          change={{
            sharing: draft,
            ...(detailsChanged ? { details: declared } : {}),
          }}
          lang={lang}
          testId="sharing-preview"
        />
      )}
      <div className="actions">
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,.csv,application/json,text/csv"
          data-testid="sharing-file"
          onChange={(e) => {
            void importFile([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          {t(lang, 'importFile')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportFile()}>
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
