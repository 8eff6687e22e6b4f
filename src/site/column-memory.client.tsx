'use client';
import { useEffect } from 'react';
import { parseColumns } from './columns';

const storageKey = 'reader.columns';

export interface ColumnMemoryProps {
  /** The column segment of this address (`ru-en`), or undefined on the default address. */
  current?: string;
  /** The default reader address of this document in this interface language. */
  base: string;
  /** The segment the default address shows (`ru-ja-en`). */
  defaultSegment: string;
}

/**
 * Remembers the reader's column choice, and on the default address of a document moves to the
 * remembered one (keeping the paragraph anchor). Renders nothing.
 */
export function ColumnMemory({ current, base, defaultSegment }: ColumnMemoryProps) {
  useEffect(() => {
    try {
      if (current) {
        localStorage.setItem(storageKey, current);
        return;
      }
      const saved = localStorage.getItem(storageKey);
      if (saved && saved !== defaultSegment && parseColumns(saved)) {
        location.replace(`${base}${saved}/${location.hash}`);
      }
    } catch {
      // Storage may be disabled: the address alone then decides.
    }
  }, [current, base, defaultSegment]);
  return null;
}
