import { LIVE_REVOCATION, type DetailField, type RevocationStatus, type RevocationView } from './domain';

/** The live revocation that covers a person's detail, if any. */
export interface RevocationCover {
  get(contactId: number, field: DetailField): { id: number; status: RevocationStatus } | null;
  has(contactId: number, field: DetailField): boolean;
  /** Nothing is planned: "after your plan" is "now" (the what-if preview skips the second count). */
  none: boolean;
}

/**
 * Which person and detail a live revocation covers: removing a connection covers all they see.
 * The one place that decides it — the full audit, its cheap second phase (audit state) and the
 * what-if preview all ask this.
 */
export function liveRevocations(revocations: readonly RevocationView[]): RevocationCover {
  const byContact = new Map<number, Map<DetailField | '*', { id: number; status: RevocationStatus }>>();
  for (const r of revocations) {
    if (!LIVE_REVOCATION.has(r.status) || r.contactId === null) continue;
    const key = r.action === 'remove-connection' ? '*' : r.field;
    if (key === null) continue;
    const map = byContact.get(r.contactId) ?? new Map();
    map.set(key, { id: r.id, status: r.status });
    byContact.set(r.contactId, map);
  }
  const get = (contactId: number, field: DetailField) => {
    const map = byContact.get(contactId);
    return map?.get('*') ?? map?.get(field) ?? null;
  };
  return {
    get,
    has: (contactId: number, field: DetailField) => get(contactId, field) !== null,
    none: byContact.size === 0,
  };
}
