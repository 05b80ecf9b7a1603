/** vCard properties → cards: what a card is read for, and a card handed on as soon as it ends. */
import { ImportError } from '../errors';
import { because, type Reason } from './reason';
import { categoriesOf, decodeText, prefRank, splitEscaped, unescapeText } from './vcard-text';

/** What one card may hold; beyond that a file is not an address book (see docs/security.md). */
export const VCARD_LIMITS = {
  /** One card, BEGIN:VCARD to END:VCARD, photos included: larger fails the import. */
  maxCardBytes: 32 * 1024 * 1024,
  /** Properties (lines after unfolding) in one card: more fails the import. */
  maxCardProperties: 10_000,
  /** One property that is kept (name, email, number, URL …), unfolded: longer is skipped with a warning. */
  maxValueBytes: 64 * 1024,
};

export interface ParsedCard {
  /** 1-based line where BEGIN:VCARD stands. */
  line: number;
  version: string;
  prodid: string;
  uid: string;
  name: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  emails: string[];
  phones: Array<{ raw: string; types: string[] }>;
  urls: string[];
  categories: string[];
  birthday: string;
}

export interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare 2.1 parameters (TEL;CELL;PREF) are collected as TYPE values. Null: not a property read here. */
  value: Buffer | null;
  line: number;
}

/** A card with nothing read yet, its BEGIN:VCARD at `line`. */
function emptyCard(line: number): ParsedCard {
  return {
    line,
    version: '',
    prodid: '',
    uid: '',
    name: '',
    firstName: '',
    lastName: '',
    company: '',
    title: '',
    emails: [],
    phones: [],
    urls: [],
    categories: [],
    birthday: '',
  };
}

/** A property's text as a single value: unescaped (vCard 3.0/4.0) and trimmed. */
function plainOf(value: string, v3: boolean): string {
  return (v3 ? unescapeText(value) : value).trim();
}

/** Properties → cards; a card is handed on as soon as it ends. */
export class Cards {
  private depth = 0;
  private card: ParsedCard | null = null;
  private properties = 0;
  /** How preferred the value held for each single-valued property of the card being read is (prefRank). */
  private readonly ranks = new Map<string, number>();
  /** Whether any property was seen at all. */
  any = false;

  constructor(
    private readonly file: string,
    private readonly onCard: (card: ParsedCard) => void,
    private readonly warn: (line: number, reason: Reason) => void,
  ) {}

  /** Line of the BEGIN:VCARD of the card being read, or null outside a card. */
  get cardLine(): number | null {
    return this.depth > 0 && this.card ? this.card.line : null;
  }

  property(p: Property): void {
    this.any = true;
    if (this.card && ++this.properties > VCARD_LIMITS.maxCardProperties) {
      throw new ImportError(
        this.file,
        because('vcardTooManyProperties', { max: VCARD_LIMITS.maxCardProperties }),
        this.card.line,
      );
    }
    if (p.value === null) return;
    if ((p.name === 'BEGIN' || p.name === 'END') && this.boundary(p, p.value)) return;
    const card = this.card;
    if (!card || this.depth !== 1) return; // nested AGENT cards are not the person
    this.field(card, p, decodeText(p.value, p.params.get('CHARSET')?.[0]));
  }

  /** BEGIN:VCARD starts a card, END:VCARD ends one (and hands it on). Whether `p` was either. */
  private boundary(p: Property, raw: Buffer): boolean {
    if (decodeText(raw, p.params.get('CHARSET')?.[0]).trim().toUpperCase() !== 'VCARD') return false;
    if (p.name === 'BEGIN') {
      this.depth++;
      if (this.depth === 1) {
        this.properties = 0;
        this.ranks.clear();
        this.card = emptyCard(p.line);
      }
      return true;
    }
    this.depth--;
    if (this.depth === 0 && this.card) {
      const card = this.card;
      this.card = null;
      this.finish(card);
    }
    return true;
  }

  /** A single-valued property (FN, N, ORG …) given again: the first stays, unless a later one is preferred. */
  private take(field: string, params: ReadonlyMap<string, readonly string[]>): boolean {
    const rank = prefRank(params);
    const held = this.ranks.get(field);
    if (held !== undefined && rank >= held) return false;
    this.ranks.set(field, rank);
    return true;
  }

  /** A property of the card being read, its text decoded, into the card's fields. */
  private field(card: ParsedCard, p: Property, value: string): void {
    const v3 = card.version !== '2.1';
    switch (p.name) {
      case 'VERSION':
        if (value.trim() && this.take('VERSION', p.params)) card.version = value.trim();
        break;
      case 'PRODID':
        if (plainOf(value, v3) && this.take('PRODID', p.params)) card.prodid = plainOf(value, v3);
        break;
      case 'UID':
        if (value.trim() && this.take('UID', p.params)) card.uid = value.trim();
        break;
      case 'FN':
        if (plainOf(value, v3) && this.take('FN', p.params)) card.name = plainOf(value, v3).replace(/\s+/g, ' ');
        break;
      case 'N': {
        const parts = v3 ? splitEscaped(value, ';') : value.split(';');
        const lastName = (parts[0] ?? '').trim();
        const firstName = (parts[1] ?? '').trim();
        if ((lastName || firstName) && this.take('N', p.params)) Object.assign(card, { lastName, firstName });
        break;
      }
      case 'ORG': {
        const company = ((v3 ? splitEscaped(value, ';') : value.split(';'))[0] ?? '').trim();
        if (company && this.take('ORG', p.params)) card.company = company;
        break;
      }
      case 'TITLE':
        if (plainOf(value, v3) && this.take('TITLE', p.params)) card.title = plainOf(value, v3);
        break;
      case 'EMAIL': {
        // Every address and number is kept, however many: matching uses all of them.
        const email = plainOf(value, v3).replace(/^mailto:/i, '');
        if (email) card.emails.push(email);
        break;
      }
      case 'TEL': {
        const raw = plainOf(value, v3).replace(/^tel:/i, '');
        if (raw) card.phones.push({ raw, types: (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()) });
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE':
        if (plainOf(value, v3)) card.urls.push(plainOf(value, v3).replace(/\\:/g, ':'));
        break;
      case 'CATEGORIES':
        card.categories.push(...categoriesOf(value, v3, p.params));
        break;
      case 'BDAY':
        if (value.trim() && this.take('BDAY', p.params)) card.birthday = value.trim();
        break;
    }
  }

  end(): void {
    if (!this.any) throw new ImportError(this.file, 'vcardNoProperties');
    if (this.card) {
      this.warn(this.card.line, 'cardNoEnd');
      this.finish(this.card);
      this.card = null;
    }
  }

  private finish(c: ParsedCard): void {
    if (!c.name) c.name = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.company || c.emails[0] || '';
    this.onCard(c);
  }
}
