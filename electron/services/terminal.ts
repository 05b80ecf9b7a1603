/**
 * Text for a terminal. Names, file names, warnings and evidence come from files that strangers
 * wrote; a terminal obeys the control characters in them instead of showing them (`ESC[31m` colours
 * what follows, `ESC]0;…BEL` retitles the window, `ESC[2J` clears it, a CR overwrites the line, a
 * bidi override reorders it). Everything the CLI prints goes through forTerminal().
 */

/** C0 controls become their Unicode control pictures (␛ ␇ ␍ …); these stay what they are. */
const KEPT = new Set([0x0a, 0x09]);
const REPLACEMENT = '\uFFFD';

function neutral(code: number): string | null {
  if (code < 0x20) return KEPT.has(code) ? null : String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  // C1 controls (a lone 0x9B is a CSI on some terminals), the bidi marks, embeddings, overrides and isolates.
  if (
    (code >= 0x80 && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
    return REPLACEMENT;
  return null;
}

/** `text` with every control character but the line feed and the tab made visible and harmless. */
export function forTerminal(text: string): string {
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII and most of Unicode: nothing to do (the common case, checked first).
    if ((code >= 0x20 && code < 0x7f) || (code > 0x9f && code < 0x061c)) continue;
    const shown = neutral(code);
    if (shown === null) continue;
    out = (out ?? '') + text.slice(from, i) + shown;
    from = i + 1;
  }
  return out === null ? text : out + text.slice(from);
}

/** The same output, every write through forTerminal(). */
export function terminalSafe<T extends { stdout: (s: string) => void; stderr: (s: string) => void }>(io: T): T {
  return { ...io, stdout: (s: string) => io.stdout(forTerminal(s)), stderr: (s: string) => io.stderr(forTerminal(s)) };
}
