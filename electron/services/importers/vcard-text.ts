/** The text of vCard properties: property heads, quoted-printable, character sets, escapes, preference. */

export function parseName(head: string): { group: string; name: string; params: Map<string, string[]> } {
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

export function decodeQuotedPrintable(bytes: Buffer): Buffer {
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
export function decodeText(bytes: Buffer, charset: string | undefined): string {
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
