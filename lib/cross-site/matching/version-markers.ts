import { foldText } from '../../search/fold';

/**
 * What a bracketed or dashed part of a song title says — "(Official Video)", "- Remastered
 * 2011", "(feat. X)", "(Skrillex Remix)", "[Live at Wembley]" — so that decorations can be
 * dropped and versions kept. A live recording, a remix, a cover or a karaoke track is another
 * track than the studio one: precision over recall, so anything that names a version is kept
 * as part of the song's identity, and only words that never change the recording are noise.
 *
 * All words here are folded as by `foldText` ("Sped-Up" → "spedup", "Taylor's" → "taylors").
 */

export type TitlePart = { kind: 'noise' } | { kind: 'featured'; names: string } | { kind: 'version'; marker: string } | { kind: 'other' };

/** Words that name a version, by the marker they give. */
const VERSION_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    live: 'live',
    vivo: 'live',
    directo: 'live',
    concert: 'live',
    session: 'live',
    sessions: 'live',
    livestream: 'live',
    unplugged: 'acoustic',
    acoustic: 'acoustic',
    acustico: 'acoustic',
    acoustique: 'acoustic',
    stripped: 'acoustic',
    remix: 'remix',
    remixed: 'remix',
    rmx: 'remix',
    rework: 'remix',
    reworked: 'remix',
    bootleg: 'remix',
    refix: 'remix',
    flip: 'remix',
    vip: 'remix',
    dub: 'remix',
    reedit: 'remix',
    mashup: 'mashup',
    cover: 'cover',
    covered: 'cover',
    tribute: 'cover',
    karaoke: 'karaoke',
    singalong: 'karaoke',
    instrumental: 'instrumental',
    inst: 'instrumental',
    piano: 'piano',
    orchestral: 'orchestral',
    orchestra: 'orchestral',
    symphonic: 'orchestral',
    demo: 'demo',
    acapella: 'acappella',
    acappella: 'acappella',
    cappella: 'acappella',
    spedup: 'altered',
    sped: 'altered',
    slowed: 'altered',
    reverb: 'altered',
    nightcore: 'altered',
    daycore: 'altered',
    '8d': 'altered',
    boosted: 'altered',
    chopped: 'altered',
    screwed: 'altered',
    lofi: 'altered',
    extended: 'extended',
    reprise: 'reprise',
    rerecorded: 'rerecorded',
    rerecording: 'rerecorded',
  }),
);

/** Word pairs that name a version where neither word alone does. */
const VERSION_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['style of', 'karaoke'],
  ['backing track', 'karaoke'],
  ['sing along', 'karaoke'],
  ['minus one', 'karaoke'],
  ['made famous', 'cover'],
  ['originally performed', 'cover'],
  ['vocals only', 'acappella'],
  ['vocal only', 'acappella'],
  ['taylors version', 'rerecorded'],
  ['speed up', 'altered'],
  ['lo fi', 'altered'],
  ['re recorded', 'rerecorded'],
];

/** Words that say something about the video or the release, never about the recording. */
const NOISE_WORDS = new Set([
  'official',
  'officiel',
  'oficial',
  'ufficiale',
  'offizielles',
  'video',
  'videoclip',
  'clip',
  'musikvideo',
  'music',
  'audio',
  'lyric',
  'lyrics',
  'letra',
  'paroles',
  'subtitulado',
  'visualizer',
  'visualiser',
  'hd',
  'hq',
  '4k',
  '1080p',
  '720p',
  'mv',
  'remaster',
  'remastered',
  'remasterizado',
  'remasterizada',
  'digital',
  'digitally',
  'version',
  'radio',
  'edit',
  'single',
  'album',
  'original',
  'mono',
  'stereo',
  'explicit',
  'clean',
  'bonus',
  'track',
  'deluxe',
  'edition',
  'anniversary',
  'mix',
  'full',
  'song',
  'new',
  'premiere',
  'with',
  'the',
  'a',
  'an',
  'of',
  'in',
  'and',
  'by',
  'soundtrack',
  'performance',
  'color',
  'coded',
  'vevo',
  'only',
  'high',
  'quality',
]);

/** A part whose first word is one of these credits someone. */
const FEATURE_WORDS = new Set(['feat', 'ft', 'featuring', 'with', 'con', 'avec', 'mit']);
/** A part starting with these names the film or the producer: never the recording. */
const SOURCE_WORDS = new Set(['from', 'prod', 'produced', 'taken', 'theme', 'soundtrack', 'ost']);
/** Version words that the words before them turn into noise: "Radio Edit", "Original Mix". */
const NEUTRAL_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['edit', new Set(['radio', 'single', 'clean', 'explicit', 'album'])],
  ['mix', new Set(['original', 'radio', 'album', 'single', 'mono', 'stereo'])],
  [
    'version',
    new Set([
      'album',
      'single',
      'radio',
      'original',
      'explicit',
      'clean',
      'remastered',
      'mono',
      'stereo',
      'lp',
      'long',
      'full',
      'video',
      'digital',
      'vinyl',
      'cd',
      'hd',
      'soundtrack',
      'film',
      'movie',
    ]),
  ],
]);

const YEAR_OR_NUMBER = /^\d{1,4}s?$/;

/** Classifies one part of a title (the text inside brackets, or after " - "). */
export function classifyTitlePart(part: string): TitlePart {
  const folded = foldText(part);
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0) return { kind: 'noise' };
  const allNoise = (list: string[]) => list.every((word) => NOISE_WORDS.has(word) || YEAR_OR_NUMBER.test(word));
  // "(feat. Drake)" credits someone; "(with lyrics)" does not.
  if (FEATURE_WORDS.has(words[0]) && words.length > 1 && !allNoise(words.slice(1))) {
    return { kind: 'featured', names: part.replace(/^\s*\S+\s*/, '') };
  }

  // Before versions: 'From "Frozen"/Soundtrack Version' names the film, not a version.
  if (SOURCE_WORDS.has(words[0])) return { kind: 'noise' };
  const marker = versionMarker(words);
  if (marker) return { kind: 'version', marker };
  if (allNoise(words)) return { kind: 'noise' };
  return { kind: 'other' };
}

/**
 * The version a part names, as "kind" or "kind:qualifier" ("remix:skrillex"), or null.
 * Remixes, edits, mashups and named versions keep their other words: two remixes by two
 * people are two tracks. Live, acoustic and the rest do not: "Live" and "Live at Wembley"
 * both say "a live recording", and pages rarely name the venue the way Spotify does.
 */
function versionMarker(words: string[]): string | null {
  const kinds = new Set<string>();
  for (let index = 0; index < words.length; index++) {
    const kind = VERSION_WORDS.get(words[index]);
    if (kind) kinds.add(kind);
    const pair = `${words[index]} ${words[index + 1]}`;
    for (const [phrase, phraseKind] of VERSION_PHRASES) if (pair === phrase) kinds.add(phraseKind);
  }
  for (const [word, neutralBefore] of NEUTRAL_BEFORE) {
    const at = words.indexOf(word);
    if (at > 0 && !neutralBefore.has(words[at - 1]) && !kinds.size) {
      // "Club Mix", "Spanish Version", "Dance Edit": a version of its own, named by the rest.
      kinds.add(word === 'mix' ? 'remix' : word);
    }
  }
  if (kinds.size === 0) return null;
  const named = [...kinds].filter((kind) => kind === 'remix' || kind === 'edit' || kind === 'version' || kind === 'mashup');
  if (named.length === 0) return [...kinds].sort().join('+');
  const qualifier = words.filter((word) => !isVersionOrNoise(word)).join(' ');
  return [...kinds].sort().join('+') + (qualifier ? `:${qualifier}` : '');
}

function isVersionOrNoise(word: string): boolean {
  return VERSION_WORDS.has(word) || NOISE_WORDS.has(word) || FEATURE_WORDS.has(word) || YEAR_OR_NUMBER.test(word);
}
