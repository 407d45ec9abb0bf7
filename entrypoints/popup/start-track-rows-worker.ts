/** The popup's track-rows worker (track-rows-worker.ts), or null where it cannot start. */
export function startTrackRowsWorker(): Worker | null {
  try {
    return new Worker(new URL('./track-rows-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
