/**
 * What the rules are given (shared by the full audit and the what-if count), and the familiarity
 * judgements and contacts by id kept between audits of the same people.
 */
import type { Contact, Exposure, MyDetail } from './domain';
import type { AuditFacts } from './audit';
import { judgeFamiliarity, judgeFamiliaritySteps } from './familiarity';
import type { Policy } from './policy';
import { computeExposures, exposedDetails } from './exposure';
import type { RuleContext } from './rules';

/**
 * Familiarity depends on contacts, evidence, policy and the day, not on sharing settings: a what-if
 * preview of sharing settings reuses it instead of judging 30,000 people again. Two judgements are
 * kept per list of contacts, the latest used first: an audit of another day (the snapshot an import
 * owes, of the import's day) does not push out today's, which the next what-if needs.
 */
type Judged = ReturnType<typeof judgeFamiliarity>;
const KEPT = 2;
const familiarityCache = new WeakMap<readonly Contact[], Array<{ key: unknown[]; value: Judged }>>();

function judgedBefore(input: AuditFacts, key: unknown[]): Judged | undefined {
  const kept = familiarityCache.get(input.contacts);
  const i = kept?.findIndex((entry) => entry.key.every((k, j) => k === key[j])) ?? -1;
  if (i < 0) return undefined;
  const [entry] = kept!.splice(i, 1);
  kept!.unshift(entry!);
  return entry!.value;
}

function remember(input: AuditFacts, key: unknown[], value: Judged): void {
  const kept = familiarityCache.get(input.contacts) ?? [];
  kept.unshift({ key, value });
  kept.length = Math.min(kept.length, KEPT);
  familiarityCache.set(input.contacts, kept);
}

function familiarityKey(input: AuditFacts, policy: Policy, now: Date): unknown[] {
  return [
    input.interactions,
    input.addressBookLinks,
    input.tags,
    input.invitations,
    policy,
    now.toISOString().slice(0, 10),
  ];
}

/** The familiarity judgements of these facts, policy and day: judged once, then kept (see above). */
export function cachedFamiliarity(input: AuditFacts, policy: Policy, now: Date): Judged {
  const key = familiarityKey(input, policy, now);
  const hit = judgedBefore(input, key);
  if (hit) return hit;
  const value = judgeFamiliarity(input, policy, now);
  remember(input, key, value);
  return value;
}

/**
 * Judges familiarity ahead of the audit, pausing every few thousand contacts (main warms its audit in
 * steps at start); the audit reuses it.
 */
export function* warmFamiliarity(input: AuditFacts, policy: Policy, now: Date): Generator<void, void> {
  const key = familiarityKey(input, policy, now);
  if (judgedBefore(input, key)) return;
  const value = yield* judgeFamiliaritySteps(input, policy, now);
  remember(input, key, value);
}

/** Contacts by id, once per list of contacts (a what-if preview keeps the list). */
const contactsCache = new WeakMap<readonly Contact[], ReadonlyMap<number, Contact>>();

function contactsById(list: readonly Contact[]): ReadonlyMap<number, Contact> {
  let byId = contactsCache.get(list);
  if (byId === undefined) {
    byId = new Map(list.map((c) => [c.id, c]));
    contactsCache.set(list, byId);
  }
  return byId;
}

/**
 * What the rules are given (the same for the full audit and the what-if preview), made in parts with a pause between them (each ≈ 10–25 ms for a heavy
 * user): main's warm-up at start serves the page's files between them (audit-cache.ts).
 */
export function* ruleContextSteps(
  input: AuditFacts,
  policy: Policy,
  now: Date,
  mode: 'full' | 'preview',
): Generator<void, { ctx: RuleContext; exposures: Exposure[]; exposed: MyDetail[] }> {
  const exposures = computeExposures(input.contacts, input.myDetails, input.sharing);
  yield;
  const exposuresByContact = new Map<number, Exposure[]>();
  for (const e of exposures) {
    const list = exposuresByContact.get(e.contactId);
    if (list) list.push(e);
    else exposuresByContact.set(e.contactId, [e]);
  }
  const exposed = exposedDetails(input.myDetails);
  yield;
  const contacts = contactsById(input.contacts);
  yield;
  const ctx: RuleContext = {
    contacts,
    exposures,
    exposuresByContact,
    preview: mode === 'preview',
    familiarity: cachedFamiliarity(input, policy, now),
    policy,
    now,
    sharing: input.sharing,
    // Only what can be exposed: a secondary email (not shown to connections) is no finding's subject.
    myDetails: exposed,
    uploadedBooks: input.uploadedBooks,
  };
  return { ctx, exposures, exposed };
}
