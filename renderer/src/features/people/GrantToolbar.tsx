/**
 * The bulk changes for the selected XING contacts: grant or take back one detail, exclude or include.
 */
import { useState } from 'react';
import { DETAIL_FIELDS, type DetailField, type Lang } from '../../../../shared/domain';
import { fieldLabel } from '../../../../shared/i18n';
import { write } from '../../api/client';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';

/** `onDone`: after each change, done or not (the selection is cleared). */
export function GrantToolbar({
  lang,
  selected,
  onDone,
}: {
  lang: Lang;
  selected: ReadonlySet<number>;
  onDone: () => void;
}) {
  const feedback = useFeedback();
  const [field, setField] = useState<DetailField>('mobile');
  const change = (action: () => Promise<unknown>): void => void feedback.run(action).then(onDone);
  const none = selected.size === 0 || feedback.busy;
  return (
    <div className="toolbar bulk" data-testid="grant-toolbar">
      <span className="muted small">{t(lang, 'grantHint', { n: selected.size })}</span>
      <select aria-label={t(lang, 'detail')} value={field} onChange={(e) => setField(e.target.value as DetailField)}>
        {DETAIL_FIELDS.map((f) => (
          <option key={f} value={f}>
            {fieldLabel(lang, f)}
          </option>
        ))}
      </select>
      {(
        [
          ['grant', 'secondary', () => write('grant:set', { contactIds: [...selected], field, granted: true })],
          ['ungrant', 'danger', () => write('grant:set', { contactIds: [...selected], field, granted: false })],
          ['exclude', 'secondary', () => write('exclusion:set', { contactIds: [...selected], excluded: true })],
          ['include', 'secondary', () => write('exclusion:set', { contactIds: [...selected], excluded: false })],
        ] as const
      ).map(([label, style, action]) => (
        <button key={label} type="button" className={style} disabled={none} onClick={() => change(action)}>
          {t(lang, label)}
        </button>
      ))}
    </div>
  );
}
