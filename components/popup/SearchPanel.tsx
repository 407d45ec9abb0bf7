import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ListedTrack } from '../../lib/popup/listed-track';
import { formatCount } from '../../lib/format';
import { t } from '../../lib/i18n';
import { isTypingKey, nextFocus, SEARCH_BOX } from '../../lib/popup/result-navigation';
import { trackOpenUrl, trackShareLink, type OpenTracksIn } from '../../lib/popup/track-links';
import type { PopupLibrary } from '../hooks/use-popup-library';
import { useSearchResults } from '../hooks/use-search-results';
import { ResultCount } from './ResultCount';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';

/** Rows listed at first and added per scroll. */
const ROWS_PER_PAGE = 15;
/**
 * Rows rendered in the frame that answers a keystroke: about what the list shows (7–8). The
 * rest of the page follows once that frame is painted: every row rendered is work in the
 * keystroke's frame (SPEC §8: 4 ms at 10k tracks, 16 ms at 100k).
 */
const FIRST_FRAME_ROWS = 8;
/** The rest of the page waits at most this long for the browser to be idle. */
const REST_OF_PAGE_TIMEOUT_MS = 200;
/** The popup is for finding a track; past this many rows the library page is the better tool. */
const MAX_ROWS = 500;
/** Rows from the bottom at which scrolling renders the next page. */
const PRELOAD_ROWS = 5;
const ROW_HEIGHT_PX = 52;
const COPIED_FEEDBACK_MS = 2000;

interface SearchPanelProps {
  library: PopupLibrary | null;
  /** AppStatus `libraryVersion`: results from an older library are not called complete. */
  libraryVersion: number;
  /** The first sync is still running. */
  partial: boolean;
  openIn: OpenTracksIn;
}

/** The search box and its results: typing, keyboard movement, opening and copying tracks. */
export function SearchPanel({ library, libraryVersion, partial, openIn }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const [renderedRows, setRenderedRows] = useState(FIRST_FRAME_ROWS);
  const [boxFocused, setBoxFocused] = useState(true);
  const [copiedUri, setCopiedUri] = useState<string | null>(null);
  const [copyNote, setCopyNote] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Whether the list is scrolled away from its top: scrolling back on every keystroke would
  // make the browser lay the page out in the middle of the keystroke (a forced layout).
  const listScrolled = useRef(false);
  // A row keyboard movement asked for before it was rendered: focused once it is.
  const pendingFocus = useRef<number | null>(null);
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { outcome, rows, complete } = useSearchResults(library, libraryVersion, query, limit);
  const reachable = Math.min(outcome?.total ?? 0, MAX_ROWS);

  useEffect(() => {
    // The box has `autofocus`, which the browser honours as it makes the next frame. Calling
    // focus() here instead made the browser lay the page out before the first rows were
    // painted (~4 ms of script and a forced layout per open). Animation callbacks come after
    // that step of the frame: focus it there if the browser did not (something else had
    // focus, or the page had used up its autofocus).
    const frame = requestAnimationFrame(() => {
      if (document.activeElement !== inputRef.current) inputRef.current?.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(copiedTimer.current);
    };
  }, []);

  // The rest of the page once the browser is idle: an effect alone runs in a task right after
  // the keystroke's frame, which kept that frame's results from being shown until it was done
  // (measured: 20–40 ms of a first letter's keystroke at 10k tracks, under load).
  useEffect(() => {
    if (renderedRows >= limit) return;
    const idle = requestIdleCallback(() => setRenderedRows(limit), { timeout: REST_OF_PAGE_TIMEOUT_MS });
    return () => cancelIdleCallback(idle);
  }, [renderedRows, limit]);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index !== null && rowLink(index)) {
      pendingFocus.current = null;
      rowLink(index)?.focus();
    }
  });

  function rowLink(index: number): HTMLAnchorElement | null {
    return listRef.current?.querySelector<HTMLAnchorElement>(`[data-row-index="${index}"] .result-link`) ?? null;
  }

  function changeQuery(next: string): void {
    setQuery(next);
    setLimit(ROWS_PER_PAGE);
    setRenderedRows(FIRST_FRAME_ROWS);
    if (listScrolled.current) {
      listScrolled.current = false;
      listRef.current?.scrollTo({ top: 0 });
    }
  }

  function moveFocus(index: number): void {
    if (index === SEARCH_BOX) {
      inputRef.current?.focus();
      return;
    }
    const link = rowLink(index);
    if (link) {
      link.focus();
      return;
    }
    pendingFocus.current = index;
    const needed = Math.max(limit, Math.min(Math.ceil((index + 1) / ROWS_PER_PAGE) * ROWS_PER_PAGE, MAX_ROWS));
    setLimit(needed);
    // In this render: the keyboard is waiting for that row.
    setRenderedRows(needed);
  }

  function openTrack(track: ListedTrack): void {
    void browser.tabs.create({ url: trackOpenUrl(track, openIn) });
  }

  async function copyLink(track: ListedTrack): Promise<void> {
    clearTimeout(copiedTimer.current);
    try {
      await navigator.clipboard.writeText(trackShareLink(track));
      setCopiedUri(track.uri);
      setCopyNote(t('results.linkCopied'));
    } catch {
      // The clipboard refuses a page without focus (the popup closing under the click).
      setCopiedUri(null);
      setCopyNote(t('results.linkNotCopied'));
    }
    copiedTimer.current = setTimeout(() => {
      setCopiedUri(null);
      setCopyNote('');
    }, COPIED_FEEDBACK_MS);
  }

  function onBoxKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      // Only once something is typed: the first row is then marked as what Enter opens.
      const first = query.trim() === '' ? undefined : rows[0]?.track;
      if (first) openTrack(first);
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      // An empty box lets Escape close the popup, as the browser does by default.
      if (query === '') return;
      event.preventDefault();
      changeQuery('');
      return;
    }
    const to = nextFocus(SEARCH_BOX, event.key, reachable);
    if (to === null) return;
    event.preventDefault();
    moveFocus(to);
  }

  function onListKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row-index]');
    if (!row) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      changeQuery('');
      inputRef.current?.focus();
      return;
    }
    // Typing on a row goes on in the search box: focus moves before the character lands.
    // Space on the copy button presses it instead.
    if (isTypingKey(event) && !(event.key === ' ' && target instanceof HTMLButtonElement)) {
      inputRef.current?.focus();
      return;
    }
    const to = nextFocus(Number(row.dataset.rowIndex), event.key, reachable);
    if (to === null) return;
    event.preventDefault();
    moveFocus(to);
  }

  function onListScroll(event: Event): void {
    const list = event.currentTarget as HTMLElement;
    listScrolled.current = list.scrollTop > 0;
    const nearEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - PRELOAD_ROWS * ROW_HEIGHT_PX;
    // While only the first rows are rendered the list is short, not scrolled to its end.
    if (nearEnd && renderedRows >= limit && limit < reachable) setLimit(Math.min(limit + ROWS_PER_PAGE, MAX_ROWS));
  }

  const total = library?.tracks.total ?? 0;
  const cappedAt = rows.length >= MAX_ROWS && (outcome?.total ?? 0) > MAX_ROWS ? MAX_ROWS : null;
  return (
    <section class="search" aria-label={t('search.label')}>
      <SearchBox
        query={query}
        placeholder={total > 0 ? t('search.placeholder', total, { count: formatCount(total) }) : t('search.label')}
        inputRef={inputRef}
        describedBy="result-count"
        onQueryChange={changeQuery}
        onKeyDown={onBoxKeyDown}
        onFocusChange={setBoxFocused}
      />
      <ResultCount id="result-count" outcome={outcome} query={query} partial={partial} />
      <ResultList
        rows={rows.slice(0, renderedRows)}
        more={rows.length > renderedRows}
        query={query}
        complete={complete}
        listRef={listRef}
        defaultIndex={boxFocused && query.trim() !== '' ? 0 : -1}
        copiedUri={copiedUri}
        openUrlOf={(track) => trackOpenUrl(track, openIn)}
        onOpen={openTrack}
        onCopy={(track) => void copyLink(track)}
        onKeyDown={onListKeyDown}
        onScroll={onListScroll}
        footer={cappedAt === null ? null : t('results.capped', { count: formatCount(cappedAt) })}
      />
      <p class="visually-hidden" role="status">
        {copyNote}
      </p>
    </section>
  );
}
