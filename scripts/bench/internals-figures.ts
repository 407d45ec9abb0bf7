/**
 * Speeds of the pieces the tests rely on but must not time: the stand-in's page serializer,
 * its 100,000-track library generator and the cross-site match index. In Node, no browser.
 * They were once timing assertions in unit tests, which failed on busy or slow machines; a
 * speed is a figure for the bench, not a pass/fail for `npm test`.
 *
 *   npm run bench -- --only internals
 */
import { performance } from 'node:perf_hooks';
import { buildMatchIndex, matchSiteTrack } from '../../lib/cross-site/matching/match-index';
import { generateLibrary, generateLibraryAndCatalog } from '../../test/stand-in/library';
import { pageJson } from '../../test/stand-in/page-json';
import type { PagingSavedTrackObject } from '../../test/stand-in/spotify-types';
import { figureRow, type BenchRow } from './report';
import { median } from './stats';

const ROUNDS = 5;

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Median of a few rounds after one warm-up, so the JIT has seen the code. */
function medianMs(work: () => void): number {
  work();
  return median(Array.from({ length: ROUNDS }, () => timeMs(work)));
}

function pageSerializerRow(): BenchRow {
  const saved = generateLibrary({ size: 5000, seed: 6 });
  const pages: PagingSavedTrackObject[] = Array.from({ length: 100 }, (_, i) => ({
    href: 'h',
    items: saved.slice(i * 50, i * 50 + 50),
    limit: 50,
    next: null,
    offset: i * 50,
    previous: null,
    total: saved.length,
  }));
  const fast = medianMs(() => {
    for (const page of pages) pageJson(page);
  });
  const plain = medianMs(() => {
    for (const page of pages) JSON.stringify(page);
  });
  return figureRow({
    figure: 'stand-in: 100 pages of 50 serialized (pageJson)',
    size: null,
    value: fast,
    unit: 'ms',
    digits: 1,
    notes: `JSON.stringify of the same pages ${plain.toFixed(1)} ms (ratio ${(fast / plain).toFixed(2)}); median of ${ROUNDS}`,
    details: { pageJsonMs: fast, jsonStringifyMs: plain },
  });
}

function libraryGenerationRow(): BenchRow {
  const elapsed = timeMs(() => generateLibraryAndCatalog({ size: 100_000, seed: 1 }));
  return figureRow({
    figure: 'stand-in: generate a 100,000-track library and catalog',
    size: 100_000,
    value: elapsed,
    unit: 'ms',
    notes: 'once: what every e2e test, the demo and the bench wait for when the stand-in starts',
  });
}

function matchIndexRows(): BenchRow[] {
  const tracks = generateLibrary({ size: 100_000, seed: 3 }).flatMap(({ track }) =>
    track ? [{ uri: track.uri, name: track.name, artists: track.artists, album: track.album, durationMs: track.duration_ms }] : [],
  );
  let index = buildMatchIndex(tracks);
  const buildMs = medianMs(() => {
    index = buildMatchIndex(tracks);
  });
  const sample = tracks[51_234]!;
  const siteTrack = { title: `${sample.artists[0]!.name} - ${sample.name} (Official Video)`, artists: ['Some Channel'], titleMayNameArtist: true };
  const rounds = 200;
  const matchMs =
    medianMs(() => {
      for (let round = 0; round < rounds; round++) matchSiteTrack(index, siteTrack, { strict: false, excluded: new Set() });
    }) / rounds;
  return [
    figureRow({ figure: 'match index: build over the library', size: tracks.length, value: buildMs, unit: 'ms', notes: `median of ${ROUNDS}, Node` }),
    figureRow({
      figure: 'match index: one YouTube-style page matched',
      size: tracks.length,
      value: matchMs,
      unit: 'ms',
      digits: 3,
      notes: `mean of ${rounds}, median of ${ROUNDS} rounds`,
    }),
  ];
}

export function measureInternals(): BenchRow[] {
  return [pageSerializerRow(), libraryGenerationRow(), ...matchIndexRows()];
}
