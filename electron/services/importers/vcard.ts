/**
 * vCard 2.1, 3.0 and 4.0 as real exporters write them (FORMATS.md §3): folded lines, quoted-printable
 * with soft line breaks, a CHARSET per property (XING mixes ISO-8859-1 and UTF-8 in one card), bare
 * type parameters, grouped properties, escapes, and base64 photos to skip. Works on bytes, because
 * the character set is a property of each line, not of the file.
 *
 * Read as a stream, in time and memory linear in the size of the file whatever it holds (a value
 * folded a million times, millions of empty lines, a line without end): each line is looked at once,
 * a folded or soft-broken value is joined once, and only the properties read below are kept, each
 * within VCARD_LIMITS. Cards are handed on one by one as they end.
 */
import { createHash } from 'node:crypto';
import { AppError, ImportError } from '../errors';
import { utf16WithoutBom } from './csv';
import { because, type Reason } from './reason';
import type { SourceFile } from './source';

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

interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare 2.1 parameters (TEL;CELL;PREF) are collected as TYPE values. Null: not a property read here. */
  value: Buffer | null;
  line: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const COLON = 0x3a;

/** The properties a card is read for; the values of all others (NOTE, ADR, PHOTO …) are never held. */
const KEPT = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'PRODID',
  'UID',
  'FN',
  'N',
  'ORG',
  'TITLE',
  'EMAIL',
  'TEL',
  'URL',
  'X-SOCIALPROFILE',
  'CATEGORIES',
  'BDAY',
]);

const isNameByte = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x2e ||
  b === 0x5f ||
  b === 0x2d;

/** Whether a line starts a property (NAME; or NAME:), which ends the base64 lines before it. */
function startsProperty(bytes: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end && isNameByte(bytes[i]!)) i++;
  return i > start && i < end && (bytes[i] === 0x3b || bytes[i] === COLON);
}

function parseName(head: string): { group: string; name: string; params: Map<string, string[]> } {
  // head: [group.]NAME(;param)*
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  const full = parts[0]!.trim();
  const dot = full.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const raw of parts.slice(1)) {
    const eq = raw.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : raw.slice(0, eq)).trim().toUpperCase();
    const value = eq < 0 ? raw : raw.slice(eq + 1);
    const values = value
      .replace(/^"|"$/g, '')
      .split(',')
      .map((v) => v.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    group: dot < 0 ? '' : full.slice(0, dot),
    name: (dot < 0 ? full : full.slice(dot + 1)).toUpperCase(),
    params,
  };
}

function decodeQuotedPrintable(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x3d && i + 2 < bytes.length + 0) {
      const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[o++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[o++] = b;
  }
  return out.subarray(0, o);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** A property's text: its CHARSET when given (and known), else UTF-8, else Windows-1252. */
function decodeText(bytes: Buffer, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset.toLowerCase() === 'iso-8859-1' ? 'windows-1252' : charset).decode(bytes);
    } catch {
      // unknown charset label: fall through to sniffing
    }
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return cp1252.decode(bytes);
  }
}

/** Splits on an unescaped separator and removes vCard 3/4 escapes. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === separator) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

export function unescapeText(value: string): string {
  return splitEscaped(value, ';').join(';');
}

/** A property being read: its value grows with each folded or soft-broken line until the next property. */
interface Open {
  group: string;
  name: string;
  params: Map<string, string[]>;
  line: number;
  /** qp-soft: quoted-printable, joining lines after a trailing "="; then qp-fold or fold: lines starting with white space. */
  mode: 'fold' | 'qp-soft' | 'qp-fold' | 'base64';
  /** Whether the value is held (a property read here, not too long). */
  kept: boolean;
  parts: Buffer[];
  length: number;
  tooLong: boolean;
  /** How many "=" the value ends with (quoted-printable soft line breaks). */
  trailingEquals: number;
}

/** How many "=" bytes[start, end) ends with. */
function trailingEquals(bytes: Buffer, start: number, end: number): number {
  let i = end;
  while (i > start && bytes[i - 1] === EQUALS) i--;
  return end - i;
}

/** Up to this many bytes, a line's end is looked for byte by byte (cheaper than a native call). */
const SHORT = 64;

/** Index of the next LF at or after `pos`, or -1. */
function nextLineFeed(bytes: Buffer, pos: number): number {
  const short = Math.min(bytes.length, pos + SHORT);
  for (let i = pos; i < short; i++) if (bytes[i] === LF) return i;
  return short === bytes.length ? -1 : bytes.indexOf(LF, short);
}

/** A run of empty lines, compared a block at a time. */
const LF_BLOCK = Buffer.alloc(4096, LF);

/** Line breaks passed over by the last skipLineBreaks(). */
let skipped = 0;

/** Where the run of line breaks (LF or CRLF) at bytes[pos] ends; how many there were in `skipped`. */
function skipLineBreaks(bytes: Buffer, pos: number): number {
  const length = bytes.length;
  let i = pos;
  let n = 0;
  const first = bytes[pos];
  if (first !== LF && first !== CR) {
    skipped = 0;
    return pos;
  }
  while (i + LF_BLOCK.length <= length && bytes.compare(LF_BLOCK, 0, LF_BLOCK.length, i, i + LF_BLOCK.length) === 0) {
    i += LF_BLOCK.length;
    n += LF_BLOCK.length;
  }
  while (i < length) {
    const b = bytes[i]!;
    if (b === LF) i++;
    else if (b === CR && i + 1 < length && bytes[i + 1] === LF) i += 2;
    else break;
    n++;
  }
  skipped = n;
  return i;
}

/**
 * How preferred a property is, lower first: PREF=n (vCard 4, 1–100), TYPE=pref or a bare PREF
 * (vCard 2.1/3.0) as 1, none as 101. Of a single-valued property given twice (two FN, N, ORG, TITLE,
 * BDAY …) the card keeps the most preferred, and of equally preferred ones the first: an exporter
 * writes the main value first (FullContact's two ORG, RFC 2426's two N, BDAY again under ALTID).
 */
export function prefRank(params: ReadonlyMap<string, readonly string[]>): number {
  const pref = Number(params.get('PREF')?.[0]);
  if (Number.isInteger(pref) && pref >= 1 && pref <= 100) return pref;
  return params.get('TYPE')?.some((t) => t.toLowerCase() === 'pref') ? 1 : 101;
}

/**
 * A CATEGORIES value as tags. In vCard 3.0/4.0 an escaped comma is part of a category's name
 * ("Kunden\, Partner" is one tag, as RFC 6350 and every spec-true writer mean it) — except as Thunderbird
 * (MoreFunctionsForAddressBook) writes it: "CATEGORIES;CHARSET=UTF-8:Lieferant\, Stammtisch" escapes the
 * commas *between* its categories. Its mark is the CHARSET parameter, which no 3.0/4.0 writer that
 * escapes correctly puts there; with it, and no unescaped comma in the value, escaped commas separate.
 * vCard 2.1 has no escapes.
 */
export function categoriesOf(value: string, v3: boolean, params: ReadonlyMap<string, readonly string[]>): string[] {
  let parts = v3 ? splitEscaped(value, ',') : value.split(',');
  // An escaped backslash ("\\") stays one; an escaped comma ("\,") becomes a separator.
  if (v3 && parts.length === 1 && params.has('CHARSET'))
    parts = splitEscaped(
      value.replace(/\\\\|\\,/g, (m) => (m === '\\,' ? ',' : m)),
      ',',
    );
  return parts.map((c) => c.trim()).filter(Boolean);
}

/** Properties → cards; a card is handed on as soon as it ends. */
class Cards {
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
    const raw = p.value;
    const text = (): string => decodeText(raw, p.params.get('CHARSET')?.[0]);
    if (p.name === 'BEGIN' && text().trim().toUpperCase() === 'VCARD') {
      this.depth++;
      if (this.depth === 1) {
        this.properties = 0;
        this.ranks.clear();
        this.card = {
          line: p.line,
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
      return;
    }
    if (p.name === 'END' && text().trim().toUpperCase() === 'VCARD') {
      this.depth--;
      if (this.depth === 0 && this.card) {
        const card = this.card;
        this.card = null;
        this.finish(card);
      }
      return;
    }
    const card = this.card;
    if (!card || this.depth !== 1) return; // nested AGENT cards are not the person
    const v3 = card.version !== '2.1';
    const value = text();
    const plain = (): string => (v3 ? unescapeText(value) : value).trim();
    /** A single-valued property (FN, N, ORG …) given again: the first stays, unless a later one is preferred. */
    const take = (field: string): boolean => {
      const rank = prefRank(p.params);
      const held = this.ranks.get(field);
      if (held !== undefined && rank >= held) return false;
      this.ranks.set(field, rank);
      return true;
    };
    switch (p.name) {
      case 'VERSION':
        if (value.trim() && take('VERSION')) card.version = value.trim();
        break;
      case 'PRODID':
        if (plain() && take('PRODID')) card.prodid = plain();
        break;
      case 'UID':
        if (value.trim() && take('UID')) card.uid = value.trim();
        break;
      case 'FN':
        if (plain() && take('FN')) card.name = plain().replace(/\s+/g, ' ');
        break;
      case 'N': {
        const parts = v3 ? splitEscaped(value, ';') : value.split(';');
        const lastName = (parts[0] ?? '').trim();
        const firstName = (parts[1] ?? '').trim();
        if ((lastName || firstName) && take('N')) Object.assign(card, { lastName, firstName });
        break;
      }
      case 'ORG': {
        const company = ((v3 ? splitEscaped(value, ';') : value.split(';'))[0] ?? '').trim();
        if (company && take('ORG')) card.company = company;
        break;
      }
      case 'TITLE':
        if (plain() && take('TITLE')) card.title = plain();
        break;
      case 'EMAIL': {
        // Every address and number is kept, however many: matching uses all of them.
        const email = plain().replace(/^mailto:/i, '');
        if (email) card.emails.push(email);
        break;
      }
      case 'TEL': {
        const raw = plain().replace(/^tel:/i, '');
        if (raw) card.phones.push({ raw, types: (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase()) });
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE':
        if (plain()) card.urls.push(plain().replace(/\\:/g, ':'));
        break;
      case 'CATEGORIES':
        card.categories.push(...categoriesOf(value, v3, p.params));
        break;
      case 'BDAY':
        if (value.trim() && take('BDAY')) card.birthday = value.trim();
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

/**
 * Reads a vCard file in pieces (push, then end): bytes → lines → properties → cards. Each byte is
 * looked at a bounded number of times, and nothing is held but the card being read.
 */
export class VCardReader {
  /** The first bytes, until there are enough to tell the encoding and whether it is a vCard at all. */
  private head: Buffer[] | null = [];
  private headLength = 0;
  /** UTF-16 is read as UTF-8 bytes. */
  private utf16: InstanceType<typeof TextDecoder> | null = null;
  /** The start of a line that continues in the next piece. */
  private tail: Buffer[] = [];
  private tailLength = 0;
  /** Number of the line being read (1-based). */
  private line = 1;
  private open: Open | null = null;
  private readonly cards: Cards;
  /** Bytes of the card being read so far. */
  private cardBytes = 0;

  constructor(
    private readonly file: string,
    onCard: (card: ParsedCard) => void,
    private readonly warn: (line: number, reason: Reason) => void,
  ) {
    this.cards = new Cards(file, onCard, warn);
  }

  push(bytes: Buffer): void {
    if (this.head === null) {
      this.lines(this.utf16 ? Buffer.from(this.utf16.decode(bytes, { stream: true }), 'utf8') : bytes);
      return;
    }
    this.head.push(bytes);
    this.headLength += bytes.length;
    if (this.headLength >= 4096 + 3) this.begin();
  }

  end(): void {
    if (this.head !== null) this.begin();
    if (this.utf16) this.lines(Buffer.from(this.utf16.decode(), 'utf8'));
    if (this.tailLength > 0) {
      // The last line, without a line break after it (nothing when that is a lone CR).
      const last = Buffer.concat(this.tail, this.tailLength);
      this.tail = [];
      this.tailLength = 0;
      const end = last[last.length - 1] === CR ? last.length - 1 : last.length;
      if (end > 0) this.take(last, 0, end, 0);
    }
    if (this.open) this.close();
    this.cards.end();
  }

  /** Chooses the encoding from the first bytes and checks that they start a vCard. */
  private begin(): void {
    let data = Buffer.concat(this.head!, this.headLength);
    this.head = null;
    let utf16: 'utf-16le' | 'utf-16be' | null = null;
    if (data[0] === 0xff && data[1] === 0xfe) utf16 = 'utf-16le';
    else if (data[0] === 0xfe && data[1] === 0xff) utf16 = 'utf-16be';
    else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    else utf16 = utf16WithoutBom(data);
    if (utf16) {
      if (data[0] === 0xff || data[0] === 0xfe) data = data.subarray(2);
      this.utf16 = new TextDecoder(utf16);
      data = Buffer.from(this.utf16.decode(data, { stream: true }), 'utf8');
    }
    if (data.subarray(0, 4096).includes(0)) throw new ImportError(this.file, 'vcardBinary');
    const head = data.subarray(0, 2048).toString('latin1');
    if (!/^\s*BEGIN:VCARD/i.test(head)) throw new ImportError(this.file, 'vcardNoBegin');
    this.lines(data);
  }

  /** Splits bytes into physical lines (LF or CRLF); a line cut off at the end waits for the next piece. */
  private lines(bytes: Buffer): void {
    const length = bytes.length;
    let pos = 0;
    while (pos < length) {
      if (this.tailLength === 0 && this.open === null) {
        // Empty lines between properties do nothing: a run of them is passed over at once.
        const skip = skipLineBreaks(bytes, pos);
        if (skip > pos) {
          this.line += skipped;
          this.count(skip - pos);
          pos = skip;
          continue;
        }
      }
      const nl = nextLineFeed(bytes, pos);
      if (nl < 0) {
        this.tail.push(bytes.subarray(pos));
        this.tailLength += length - pos;
        this.capTail();
        return;
      }
      let line = bytes;
      let start = pos;
      let end = nl;
      if (this.tailLength > 0) {
        line = Buffer.concat([...this.tail, bytes.subarray(pos, nl)], this.tailLength + nl - pos);
        this.tail = [];
        this.tailLength = 0;
        start = 0;
        end = line.length;
      }
      const bytesWithBreak = end - start + 1;
      if (end > start && line[end - 1] === CR) end--;
      this.take(line, start, end, 1);
      this.count(bytesWithBreak);
      pos = nl + 1;
    }
  }

  /** Counts bytes towards the card being read. */
  private count(bytes: number): void {
    if (this.cards.cardLine === null) return;
    this.cardBytes += bytes;
    if (this.cardBytes + this.tailLength > VCARD_LIMITS.maxCardBytes) this.tooBig();
  }

  private capTail(): void {
    if (this.cards.cardLine !== null) this.count(0);
    else if (this.tailLength > VCARD_LIMITS.maxCardBytes)
      throw new ImportError(this.file, because('vcardLineTooLong', { max: VCARD_LIMITS.maxCardBytes }), this.line);
  }

  private tooBig(): never {
    throw new ImportError(
      this.file,
      because('vcardCardTooLarge', { max: VCARD_LIMITS.maxCardBytes }),
      this.cards.cardLine ?? this.line,
    );
  }

  /** One physical line, bytes[start, end) without its line break; `breaks` is 1 when a line break followed it. */
  private take(bytes: Buffer, start: number, end: number, breaks: number): void {
    const line = this.line;
    this.line += breaks;
    const open = this.open;
    if (open) {
      if (open.mode === 'qp-soft') {
        if (open.trailingEquals > 0) {
          // Soft line break: the "=" goes, and the next line joins as it is.
          this.dropLastByte(open);
          this.append(open, bytes, start, end);
          if (end > start) {
            const n = trailingEquals(bytes, start, end);
            open.trailingEquals = n === end - start ? open.trailingEquals - 1 + n : n;
          } else {
            open.trailingEquals--;
          }
          return;
        }
        // Some writers also fold quoted-printable lines with leading white space.
        open.mode = 'qp-fold';
      }
      if (open.mode === 'base64') {
        // Binary (photos, keys): its lines are passed over up to an empty line or the next property.
        if (end > start && !startsProperty(bytes, start, end)) return;
      } else if (end > start && (bytes[start] === SPACE || bytes[start] === TAB)) {
        // Folding: a line starting with a space or tab continues the previous one.
        this.append(open, bytes, start + 1, end);
        return;
      }
      this.close();
    }
    this.start(bytes, start, end, line);
  }

  private start(bytes: Buffer, start: number, end: number, line: number): void {
    // Only a line starting with a name can be a property (empty lines, white space, base64 … are not).
    if (start === end || !isNameByte(bytes[start]!)) return;
    // No colon: a stray continuation of something skipped (e.g. base64). A head this long is no property.
    let colon = start;
    const last = Math.min(end, start + VCARD_LIMITS.maxValueBytes);
    while (colon < last && bytes[colon] !== COLON) colon++;
    if (colon === last) return;
    const head = bytes.toString('latin1', start, colon);
    if (!/^[A-Za-z0-9._-]+(;.*)?$/s.test(head)) return;
    const { group, name, params } = parseName(head);
    const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
    const qp =
      encoding === 'QUOTED-PRINTABLE' || params.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE');
    const mode = qp ? 'qp-soft' : encoding === 'BASE64' || encoding === 'B' ? 'base64' : 'fold';
    const open: Open = {
      group,
      name,
      params,
      line,
      mode,
      kept: mode !== 'base64' && KEPT.has(name),
      parts: [],
      length: 0,
      tooLong: false,
      trailingEquals: trailingEquals(bytes, colon + 1, end),
    };
    this.open = open;
    this.append(open, bytes, colon + 1, end);
  }

  private append(open: Open, bytes: Buffer, start: number, end: number): void {
    open.length += end - start;
    if (!open.kept || end === start) return;
    if (open.length > VCARD_LIMITS.maxValueBytes) {
      open.kept = false;
      open.tooLong = true;
      open.parts = [];
      return;
    }
    // A copy: a piece of the file is not kept alive by a few bytes of it.
    open.parts.push(Buffer.from(bytes.subarray(start, end)));
  }

  private dropLastByte(open: Open): void {
    open.length--;
    if (!open.kept) return;
    while (open.parts.length > 0 && open.parts[open.parts.length - 1]!.length === 0) open.parts.pop();
    const last = open.parts.pop();
    if (last && last.length > 1) open.parts.push(last.subarray(0, last.length - 1));
  }

  private close(): void {
    const open = this.open!;
    this.open = null;
    if (open.tooLong)
      this.warn(open.line, because('valueTooLong', { property: open.name, max: VCARD_LIMITS.maxValueBytes }));
    let value: Buffer | null = null;
    if (open.kept) {
      value = Buffer.concat(open.parts, open.length);
      if (open.mode !== 'fold') value = decodeQuotedPrintable(value);
      if (value.includes(0)) {
        this.warn(open.line, 'nulRemoved');
        value = Buffer.from(value.filter((b) => b !== 0));
      }
    }
    this.cards.property({ group: open.group, name: open.name, params: open.params, value, line: open.line });
  }
}

/** Every card in a .vcf file held in memory. Throws ImportError when the file is not a vCard at all. */
export function parseVCards(bytes: Buffer, file: string, warn: (line: number, reason: Reason) => void): ParsedCard[] {
  const cards: ParsedCard[] = [];
  const reader = new VCardReader(file, (card) => cards.push(card), warn);
  reader.push(bytes);
  reader.end();
  return cards;
}

/** Bytes read between two turns of the event loop: a cancel (and every other request) is answered meanwhile. */
const PIECE = 1024 * 1024;

/**
 * Streams a vCard file through VCardReader, handing on each card as it ends, and returns the file's
 * SHA-256. Yields to the event loop after every piece; stops with IMPORT_CANCELLED once `signal` is aborted.
 */
export async function readVCardFile(
  file: SourceFile,
  options: {
    maxBytes: number;
    onCard: (card: ParsedCard) => void;
    warn: (line: number, reason: Reason) => void;
    signal?: AbortSignal;
    onBytes?: (bytes: number) => void;
  },
): Promise<string> {
  const reader = new VCardReader(file.display, options.onCard, options.warn);
  const hash = createHash('sha256');
  let size = 0;
  const stream = await file.open();
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > options.maxBytes)
        throw new ImportError(file.display, because('fileTooLarge', { max: options.maxBytes }));
      hash.update(bytes);
      for (let at = 0; at < bytes.length; at += PIECE) {
        reader.push(bytes.subarray(at, at + PIECE));
        options.onBytes?.(size - bytes.length + Math.min(at + PIECE, bytes.length));
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      }
    }
    reader.end();
    return hash.digest('hex');
  } finally {
    stream.destroy();
  }
}
