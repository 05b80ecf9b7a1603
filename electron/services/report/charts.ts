/**
 * The report's charts as SVG elements (React, so every label is escaped by construction). The HTML
 * inlines them; the PDF draws the same SVG (rendered to markup) as vectors.
 */
import { createElement as h, type ReactElement } from 'react';
import type { ReportModel } from '../../../shared/report/types';
import { formatNumber, message } from '../../../shared/i18n';
import { say } from '../../../shared/report/text';

export const COLORS = {
  known: '#2e7d32',
  acquainted: '#4c8bf5',
  unfamiliar: '#d84315',
  score: '#6a4c93',
  grey: '#9e9e9e',
};

const WIDTH = 640;
const LABEL = 170;
const BAR = 22;
const GAP = 12;

/** Roughly how wide a label is at 12 px (DejaVu Sans is wide): legends place their entries by it. */
const textWidth = (text: string) => text.length * 7.2;

function legend(entries: ReadonlyArray<[string, string]>, y: number): ReactElement[] {
  let x = LABEL;
  return entries.map(([color, text]) => {
    const at = x;
    x += 18 + textWidth(text) + 20;
    return h(
      'g',
      { key: text },
      h('rect', { x: at, y: y - 10, width: 12, height: 12, fill: color }),
      h('text', { x: at + 18, y }, text),
    );
  });
}

/** Who sees each detail: known, acquainted and unfamiliar people as segments of one bar. */
export function exposureChart(model: ReportModel, fontFamily: string): ReactElement | null {
  const rows = model.summary.exposure;
  if (rows.length === 0) return null;
  const { lang } = model;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (n: number) => (n / max) * (WIDTH - LABEL - 70);
  const height = rows.length * (BAR + GAP) + 36;
  const bars = rows.map((r, i) => {
    const y = 6 + i * (BAR + GAP);
    let x = LABEL;
    const segments = (['known', 'acquainted', 'unfamiliar'] as const).map((level) => {
      const w = scale(r[level]);
      const rect = r[level] > 0 ? h('rect', { key: level, x, y, width: w, height: BAR, fill: COLORS[level] }) : null;
      x += w;
      return rect;
    });
    return h(
      'g',
      { key: r.field },
      h('text', { x: LABEL - 8, y: y + BAR / 2 + 4, textAnchor: 'end' }, r.label),
      ...segments,
      h('text', { x: x + 6, y: y + BAR / 2 + 4 }, formatNumber(lang, r.total)),
    );
  });
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-label': say(lang, 'exposureTable'),
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      fontFamily,
      fontSize: 12,
    },
    ...bars,
    ...legend(
      [
        [COLORS.known, message(lang, 'familiarity.known')],
        [COLORS.acquainted, message(lang, 'familiarity.acquainted')],
        [COLORS.unfamiliar, message(lang, 'familiarity.unfamiliar')],
      ],
      height - 8,
    ),
  );
}

/** The exposure score now, after the revocations already made, and after the plan (0–100). */
export function scoreChart(model: ReportModel, fontFamily: string): ReactElement {
  const { lang } = model;
  const { score } = model.summary;
  const rows: Array<[string, number]> = [
    [say(lang, 'scoreNow'), score.now],
    [say(lang, 'scoreAfterRevocations'), score.afterRevocations],
  ];
  if (score.afterPlan !== null) rows.push([say(lang, 'scoreAfterPlan'), score.afterPlan]);
  const height = rows.length * (BAR + GAP) + 4;
  const scale = (n: number) => (n / 100) * (WIDTH - LABEL - 70);
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-label': say(lang, 'scoreNow'),
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      fontFamily,
      fontSize: 12,
    },
    ...rows.map(([label, value], i) => {
      const y = 4 + i * (BAR + GAP);
      return h(
        'g',
        { key: label },
        h('text', { x: LABEL - 8, y: y + BAR / 2 + 4, textAnchor: 'end' }, label),
        h('rect', { className: 'track', x: LABEL, y, width: WIDTH - LABEL - 70, height: BAR, fill: '#eeeeee' }),
        value > 0
          ? h('rect', { className: 'score', x: LABEL, y, width: scale(value), height: BAR, fill: COLORS.score })
          : null,
        h('text', { x: LABEL + scale(value) + 6, y: y + BAR / 2 + 4 }, say(lang, 'scoreOf', { score: value })),
      );
    }),
  );
}
