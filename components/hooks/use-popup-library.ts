import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LibraryDb } from '../../lib/library/store';
import type { FirstScreen } from '../../lib/popup/first-screen';
import { firstScreenLibrary, PopupLibraryLoader, type PopupLibrary } from '../../lib/popup/popup-library-loader';

export type { PopupLibrary } from '../../lib/popup/popup-library-loader';

/**
 * The cached library as the popup searches it (lib/popup/popup-library-loader.ts reads it):
 * the last popup's first screen until the database is open, then what the loader publishes.
 * Reloaded when `libraryVersion` moves.
 */
export function usePopupLibrary(
  db: LibraryDb | null,
  accountKey: string | null,
  libraryVersion: number,
  /** The track-chunks worker (entrypoints/popup/track-chunks-worker.ts), or null if none starts. */
  startRowsWorker: () => Worker | null,
  /** The last popup's first screen of this account's library at `libraryVersion`, or null. */
  firstScreen: FirstScreen | null,
): PopupLibrary | null {
  const [library, setLibrary] = useState<PopupLibrary | null>(null);
  const loader = useRef<PopupLibraryLoader | null>(null);
  const latestVersion = useRef(libraryVersion);
  const requestedVersion = useRef(libraryVersion);
  latestVersion.current = libraryVersion;
  const latestFirstScreen = useRef(firstScreen);
  latestFirstScreen.current = firstScreen;

  // Shown until the database is open, then replaced by the same rows read from it.
  useLayoutEffect(() => {
    if (!firstScreen) return;
    setLibrary((current) => current ?? firstScreenLibrary(firstScreen));
  }, [firstScreen]);

  // Layout effects: the reads start right after the render that has the database, not a frame
  // later (a frame is a tenth of the 150 ms budget to first results).
  useLayoutEffect(() => {
    setLibrary((current) => (current?.fromFirstScreen && current.accountKey === accountKey ? current : null));
    if (!db || !accountKey) return;
    const created = new PopupLibraryLoader({
      db,
      accountKey,
      startRowsWorker,
      currentVersion: () => latestVersion.current,
      keptFirstScreen: () => latestFirstScreen.current,
    });
    created.subscribe(setLibrary);
    loader.current = created;
    created.start();
    return () => {
      created.stop();
      loader.current = null;
    };
  }, [db, accountKey, startRowsWorker]);

  useLayoutEffect(() => {
    if (requestedVersion.current === libraryVersion) return;
    requestedVersion.current = libraryVersion;
    loader.current?.reload();
  }, [libraryVersion]);

  return library;
}
