import type { Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ListedTrack } from '../../lib/popup/listed-track';
import type { ResultRow as Row } from '../hooks/use-search-results';
import { PlaceholderRow, ResultRow } from './ResultRow';

interface ResultListProps {
  rows: Row[];
  /** More rows of this page are on their way (rendered after the first ones are painted). */
  more: boolean;
  query: string;
  /** Every row's track is in. */
  complete: boolean;
  listRef: Ref<HTMLOListElement>;
  /** The row Enter in the search box opens, marked while the box has focus; -1 for none. */
  defaultIndex: number;
  copiedUri: string | null;
  openUrlOf: (track: ListedTrack) => string;
  onOpen: (track: ListedTrack) => void;
  onCopy: (track: ListedTrack) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onScroll: (event: Event) => void;
  /** Said below the rows: why the list stops there. */
  footer: string | null;
}

/**
 * The results, a screenful at a time (the caller grows `rows` on scroll).
 *
 * For `npm run bench` (SPEC §8), once the rows of a query are in the DOM:
 * - `performance.mark('tracklight:first-results')`, once, when the first rows appear;
 * - `performance.mark('tracklight:results')` after every query's rows, with the list's
 *   `data-results-for` attribute set to that query as typed (the rows on screen are in;
 *   `aria-busy` stays true until the rest of the page is).
 * Both come from a layout effect: after the DOM changes, before the browser paints.
 */
export function ResultList(props: ResultListProps) {
  const { rows, more, query, complete, listRef, defaultIndex, copiedUri, openUrlOf, onOpen, onCopy, onKeyDown, onScroll, footer } = props;
  const firstResultsMarked = useRef(false);

  useLayoutEffect(() => {
    if (!complete) return;
    if (!firstResultsMarked.current && rows.length > 0) {
      firstResultsMarked.current = true;
      performance.mark('tracklight:first-results');
    }
    performance.mark('tracklight:results');
  }, [rows, complete]);

  return (
    <ol
      class="results"
      ref={listRef}
      aria-label={t('results.listLabel')}
      aria-busy={!complete || more}
      data-results-for={complete ? query : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      {rows.map((row, index) =>
        row.track ? (
          <ResultRow
            key={row.track.uri}
            track={row.track}
            index={index}
            query={query}
            openUrl={openUrlOf(row.track)}
            isDefault={index === defaultIndex}
            copied={copiedUri === row.track.uri}
            onOpen={onOpen}
            onCopy={onCopy}
          />
        ) : (
          <PlaceholderRow key={`loading-${row.position}`} />
        ),
      )}
      {footer && (
        <li class="results-footer">
          {footer}
        </li>
      )}
    </ol>
  );
}
