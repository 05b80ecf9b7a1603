import { useState } from 'react';

/** Changes a draft: in place on a copy (useDraft). */
export type DraftUpdate<T> = (change: (draft: T) => void) => void;

/** A document being edited in a dialog; `update` changes a copy, so previews see a new object. */
export function useDraft<T>(): [T | null, (value: T) => void, DraftUpdate<T>] {
  const [draft, setDraft] = useState<T | null>(null);
  const update = (change: (draft: T) => void): void =>
    setDraft((d) => {
      if (d === null) return d;
      const copy = structuredClone(d);
      change(copy);
      return copy;
    });
  return [draft, setDraft, update];
}
