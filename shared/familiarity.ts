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

/** judgeFamiliarity pausing after every few thousand contacts (main judges them so at start). */
export function* judgeFamiliaritySteps(
  input: FamiliarityInput,
  policy: Policy,
  now: Date,
): Generator<void, Map<number, FamiliarityJudgement>> {
  const w = policy.familiarity.weights;
  const trusted = trustedTagMatcher(policy.trustedTags);
  const interactions = new Map(input.interactions.map((i) => [i.contactId, i]));
  const links = group(input.addressBookLinks);
  const tags = group(input.tags);
  const invitations = group(input.invitations);
  const result = new Map<number, FamiliarityJudgement>();

  // A heavy user's 30,000 people are judged at every start: no closure and no empty lists per person.
  for (const contact of input.contacts) {
    if (result.size % JUDGED_PER_STEP === JUDGED_PER_STEP - 1) yield;
    const evidence: Evidence[] = [];
    const collectorSignals: Evidence[] = [];
    let score = 0;

    const stats = interactions.get(contact.id);
    const sent = stats?.sent ?? 0;
    const received = stats?.received ?? 0;
    if (sent > 0 && received > 0) {
      evidence.push({
        kind: 'two-way-messages',
        // Stryker disable next-line OptionalChaining: equivalent, stats exists whenever a message was counted
        data: { sent, received, lastAt: stats?.lastAt ?? '?' },
        points: w.twoWayMessages,
      });
      score += w.twoWayMessages;
    } else if (sent > 0 || received > 0) {
      // Stryker disable next-line OptionalChaining: equivalent, stats exists whenever a message was counted
      evidence.push({ kind: 'one-way-messages', data: { sent, received, lastAt: stats?.lastAt ?? '?' }, points: 0 });
    } else {
      evidence.push({ kind: 'no-messages', data: {}, points: 0 });
    }

    const contactLinks = links.get(contact.id);
    if (contactLinks !== undefined) {
      const strong = contactLinks.find((l) => l.method !== 'name');
      const byName = contactLinks.find((l) => l.method === 'name');
      if (strong) {
        evidence.push({ kind: 'in-address-book', data: addressBookData(strong), points: w.addressBook });
        score += w.addressBook;
      } else if (byName) {
        evidence.push({ kind: 'in-address-book', data: addressBookData(byName), points: w.addressBookByName });
        score += w.addressBookByName;
      }
    }

    const trustedTag = tags.get(contact.id)?.find((t) => trusted(t.tag) !== null);
    if (trustedTag) {
      evidence.push({
        kind: 'trusted-tag',
        data: { tag: trustedTag.tag, trusted: trusted(trustedTag.tag)!, source: trustedTag.source },
        points: w.trustedTag,
      });
      score += w.trustedTag;
    }

    const contactInvitations = invitations.get(contact.id);
    // Stryker disable next-line ArrayDeclaration: equivalent, a stand-in element has no direction and is passed over
    for (const inv of contactInvitations ?? []) {
      if (inv.direction === 'outgoing' && isPersonal(inv.message, policy)) {
        evidence.push({
          kind: 'personal-invitation',
          data: { sentAt: inv.sentAt?.slice(0, 10) ?? '?' },
          points: w.personalInvitation,
        });
        score += w.personalInvitation;
        break;
      }
    }

    // Years of silence only count against someone nothing else vouches for.
    if (sent === 0 && received === 0 && score === 0 && contact.connectedOn) {
      const years = wholeYearsSince(contact.connectedOn, now) ?? 0;
      if (years >= 1) {
        evidence.push({ kind: 'silent-years', data: { years }, points: years * w.silentYear });
        score += years * w.silentYear;
      }
    }

    // Collector signals: what German networking advice names (FORMATS.md §1).
    // Stryker disable next-line ArrayDeclaration: equivalent, a stand-in element has no direction and is passed over
    for (const inv of contactInvitations ?? []) {
      if (inv.direction !== 'incoming') continue;
      const phrase = inv.message ? genericPhrase(inv.message, policy) : null;
      if (phrase)
        collectorSignals.push({ kind: 'generic-invitation', data: { text: inv.message!.slice(0, 160), phrase } });
    }
    const role = pitchingRole(contact.position, policy);
    if (role) collectorSignals.push({ kind: 'pitching-role', data: { position: contact.position!, role } });
    if (received > 0 && sent === 0) collectorSignals.push({ kind: 'unanswered-pitch', data: { received } });

    const level =
      score >= policy.familiarity.knownAt
        ? 'known'
        : score >= policy.familiarity.acquaintedAt
          ? 'acquainted'
          : 'unfamiliar';
    result.set(contact.id, { level, score, evidence, collectorSignals });
  }
  return result;
}

/** A likely collector: at least one collector signal that is not merely silence, and not known. */
export function isLikelyCollector(judgement: FamiliarityJudgement): boolean {
  return judgement.level !== 'known' && judgement.collectorSignals.some((s) => s.kind !== 'unanswered-pitch');
}
