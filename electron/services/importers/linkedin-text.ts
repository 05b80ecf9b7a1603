/**
 * A LinkedIn field's text as the reader keeps it: trimmed (only of ASCII white space in a Latin-1 view
 * of UTF-8 bytes), and detached from the chunk it was cut from.
 */

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** A value trimmed of ASCII white space only: in a Latin-1 view of UTF-8 bytes, 0x85 or 0xA0 may be half a character. */
export function asciiTrim(v: string): string {
  let start = 0;
  let end = v.length;
  while (start < end && isAsciiSpace(v.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(v.charCodeAt(end - 1))) end--;
  return v.slice(start, end);
}

/**
 * A copy of a kept value that does not hold on to the text it was cut from: a slice of a big
 * chunk keeps all of it alive for as long as the slice lives (a V8 "sliced string").
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
