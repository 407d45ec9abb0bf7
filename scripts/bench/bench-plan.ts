/**
 * What `npm run bench` measures at each library size. The full run follows issue #7: timed
 * full syncs where SPEC §8 names a size (10k, 100k), the popup at every size, the library
 * page at 100k; `--quick` measures everything once, at 10k, in a few minutes (the rate-limited syncs wait out Spotify's windows).
 */
export interface SizePlan {
  size: number;
  /** Latency of the first full sync: the bench's latency when timed, else a low one to load the library fast. */
  syncLatencyMs: number;
  timedSync: boolean;
  /** SPEC §8's rows under Spotify's rate limit (L = 120 and 600), each on a fresh profile. */
  rateLimitedSyncs: boolean;
  incrementalSyncs: boolean;
  naiveComparison: boolean;
  popup: boolean;
  libraryPage: boolean;
  badge: boolean;
}

/**
 * Parts of the run that `--only` can pick. The full sync always runs (it loads the library),
 * so `--only sync` names it alone: the sync rows and nothing else.
 */
export const AREAS = ['sync', 'limits', 'search', 'naive', 'incremental', 'popup', 'library', 'badge', 'internals', 'restore'] as const;
export type Area = (typeof AREAS)[number];

export interface BenchOptions {
  quick: boolean;
  latencyMs: number;
  build: boolean;
  /** `--http1`: the stand-in over plain HTTP/1.1 instead of HTTP/2 with TLS. */
  http1: boolean;
  out: string;
  /** `--sizes`: instead of the planned ones (for profiling one size). */
  sizes: number[] | null;
  /** `--only`: the areas to measure; all when null. */
  only: ReadonlySet<Area> | null;
}

/** Loading 50,000 tracks at 100 ms would only measure waiting; at 2 ms the figures after it are the same. */
const LOAD_LATENCY_MS = 2;

export function planSizes(options: BenchOptions): SizePlan[] {
  const timed = (size: number, extra: Partial<SizePlan> = {}): SizePlan => ({
    size,
    syncLatencyMs: options.latencyMs,
    timedSync: true,
    rateLimitedSyncs: false,
    incrementalSyncs: true,
    naiveComparison: false,
    popup: true,
    libraryPage: false,
    badge: true,
    ...extra,
  });
  const planned: Record<number, SizePlan> = options.quick
    ? { 10000: timed(10_000, { naiveComparison: true, libraryPage: true, rateLimitedSyncs: true }) }
    : {
        10000: timed(10_000, { naiveComparison: true, rateLimitedSyncs: true }),
        50000: timed(50_000, { syncLatencyMs: LOAD_LATENCY_MS, timedSync: false, incrementalSyncs: false }),
        100000: timed(100_000, { libraryPage: true }),
      };
  // Sizes picked by hand get every area (`--only` narrows them).
  const plans = options.sizes
    ? options.sizes.map((size) => timed(size, { libraryPage: true, naiveComparison: size <= 10_000, rateLimitedSyncs: size === 10_000 }))
    : Object.values(planned);
  const wanted = (area: Area) => !options.only || options.only.has(area);
  return plans.map((plan) => ({
    ...plan,
    // Without the sync rows the library is only loaded, fast: the other areas measure what follows.
    ...(wanted('sync') ? {} : { syncLatencyMs: LOAD_LATENCY_MS, timedSync: false }),
    naiveComparison: plan.naiveComparison && wanted('naive'),
    rateLimitedSyncs: plan.rateLimitedSyncs && wanted('limits'),
    incrementalSyncs: plan.incrementalSyncs && wanted('incremental'),
    popup: plan.popup && wanted('popup'),
    libraryPage: plan.libraryPage && wanted('library'),
    badge: plan.badge && wanted('badge'),
  }));
}

/** Whether to measure the stand-in's and the match index's own speeds (Node, a few seconds). */
export function measuresInternals(options: BenchOptions): boolean {
  return !options.only || options.only.has('internals');
}

/** Areas measured in a library of each planned size (the full sync loads it). */
const SIZE_AREAS: readonly Area[] = ['sync', 'naive', 'incremental', 'popup', 'library', 'badge'];

/** Whether anything asked for needs the libraries of planned sizes (`--only restore` alone does not). */
export function measuresSizes(options: BenchOptions): boolean {
  return !options.only || SIZE_AREAS.some((area) => options.only!.has(area));
}

/** SPEC §8 names a restore of 1,000 tracks; it has its own stand-in and an empty account. */
export const RESTORE_TRACKS = 1000;

export function measuresRestore(options: BenchOptions): boolean {
  return !options.only || options.only.has('restore');
}

/** Sizes for the search engine's own figures (Node, no DOM), beside the popup's. */
export function searchEngineSizes(options: BenchOptions): number[] {
  if (options.only && !options.only.has('search')) return [];
  return options.sizes ?? (options.quick ? [10_000] : [10_000, 100_000]);
}
