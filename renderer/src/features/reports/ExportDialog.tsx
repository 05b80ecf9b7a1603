import { useEffect, useState } from 'react';
import type { Request } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { message } from '../../../../shared/i18n';
import { t } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { platform } from '../../platform';
import './export.css';

export type ReportFormat = Request<'report:save'>['format'];
const FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'csv', 'json'];
const KEY = 'shareaudit.reportFormat';

function lastFormat(): ReportFormat {
  const saved = localStorage.getItem(KEY);
  return FORMATS.find((f) => f === saved) ?? 'html';
}

/** "Export report": the user picks the format (HTML, PDF, CSV tables as a ZIP, JSON); the last choice is kept. */
export function ExportDialog({
  lang,
  onClose,
  onExport,
}: {
  lang: Lang;
  onClose: () => void;
  onExport: (format: ReportFormat) => void;
}) {
  const [format, setFormat] = useState<ReportFormat>(lastFormat);
  // Main starts making the report while the user reads the dialog; Export then hands over what is made
  // (a heavy user's report takes a few hundred milliseconds). A failure shows when the user exports.
  useEffect(() => {
    platform.invoke('report:prepare', { lang, format }).catch(() => undefined);
  }, [lang, format]);
  const run = (): void => {
    localStorage.setItem(KEY, format);
    onExport(format);
  };
  return (
    <Dialog name="export" title={message(lang, 'report.exportTitle')} onClose={onClose}>
      <p>{message(lang, 'report.exportIntro')}</p>
      <fieldset className="formats">
        <legend>{message(lang, 'report.exportTitle')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="radio">
            <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <span>{message(lang, `report.format.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t(lang, 'cancel')}
        </button>
        <button type="button" onClick={run} data-testid="export-run">
          {message(lang, 'report.exportAction')}
        </button>
      </div>
    </Dialog>
  );
}
