import { useEffect, useRef, useState } from 'react';
import type { Lang, MyDetail } from '../../../../shared/domain';
import type { SharingSettings } from '../../../../shared/sharing';
import { Dialog } from '../../ui/Dialog';
import { errorText, t } from '../../i18n';
import { write } from '../../api/client';
import { platform } from '../../platform';
import { useDraft } from './useDraft';
import { useAttempt } from './useAttempt';
import { Preview } from './Preview';
import { downloadText } from '../../download';
import { declaredKey, declaredOf, MyDetailsEditor, rowsOf, type DetailRow } from './MyDetailsEditor';
import { LinkedInSettings, XingSettings } from './SharingForm';

/**
 * What the user shares, declared: their own details (each value its own row) and the networks' sharing
 * settings, with a live what-if preview of what saving would change; the settings as a file, too.
 */
export function SharingDialog({ lang, onClose, onSaved }: { lang: Lang; onClose: () => void; onSaved: () => void }) {
  const { draft, update, details, setDetails, declared, detailsChanged, error, save, importFile, exportFile } =
    useSharingDraft(onSaved);
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
      {draft && (
        <div className="sharing-grid">
          <LinkedInSettings settings={draft.linkedin} update={update} lang={lang} />
          <XingSettings settings={draft.xing} update={update} lang={lang} />
        </div>
      )}
      {draft && (
        <Preview
          change={{ sharing: draft, ...(detailsChanged ? { details: declared } : {}) }}
          lang={lang}
          testId="sharing-preview"
        />
      )}
      <div className="actions">
        <FileButtons lang={lang} onImport={(files) => void importFile(files)} onExport={() => void exportFile()} />
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

/**
 * The dialog's data: the sharing settings as a draft, the user's details as rows, and what saving,
 * importing and exporting the settings do. A failure of any is `error`, shown in the dialog.
 */
function useSharingDraft(onSaved: () => void) {
  const [draft, setDraft, update] = useDraft<SharingSettings>();
  const [stored, setStored] = useState<MyDetail[] | null>(null);
  const { error, setError, attempt } = useAttempt();
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
  }, [setDraft, setError]);

  const declared = declaredOf(details ?? []);
  const detailsChanged = stored !== null && declaredKey(declared) !== declaredKey(stored);
  const save = () =>
    attempt(async () => {
      if (!draft) return;
      await write('sharing:set', { sharing: draft });
      if (detailsChanged) await write('details:set', { details: declared });
      onSaved();
    });
  const exportFile = () =>
    attempt(async () => {
      const { fileName, json } = await platform.invoke('sharing:export', {});
      downloadText(fileName, json, 'application/json');
    });
  const importFile = (files: File[]) =>
    attempt(async () => {
      const [source] = await platform.sourcesFor(files);
      if (!source) return;
      const result = await write('sharing:import', { source });
      setDraft(result.sharing);
      setError(null);
    });
  return { draft, update, details, setDetails, declared, detailsChanged, error, save, importFile, exportFile };
}

/** The settings as a file: import one (JSON or CSV, through a hidden file input), export them as JSON. */
function FileButtons({
  lang,
  onImport,
  onExport,
}: {
  lang: Lang;
  onImport: (files: File[]) => void;
  onExport: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".json,.csv,application/json,text/csv"
        data-testid="sharing-file"
        onChange={(e) => {
          onImport([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
        {t(lang, 'importFile')}
      </button>
      <button type="button" className="secondary" onClick={onExport}>
        {t(lang, 'exportFile')}
      </button>
    </>
  );
}
