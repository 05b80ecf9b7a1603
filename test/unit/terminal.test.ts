import { describe, expect, it } from 'vitest';
import { forTerminal, terminalSafe } from '../../electron/services/terminal';

describe('forTerminal: control characters shown, never obeyed', () => {
  it('makes escape sequences, BEL, CR, DEL, C1 and bidi overrides visible', () => {
    expect(forTerminal('Max \x1b[31mRot\x1b[0m')).toBe('Max ␛[31mRot␛[0m');
    expect(forTerminal('\x1b]0;pwned\x07Titel')).toBe('␛]0;pwned␇Titel');
    expect(forTerminal('echt\rfalsch\x7f\x00')).toBe('echt␍falsch␡␀');
    expect(forTerminal('a\u009b31mb\u202Eevil\u2066')).toBe('a\uFFFD31mb\uFFFDevil\uFFFD');
  });

  it('leaves line feeds, tabs and every printable character as they are', () => {
    const text = 'Jürgen Öztürk 🚀\tالعربية 日本語\n  warning: x\n';
    expect(forTerminal(text)).toBe(text);
  });

  it('terminalSafe() wraps both streams', () => {
    const written: string[] = [];
    const io = terminalSafe({
      stdout: (s) => written.push(`out:${s}`),
      stderr: (s) => written.push(`err:${s}`),
      isTty: false,
    });
    io.stdout('\x1b[2J\n');
    io.stderr('\x07');
    expect(written).toEqual(['out:␛[2J\n', 'err:␇']);
    expect(io.isTty).toBe(false);
  });
});
