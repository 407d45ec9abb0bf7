import { RateLimitedError } from './errors';

/**
 * Spotify limits each Client ID to an unpublished number L of requests in a rolling 30-second
 * window, lower in development mode, and has answered bursts of parallel requests with
 * Retry-After values of hours (README, "Spotify's rate limits"). Every request sent while the
 * window is full is answered 429, and one sent during a Retry-After may be answered with an
 * hour: so the number of 429s when L is first crossed is the number of requests in flight then.
 * The pacer keeps that number at one:
 *
 * - `proven`: the largest window count Spotify is known to have accepted (a lower bound of L,
 *   from requests that came back 2xx; SPEC §3's lowest L, 60, before any). Below it, up to
 *   MAX_IN_FLIGHT requests run at once.
 * - Above it, while no 429 has shown the ceiling, one request at a time and nothing beside it
 *   (a probe): if it comes back 2xx, `proven` grows to the count it was accepted at; if it
 *   comes back 429, that is the only 429, and L is known: `proven` is where the pacer stays.
 * - A 429 below `proven` contradicts what was learned (another device on the same Client ID, a
 *   limit that changed): `proven` halves, as TCP halves its window on a loss, but not below 60,
 *   and probing stops. A 429 at 60 requests or fewer is not the rolling limit SPEC §3 promises
 *   to cope with (a passing fault, a quota): its Retry-After is honoured and nothing learned,
 *   so that one passing 429 does not slow every sync of the day.
 *
 * Window counts are bounds that hold whatever the latency: a request counts from when it is
 * sent until EDGE_MARGIN_MS after 30 s past its answer (Spotify saw it in between), and a 2xx
 * proves only the requests that were answered before it was sent and sent after its answer
 * minus 30 s. One pacer per Client ID is shared by every call of the background (sync pages,
 * saves, checks, `GET /me`); under a known ceiling, sync pages leave a few requests of the
 * window to the user's own actions. Its state is kept (see PacerRecord) so that the next sync starts where this one
 * ended, and so that a restarted service worker knows what the window still holds.
 */

export const WINDOW_MS = 30_000;
/** Spotify's window edges are unpublished: a request counts a second longer, and proves a second less. */
const EDGE_MARGIN_MS = 1_000;
/** SPEC §3: the lowest limit Tracklight is promised to cope with; known safe before anything is learned. */
export const FIRST_KNOWN_LIMIT = 60;
/** Requests in flight at once below `proven`: 10,000 tracks in ~3 s at 100 ms per request. */
export const MAX_IN_FLIGHT = 8;
/** SPEC §3: a longer wait is held by an alarm and a stored resume time (Chrome stops an idle worker after 30 s). */
export const LONGEST_INLINE_WAIT_MS = 20_000;
/** A 429 stops probing above `proven` for this long: the next syncs meet none (SPEC §3); limits may rise again. */
const CEILING_MEMORY_MS = 24 * 60 * 60_000;
/** Requests that may start before the window is written to storage again (see the lease below). */
const LEASE = 16;
/** Under a known ceiling, sync pages leave a twentieth of the window (at most 8) to Save, Remove and badge checks. */
const BACKGROUND_RESERVE_SHARE = 20;
const MAX_BACKGROUND_RESERVE = 8;

export type Priority = 'interactive' | 'background';

export interface GateState {
  /** Epoch ms before which no request may start (Retry-After). */
  until: number;
  /** The wait comes from a QUOTA_EXCEEDED answer. */
  quotaExceeded: boolean;
}

/** What storage.local keeps per Client ID. */
export interface PacerRecord {
  proven: number;
  /** Epoch ms until which `proven` is the known ceiling (0: none known). */
  ceilingUntil: number;
  gate: GateState;
  /** Answered requests that may still count in Spotify's window: [epoch second, rounded up, of the answer; how many]. */
  recent: Array<[number, number]>;
  /**
   * Requests in flight when this was written, plus the lease: how many more may have been sent
   * before the next write. Read back, they count as answered at that moment.
   */
  unsettled: number;
}

export interface PacerClock {
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A wait for room in the window longer than the worker may wait inline: the caller pauses until `resumeAt`. */
export class PacingPauseError extends RateLimitedError {
  override name = 'PacingPauseError';
  constructor(resumeAt: number) {
    super(resumeAt, false);
    this.message = `Spotify's rate limit leaves no room before ${new Date(resumeAt).toISOString()}`;
  }
}

export type Outcome = 'accepted' | 'failed';

/** One request's place in the window: say how it was answered, once. */
export interface Ticket {
  /** 2xx (`accepted`: proves the window count it was sent at), or anything else but a 429. */
  answered(outcome: Outcome): void;
  /**
   * A 429: no request starts for `retryAfterMs`. `quotaExceeded` is what its body says; until
   * it is read, requests waiting for the gate are kept rather than refused as a plain wait.
   */
  rateLimited(retryAfterMs: number, quotaExceeded?: boolean | Promise<boolean>): void;
}

interface Entry {
  sentAt: number;
  /** null while in flight. */
  doneAt: number | null;
  accepted: boolean;
  /** Read back from storage: counts in the window, proves nothing. */
  remembered: boolean;
  /** Window count, itself included, when it was sent. */
  countAtSend: number;
}

interface Waiter {
  priority: Priority;
  resolve(ticket: Ticket): void;
  reject(error: unknown): void;
}

type Verdict = { kind: 'send'; probe: boolean } | { kind: 'at'; time: number } | { kind: 'answer' } | { kind: 'refuse'; error: RateLimitedError };

export function freshPacerRecord(): PacerRecord {
  return { proven: FIRST_KNOWN_LIMIT, ceilingUntil: 0, gate: { until: 0, quotaExceeded: false }, recent: [], unsettled: 0 };
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

export class Pacer {
  #proven: number;
  #ceilingUntil: number;
  #gate: GateState;
  #entries: Entry[];
  #inFlight = 0;
  #probe: Entry | null = null;
  /** 429s whose bodies are still being read (see Ticket.rateLimited). */
  #unreadRefusals = 0;
  /** Interactive waiters first, each kind in arrival order. */
  #queue: Waiter[] = [];
  #timer: AbortController | null = null;
  /** When `proven` was last halved: 429s of requests sent before then are the same event. */
  #lastCutAt = -Infinity;
  /**
   * The lease: requests are sent only while `granted < allowance`, and a write of the record
   * (which counts LEASE requests ahead) raises the allowance. So however the worker stops,
   * the last record written counts every request sent after it.
   */
  #granted = 0;
  #allowance: number;
  #writing: Promise<void> | null = null;
  #writeAgain = false;

  constructor(
    record: PacerRecord,
    private readonly clock: PacerClock = realClock,
    /** Keeps the record (storage.local); without it, the pacer lives in memory only. */
    private readonly persist?: (record: PacerRecord) => Promise<void>,
  ) {
    const now = clock.now();
    this.#proven = Math.max(1, record.proven);
    this.#ceilingUntil = record.ceilingUntil;
    this.#gate = { ...record.gate };
    const remembered = (doneAt: number): Entry => ({ sentAt: doneAt, doneAt, accepted: false, remembered: true, countAtSend: 0 });
    this.#entries = [
      ...record.recent.flatMap(([second, count]) => Array.from({ length: count }, () => remembered(second * 1000))),
      ...Array.from({ length: record.unsettled }, () => remembered(now)),
    ];
    this.#prune(now);
    this.#allowance = persist ? 0 : Infinity;
  }

  /** The largest window count known to be accepted. */
  get proven(): number {
    return this.#proven;
  }

  /** Whether a 429 has shown that `proven` is the ceiling (no probing above it for now). */
  get ceilingKnown(): boolean {
    return this.#ceilingUntil > this.clock.now();
  }

  gate(): GateState {
    return { ...this.#gate };
  }

  /** No request starts before `until` (a later wait wins; an earlier one never shortens one already promised). */
  closeGate(until: number, quotaExceeded: boolean): void {
    if (until > this.#gate.until) this.#gate = { until, quotaExceeded };
    else if (quotaExceeded && !this.#gate.quotaExceeded) this.#gate = { ...this.#gate, quotaExceeded };
    else return;
    this.#write();
    this.#pump();
  }

  /**
   * Resolves when this request may be sent. Rejects with RateLimitedError when the gate is
   * closed for longer than LONGEST_INLINE_WAIT_MS or by a quota, with PacingPauseError when the
   * window has no room for that long, or with the signal's reason.
   */
  acquire(priority: Priority, signal?: AbortSignal): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { priority, resolve, reject };
      const before = priority === 'interactive' ? this.#queue.findIndex((queued) => queued.priority === 'background') : -1;
      this.#queue.splice(before < 0 ? this.#queue.length : before, 0, waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.#queue.indexOf(waiter);
          if (index < 0) return;
          this.#queue.splice(index, 1);
          reject(signal.reason);
          this.#pump();
        },
        { once: true },
      );
      this.#pump();
    });
  }

  /** What storage keeps: see PacerRecord. */
  record(): PacerRecord {
    const recent = new Map<number, number>();
    for (const entry of this.#entries) {
      if (entry.doneAt === null) continue;
      const second = Math.ceil(entry.doneAt / 1000);
      recent.set(second, (recent.get(second) ?? 0) + 1);
    }
    return {
      proven: this.#proven,
      ceilingUntil: this.#ceilingUntil,
      gate: { ...this.#gate },
      recent: [...recent].sort(([a], [b]) => a - b),
      unsettled: this.#inFlight + LEASE,
    };
  }

  #pump(): void {
    this.#timer?.abort();
    this.#timer = null;
    while (this.#queue.length > 0) {
      const waiter = this.#queue[0]!;
      const verdict = this.#verdict(waiter.priority);
      if (verdict.kind === 'refuse') {
        this.#queue.shift();
        waiter.reject(verdict.error);
        continue;
      }
      if (verdict.kind === 'at') {
        this.#wakeAt(verdict.time);
        return;
      }
      if (verdict.kind === 'answer') return;
      if (this.#granted >= this.#allowance) {
        this.#write();
        return;
      }
      this.#queue.shift();
      waiter.resolve(this.#send(verdict.probe));
    }
  }

  #verdict(priority: Priority): Verdict {
    const now = this.clock.now();
    this.#prune(now);
    const gate = this.#gate;
    if (gate.until > now) {
      // Refused now, a waiter would not learn that the 429 being read named a quota.
      if (this.#unreadRefusals > 0) return { kind: 'answer' };
      if (gate.quotaExceeded || gate.until - now > LONGEST_INLINE_WAIT_MS) {
        return { kind: 'refuse', error: new RateLimitedError(gate.until, gate.quotaExceeded) };
      }
      return { kind: 'at', time: gate.until };
    }
    if (this.#probe) return { kind: 'answer' };
    const count = this.#entries.length;
    // With no ceiling known, the reserve would only send sync pages near `proven` one at a time, proving nothing.
    const ceiling = this.#ceilingUntil > now;
    const budget = this.#proven - (priority === 'background' && ceiling ? backgroundReserve(this.#proven) : 0);
    if (count + 1 <= budget) return this.#inFlight < MAX_IN_FLIGHT ? { kind: 'send', probe: false } : { kind: 'answer' };
    if (!ceiling) return this.#inFlight === 0 ? { kind: 'send', probe: true } : { kind: 'answer' };

    // Room comes as answered requests leave the window; ones in flight must be answered first.
    const leaving = this.#entries.flatMap((entry) => (entry.doneAt === null ? [] : [expiryOf(entry)])).sort((a, b) => a - b);
    const roomAt = leaving[count - budget];
    if (roomAt === undefined) return { kind: 'answer' };
    if (roomAt - now > LONGEST_INLINE_WAIT_MS) return { kind: 'refuse', error: new PacingPauseError(roomAt) };
    return { kind: 'at', time: roomAt };
  }

  #send(probe: boolean): Ticket {
    const entry: Entry = {
      sentAt: this.clock.now(),
      doneAt: null,
      accepted: false,
      remembered: false,
      countAtSend: this.#entries.length + 1,
    };
    this.#entries.push(entry);
    this.#inFlight += 1;
    this.#granted += 1;
    if (probe) this.#probe = entry;
    if (this.#granted >= this.#allowance - LEASE / 2) this.#write();

    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      entry.doneAt = this.clock.now();
      this.#inFlight -= 1;
      if (this.#probe === entry) this.#probe = null;
      return true;
    };
    return {
      answered: (outcome) => {
        if (!settle()) return;
        if (outcome === 'accepted') {
          entry.accepted = true;
          const proven = this.#provenBy(entry);
          if (proven > this.#proven) {
            this.#proven = proven;
            this.#write();
          }
        }
        this.#pump();
      },
      rateLimited: (retryAfterMs, quotaExceeded = false) => {
        if (!settle()) return;
        const now = entry.doneAt!;
        if (entry.countAtSend > FIRST_KNOWN_LIMIT) {
          if (entry.countAtSend <= this.#proven && entry.sentAt > this.#lastCutAt) {
            this.#proven = Math.max(FIRST_KNOWN_LIMIT, Math.floor(this.#proven / 2));
            this.#lastCutAt = now;
          }
          this.#ceilingUntil = now + CEILING_MEMORY_MS;
          this.#write();
        }
        if (typeof quotaExceeded === 'boolean') {
          this.closeGate(now + retryAfterMs, quotaExceeded);
          return;
        }
        this.#unreadRefusals += 1;
        this.closeGate(now + retryAfterMs, false);
        void quotaExceeded
          .catch(() => false)
          .then((quota) => {
            this.#unreadRefusals -= 1;
            if (quota) this.closeGate(now + retryAfterMs, true);
            this.#pump();
          });
      },
    };
  }

  /** The window count `entry` was certainly accepted at: itself and the 2xx it certainly came after within 30 s. */
  #provenBy(entry: Entry): number {
    const from = entry.doneAt! - (WINDOW_MS - EDGE_MARGIN_MS);
    let count = 1;
    for (const other of this.#entries) {
      if (other === entry || !other.accepted || other.remembered || other.doneAt === null) continue;
      if (other.doneAt <= entry.sentAt && other.sentAt > from) count += 1;
    }
    return count;
  }

  #prune(now: number): void {
    if (this.#entries.some((entry) => entry.doneAt !== null && expiryOf(entry) <= now)) {
      this.#entries = this.#entries.filter((entry) => entry.doneAt === null || expiryOf(entry) > now);
    }
  }

  #wakeAt(time: number): void {
    const timer = new AbortController();
    this.#timer = timer;
    this.clock.sleep(Math.max(0, time - this.clock.now()), timer.signal).then(
      () => {
        if (this.#timer === timer) this.#pump();
      },
      () => undefined,
    );
  }

  /** One write at a time; a change during a write is written right after it. */
  #write(): void {
    if (!this.persist) return;
    if (this.#writing) {
      this.#writeAgain = true;
      return;
    }
    const grantedAtWrite = this.#granted;
    this.#writing = this.persist(this.record())
      // Storage that fails must not stop every call to Spotify: the lease is best effort then.
      .catch(() => undefined)
      .then(() => {
        this.#allowance = Math.max(this.#allowance, grantedAtWrite + LEASE);
        this.#writing = null;
        if (this.#writeAgain) {
          this.#writeAgain = false;
          this.#write();
        }
        this.#pump();
      });
  }
}

function expiryOf(entry: Entry): number {
  return entry.doneAt! + WINDOW_MS + EDGE_MARGIN_MS;
}

function backgroundReserve(proven: number): number {
  return Math.min(MAX_BACKGROUND_RESERVE, Math.floor(proven / BACKGROUND_RESERVE_SHARE));
}
