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
 * preview of sharing settings reuses it instead of judging 30,000 people again.
 */
const familiarityCache = new WeakMap<
  readonly Contact[],
  { key: unknown[]; value: ReturnType<typeof judgeFamiliarity> }
>();

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

export function cachedFamiliarity(input: AuditFacts, policy: Policy, now: Date): ReturnType<typeof judgeFamiliarity> {
  const key = familiarityKey(input, policy, now);
  const hit = familiarityCache.get(input.contacts);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.value;
  const value = judgeFamiliarity(input, policy, now);
  familiarityCache.set(input.contacts, { key, value });
  return value;
}

/**
 * Judges familiarity ahead of the audit, pausing every few thousand contacts (main warms its audit in
 * steps at start); the audit reuses it.
 */
export function* warmFamiliarity(input: AuditFacts, policy: Policy, now: Date): Generator<void, void> {
  const key = familiarityKey(input, policy, now);
  const hit = familiarityCache.get(input.contacts);
  if (hit && hit.key.every((k, i) => k === key[i])) return;
  const value = yield* judgeFamiliaritySteps(input, policy, now);
  familiarityCache.set(input.contacts, { key, value });
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

/** What the rules are given: the same for the full audit and the what-if preview. */
export function ruleContext(
  input: AuditFacts,
  policy: Policy,
  now: Date,
  mode: 'full' | 'preview',
): { ctx: RuleContext; exposures: Exposure[]; exposed: MyDetail[] } {
  const exposures = computeExposures(input.contacts, input.myDetails, input.sharing);
  const exposuresByContact = new Map<number, Exposure[]>();
  for (const e of exposures) {
    const list = exposuresByContact.get(e.contactId);
    if (list) list.push(e);
    else exposuresByContact.set(e.contactId, [e]);
  }
  const exposed = exposedDetails(input.myDetails);
  const ctx: RuleContext = {
    contacts: contactsById(input.contacts),
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
