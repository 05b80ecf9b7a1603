import { useState } from 'react';

/** A document being edited in a dialog; `update` changes a copy, so previews see a new object. */
export function useDraft<T>(): [T | null, (value: T) => void, (change: (draft: T) => void) => void] {
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
