/**
 * vCard 2.1, 3.0 and 4.0 as real exporters write them (FORMATS.md §3): folded lines, quoted-printable
 * with soft line breaks, a CHARSET per property (XING mixes ISO-8859-1 and UTF-8 in one card), bare
 * type parameters, grouped properties, escapes, and base64 photos to skip. Works on bytes, because
 * the character set is a property of each line, not of the file.
 */
import { ImportError } from '../errors';

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
  /** Bare 2.1 parameters (TEL;CELL;PREF) are collected as TYPE values. */
  value: Buffer;
  line: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Splits bytes into physical lines (LF or CRLF), keeping each line's number. */
function lines(bytes: Buffer): Array<{ text: Buffer; line: number }> {
  const out: Array<{ text: Buffer; line: number }> = [];
  let start = 0;
  let n = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === LF) {
      let end = i;
      if (end > start && bytes[end - 1] === CR) end--;
      if (i < bytes.length || end > start) out.push({ text: bytes.subarray(start, end), line: n });
      start = i + 1;
      n++;
    }
  }
  return out;
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

/** Unfolds physical lines into properties. */
function properties(bytes: Buffer, file: string): Property[] {
  const physical = lines(bytes);
  const props: Property[] = [];
  let i = 0;
  while (i < physical.length) {
    const { text, line } = physical[i]!;
    i++;
    if (text.length === 0 || text.every((b) => b === 0x20 || b === 0x09)) continue;
    const colon = text.indexOf(0x3a);
    if (colon < 0) continue; // a stray continuation of something skipped (e.g. base64)
    const head = text.subarray(0, colon).toString('latin1');
    if (!/^[A-Za-z0-9._-]+(;.*)?$/s.test(head)) continue;
    const { group, name, params } = parseName(head);
    const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase();
    let value: Buffer = Buffer.from(text.subarray(colon + 1));
    if (encoding === 'QUOTED-PRINTABLE' || params.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE')) {
      // Soft line breaks: a trailing "=" joins the next physical line as it is.
      while (value.length > 0 && value[value.length - 1] === 0x3d && i < physical.length) {
        value = Buffer.concat([value.subarray(0, value.length - 1), physical[i]!.text]);
        i++;
      }
      // Some writers also fold QP lines with leading whitespace.
      while (i < physical.length && (physical[i]!.text[0] === 0x20 || physical[i]!.text[0] === 0x09)) {
        value = Buffer.concat([value, physical[i]!.text.subarray(1)]);
        i++;
      }
      value = decodeQuotedPrintable(value);
    } else if (encoding === 'BASE64' || encoding === 'B') {
      // Binary (photos, keys): skip its continuation lines, up to a blank line or the next property.
      while (i < physical.length) {
        const next = physical[i]!.text;
        if (next.length === 0) break;
        const asText = next.toString('latin1');
        if (!/^\s/.test(asText) && /^[A-Za-z0-9._-]+[;:]/.test(asText) && !/^[A-Za-z0-9+/=]+$/.test(asText)) break;
        i++;
      }
      continue;
    } else {
      // Folding: a line starting with a space or tab continues the previous one.
      while (i < physical.length && (physical[i]!.text[0] === 0x20 || physical[i]!.text[0] === 0x09)) {
        value = Buffer.concat([value, physical[i]!.text.subarray(1)]);
        i++;
      }
    }
    props.push({ group, name, params, value, line });
  }
  if (props.length === 0) throw new ImportError(file, 'not a vCard file (no properties found)');
  return props;
}

/** Every card in a .vcf file. Throws ImportError when the file is not a vCard at all. */
export function parseVCards(bytes: Buffer, file: string, warn: (line: number, reason: string) => void): ParsedCard[] {
  let data = bytes;
  if (data[0] === 0xff && data[1] === 0xfe)
    data = Buffer.from(new TextDecoder('utf-16le').decode(data.subarray(2)), 'utf8');
  else if (data[0] === 0xfe && data[1] === 0xff)
    data = Buffer.from(new TextDecoder('utf-16be').decode(data.subarray(2)), 'utf8');
  else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
  if (data.subarray(0, 4096).includes(0)) throw new ImportError(file, 'binary data, not a vCard file');
  const head = data.subarray(0, 2048).toString('latin1');
  if (!/^\s*BEGIN:VCARD/i.test(head))
    throw new ImportError(file, 'not a vCard file (it does not start with BEGIN:VCARD)');

  const cards: ParsedCard[] = [];
  let card: ParsedCard | null = null;
  let depth = 0;
  for (const p of properties(data, file)) {
    const text = (): string => decodeText(p.value, p.params.get('CHARSET')?.[0]);
    if (p.name === 'BEGIN' && text().trim().toUpperCase() === 'VCARD') {
      depth++;
      if (depth === 1) {
        card = {
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
      continue;
    }
    if (p.name === 'END' && text().trim().toUpperCase() === 'VCARD') {
      depth--;
      if (depth === 0 && card) {
        cards.push(card);
        card = null;
      }
      continue;
    }
    if (!card || depth !== 1) continue; // nested AGENT cards are not the person
    const v3 = card.version !== '2.1';
    const value = text();
    const plain = (): string => (v3 ? unescapeText(value) : value).trim();
    switch (p.name) {
      case 'VERSION':
        card.version = value.trim();
        break;
      case 'PRODID':
        card.prodid = plain();
        break;
      case 'UID':
        card.uid = value.trim();
        break;
      case 'FN':
        card.name = plain().replace(/\s+/g, ' ');
        break;
      case 'N': {
        const parts = v3 ? splitEscaped(value, ';') : value.split(';');
        card.lastName = (parts[0] ?? '').trim();
        card.firstName = (parts[1] ?? '').trim();
        break;
      }
      case 'ORG':
        card.company = ((v3 ? splitEscaped(value, ';') : value.split(';'))[0] ?? '').trim();
        break;
      case 'TITLE':
        card.title = plain();
        break;
      case 'EMAIL': {
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
        card.categories.push(
          ...(v3 ? splitEscaped(value, ',') : value.split(',')).map((c) => c.trim()).filter(Boolean),
        );
        break;
      case 'BDAY':
        card.birthday = value.trim();
        break;
    }
  }
  if (card) warn(card.line, 'card without END:VCARD (truncated file?), kept as far as it goes');
  if (card) cards.push(card);
  for (const c of cards) {
    if (!c.name) c.name = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.company || c.emails[0] || '';
  }
  return cards;
}
