import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { VirtualItem } from '@tanstack/virtual-core';
import { useWindowVirtualizer } from './use-window-virtualizer';

/** Fixed, so the virtualizer never measures: a 40 px cover and its padding. */
export const TABLE_ROW_HEIGHT = 52;
/** Rows beyond each edge of the window: a fast scroll still finds rows ready. */
const OVERSCAN = 8;
/** SPEC §8. */
const MAX_ROWS_IN_DOM = 100;

/**
 * The rows of a library table (the library, the removed tracks) that the window shows, for a
 * body element whose rows sit at their offsets in it: only those rows (and a few beyond) go in
 * the DOM. `scrollMargin` is where the body starts in the document.
 */
export function useTableRows(bodyRef: RefObject<HTMLElement | null>, count: number): { items: VirtualItem[]; totalSize: number; scrollMargin: number } {
  const scrollMargin = useDocumentTop(bodyRef);
  const { items, totalSize } = useWindowVirtualizer({
    count,
    rowHeight: TABLE_ROW_HEIGHT,
    overscan: OVERSCAN,
    maxRows: MAX_ROWS_IN_DOM,
    scrollMargin,
  });
  return { items, totalSize, scrollMargin };
}

/**
 * Where an element starts in the document, followed as what is above it changes (the chart
 * arriving, a notice, the toolbar wrapping). Measured when the page's size changes, after
 * layout, rather than after every render: a keystroke's render would otherwise force a layout.
 */
function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (): void => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}
