import './MyDetailsEditor.css';
import { DETAIL_FIELDS, type DetailField, type Lang, type MyDetail } from '../../../../shared/domain';
import { fieldLabel, message } from '../../../../shared/i18n';
import type { DeclaredDetail } from '../../../../shared/my-details';

/** One row of the editor: a detail as the form holds it; `id` only tells rows apart. */
export interface DetailRow {
  id: number;
  field: DetailField;
  value: string;
  label: string;
  primary: boolean;
}

let nextId = 1;

/** Rows for the user's details as stored: one per value, two emails are two rows. */
export function rowsOf(details: readonly MyDetail[]): DetailRow[] {
  return details.map((d) => ({
    id: nextId++,
    field: d.field,
    value: d.value,
    label: d.label ?? '',
    primary: d.primary === true,
  }));
}

/** The details the rows declare (empty values are no details), each with its label. */
export function declaredOf(rows: readonly DetailRow[]): DeclaredDetail[] {
  return rows.flatMap((r) => {
    const value = r.value.trim();
    return value ? [{ field: r.field, value, label: r.label.trim() || null }] : [];
  });
}

/** Compares declarations regardless of order: whether saving would change anything. */
export function declaredKey(
  details: ReadonlyArray<{ field: DetailField; value: string; label?: string | null }>,
): string {
  return details
    .map((d) => `${d.field}=${d.value}|${d.label ?? ''}`)
    .sort()
    .join('\n');
}

/**
 * Every one of the user's own details, each value on its own row with its type (the field) and its
 * label; rows are added and removed. Nothing is saved here: the Sharing dialog saves them.
 */
export function MyDetailsEditor({
  rows,
  onChange,
  lang,
}: {
  rows: readonly DetailRow[];
  onChange: (rows: DetailRow[]) => void;
  lang: Lang;
}) {
  const set = (id: number, change: Partial<DetailRow>): void =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <>
      {rows.length === 0 && <p className="muted small">{message(lang, 'importer.detailNone')}</p>}
      <ul className="detail-rows" data-testid="my-details">
        {rows.map((r) => (
          <DetailRowEditor
            key={r.id}
            row={r}
            set={(change) => set(r.id, change)}
            onRemove={() => onChange(rows.filter((x) => x.id !== r.id))}
            lang={lang}
          />
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        data-testid="detail-add"
        onClick={() =>
          onChange([...rows, { id: nextId++, field: 'privateEmail', value: '', label: '', primary: false }])
        }
      >
        {message(lang, 'importer.detailAdd')}
      </button>
    </>
  );
}

/** One detail's row: its type, its value, its label, whether it is the primary one, and its removal. */
function DetailRowEditor({
  row,
  set,
  onRemove,
  lang,
}: {
  row: DetailRow;
  set: (change: Partial<DetailRow>) => void;
  onRemove: () => void;
  lang: Lang;
}) {
  return (
    <li data-testid="detail-row">
      <select
        aria-label={message(lang, 'importer.detailType')}
        data-testid="detail-field"
        value={row.field}
        onChange={(e) => set({ field: e.target.value as DetailField })}
      >
        {DETAIL_FIELDS.map((f) => (
          <option key={f} value={f}>
            {fieldLabel(lang, f)}
          </option>
        ))}
      </select>
      <input
        aria-label={`${fieldLabel(lang, row.field)}: ${message(lang, 'importer.detailValue')}`}
        data-testid="detail-value"
        value={row.value}
        onChange={(e) => set({ value: e.target.value })}
      />
      <input
        aria-label={message(lang, 'importer.detailLabel')}
        placeholder={message(lang, 'importer.detailLabelShort')}
        title={message(lang, 'importer.detailLabel')}
        data-testid="detail-label"
        value={row.label}
        onChange={(e) => set({ label: e.target.value })}
      />
      {row.primary ? <span className="tag">{message(lang, 'importer.detailPrimary')}</span> : <span />}
      <button type="button" className="link" onClick={onRemove}>
        {message(lang, 'importer.detailRemove')}
      </button>
    </li>
  );
}
