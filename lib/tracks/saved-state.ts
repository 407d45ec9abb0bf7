import { t } from '../i18n';

/** Whether the track on a page is in the user's library (SPEC §5). */
export type SavedState =
  | { kind: 'saved' }
  | { kind: 'not-saved' }
  /** Not saved itself, but a saved track has the same ISRC: another version of the recording. */
  | { kind: 'other-version'; albumName: string };

export interface Badge {
  text: '' | '✓' | '+' | '≈';
  title: string;
  /** Background colour; both read on light and dark toolbars with white text. */
  color: string;
}

const SAVED_GREEN = '#11873f';
const UNSAVED_GREY = '#5f6368';
const OTHER_VERSION_AMBER = '#a15c00';

export const NO_BADGE: Badge = { text: '', title: 'Tracklight', color: UNSAVED_GREY };

export function badgeFor(state: SavedState | null): Badge {
  switch (state?.kind) {
    case 'saved':
      return { text: '✓', title: t('badge.saved'), color: SAVED_GREEN };
    case 'not-saved':
      return { text: '+', title: t('badge.notSaved'), color: UNSAVED_GREY };
    case 'other-version':
      return {
        text: '≈',
        title: t('badge.otherVersion', { album: state.albumName }),
        color: OTHER_VERSION_AMBER,
      };
    default:
      return NO_BADGE;
  }
}
