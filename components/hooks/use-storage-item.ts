import { useLayoutEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The current value of a storage item, kept up to date; undefined until first read. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  // A layout effect starts the read right after the first render; a plain effect waits for the
  // next frame, and the popup's first results wait on this read (SPEC §8: 150 ms).
  useLayoutEffect(() => {
    let active = true;
    void item.getValue().then((initial) => {
      if (active) setValue(initial);
    });
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}
