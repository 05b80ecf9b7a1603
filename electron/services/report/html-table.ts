/** A plain table and the "and N more" line of the HTML report. */
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';

export function table(
  head: readonly string[],
  rows: ReadonlyArray<readonly ReactNode[]>,
  className?: string,
): ReactElement {
  return h(
    'table',
    { className },
    h('thead', null, h('tr', null, ...head.map((c, i) => h('th', { key: i }, c)))),
    h('tbody', null, ...rows.map((r, i) => h('tr', { key: i }, ...r.map((c, j) => h('td', { key: j }, c))))),
  );
}

export const more = (lang: ReportModel['lang'], n: number): ReactElement | null =>
  n > 0 ? h('p', { className: 'more' }, say(lang, 'moreRows', { n })) : null;
