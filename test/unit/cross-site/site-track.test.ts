import { describe, expect, it } from 'vitest';
import { boundSiteTrack } from '../../../lib/cross-site/site-track';

describe('site tracks', () => {
  it('bounds what a site gives before it is sent', () => {
    const long = 'x'.repeat(1000);
    const bounded = boundSiteTrack({
      title: `  ${long} `,
      artists: [' A ', 'A', '', ...Array.from({ length: 20 }, (_, i) => `B${i}`)],
      durationMs: -5,
      isrc: 'nope',
    });
    expect(bounded?.title.length).toBe(300);
    expect(bounded?.artists).toHaveLength(10);
    expect(bounded?.artists[0]).toBe('A');
    expect(bounded).not.toHaveProperty('durationMs');
    expect(bounded).not.toHaveProperty('isrc');
    expect(boundSiteTrack({ title: ' ', artists: ['A'] })).toBeNull();
  });
});
