import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../shared/domain';
import { findingMessage } from '../../shared/finding-text';
import { CATALOGUES, evidenceText, formatDate, hasMessage, message, type MessageKey } from '../../shared/i18n';
import { RULES } from '../../shared/rules';

/** The argument names a message uses (plural/select options included), as a sorted list. */
function argumentsOf(source: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    for (const node of nodes as Array<{ value?: unknown; options?: Record<string, { value: unknown }> }>) {
      if (typeof node.value === 'string' && 'type' in node && (node as { type: number }).type !== 0)
        names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, lang, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

describe('the message catalogue', () => {
  const keys = Object.keys(CATALOGUES.en) as MessageKey[];

  it('has every English key in German, and no other', () => {
    expect(Object.keys(CATALOGUES.de).sort()).toEqual([...keys].sort());
  });

  it('knows its own keys only: nothing an object inherits is a message', () => {
    expect(hasMessage('ui.import')).toBe(true);
    expect(hasMessage('plan.step.narrow-email-audience.first-degree')).toBe(true);
    for (const inherited of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect(hasMessage(inherited), inherited).toBe(false);
    expect(keys.length).toBeGreaterThan(700);
  });

  it.each(keys)('%s parses in both languages and uses the same values', (key) => {
    expect(argumentsOf(CATALOGUES.de[key], 'de')).toEqual(argumentsOf(CATALOGUES.en[key], 'en'));
  });

  it('every rule message parses in both languages and uses the same values', () => {
    for (const rule of RULES)
      for (const [id, text] of Object.entries(rule.meta.messages))
        expect(argumentsOf(text.de, 'de'), `${rule.meta.id}.${id}`).toEqual(argumentsOf(text.en, 'en'));
  });
});

describe('plurals, numbers and dates through Intl', () => {
  it('counts with real plural rules and grouped digits', () => {
    expect(message('en', 'ui.rows', { n: 1 })).toBe('1 row');
    expect(message('en', 'ui.rows', { n: 2 })).toBe('2 rows');
    expect(message('de', 'ui.rows', { n: 1 })).toBe('1 Zeile');
    expect(message('de', 'ui.rows', { n: 1700000 })).toBe('1.700.000 Zeilen');
    expect(message('en', 'ui.rows', { n: 1700000 })).toBe('1,700,000 rows');
  });

  it('never writes "1 years" or "Seit 1 Jahren"', () => {
    const silent: Evidence = { kind: 'silent-years', data: { years: 1 }, points: -1 };
    expect(evidenceText(silent, 'en')).toBe('Connected for a year without any exchange');
    expect(evidenceText(silent, 'de')).toBe('Seit einem Jahr verbunden, ohne jeden Austausch');
    expect(evidenceText({ ...silent, data: { years: 7 } }, 'de')).toBe('Seit 7 Jahren verbunden, ohne jeden Austausch');
    const stale = { rule: 'stale-grant', messageId: 'stale', data: { name: 'Eva', field: 'mobile', years: 1 } };
    expect(findingMessage('en', stale)).toBe(
      'Eva can still see your mobile number, but your last exchange was a year ago.',
    );
    expect(findingMessage('de', { ...stale, data: { ...stale.data, years: 3 } })).toBe(
      'Eva sieht noch immer Ihre Mobilnummer, aber Ihr letzter Austausch liegt 3 Jahre zurück.',
    );
  });

  it('shows dates in the reader’s format, never as raw ISO strings', () => {
    expect(formatDate('de', '2019-03-04')).toBe('04.03.2019');
    expect(formatDate('en', '2019-03-04')).toBe('4 Mar 2019');
    const twoWay: Evidence = {
      kind: 'two-way-messages',
      data: { sent: 3, received: 1200, lastAt: '2019-03-04T10:00:00.000Z' },
    };
    expect(evidenceText(twoWay, 'de')).toBe(
      'Wechselseitige Nachrichten: 3 gesendet, 1.200 empfangen, zuletzt am 04.03.2019',
    );
  });

  it('shows a birthday without year as day and month', () => {
    expect(formatDate('en', '--03-07')).toBe('7 March');
    expect(formatDate('de', '--03-07')).toBe('7. März');
  });

  it('declines the detail as German grammar wants it', () => {
    const visible = {
      rule: 'private-detail-unfamiliar',
      messageId: 'visible',
      data: { name: 'Eva', field: 'birthday' },
    };
    expect(findingMessage('de', visible)).toMatch(/^Eva sieht Ihren Geburtstag, obwohl/);
    const everyone = { rule: 'visible-to-everyone', messageId: 'everyone', data: { field: 'birthday' } };
    expect(findingMessage('de', everyone)).toBe('Ihr Geburtstag ist auf LinkedIn für alle sichtbar.');
    expect(findingMessage('en', everyone)).toBe('Your birthday is visible to everyone on LinkedIn.');
  });

  it('renders identity evidence from data in the reader’s language', () => {
    const link: Evidence = {
      kind: 'in-address-book',
      data: { source: 'kontakte.vcf', method: 'name-company', name: 'Eva Weiß', company: 'Beispiel AG' },
    };
    expect(evidenceText(link, 'de')).toBe(
      'In Ihrem Adressbuch kontakte.vcf: gleicher Name und gleiche Firma (Eva Weiß, Beispiel AG)',
    );
    expect(evidenceText(link, 'en')).toBe(
      'In your address book kontakte.vcf: same name and company (Eva Weiß, Beispiel AG)',
    );
  });

  it('names declared settings in words, not ids', () => {
    const xingDefault: Evidence = {
      kind: 'declared-setting',
      data: { network: 'xing', audience: 'xing-default', since: '2015-03-01' },
    };
    expect(evidenceText(xingDefault, 'de')).toBe('Angegeben auf XING: „Als Standard“-Freigabe seit 01.03.2015');
    expect(evidenceText(xingDefault, 'en')).toBe('Declared on XING: "Als Standard" default since 1 Mar 2015');
  });
});
