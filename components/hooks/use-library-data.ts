import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TextRanker } from '../../lib/library-view/library-model';
import { LibraryViewLoader, LOADING_LIBRARY, type LibraryData } from '../../lib/library-view/library-view-loader';
import type { LibraryDb } from '../../lib/library/store';

/**
 * The cached library for the library page, as lib/library-view/library-view-loader.ts reads
 * it: the newest tracks first, then the whole library. Reloaded when `libraryVersion` moves.
 */
export function useLibraryData(db: LibraryDb | null, libraryVersion: number, rankTexts: TextRanker): LibraryData {
  const [data, setData] = useState<LibraryData>(LOADING_LIBRARY);
  const loader = useRef<LibraryViewLoader | null>(null);
  const loadedVersion = useRef(libraryVersion);

  // A layout effect: the reads start right after the render that has the database, not a frame
  // later, which matters for the 300 ms to first rows.
  useLayoutEffect(() => {
    setData(LOADING_LIBRARY);
    if (!db) return;
    const created = new LibraryViewLoader({ db, rankTexts });
    created.subscribe(setData);
    loader.current = created;
    created.start();
    return () => {
      created.stop();
      loader.current = null;
    };
  }, [db, rankTexts]);

  useEffect(() => {
    if (loadedVersion.current === libraryVersion) return;
    loadedVersion.current = libraryVersion;
    loader.current?.reload();
  }, [libraryVersion]);

  return data;
}
