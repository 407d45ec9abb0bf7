/**
 * The stand-in's notion of "now": `added_at` of new saves, token and code expiry, the rate
 * limit's window. Real time by default; a test can pin it (`set`), move it (`advance`, e.g.
 * past an access token's lifetime) without waiting, or make it run faster than real time
 * (`speedUp`: a soak of rate-limited syncs in seconds, its clients on the same clock).
 */
export class Clock {
  #pinned: number | undefined;
  #offset = 0;
  #factor = 1;
  /** Real and stand-in time when the speed last changed. */
  #realBase = 0;
  #base = 0;

  now(): number {
    if (this.#pinned !== undefined) return this.#pinned + this.#offset;
    const flowing = this.#factor === 1 ? Date.now() : this.#base + (Date.now() - this.#realBase) * this.#factor;
    return flowing + this.#offset;
  }

  /** Pins the clock to `time` (epoch ms); `undefined` returns to real time. */
  set(time: number | undefined): void {
    this.#pinned = time;
    this.#offset = 0;
    this.#factor = 1;
  }

  advance(ms: number): void {
    this.#offset += ms;
  }

  /** From now on, time runs `factor` times as fast as real time. */
  speedUp(factor: number): void {
    this.#base = this.now() - this.#offset;
    this.#realBase = Date.now();
    this.#factor = factor;
  }

  /** How many times as fast as real time it runs. */
  get factor(): number {
    return this.#factor;
  }
}
