/**
 * The CSV tables' cells: OWASP's formula neutralisation (a leading = + - @, tab or carriage return
 * gets an apostrophe, a formula followed by a line break too), and a round trip through a CSV
 * parser of cells with quotes, separators and line breaks, in the German and the English dialect.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralise, renderCsv } from '../../electron/services/report/csv';
import type { Lang } from '../../shared/domain';
import { modelFor } from './report-fixture';

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+49 171 5550100', "'+49 171 5550100"],
    ['-1', "'-1"],
    ['@Leiterin', "'@Leiterin"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ["=cmd|' /C calc'!A0\nnext line", "'=cmd|' /C calc'!A0\nnext line"],
    ['Jürgen = Groß', 'Jürgen = Groß'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutralise(cell)).toBe(expected);
  });

  it.each<Lang>(['de', 'en'])('%s: quotes, separators and line breaks read back as written', (lang) => {
    const model = modelFor(lang);
    const tricky = 'Say "hi"; then, a\r\nnew line';
    const withTricky = { ...model, muted: model.muted.map((f) => ({ ...f, reason: tricky })) };
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(renderCsv(withTricky, 'findings.csv'));
    const rows = parse(text, { bom: true, delimiter: lang === 'de' ? ';' : ',' }) as string[][];
    expect(rows.find((r) => r.includes(tricky))).toBeDefined();
    expect(rows).toHaveLength(1 + model.findings.length + model.muted.length);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });
});
