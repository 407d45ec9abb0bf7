import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../../../lib/cross-site/matching/title-parts';

describe('title parts', () => {
  it.each([
    ['Bohemian Rhapsody - Remastered 2011', { pieces: ['Bohemian Rhapsody'], markers: [], featured: [] }],
    ['Queen – Bohemian Rhapsody (Official Video Remastered)', { pieces: ['Queen', 'Bohemian Rhapsody'], markers: [], featured: [] }],
    ['Titanium (feat. Sia)', { pieces: ['Titanium'], markers: [], featured: ['Sia'] }],
    ["CAN'T HOLD US FEAT. RAY DALTON", { pieces: ["CAN'T HOLD US"], markers: [], featured: ['RAY DALTON'] }],
    ['Song (feat. X) [Skrillex Remix] - Live', { pieces: ['Song'], markers: ['live', 'remix:skrillex'], featured: ['X'] }],
    ["(I Can't Get No) Satisfaction", { pieces: ["I Can't Get No  Satisfaction"], markers: [], featured: [] }],
    ['GANGNAM STYLE(강남스타일) M/V', { pieces: ['GANGNAM STYLE 강남스타일'], markers: [], featured: [] }],
    ['Jay-Z', { pieces: ['Jay-Z'], markers: [], featured: [] }],
  ])('%s', (title, parts) => expect(splitTitle(title)).toEqual(parts));
});
