import { memoryFile, type SourceFile } from './importers/source';

/**
 * A generated, realistic LinkedIn export of a German user: every name, URL and number is made up
 * from lists and a seeded generator, so the demo is the same on every machine and holds no real person.
 */

const FIRST = [
  'Anna',
  'Jonas',
  'Laura',
  'Lukas',
  'Lea',
  'Felix',
  'Julia',
  'Maximilian',
  'Sarah',
  'Paul',
  'Lisa',
  'Leon',
  'Katharina',
  'Tobias',
  'Johanna',
  'Florian',
  'Sophie',
  'Sebastian',
  'Marie',
  'Jan',
  'Hannah',
  'Moritz',
  'Franziska',
  'Niklas',
  'Clara',
  'Philipp',
  'Theresa',
  'David',
  'Miriam',
  'Stefan',
  'Sabine',
  'Thomas',
  'Andrea',
  'Michael',
  'Birgit',
  'Jürgen',
  'Ute',
  'Klaus',
  'Petra',
  'Matthias',
  'Özlem',
  'Mehmet',
  'Jörg',
  'Günter',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Yılmaz',
  'Kowalski',
];
const COMPANIES = [
  'Nordlicht Software GmbH',
  'Rheinwerk Logistik AG',
  'Hanse Consulting GmbH & Co. KG',
  'Alpenblick Medien GmbH',
  'Spreequell Analytics GmbH',
  'Elbtal Maschinenbau AG',
  'Isar Digital GmbH',
  'Mainufer Finanzpartner GmbH',
  'Bodensee Engineering GmbH',
  'Weserbergland Energie AG',
  'Kieler Förde IT-Service GmbH',
  'Stadtwerke Neustadt',
  'Vogel Consulting',
  'Schwarzwald Health Tech GmbH',
  'Ruhrgebiet Personal GmbH',
  'Freiberuflich',
];
const POSITIONS = [
  'Softwareentwicklerin',
  'Senior Software Engineer',
  'Projektleiter',
  'Head of Marketing',
  'Produktmanagerin',
  'Geschäftsführer',
  'Data Scientist',
  'Vertriebsleiter DACH',
  'Teamleiterin Controlling',
  'UX Designer',
  'Einkäufer',
  'Leiterin Personalentwicklung',
  'IT-Architekt',
  'Key Account Manager',
  'Werkstudentin',
];
const COLLECTOR_POSITIONS = [
  'Recruiter IT',
  'Senior Headhunter',
  'Personalberater',
  'Business Coach',
  'Finanzberater',
  'Unabhängiger Vermögensberater',
  'Talent Acquisition Partner',
  'Karriere-Coach',
  'Executive Search Consultant',
];
const COLLECTOR_INVITES = [
  'Kontakte schaden nur dem, der keine hat. Ich freue mich auf die Vernetzung!',
  'Hallo, ich sehe viele Vorteile für beide Seiten – eine echte Win-win-Situation. Lassen Sie uns vernetzen!',
  "I'd like to add you to my professional network on LinkedIn.",
  'Ich möchte Sie gern zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.',
  'Wir sind beide Mitglied in der Gruppe „Digitalisierung im Mittelstand“ – lassen Sie uns vernetzen.',
];
const REAL_INVITES = [
  'Schön, Sie gestern auf dem Barcamp in Hamburg getroffen zu haben – wie besprochen hier meine Anfrage.',
  'Danke für das gute Gespräch zum Projekt Nordstern, ich melde mich nächste Woche wegen des Angebots.',
  'Wir haben 2019 zusammen bei Isar Digital gearbeitet – schön, dich hier wiederzufinden!',
];

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

/** The files of a generated LinkedIn data export, ready for the normal import path. */
export function demoExport(options: DemoOptions = {}): SourceFile[] {
  const rand = mulberry32(options.seed ?? 20261101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const count = options.connections ?? 320;
  const end = DEMO_EXPORT_DATE.getTime();
  const day = 86_400_000;

  const connections: string[] = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const messages: string[] = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  ];
  const invitations: string[] = ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'];
  const contactColumns = [
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
  const contacts: string[] = [contactColumns.join(',')];
  /** A Contacts.csv row from the columns it fills; the rest stay empty. */
  const contactRow = (values: Partial<Record<(typeof contactColumns)[number], string>>): string =>
    csvLine(contactColumns.map((c) => values[c] ?? ''));
  const used = new Set<string>();
  let conversation = 0;

  const message = (
    id: string,
    fromName: string,
    fromUrl: string,
    toName: string,
    toUrl: string,
    at: number,
    text: string,
  ): void => {
    const d = new Date(at);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
    messages.push(csvLine([id, '', fromName, fromUrl, toName, toUrl, date, '', text, 'INBOX']));
  };

  for (let i = 0; i < count; i++) {
    let first: string;
    let last: string;
    do {
      first = pick(FIRST);
      last = pick(LAST);
    } while (used.has(`${first} ${last}`) && used.size < FIRST.length * LAST.length);
    used.add(`${first} ${last}`);
    const name = `${first} ${last}`;
    const url = `https://www.linkedin.com/in/${slug(name)}-${Math.floor(rand() * 9000 + 1000).toString(16)}`;
    const roll = rand();
    // ~30% people she knows, ~20% collectors (recruiters, coaches, brokers), the rest loose contacts.
    const kind = roll < 0.3 ? 'known' : roll < 0.5 ? 'collector' : 'loose';
    const company = pick(COMPANIES);
    const position = kind === 'collector' ? pick(COLLECTOR_POSITIONS) : pick(POSITIONS);
    const connectedAt = end - Math.floor(rand() * 12 * 365) * day;
    const c = new Date(connectedAt);
    const connectedOn = `${pad(c.getUTCDate())} ${MONTHS[c.getUTCMonth()]} ${c.getUTCFullYear()}`;
    connections.push(csvLine([first, last, url, '', company, position, connectedOn]));

    const invitedAt = new Date(connectedAt - Math.floor(rand() * 5) * day);
    const sentAt = `${invitedAt.getUTCMonth() + 1}/${invitedAt.getUTCDate()}/${String(invitedAt.getUTCFullYear()).slice(2)}, ${(invitedAt.getUTCHours() % 12) + 1}:${pad(invitedAt.getUTCMinutes())} ${invitedAt.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    if (kind === 'collector' || (kind === 'loose' && rand() < 0.5)) {
      invitations.push(
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
      invitations.push(
        csvLine([DEMO_USER.name, name, sentAt, pick(REAL_INVITES), 'OUTGOING', DEMO_USER.profileUrl, url]),
      );
    }

    const conv = `2-${(++conversation).toString(36).padStart(8, '0')}`;
    if (kind === 'known') {
      const n = 2 + Math.floor(rand() * 14);
      let at = connectedAt + day;
      for (let k = 0; k < n && at < end; k++) {
        const mine = k % 2 === 0;
        message(
          conv,
          mine ? DEMO_USER.name : name,
          mine ? DEMO_USER.profileUrl : url,
          mine ? name : DEMO_USER.name,
          mine ? url : DEMO_USER.profileUrl,
          at,
          mine ? 'Hallo, kurze Frage zum Termin.' : 'Gern, passt mir gut.',
        );
        at += Math.floor(rand() * 40 + 1) * day;
      }
      if (rand() < 0.5) {
        contacts.push(
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
      message(
        conv,
        name,
        url,
        DEMO_USER.name,
        DEMO_USER.profileUrl,
        connectedAt + 2 * day,
        '<p>Ich habe da eine spannende Position / ein exklusives Angebot für Sie …</p>',
      );
    }
  }
  // A few address-book entries that are not LinkedIn connections at all.
  for (let i = 0; i < 25; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const [first, last] = name.split(' ');
    contacts.push(
      contactRow({
        Source: 'Outlook',
        FirstName: first,
        LastName: last,
        PhoneNumbers: `+49 30 555${pad(i)}${pad(i + 7)}`,
        FullName: name,
      }),
    );
  }

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
  // A few XING contacts, as single vCards the way XING writes them (2.1, ISO-8859-1 names).
  const xingCards: SourceFile[] = [];
  const categories = ['Kunde', 'persönlich getroffen', 'Partner', 'Win-win', 'Recruiting', ''];
  for (let i = 0; i < 24; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const slug = `${first}_${last}`
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/ı/g, 'i')
      .replace(/[^A-Za-z_]/g, '');
    const card = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nPRODID:-//XING//www.xing.com//DE\r\n', 'utf8'),
      Buffer.from(
        `N;CHARSET=ISO-8859-1:${last};${first}\r\nFN;CHARSET=ISO-8859-1:${first} ${last}\r\nORG;CHARSET=ISO-8859-1:${pick(COMPANIES)}\r\n`,
        'latin1',
      ),
      Buffer.from(
        `URL;TYPE=WORK:https://www.xing.com/profile/${slug}${i}\r\nCATEGORIES;CHARSET=UTF-8:${categories[i % categories.length]}\r\nEND:VCARD\r\n`,
        'utf8',
      ),
    ]);
    xingCards.push({
      ...memoryFile(`${slug}.vcf`, card),
      display: `Demo › XING › ${slug}.vcf`,
      container: 'Demo XING',
    });
  }

  const withBom = (lines: string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;
  return [
    memoryFile('Connections.csv', withBom(connections)),
    memoryFile('messages.csv', `${messages.join('\n')}\n`),
    memoryFile('Invitations.csv', `${invitations.join('\n')}\n`),
    memoryFile('Email Addresses.csv', `${emails.join('\n')}\n`),
    memoryFile('PhoneNumbers.csv', `${phones.join('\n')}\n`),
    memoryFile('Profile.csv', `${profile.join('\n')}\n`),
    memoryFile('Contacts.csv', `${contacts.join('\n')}\n`),
  ]
    .map((f) => ({ ...f, display: `Demo › ${f.name}`, container: 'Demo' }))
    .concat(xingCards);
}
