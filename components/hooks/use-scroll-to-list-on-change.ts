import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Brings the top of a list back into view when `key` changes (a new filter or sort): scrolled
 * deep into 100k tracks, the user would otherwise land in the middle of the new list, or past
 * its end. `stickyHeight` is what covers the window's top (the sticky toolbar).
 */
export function useScrollToListOnChange(key: unknown, listRef: RefObject<HTMLElement | null>, stickyHeight: number): void {
  const first = useRef(true);
  const sticky = useRef(stickyHeight);
  sticky.current = stickyHeight;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const list = listRef.current;
    if (!list) return;
    const listTop = list.getBoundingClientRect().top + window.scrollY - sticky.current;
    if (window.scrollY > listTop) window.scrollTo({ top: listTop });
  }, [key, listRef]);
}
