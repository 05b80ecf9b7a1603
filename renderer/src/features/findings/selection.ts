/**
 * What the user has selected, as a model rather than checkboxes in the DOM: either these findings,
 * or — an explicit choice — every open finding matching the filter, less those deselected since.
 * Muted findings are never selected implicitly: "all matching" means all *open* matching.
 */
import type { Request } from '../../../../shared/contract';
import type { FindingsFilter } from '../../../../shared/findings-query';

export type Selection =
  | { kind: 'ids'; ids: ReadonlySet<string> }
  | {
      kind: 'matching';
      filter: Pick<FindingsFilter, 'query' | 'severity'>;
      total: number;
      except: ReadonlySet<string>;
    };

export const EMPTY: Selection = { kind: 'ids', ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'ids' ? selection.ids.has(id) : !selection.except.has(id);
}

export function toggle(selection: Selection, id: string): Selection {
  const flip = (set: ReadonlySet<string>): Set<string> => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  return selection.kind === 'ids'
    ? { kind: 'ids', ids: flip(selection.ids) }
    : { ...selection, except: flip(selection.except) };
}

export function selectedCount(selection: Selection): number {
  return selection.kind === 'ids' ? selection.ids.size : selection.total - selection.except.size;
}

/** The request that revokes the selection: ids, or the filter itself (60,000 ids need not travel). */
export function revocationTarget(selection: Selection): Request<'revocation:create'> | null {
  if (selectedCount(selection) === 0) return null;
  return selection.kind === 'ids'
    ? { findingIds: [...selection.ids] }
    : { filter: selection.filter, except: [...selection.except] };
}
