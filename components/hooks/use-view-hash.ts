import { useEffect, useState } from 'preact/hooks';

/** The library page's views, each at its own address (`#removed`), so a link or a reload keeps it. */
export type LibraryViewName = 'library' | 'removed' | 'restore-file';

const VIEW_OF_HASH: Readonly<Record<string, LibraryViewName>> = { '#removed': 'removed', '#restore-file': 'restore-file' };

export function viewHash(view: LibraryViewName): string {
  return view === 'library' ? '#' : `#${view}`;
}

/** The view the address names, following the back and forward buttons. */
export function useViewHash(): LibraryViewName {
  const read = (): LibraryViewName => VIEW_OF_HASH[location.hash] ?? 'library';
  const [view, setView] = useState(read);
  useEffect(() => {
    const update = (): void => setView(read());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return view;
}
