/**
 * Context rows for the keystroke budget: the search alone, in Node without the DOM, on a
 * synthetic library (search-engine.ts). Set beside the popup's keystroke-to-results figure it
 * tells how much of that is search and how much is rendering.
 */
import { figureRow, type BenchRow } from './report';
import { benchSearch } from './search-engine';

export function measureSearchEngine(sizes: readonly number[]): BenchRow[] {
  return benchSearch(sizes).map((figures) =>
    figureRow({
      figure: 'search alone, Node, no DOM: p95 per keystroke',
      size: figures.size,
      value: Math.max(figures.exact.p95Ms, figures.typo.p95Ms),
      unit: 'ms',
      digits: 1,
      notes: `exact queries p50/p95 ${figures.exact.p50Ms.toFixed(2)}/${figures.exact.p95Ms.toFixed(1)} ms, with a typo ${figures.typo.p50Ms.toFixed(2)}/${figures.typo.p95Ms.toFixed(1)} ms (synthetic library)`,
      details: { exactP95Ms: figures.exact.p95Ms, typoP95Ms: figures.typo.p95Ms, typoPassP95Ms: figures.typoPass.p95Ms },
    }),
  );
}
