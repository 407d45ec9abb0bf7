/** The popup's track-chunks worker (track-chunks-worker.ts), or null where it cannot start. */
export function startTrackChunksWorker(): Worker | null {
  try {
    return new Worker(new URL('./track-chunks-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}
