/**
 * How well the user really knows each contact, from evidence — each piece with its source and the
 * points it adds — and the signals that a contact collects contacts. Weights, thresholds, trusted
 * tags, phrases and roles all come from the user's policy.
 */
import type { Contact, Evidence, FamiliarityJudgement, Interaction } from './domain';
import type { LinkEvidence, LinkMethod } from './identity';
import type { Policy } from './policy';
import { wholeYearsSince } from './dates';
import { trustedTagMatcher } from './tags';
import { runAtOnce } from './slices';

export interface AddressBookLink {
  contactId: number;
  source: string;
  method: LinkMethod;
  confidence: number;
  evidence: LinkEvidence;
}

export interface ContactTag {
  contactId: number;
  tag: string;
  /** Where the tag comes from: "XING" or an address book. */
  source: string;
}

export interface InvitationFact {
  contactId: number;
  direction: 'incoming' | 'outgoing';
  sentAt: string | null;
  message: string | null;
}

export interface FamiliarityInput {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  addressBookLinks: readonly AddressBookLink[];
  tags: readonly ContactTag[];
  invitations: readonly InvitationFact[];
}

function group<T extends { contactId: number }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.contactId);
    if (list) list.push(item);
    else map.set(item.contactId, [item]);
  }
  return map;
}

/** The phrase of the policy an invitation text uses, if any. */
export function genericPhrase(message: string, policy: Policy): string | null {
  const text = message.toLowerCase().replace(/\s+/g, ' ');
  return policy.collector.phrases.find((p) => text.includes(p)) ?? null;
}

export function pitchingRole(position: string | null, policy: Policy): string | null {
  if (!position) return null;
  const text = position.toLowerCase();
  return policy.collector.roles.find((r) => text.includes(r)) ?? null;
}

/** A message that says something concrete: long enough and not one of the generic phrases. */
function isPersonal(message: string | null, policy: Policy): boolean {
  return message !== null && message.trim().length >= 25 && genericPhrase(message, policy) === null;
}

/** An address-book link as evidence data: flat strings, absent values left out (words come at display time). */
function addressBookData(link: AddressBookLink): Record<string, string> {
  const { method, value, name, company } = link.evidence;
  const data: Record<string, string> = { source: link.source, method };
  if (value !== undefined) data.value = value;
  if (name !== undefined) data.name = name;
  if (company !== undefined) data.company = company;
  return data;
}

export function judgeFamiliarity(
  input: FamiliarityInput,
  policy: Policy,
  now: Date,
): Map<number, FamiliarityJudgement> {
  return runAtOnce(judgeFamiliaritySteps(input, policy, now));
}

/** Contacts judged between two pauses of judgeFamiliaritySteps (≈ 20 ms at start for a heavy user). */
const JUDGED_PER_STEP = 5000;

/** What judging every contact needs, prepared once. */
interface Judging {
  policy: Policy;
  now: Date;
  trusted: ReturnType<typeof trustedTagMatcher>;
  interactions: ReadonlyMap<number, FamiliarityInput['interactions'][number]>;
  links: ReadonlyMap<number, Array<FamiliarityInput['addressBookLinks'][number]>>;
  tags: ReadonlyMap<number, Array<FamiliarityInput['tags'][number]>>;
  invitations: ReadonlyMap<number, Array<FamiliarityInput['invitations'][number]>>;
}

/** judgeFamiliarity pausing after every few thousand contacts (main judges them so at start). */
export function* judgeFamiliaritySteps(
  input: FamiliarityInput,
  policy: Policy,
  now: Date,
): Generator<void, Map<number, FamiliarityJudgement>> {
  const judging: Judging = {
    policy,
    now,
    trusted: trustedTagMatcher(policy.trustedTags),
    interactions: new Map(input.interactions.map((i) => [i.contactId, i])),
    links: group(input.addressBookLinks),
    tags: group(input.tags),
    invitations: group(input.invitations),
  };
  const result = new Map<number, FamiliarityJudgement>();
  // A heavy user's 30,000 people are judged at every start: no closure and no empty lists per person.
  for (const contact of input.contacts) {
    if (result.size % JUDGED_PER_STEP === JUDGED_PER_STEP - 1) yield;
    result.set(contact.id, judgeContact(contact, judging));
  }
  return result;
}

/** One contact: the evidence that the user knows them (with its points), and the signs of a collector. */
function judgeContact(contact: Contact, judging: Judging): FamiliarityJudgement {
  const { policy } = judging;
  const w = policy.familiarity.weights;
  const evidence: Evidence[] = [];
  const stats = judging.interactions.get(contact.id);
  const sent = stats?.sent ?? 0;
  const received = stats?.received ?? 0;
  const contactInvitations = judging.invitations.get(contact.id);
  let score = messageEvidence(evidence, sent, received, stats?.lastAt, w);
  score += addressBookEvidence(evidence, judging.links.get(contact.id), w);
  const trustedTag = judging.tags.get(contact.id)?.find((t) => judging.trusted(t.tag) !== null);
  if (trustedTag) {
    evidence.push({
      kind: 'trusted-tag',
      data: { tag: trustedTag.tag, trusted: judging.trusted(trustedTag.tag)!, source: trustedTag.source },
      points: w.trustedTag,
    });
    score += w.trustedTag;
  }
  score += invitationEvidence(evidence, contactInvitations, policy);
  // Years of silence only count against someone nothing else vouches for.
  if (sent === 0 && received === 0 && score === 0 && contact.connectedOn) {
    const years = wholeYearsSince(contact.connectedOn, judging.now) ?? 0;
    if (years >= 1) {
      evidence.push({ kind: 'silent-years', data: { years }, points: years * w.silentYear });
      score += years * w.silentYear;
    }
  }
  const level =
    score >= policy.familiarity.knownAt
      ? 'known'
      : score >= policy.familiarity.acquaintedAt
        ? 'acquainted'
        : 'unfamiliar';
  const collectorSignals = collectorSignalsOf(contact, contactInvitations, sent, received, policy);
  return { level, score, evidence, collectorSignals };
}

type Weights = Policy['familiarity']['weights'];

/** Messages both ways (points), one way or none (no points, but said); the points it adds. */
function messageEvidence(
  evidence: Evidence[],
  sent: number,
  received: number,
  lastAt: string | null | undefined,
  w: Weights,
): number {
  if (sent > 0 && received > 0) {
    evidence.push({
      kind: 'two-way-messages',
      data: { sent, received, lastAt: lastAt ?? '?' },
      points: w.twoWayMessages,
    });
    return w.twoWayMessages;
  }
  if (sent > 0 || received > 0)
    evidence.push({ kind: 'one-way-messages', data: { sent, received, lastAt: lastAt ?? '?' }, points: 0 });
  else evidence.push({ kind: 'no-messages', data: {}, points: 0 });
  return 0;
}

/** In one of the user's address books: linked by something strong (email, phone, URL) or only by name. */
function addressBookEvidence(
  evidence: Evidence[],
  contactLinks: FamiliarityInput['addressBookLinks'] | undefined,
  w: Weights,
): number {
  if (contactLinks === undefined) return 0;
  const strong = contactLinks.find((l) => l.method !== 'name');
  if (strong) {
    evidence.push({ kind: 'in-address-book', data: addressBookData(strong), points: w.addressBook });
    return w.addressBook;
  }
  const byName = contactLinks.find((l) => l.method === 'name');
  if (!byName) return 0;
  evidence.push({ kind: 'in-address-book', data: addressBookData(byName), points: w.addressBookByName });
  return w.addressBookByName;
}

/** A personal invitation the user sent them (not a bare click): the points it adds. */
function invitationEvidence(
  evidence: Evidence[],
  contactInvitations: FamiliarityInput['invitations'] | undefined,
  policy: Policy,
): number {
  // Stryker disable next-line ArrayDeclaration: equivalent, a stand-in element has no direction and is passed over
  for (const inv of contactInvitations ?? []) {
    if (inv.direction === 'outgoing' && isPersonal(inv.message, policy)) {
      const points = policy.familiarity.weights.personalInvitation;
      evidence.push({ kind: 'personal-invitation', data: { sentAt: inv.sentAt?.slice(0, 10) ?? '?' }, points });
      return points;
    }
  }
  return 0;
}

/** Collector signals: what German networking advice names (FORMATS.md §1). */
function collectorSignalsOf(
  contact: Contact,
  contactInvitations: FamiliarityInput['invitations'] | undefined,
  sent: number,
  received: number,
  policy: Policy,
): Evidence[] {
  const signals: Evidence[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a stand-in element has no direction and is passed over
  for (const inv of contactInvitations ?? []) {
    if (inv.direction !== 'incoming') continue;
    const phrase = inv.message ? genericPhrase(inv.message, policy) : null;
    if (phrase) signals.push({ kind: 'generic-invitation', data: { text: inv.message!.slice(0, 160), phrase } });
  }
  const role = pitchingRole(contact.position, policy);
  if (role) signals.push({ kind: 'pitching-role', data: { position: contact.position!, role } });
  if (received > 0 && sent === 0) signals.push({ kind: 'unanswered-pitch', data: { received } });
  return signals;
}

/** A likely collector: at least one collector signal that is not merely silence, and not known. */
export function isLikelyCollector(judgement: FamiliarityJudgement): boolean {
  return judgement.level !== 'known' && judgement.collectorSignals.some((s) => s.kind !== 'unanswered-pitch');
}
