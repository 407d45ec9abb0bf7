import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll, type VirtualItem } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import { cappedRange, type VisibleRange } from '../../lib/library-view/capped-range';

interface WindowVirtualizerOptions {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the window, for smooth scrolling. */
  overscan: number;
  /** SPEC §8: never more rows than this in the DOM, however tall the window. */
  maxRows: number;
  /** Where the list starts in the document, in pixels from its top. */
  scrollMargin: number;
}

/**
 * The rows of a fixed-height list that the window shows, with `@tanstack/virtual-core` doing
 * the scroll bookkeeping (the page scrolls, not a box in it, so the chart scrolls away and the
 * list gets the whole window). This is what `@tanstack/react-virtual`'s `useWindowVirtualizer`
 * does, for Preact.
 */
export function useWindowVirtualizer({ count, rowHeight, overscan, maxRows, scrollMargin }: WindowVirtualizerOptions): {
  items: VirtualItem[];
  totalSize: number;
} {
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const options = {
    count,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin,
    getScrollElement: () => window,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    scrollToFn: windowScroll,
    initialOffset: () => window.scrollY,
    // The window's size before the first observation, so the very first render has its rows.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    rangeExtractor: (range: VisibleRange) => cappedRange(range, maxRows),
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<Window, HTMLElement>(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return { items: virtualizer.getVirtualItems(), totalSize: virtualizer.getTotalSize() };
}
