import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../lib/spotify/errors';
import {
  FIRST_KNOWN_LIMIT,
  freshPacerRecord,
  MAX_IN_FLIGHT,
  Pacer,
  PacingPauseError,
  WINDOW_MS,
  type PacerClock,
  type PacerRecord,
  type Priority,
  type Ticket,
} from '../../../lib/spotify/pacer';
import { ESCALATED_RETRY_AFTER_S, RateLimiter } from '../../stand-in/rate-limiter';

/** Time that moves only when the test moves it; sleeps end in order as it passes them. */
class ManualClock implements PacerClock {
  time = Date.parse('2026-12-01T10:00:00Z');
  #timers: Array<{ at: number; resolve(): void }> = [];

  now = (): number => this.time;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = { at: this.time + ms, resolve };
      this.#timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.#timers = this.#timers.filter((other) => other !== timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });

  until(time: number): Promise<void> {
    return this.sleep(Math.max(0, time - this.time));
  }

  /** Lets every promise that can settle settle, then moves to the next timer; false when none is left. */
  async step(): Promise<boolean> {
    await settle();
    if (this.#timers.length === 0) return false;
    const at = Math.min(...this.#timers.map((timer) => timer.at));
    this.time = Math.max(this.time, at);
    const due = this.#timers.filter((timer) => timer.at <= this.time);
    this.#timers = this.#timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.resolve();
    await settle();
    return true;
  }

  async runUntilSettled(work: Promise<unknown>): Promise<void> {
    let done = false;
    void work.finally(() => (done = true));
    while (!done && (await this.step()));
    await work;
  }
}

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
}

interface SyncFigures {
  requests: number;
  rateLimited: number;
  escalated: number;
  peakInFlight: number;
  durationMs: number;
  /** Pauses (waits over 20 s handed to an alarm). */
  pauses: number;
}

/**
 * A sync of `pages` pages against Spotify's rolling limit (the stand-in's RateLimiter on the same
 * clock, counting requests as they arrive), eight pages asked for at a time as the page pool
 * does. A 429 is retried after its Retry-After; a pause waits for its resume time as the alarm.
 */
async function simulateSync(pacer: Pacer, clock: ManualClock, limiter: RateLimiter, options: { pages: number; latencyMs: number }): Promise<SyncFigures> {
  const figures: SyncFigures = { requests: 0, rateLimited: 0, escalated: 0, peakInFlight: 0, durationMs: 0, pauses: 0 };
  const started = clock.now();
  let remaining = options.pages;
  let inFlight = 0;

  async function fetchPage(): Promise<void> {
    for (;;) {
      let ticket: Ticket;
      try {
        ticket = await pacer.acquire('background');
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        figures.pauses += 1;
        await clock.until(error.resumeAt);
        continue;
      }
      figures.requests += 1;
      figures.peakInFlight = Math.max(figures.peakInFlight, ++inFlight);
      const refusal = limiter.admit('client');
      await clock.sleep(options.latencyMs);
      inFlight -= 1;
      if (!refusal) return ticket.answered('accepted');
      const retryAfterS = Number(refusal.headers['retry-after']);
      figures.rateLimited += 1;
      if (retryAfterS === ESCALATED_RETRY_AFTER_S) figures.escalated += 1;
      ticket.rateLimited(retryAfterS * 1000);
    }
  }

  async function worker(): Promise<void> {
    while (remaining > 0) {
      remaining -= 1;
      await fetchPage();
    }
  }
  await clock.runUntilSettled(Promise.all(Array.from({ length: 8 }, worker)));
  figures.durationMs = clock.now() - started;
  return figures;
}

function world(record: PacerRecord = freshPacerRecord(), limit: number | null = null) {
  const clock = new ManualClock();
  const pacer = new Pacer(record, clock);
  const limiter = new RateLimiter(clock, limit);
  return { clock, pacer, limiter };
}

describe('Pacer against a rolling 30 s limit it does not know', () => {
  it.each([60, 61, 97, 120, 203, 350, 600])(
    'L = %i: a 10,000-track sync (202 pages) meets at most one 429, never an hour; the next sync none',
    async (limit) => {
      const { clock, pacer, limiter } = world(freshPacerRecord(), limit);
      const first = await simulateSync(pacer, clock, limiter, { pages: 202, latencyMs: 100 });
      expect(first.rateLimited).toBeLessThanOrEqual(1);
      expect(first.escalated).toBe(0);
      expect(first.requests).toBe(202 + first.rateLimited);
      // Only a sync that fills the window can meet the limit: that one must have learned it.
      if (limit < 202) expect(first.rateLimited).toBe(1);

      // The next sync, later, by a pacer read back from what storage kept.
      await clock.runUntilSettled(clock.until(clock.now() + 10 * 60_000));
      const again = await simulateSync(new Pacer(pacer.record(), clock), clock, limiter, { pages: 202, latencyMs: 100 });
      expect(again.rateLimited).toBe(0);
      expect(again.requests).toBe(202);
    },
  );

  it('below the window count it knows to be accepted, sends eight at a time; above it, one', async () => {
    const { clock, pacer, limiter } = world();
    const figures = await simulateSync(pacer, clock, limiter, { pages: 40, latencyMs: 100 });
    expect(figures.peakInFlight).toBe(MAX_IN_FLIGHT);

    const probing = world({ ...freshPacerRecord(), proven: 1 });
    const slow = await simulateSync(probing.pacer, probing.clock, probing.limiter, { pages: 40, latencyMs: 100 });
    expect(slow.peakInFlight).toBe(1);
    // Each request accepted alone proved one more: the pacer now knows 40 are accepted.
    expect(probing.pacer.proven).toBe(40);
  });

  it('with no limit in sight, a long sync learns more than a window of one-at-a-time requests, and the next one more again', async () => {
    // One at a time at 100 ms is 300 requests per 30 s: a pacer that only ever probed would stay there.
    const { clock, pacer, limiter } = world();
    const first = await simulateSync(pacer, clock, limiter, { pages: 2002, latencyMs: 100 });
    expect(first.rateLimited).toBe(0);
    expect(pacer.proven).toBeGreaterThan(300);
    await clock.runUntilSettled(clock.until(clock.now() + 60_000));
    const next = new Pacer(pacer.record(), clock);
    await simulateSync(next, clock, limiter, { pages: 2002, latencyMs: 100 });
    expect(next.proven).toBeGreaterThan(pacer.proven);
  });

  it('learns the limit from the 429 that reveals it, and keeps it as the ceiling', async () => {
    const { clock, pacer, limiter } = world(freshPacerRecord(), 90);
    await simulateSync(pacer, clock, limiter, { pages: 150, latencyMs: 50 });
    expect(pacer.proven).toBe(90);
    expect(pacer.ceilingKnown).toBe(true);
    expect(pacer.record()).toMatchObject({ proven: 90 });
  });
});

describe('Pacer waits', () => {
  it('holds every request for a Retry-After of up to 20 s, and refuses at once a longer one', async () => {
    const { clock, pacer } = world();
    const closedAt = clock.now();
    pacer.closeGate(closedAt + 15_000, false);
    await clock.runUntilSettled(pacer.acquire('interactive'));
    expect(clock.now() - closedAt).toBe(15_000);

    pacer.closeGate(clock.now() + 3_600_000, false);
    const refused = await pacer.acquire('interactive').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).not.toBeInstanceOf(PacingPauseError);
    expect((refused as RateLimitedError).resumeAt).toBe(clock.now() + 3_600_000);
  });

  it('refuses at once while a quota is used up, however short its wait', async () => {
    const { clock, pacer } = world();
    pacer.closeGate(clock.now() + 5_000, true);
    const refused = (await pacer.acquire('interactive').catch((error: unknown) => error)) as RateLimitedError;
    expect(refused.quotaExceeded).toBe(true);
  });

  it('pauses (PacingPauseError) when the window has no room for over 20 s, saying when it will', async () => {
    const { clock, pacer } = world({ ...freshPacerRecord(), proven: 60, ceilingUntil: Date.parse('2026-12-02T00:00:00Z') });
    const sentAt = clock.now();
    for (let sent = 0; sent < 60; sent++) (await pacer.acquire('interactive')).answered('accepted');
    const pause = (await pacer.acquire('interactive').catch((error: unknown) => error)) as PacingPauseError;
    expect(pause).toBeInstanceOf(PacingPauseError);
    // Room comes when the first answer leaves the window (a second's margin past Spotify's 30 s).
    expect(pause.resumeAt).toBe(sentAt + WINDOW_MS + 1_000);
  });

  it('leaves sync pages a twentieth of the window short, for the user’s Save and Remove', async () => {
    const { pacer } = world({ ...freshPacerRecord(), proven: 100, ceilingUntil: Date.parse('2026-12-02T00:00:00Z') });
    const sent: Priority[] = [];
    const ask = (priority: Priority) =>
      pacer.acquire(priority).then(
        (ticket) => {
          sent.push(priority);
          ticket.answered('accepted');
        },
        () => undefined,
      );
    await Promise.all(Array.from({ length: 100 }, () => ask('background')));
    expect(sent).toHaveLength(95);
    await ask('interactive');
    expect(sent).toHaveLength(96);
  });

  it('serves a waiting Save before waiting sync pages', async () => {
    const { clock, pacer } = world();
    pacer.closeGate(clock.now() + 5_000, false);
    const order: Priority[] = [];
    const asks = (['background', 'background', 'interactive'] as const).map((priority) =>
      pacer.acquire(priority).then((ticket) => {
        order.push(priority);
        ticket.answered('accepted');
      }),
    );
    await clock.runUntilSettled(Promise.all(asks));
    expect(order).toEqual(['interactive', 'background', 'background']);
  });

  it('lets go of a waiting request whose signal aborts', async () => {
    const { clock, pacer } = world();
    pacer.closeGate(clock.now() + 5_000, false);
    const abort = new AbortController();
    const waiting = pacer.acquire('background', abort.signal);
    abort.abort(new Error('worker stopping'));
    await expect(waiting).rejects.toThrow('worker stopping');
  });
});

/** `count` requests answered 2xx, one after another: the window holds them all. */
async function fill(pacer: Pacer, count: number): Promise<void> {
  for (let sent = 0; sent < count; sent++) (await pacer.acquire('interactive')).answered('accepted');
}

describe('Pacer learning from 429s', () => {
  it('a 429 with 60 requests or fewer in the window is not the limit: its Retry-After holds calls, nothing is learned', async () => {
    const { clock, pacer } = world({ ...freshPacerRecord(), proven: 300 });
    await fill(pacer, 10);
    (await pacer.acquire('interactive')).rateLimited(2_000);
    expect(pacer.proven).toBe(300);
    expect(pacer.ceilingKnown).toBe(false);
    expect(pacer.gate()).toEqual({ until: clock.now() + 2_000, quotaExceeded: false });
  });

  it('halves what it knows on a 429 below it, not below 60, and stops probing above it', async () => {
    const { pacer } = world({ ...freshPacerRecord(), proven: 300 });
    await fill(pacer, 100);
    (await pacer.acquire('interactive')).rateLimited(2_000);
    expect(pacer.proven).toBe(150);
    expect(pacer.ceilingKnown).toBe(true);

    const low = world({ ...freshPacerRecord(), proven: 80 });
    await fill(low.pacer, 70);
    (await low.pacer.acquire('interactive')).rateLimited(1_000);
    expect(low.pacer.proven).toBe(FIRST_KNOWN_LIMIT);
  });

  it('halves once for 429s to requests that were in flight together', async () => {
    const { pacer } = world({ ...freshPacerRecord(), proven: 400 });
    await fill(pacer, 100);
    const tickets = await Promise.all([pacer.acquire('interactive'), pacer.acquire('interactive'), pacer.acquire('interactive')]);
    for (const ticket of tickets) ticket.rateLimited(1_000);
    expect(pacer.proven).toBe(200);
  });
});

describe('Pacer records', () => {
  it('a pacer read back counts every request of the window, those sent after the last write too', async () => {
    const clock = new ManualClock();
    const writes: PacerRecord[] = [];
    const record = { ...freshPacerRecord(), proven: 60, ceilingUntil: Date.parse('2026-12-02T00:00:00Z') };
    const pacer = new Pacer(record, clock, async (written) => {
      writes.push(written);
    });
    for (let sent = 0; sent < 40; sent++) {
      const ticket = await pacer.acquire('interactive');
      if (sent < 37) ticket.answered('accepted');
    }
    // The worker stops here, three requests in flight: only what was written survives.
    await settle();
    const restarted = new Pacer(writes.at(-1)!, clock);
    let sentAfterRestart = 0;
    for (;;) {
      const outcome = await restarted.acquire('interactive').catch((error: unknown) => error);
      if (outcome instanceof PacingPauseError) break;
      (outcome as { answered(outcome: 'accepted'): void }).answered('accepted');
      sentAfterRestart += 1;
    }
    expect(40 + sentAfterRestart).toBeLessThanOrEqual(60);
  });

  it('keeps its gate, what it learned and its ceiling across a restart', async () => {
    const { clock, pacer } = world({ ...freshPacerRecord(), proven: 250 });
    await fill(pacer, 100);
    (await pacer.acquire('interactive')).rateLimited(3_600_000);
    const restarted = new Pacer(pacer.record(), clock);
    expect(restarted.gate().until).toBe(clock.now() + 3_600_000);
    expect(restarted.proven).toBe(125);
    expect(restarted.ceilingKnown).toBe(true);
  });

  it('does not wait for storage that fails', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer(freshPacerRecord(), clock, async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    let sent = 0;
    for (; sent < 30; sent++) (await pacer.acquire('interactive')).answered('accepted');
    expect(sent).toBe(30);
  });
});
