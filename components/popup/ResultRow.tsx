import { Fragment } from 'preact';
import type { ListedTrack } from '../../lib/popup/listed-track';
import { formatDuration, formatSavedDate } from '../../lib/format';
import { t } from '../../lib/i18n';
import { clipForDisplay } from '../../lib/popup/track-links';
import { CoverImage } from '../CoverImage';
import { Highlighted } from '../Highlighted';
import { Icon } from './Icon';

/** Rows on screen when the list is at its top (the popup shows 7–8). */
const ON_SCREEN_ROWS = 8;

interface ResultRowProps {
  track: ListedTrack;
  index: number;
  query: string;
  openUrl: string;
  /** Enter in the search box opens this row: it is marked so. */
  isDefault: boolean;
  copied: boolean;
  onOpen: (track: ListedTrack) => void;
  onCopy: (track: ListedTrack) => void;
}

/**
 * One saved track: a link that opens it in Spotify, and a copy-link button. Every name is
 * rendered as text inside `<bdi>`, so markup shows as typed and a right-to-left override in a
 * title ends with the title.
 */
export function ResultRow({ track, index, query, openUrl, isDefault, copied, onOpen, onCopy }: ResultRowProps) {
  const title = clipForDisplay(track.name);
  const album = clipForDisplay(track.album.name);
  return (
    <li class={isDefault ? 'result is-default' : 'result'} data-track-id={track.id ?? track.uri} data-row-index={index}>
      <a
        class="result-link"
        href={openUrl}
        onClick={(event) => {
          event.preventDefault();
          onOpen(track);
        }}
      >
        <CoverImage src={track.album.image} size={40} loading={index < ON_SCREEN_ROWS ? 'eager' : 'lazy'} />
        <span class="result-text">
          <span class="result-line">
            <bdi class="result-title" title={title}>
              <Highlighted text={title} query={query} />
            </bdi>
            <span class="result-duration">{formatDuration(track.durationMs)}</span>
          </span>
          <span class="result-line result-secondary">
            <span class="result-meta">
              {track.artists.map((artist, artistIndex) => (
                <Fragment key={artistIndex}>
                  {artistIndex > 0 && ', '}
                  <bdi>
                    <Highlighted text={clipForDisplay(artist.name)} query={query} />
                  </bdi>
                </Fragment>
              ))}
              {album && (
                <>
                  {' · '}
                  <bdi>
                    <Highlighted text={album} query={query} />
                  </bdi>
                </>
              )}
            </span>
            <span class="result-date">
              <span class="visually-hidden">{t('results.savedOn')}</span>
              {formatSavedDate(track.addedAt)}
            </span>
          </span>
        </span>
      </a>
      <button
        type="button"
        class="result-copy"
        title={track.id ? t('results.copyLink') : t('results.copyUri')}
        aria-label={
          track.id ? t('results.copyLinkTo', { name: clipForDisplay(track.name, 80) }) : t('results.copyUriOf', { name: clipForDisplay(track.name, 80) })
        }
        onClick={() => onCopy(track)}
      >
        <Icon name={copied ? 'check' : 'link'} />
      </button>
    </li>
  );
}

/** A row whose track is still being read: holds its place so the list does not jump. */
export function PlaceholderRow() {
  return (
    <li class="result is-loading" aria-hidden="true">
      <span class="result-link">
        <span class="cover cover-placeholder" style={{ width: '40px', height: '40px' }} />
        <span class="result-text">
          <span class="skeleton" />
          <span class="skeleton short" />
        </span>
      </span>
    </li>
  );
}
