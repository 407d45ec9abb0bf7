import { rankTextsInPlace, type TextRanker } from '../../lib/library-view/library-model';
import type { TextSortRequest, TextSortResponse } from './text-sort-protocol';

interface Pending {
  resolve: (response: TextSortResponse) => void;
  reject: (error: Error) => void;
}

/**
 * A TextRanker that ranks in a worker. If the worker cannot start or dies, ranking falls back
 * to the page's thread: slower for a big library, but the sort still works.
 */
export function createWorkerTextRanker(): { rankTexts: TextRanker; dispose: () => void } {
  const inPlace = rankTextsInPlace();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./text-sort-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }

  function abandonWorker(reason: string): void {
    worker?.terminate();
    worker = null;
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  }

  worker?.addEventListener('message', (event: MessageEvent<TextSortResponse>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data);
  });
  worker?.addEventListener('error', () => abandonWorker('The sort worker stopped'));

  return {
    async rankTexts(texts) {
      if (!worker) return inPlace(texts);
      const id = nextId++;
      const running = worker;
      const response = await new Promise<TextSortResponse>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.postMessage({ id, texts } satisfies TextSortRequest);
      }).catch(() => null);
      if (response === null) return inPlace(texts);
      if ('error' in response) throw new Error(response.error);
      return response.index;
    },
    dispose: () => abandonWorker('The library page closed'),
  };
}
