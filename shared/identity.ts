/**
 * Which records are the same person across sources: a LinkedIn connection (usually without email),
 * a XING contact from a vCard, an address-book entry. Links point from a network contact to an
 * address-book entry or to a contact on the other network; originals are never merged.
 */
import { normaliseName } from './names';

export type LinkMethod = 'email' | 'phone' | 'profile-url' | 'name-company' | 'name';

export const LINK_CONFIDENCE: Record<LinkMethod, number> = {
  email: 0.99,
  'profile-url': 0.99,
  phone: 0.95,
  'name-company': 0.85,
  name: 0.5,
};

export interface IdentityRecord {
  id: number;
  name: string;
  company: string | null;
  /** Lower-cased. */
  emails: readonly string[];
  /** E.164. */
  phones: readonly string[];
  profileUrl: string | null;
  network?: 'linkedin' | 'xing';
}

/**
 * Why two records are the same person, as data: words are chosen at display time in the reader's
 * language (never an English sentence stored in the database). `value` is the shared email or phone;
 * `name`/`company` the shared name (and company) for the name methods.
 */
export interface LinkEvidence {
  method: LinkMethod;
  value?: string;
  name?: string;
  company?: string;
}

export interface IdentityLink {
  contactId: number;
  entryId: number | null;
  otherContactId: number | null;
  method: LinkMethod;
  confidence: number;
  evidence: LinkEvidence;
}

/** Normalised names are needed several times per record: each is computed once per linkIdentities call. */
const normalised = new Map<string, string>();
function norm(value: string): string {
  let n = normalised.get(value);
  if (n === undefined) {
    n = normaliseName(value);
    normalised.set(value, n);
  }
  return n;
}

function nameCompanyKey(r: IdentityRecord): string | null {
  const name = norm(r.name);
  const company = norm(r.company ?? '');
  return name && company ? `${name}|${company}` : null;
}

function urlKey(url: string | null): string | null {
  if (!url) return null;
  const key = url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  return key || null;
}

class Index {
  private readonly map = new Map<string, IdentityRecord[]>();
  add(key: string | null, record: IdentityRecord): void {
    if (!key) return;
    const list = this.map.get(key);
    if (list) {
      if (!list.includes(record)) list.push(record);
    } else this.map.set(key, [record]);
  }
  get(key: string | null): readonly IdentityRecord[] {
    return key ? (this.map.get(key) ?? []) : [];
  }
}

function buildIndexes(records: readonly IdentityRecord[]) {
  const email = new Index();
  const phone = new Index();
  const url = new Index();
  const nameCompany = new Index();
  const name = new Index();
  for (const r of records) {
    r.emails.forEach((e) => email.add(e, r));
    r.phones.forEach((p) => phone.add(p, r));
    url.add(urlKey(r.profileUrl), r);
    nameCompany.add(nameCompanyKey(r), r);
    name.add(norm(r.name) || null, r);
  }
  return { email, phone, url, nameCompany, name };
}

/** For one contact, the strongest way each candidate matches, and why (as data). */
function candidates(
  contact: IdentityRecord,
  idx: ReturnType<typeof buildIndexes>,
  contactNames: Index,
): Map<IdentityRecord, LinkEvidence> {
  const found = new Map<IdentityRecord, LinkEvidence>();
  const offer = (list: readonly IdentityRecord[], evidence: LinkEvidence): void => {
    for (const r of list) if (r !== contact && !found.has(r)) found.set(r, evidence);
  };
  for (const e of contact.emails) offer(idx.email.get(e), { method: 'email', value: e });
  offer(idx.url.get(urlKey(contact.profileUrl)), { method: 'profile-url' });
  for (const p of contact.phones) offer(idx.phone.get(p), { method: 'phone', value: p });
  const nc = nameCompanyKey(contact);
  // A name-company key exists only when both are there: the company is never empty here.
  if (nc) offer(idx.nameCompany.get(nc), { method: 'name-company', name: contact.name, company: contact.company! });
  // A bare name only counts when it is unique on both sides.
  const key = norm(contact.name) || null;
  const byName = idx.name.get(key);
  if (byName.length === 1 && contactNames.get(key).length === 1) offer(byName, { method: 'name', name: contact.name });
  return found;
}

export function linkIdentities(
  contacts: readonly IdentityRecord[],
  entries: readonly IdentityRecord[],
): IdentityLink[] {
  const links: IdentityLink[] = [];
  const entryIdx = buildIndexes(entries);
  // Name uniqueness is judged within each network: the same person may well be on both.
  const namesByNetwork = new Map<string, Index>();
  for (const c of contacts) {
    const network = c.network ?? 'linkedin';
    const index = namesByNetwork.get(network) ?? new Index();
    index.add(norm(c.name) || null, c);
    namesByNetwork.set(network, index);
  }
  const sideNames = (c: IdentityRecord): Index => namesByNetwork.get(c.network ?? 'linkedin')!;
  for (const contact of contacts) {
    for (const [entry, evidence] of candidates(contact, entryIdx, sideNames(contact))) {
      links.push({
        contactId: contact.id,
        entryId: entry.id,
        otherContactId: null,
        method: evidence.method,
        confidence: LINK_CONFIDENCE[evidence.method],
        evidence,
      });
    }
  }
  // Across networks: a LinkedIn connection and a XING contact that are the same person.
  const xing = contacts.filter((c) => c.network === 'xing');
  if (xing.length > 0) {
    const xingIdx = buildIndexes(xing);
    for (const contact of contacts) {
      if (contact.network !== 'linkedin') continue;
      for (const [other, evidence] of candidates(contact, xingIdx, sideNames(contact))) {
        links.push({
          contactId: contact.id,
          entryId: null,
          otherContactId: other.id,
          method: evidence.method,
          confidence: LINK_CONFIDENCE[evidence.method],
          evidence,
        });
      }
    }
  }
  return links;
}
