import { useEffect, useRef, useState } from 'preact/hooks';
import type { SendRequest } from '../../lib/messaging/client';
import type { TabTrack } from '../../lib/messaging/protocol';
import type { SavedState } from '../../lib/tracks/saved-state';

export interface CurrentTabTrack {
  /** The Spotify track the current tab shows, or null. */
  track: TabTrack | null;
  /** A Save or Remove is on its way to Spotify. */
  pending: boolean;
  /** Why the last Save or Remove was rolled back. */
  error: string | null;
  /** Save the track if it is not saved, else remove it. */
  toggleSaved(): void;
}

/**
 * The current tab's track (`tabId`: see use-current-tab-id.ts; the background reads its URL).
 * Save and Remove show their result at once and roll back with the background's message if
 * Spotify refuses. Asked again when the library changes: a sync may have settled whether it is
 * saved.
 */
export function useCurrentTabTrack(send: SendRequest, tabId: number | null, enabled: boolean, libraryVersion: number): CurrentTabTrack {
  const [track, setTrack] = useState<TabTrack | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refresh must not overwrite the optimistic state while the call is on its way.
  const changing = useRef(false);

  useEffect(() => {
    if (!enabled || tabId === null || changing.current) return;
    let active = true;
    send({ type: 'getTabTrack', tabId }).then(
      (answer) => active && setTrack(answer),
      // Keep what is shown: the background may be starting up, the next change asks again.
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [send, enabled, tabId, libraryVersion]);

  async function toggleSaved(): Promise<void> {
    if (!track || changing.current) return;
    const before = track.state;
    const save = before.kind !== 'saved';
    const optimistic: SavedState = save ? { kind: 'saved' } : { kind: 'not-saved' };
    changing.current = true;
    setPending(true);
    setError(null);
    setTrack({ ...track, state: optimistic });
    try {
      const state = await send({ type: 'setTrackSaved', trackId: track.trackId, saved: save });
      setTrack((current) => current && { ...current, state });
    } catch (failure) {
      setTrack((current) => current && { ...current, state: before });
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      changing.current = false;
      setPending(false);
    }
  }

  return { track: enabled ? track : null, pending, error, toggleSaved: () => void toggleSaved() };
}
