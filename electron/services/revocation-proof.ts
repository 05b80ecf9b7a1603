/**
 * What proves a revocation, honestly labelled (issue 9):
 * - removing a LinkedIn connection is proven by a newer Connections.csv without it — "newer" meaning
 *   an export made after the revocation was planned; an export made after it was marked applied that
 *   still has the connection shows it was not applied;
 * - narrowing who sees your phone or email is proven when a newer PhoneNumbers.csv / Email Addresses.csv
 *   no longer has it (for an email: no longer as the primary one, the only one connections see); one
 *   that still has it proves nothing (the setting may hide it, and no export shows settings);
 * - deleting the address book uploaded to LinkedIn is proven by a newer whole export (Connections.csv
 *   with Email Addresses.csv or Profile.csv beside it — not a lone CSV) without Contacts.csv /
 *   ImportedContacts.csv, and found not applied by one that still has it;
 * - a step no export can show (a setting, a XING release) is "confirmed by you" once what you declare
 *   no longer shows the share — never "verified".
 * An export's date is its own where it has one (LinkedIn names the ZIP `…_MM-DD-YYYY.zip`), else the
 * day of the import.
 */
import type { ImportSummary } from '../../shared/contract';
import { LIVE_REVOCATION, type Finding, type PlatformActionId } from '../../shared/domain';
import { AUDIENCE_FIELDS, settingKeys } from '../../shared/plan/setting-steps';
import { DECLARED_SOURCE } from './audit-service';
import type { DB } from './db';
import { listRevocations, moveRevocations } from './revocation-store';

/** Steps an export shows (and so proves): never "confirmed by you". */
const PROVEN_BY_EXPORT: ReadonlySet<PlatformActionId> = new Set(['remove-connection', 'delete-uploaded-contacts']);

const EXPORT_DATE = /_(\d{2})-(\d{2})-(\d{4})\.zip\b/i;

/** A real calendar day as YYYY-MM-DD, or null (no 31 April, no month 13). */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The day an export was made: from LinkedIn's ZIP name, else the day it was imported. LinkedIn
 * names it month first (`Basic_LinkedInDataExport_11-29-2025.zip`); a name that is no date that way
 * but is one day first is read day first; a name that is neither proves no date.
 */
export function exportDate(fileNames: readonly string[], importedAt: Date): string {
  for (const name of fileNames) {
    const m = EXPORT_DATE.exec(name);
    if (!m) continue;
    const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = calendarDay(year, first, second) ?? calendarDay(year, second, first);
    if (day) return day;
  }
  return importedAt.toISOString().slice(0, 10);
}

/** The file of this export that lists the details an audience step governs, if the import has it. */
function ownDetailsFile(action: PlatformActionId, summary: Pick<ImportSummary, 'files'>): boolean {
  const kind =
    action === 'narrow-phone-audience'
      ? 'linkedin-phones'
      : action === 'narrow-email-audience'
        ? 'linkedin-emails'
        : null;
  return kind !== null && summary.files.some((f) => f.kind === kind);
}

/** Whether your profile (as the import just wrote it) still has a detail this audience step governs. */
function ownDetailShown(db: DB, action: PlatformActionId): boolean {
  const fields = AUDIENCE_FIELDS[action] ?? [];
  const row = db
    .prepare(
      `SELECT 1 FROM my_detail WHERE field IN (${fields.map(() => '?').join(',')})
         AND source <> ? AND (is_primary IS NULL OR is_primary = 1) LIMIT 1`,
    )
    .get(...fields, DECLARED_SOURCE);
  return row !== undefined;
}

/** After an import: removed connections verified, still-present ones after "applied" not applied. */
export function proveByImport(
  db: DB,
  summary: Pick<ImportSummary, 'files'>,
  now: Date,
): { verified: number; notApplied: number } {
  const connections = summary.files.find((f) => f.kind === 'linkedin-connections');
  const ownDetails = summary.files.find((f) => f.kind === 'linkedin-phones' || f.kind === 'linkedin-emails');
  if (!connections && !ownDetails) return { verified: 0, notApplied: 0 };
  const madeOn = exportDate(
    summary.files.map((f) => f.name),
    now,
  );
  const note = `${(connections ?? ownDetails)!.name} (${madeOn})`;
  const live = listRevocations(db).filter((r) => LIVE_REVOCATION.has(r.status));
  // Nothing to prove: the contacts (30,000 for a heavy user) are not read.
  if (live.length === 0) return { verified: 0, notApplied: 0 };
  const contacts = new Map(
    db
      .prepare<[], { id: number; network: string; removed_on: string | null }>(
        `SELECT id, network, removed_on FROM contact`,
      )
      .all()
      .map((c) => [c.id, c]),
  );
  // A whole export (not a lone Connections.csv) says whether it holds an uploaded address book.
  // (From LinkedIn's ZIP: files picked by hand may leave the address book out without it being gone.)
  const wholeExport =
    connections !== undefined &&
    connections.name.includes('.zip') &&
    summary.files.some((f) => f.kind === 'linkedin-emails' || f.kind === 'linkedin-profile');
  const uploaded = summary.files.find((f) => f.kind === 'linkedin-contacts');
  const verified: number[] = [];
  const notApplied: number[] = [];
  for (const r of live) {
    // An export made before the revocation was planned proves nothing about it.
    if (madeOn < r.createdAt.slice(0, 10)) continue;
    let stillShown: boolean;
    if (r.action === 'remove-connection' && connections) {
      const contact = r.contactId === null ? undefined : contacts.get(r.contactId);
      if (!contact || contact.network !== 'linkedin') continue;
      stillShown = contact.removed_on === null;
    } else if (r.action === 'delete-uploaded-contacts' && wholeExport) {
      stillShown = uploaded !== undefined;
    } else if (r.contactId === null && ownDetailsFile(r.action, summary)) {
      // The detail gone from your profile (or, for an email, no longer the primary one connections
      // see) is proven; still there proves nothing — it may be hidden by the setting, which no
      // export shows: that stays for you to confirm.
      if (!ownDetailShown(db, r.action)) verified.push(r.id);
      continue;
    } else continue;
    if (!stillShown) verified.push(r.id);
    else if (r.status === 'applied' && r.appliedOn !== null && madeOn > r.appliedOn) notApplied.push(r.id);
  }
  const at = now.toISOString();
  return {
    verified: moveRevocations(db, verified, ['planned', 'applied', 'not-applied'], 'verified', at, { note }),
    notApplied: moveRevocations(db, notApplied, ['applied'], 'not-applied', at, { note }),
  };
}

/**
 * After the user declared a setting or a release: a live revocation for a step no export can show
 * (anything but removing a connection) whose share the declarations no longer show is confirmed by you.
 */
export function confirmByDeclaration(db: DB, findings: readonly Finding[], now: Date): number {
  const stillShown = new Set(findings.filter((f) => f.contact && f.field).map((f) => `${f.contact!.id}:${f.field}`));
  // A setting is still shown while some finding is one its change would clear.
  const settingsShown = new Set(findings.flatMap((f) => settingKeys(f).map((key) => `setting:${key}`)));
  const confirmed = listRevocations(db)
    .filter((r) => LIVE_REVOCATION.has(r.status) && !PROVEN_BY_EXPORT.has(r.action))
    .filter((r) => (r.contactId === null ? !settingsShown.has(r.target) : !stillShown.has(`${r.contactId}:${r.field}`)))
    .map((r) => r.id);
  return moveRevocations(db, confirmed, ['planned', 'applied', 'not-applied'], 'confirmed-by-you', now.toISOString(), {
    note: 'you',
  });
}
