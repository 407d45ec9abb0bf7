/**
 * The stand-in's notion of "now": `added_at` of new saves, token and code expiry. Real time by
 * default; a test can pin it (`set`) or move it (`advance`, e.g. past an access token's
 * lifetime) without waiting.
 */
export class Clock {
  #pinned: number | undefined;
  #offset = 0;

  now(): number {
    return (this.#pinned ?? Date.now()) + this.#offset;
  }

  /** Pins the clock to `time` (epoch ms); `undefined` returns to real time. */
  set(time: number | undefined): void {
    this.#pinned = time;
    this.#offset = 0;
  }

  advance(ms: number): void {
    this.#offset += ms;
  }
}
