import type { Ref } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
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
 * Rows are keyed by their place in the list, not by track: a keystroke rewrites the text and
 * cover of the rows on screen instead of removing them and making new ones (the keystroke
 * floor of SPEC §8 does the same; see README → Performance).
 *
 * For `npm run bench` (SPEC §8), once the rows of a query are in the DOM:
 * `performance.mark('tracklight:results')` after every query's rows, with the list's
 * `data-results-for` attribute set to that query as typed (the rows on screen are in;
 * `aria-busy` stays true until the rest of the page is). It comes from a layout effect: after
 * the DOM changes, before the browser paints.
 */
export function ResultList(props: ResultListProps) {
  const { rows, more, query, complete, listRef, defaultIndex, copiedUri, openUrlOf, onOpen, onCopy, onKeyDown, onScroll, footer } = props;

  useLayoutEffect(() => {
    if (!complete) return;
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
            key={index}
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
          <PlaceholderRow key={index} />
        ),
      )}
      {footer && <li class="results-footer">{footer}</li>}
    </ol>
  );
}
