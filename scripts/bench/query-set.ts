/**
 * A realistic set of queries to type into the search box: words from the titles, artists and
 * albums of tracks in the stand-in's library, as people type them (lower case, no accents),
 * a few with a typo. Only what a US keyboard types, because Playwright sends keydown events
 * for those alone (other characters arrive as bare input events, which the bench cannot time).
 */
import { foldText } from '../../lib/search/fold';
import { seededRandom } from './seeded-random';
import type { StandInTrack } from './stand-in-thread';

function typableWords(text: string): string[] {
  return foldText(text)
    .split(/\s+/)
    .filter((word) => /^[a-z0-9]+$/.test(word));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One letter swapped with the next, in a word of five or more (SPEC §7 offers one-typo matches there). */
function withTypo(random: () => number, word: string): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 3));
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function queryFor(random: () => number, track: StandInTrack): string | null {
  const title = typableWords(track.name);
  const artist = typableWords(track.artists[0] ?? '');
  const album = typableWords(track.album);
  const roll = random();
  let words: string[];
  if (roll < 0.35) words = title.slice(0, 2);
  else if (roll < 0.6) words = artist.slice(0, 2);
  else if (roll < 0.8 && title.length > 0 && artist.length > 0) words = [pick(random, title), artist[0]!];
  else if (roll < 0.9) words = album.slice(0, 2);
  else {
    const long = [...title, ...artist].filter((word) => word.length >= 5);
    words = long.length > 0 ? [withTypo(random, pick(random, long))] : [];
  }
  const query = words.join(' ');
  return query.length >= 2 ? query : null;
}

/** Queries for these tracks until they add up to at least `keystrokes` characters. */
export function buildQuerySet(tracks: ReadonlyArray<StandInTrack | null>, keystrokes: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const queries: string[] = [];
  let typed = 0;
  for (const track of tracks) {
    if (typed >= keystrokes) break;
    const query = track && queryFor(random, track);
    if (!query) continue;
    queries.push(query);
    typed += query.length;
  }
  if (typed < keystrokes) throw new Error(`only ${typed} keystrokes of queries from ${tracks.length} tracks`);
  return queries;
}
