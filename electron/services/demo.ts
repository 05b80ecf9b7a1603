import { COLLECTOR_INVITES, COLLECTOR_POSITIONS, COMPANIES, FIRST, LAST, POSITIONS, REAL_INVITES } from './demo-words';
import { xingCards } from './demo-xing';
import { memoryFile, type SourceFile } from './importers/source';

/**
 * A generated, realistic LinkedIn export of a German user: every name, URL and number is made up
 * from lists and a seeded generator, so the demo is the same on every machine and holds no real person.
 */

export const DEMO_USER = {
  name: 'Katrin Vogel',
  profileUrl: 'https://www.linkedin.com/in/katrin-vogel-demo',
  privateEmail: 'katrin.vogel.demo@gmx.de',
  businessEmail: 'k.vogel@vogel-consulting.example',
  mobile: '+49 171 5550123',
};

/** The export date the demo pretends to be: fixed, so the demo and its screenshots never drift. */
export const DEMO_EXPORT_DATE = new Date('2026-11-01T09:00:00Z');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-');
}

export interface DemoOptions {
  connections?: number;
  seed?: number;
}

const DAY = 86_400_000;

const CONTACT_COLUMNS = [
  'Source',
  'FirstName',
  'LastName',
  'Companies',
  'Title',
  'Emails',
  'PhoneNumbers',
  'CreatedAt',
  'Addresses',
  'Sites',
  'InstantMessageHandles',
  'FullName',
  'Birthday',
  'Location',
  'BookmarkedAt',
  'Profiles',
] as const;

/** A Contacts.csv row from the columns it fills; the rest stay empty. */
const contactRow = (values: Partial<Record<(typeof CONTACT_COLUMNS)[number], string>>): string =>
  csvLine(CONTACT_COLUMNS.map((c) => values[c] ?? ''));

/** The export as it is being written: its random numbers (in one order: the demo is the same everywhere) and its files' lines. */
interface Draft {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
  /** The export's date (ms). */
  end: number;
  connections: string[];
  messages: string[];
  invitations: string[];
  contacts: string[];
  /** Names given so far: each connection gets its own. */
  used: Set<string>;
  conversation: number;
}

function message(
  draft: Draft,
  id: string,
  [fromName, fromUrl]: readonly [string, string],
  [toName, toUrl]: readonly [string, string],
  at: number,
  text: string,
): void {
  const d = new Date(at);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  draft.messages.push(csvLine([id, '', fromName, fromUrl, toName, toUrl, date, '', text, 'INBOX']));
}

/** A name not given yet (while any is left). */
function freshName(draft: Draft): { first: string; last: string } {
  let first: string;
  let last: string;
  do {
    first = draft.pick(FIRST);
    last = draft.pick(LAST);
  } while (draft.used.has(`${first} ${last}`) && draft.used.size < FIRST.length * LAST.length);
  draft.used.add(`${first} ${last}`);
  return { first, last };
}

/**
 * One connection: ~30% people she knows (messages both ways, often in her address book), ~20%
 * collectors (recruiters, coaches, brokers: a pitch, often unanswered), the rest loose contacts.
 */
function addConnection(draft: Draft): void {
  const { rand, pick, end } = draft;
  const { first, last } = freshName(draft);
  const name = `${first} ${last}`;
  const url = `https://www.linkedin.com/in/${slug(name)}-${Math.floor(rand() * 9000 + 1000).toString(16)}`;
  const roll = rand();
  const kind = roll < 0.3 ? 'known' : roll < 0.5 ? 'collector' : 'loose';
  const company = pick(COMPANIES);
  const position = kind === 'collector' ? pick(COLLECTOR_POSITIONS) : pick(POSITIONS);
  const connectedAt = end - Math.floor(rand() * 12 * 365) * DAY;
  const c = new Date(connectedAt);
  const connectedOn = `${pad(c.getUTCDate())} ${MONTHS[c.getUTCMonth()]} ${c.getUTCFullYear()}`;
  draft.connections.push(csvLine([first, last, url, '', company, position, connectedOn]));
  addInvitation(draft, kind, name, url, connectedAt);
  const them = [name, url] as const;
  const conv = `2-${(++draft.conversation).toString(36).padStart(8, '0')}`;
  if (kind === 'known') {
    addExchange(draft, conv, them, connectedAt);
    if (rand() < 0.5) {
      draft.contacts.push(
        contactRow({
          Source: 'Google',
          FirstName: first,
          LastName: last,
          Companies: company,
          Title: position,
          Emails: `${slug(first)}.${slug(last)}@example.com`,
          FullName: name,
        }),
      );
    }
  } else if (kind === 'collector' && rand() < 0.6) {
    // An unanswered pitch.
    const pitch = '<p>Ich habe da eine spannende Position / ein exklusives Angebot für Sie …</p>';
    message(draft, conv, them, [DEMO_USER.name, DEMO_USER.profileUrl], connectedAt + 2 * DAY, pitch);
  }
}

/** Who invited whom: collectors (and half the loose contacts) invited her; she invited most people she knows. */
function addInvitation(draft: Draft, kind: string, name: string, url: string, connectedAt: number): void {
  const { rand, pick } = draft;
  const invitedAt = new Date(connectedAt - Math.floor(rand() * 5) * DAY);
  const sentAt = `${invitedAt.getUTCMonth() + 1}/${invitedAt.getUTCDate()}/${String(invitedAt.getUTCFullYear()).slice(2)}, ${(invitedAt.getUTCHours() % 12) + 1}:${pad(invitedAt.getUTCMinutes())} ${invitedAt.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  if (kind === 'collector' || (kind === 'loose' && rand() < 0.5)) {
    draft.invitations.push(
      csvLine([
        name,
        DEMO_USER.name,
        sentAt,
        kind === 'collector' ? pick(COLLECTOR_INVITES) : '',
        'INCOMING',
        url,
        DEMO_USER.profileUrl,
      ]),
    );
  } else if (kind === 'known' && rand() < 0.6) {
    draft.invitations.push(
      csvLine([DEMO_USER.name, name, sentAt, pick(REAL_INVITES), 'OUTGOING', DEMO_USER.profileUrl, url]),
    );
  }
}

/** Messages both ways with someone she knows, from the day after connecting until the export. */
function addExchange(draft: Draft, conv: string, them: readonly [string, string], connectedAt: number): void {
  const me = [DEMO_USER.name, DEMO_USER.profileUrl] as const;
  const n = 2 + Math.floor(draft.rand() * 14);
  let at = connectedAt + DAY;
  for (let k = 0; k < n && at < draft.end; k++) {
    const mine = k % 2 === 0;
    const text = mine ? 'Hallo, kurze Frage zum Termin.' : 'Gern, passt mir gut.';
    message(draft, conv, mine ? me : them, mine ? them : me, at, text);
    at += Math.floor(draft.rand() * 40 + 1) * DAY;
  }
}

/** A few address-book entries that are not LinkedIn connections at all. */
function addOutsideContacts(draft: Draft): void {
  for (let i = 0; i < 25; i++) {
    const name = `${draft.pick(FIRST)} ${draft.pick(LAST)}`;
    const [first, last] = name.split(' ');
    draft.contacts.push(
      contactRow({
        Source: 'Outlook',
        FirstName: first,
        LastName: last,
        PhoneNumbers: `+49 30 555${pad(i)}${pad(i + 7)}`,
        FullName: name,
      }),
    );
  }
}

/** The user's own files: her email addresses, phone numbers and profile. */
function userFiles(): Array<[name: string, lines: string[]]> {
  const emails = [
    'Email Address,Confirmed,Primary,Updated On',
    csvLine([DEMO_USER.privateEmail, 'Yes', 'Yes', '3/12/15, 11:20 AM']),
    csvLine([DEMO_USER.businessEmail, 'Yes', 'No', '1/8/21, 6:14 PM']),
  ];
  const phones = ['Extension,Number,Type', csvLine(['', ` ${DEMO_USER.mobile}`, 'Mobile']), ',,'];
  const profile = [
    'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers',
    csvLine([
      'Katrin',
      'Vogel',
      '',
      '',
      'Mar 7',
      'Beraterin für digitale Prozesse',
      '',
      'IT Services',
      '',
      'Hamburg, Deutschland',
      '',
      '',
      '',
    ]),
  ];
  return [
    ['Email Addresses.csv', emails],
    ['PhoneNumbers.csv', phones],
    ['Profile.csv', profile],
  ];
}

/** The files of a generated LinkedIn data export, ready for the normal import path. */
export function demoExport(options: DemoOptions = {}): SourceFile[] {
  const rand = mulberry32(options.seed ?? 20261101);
  const draft: Draft = {
    rand,
    pick: (list) => list[Math.floor(rand() * list.length)]!,
    end: DEMO_EXPORT_DATE.getTime(),
    connections: [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ],
    messages: [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
    ],
    invitations: ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'],
    contacts: [CONTACT_COLUMNS.join(',')],
    used: new Set(),
    conversation: 0,
  };
  for (let i = 0; i < (options.connections ?? 320); i++) addConnection(draft);
  addOutsideContacts(draft);
  const xing = xingCards(draft.pick);
  const lines = (list: string[]): string => `${list.join('\n')}\n`;
  const withBom = (list: string[]): string => `\uFEFF${list.join('\r\n')}\r\n`;
  return [
    memoryFile('Connections.csv', withBom(draft.connections)),
    memoryFile('messages.csv', lines(draft.messages)),
    memoryFile('Invitations.csv', lines(draft.invitations)),
    ...userFiles().map(([name, list]) => memoryFile(name, lines(list))),
    memoryFile('Contacts.csv', lines(draft.contacts)),
  ]
    .map((f) => ({ ...f, display: `Demo › ${f.name}`, container: 'Demo' }))
    .concat(xing);
}
