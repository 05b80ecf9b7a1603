/**
 * The user's own details as they declare them in the Sharing dialog: every value of every field (two
 * emails are two details), each with its type — the field (private or business email, mobile or
 * landline …) and a label ("Work", "WhatsApp"). What the user keeps unchanged keeps what the import
 * knew of it (its file, whether it is the primary or a confirmed address): saving the dialog never
 * turns a secondary email into a visible one. Used by saving (details:set) and by the preview alike.
 */
import type { DetailField, MyDetail } from './domain';

/** One detail as the dialog sends it; without `label`, a value already known keeps its label. */
export interface DeclaredDetail {
  field: DetailField;
  value: string;
  label?: string | null;
}

/**
 * The details after a declaration: `declared` (values already validated and normalised) in its order,
 * each merged with the current detail of the same field and value, if there is one; new ones come
 * from `source`. A detail given twice is kept once.
 */
export function mergeDeclaredDetails(
  current: readonly MyDetail[],
  declared: readonly DeclaredDetail[],
  source: string,
): MyDetail[] {
  const out: MyDetail[] = [];
  const seen = new Set<string>();
  for (const d of declared) {
    const key = `${d.field}\u0000${d.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const known = current.find((c) => c.field === d.field && c.value.toLowerCase() === d.value.toLowerCase());
    const label = d.label === undefined ? known?.label : d.label?.trim() || undefined;
    const detail: MyDetail = known ? { ...known, value: d.value } : { field: d.field, value: d.value, source };
    if (label === undefined) delete detail.label;
    else detail.label = label;
    out.push(detail);
  }
  // LinkedIn always has a primary email: with the primary one removed, the first email kept is it now
  // (else the secondary one kept would count as unseen and the audit would assume an unknown primary).
  const emails = out.filter((d) => d.field === 'privateEmail' || d.field === 'businessEmail');
  if (emails.length > 0 && !emails.some((d) => d.primary !== false)) {
    const first = out.indexOf(emails[0]!);
    out[first] = { ...emails[0]!, primary: true };
  }
  return out;
}
