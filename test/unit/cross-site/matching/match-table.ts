import type { SiteTrack } from '../../../../lib/cross-site/site-track';

/**
 * The matcher's test table (issue #9): a small saved library full of false friends, and what
 * pages on YouTube, Bandcamp, last.fm, Genius and SoundCloud say, with the expected answer.
 * `saved` names the library track that must be found, `other` the one shown as "another
 * version is saved" (≈), `none` means neither. Precision is what matters: a wrong ✓ tells the
 * user they have a song they do not.
 */

export interface LibraryTrack {
  key: string;
  name: string;
  artists: string[];
  album: string;
  durationMs: number;
}

const t = (key: string, name: string, artists: string[], album: string, seconds: number): LibraryTrack => ({
  key,
  name,
  artists,
  album,
  durationMs: seconds * 1000,
});

export const LIBRARY: LibraryTrack[] = [
  t('rhapsody', 'Bohemian Rhapsody - Remastered 2011', ['Queen'], 'A Night At The Opera (2011 Remaster)', 354),
  t('dontStop', "Don't Stop Me Now - Remastered 2011", ['Queen'], 'Jazz (2011 Remaster)', 209),
  t('hello', 'Hello', ['Adele'], '25', 295),
  t('helloLive', 'Hello - Live at the Church Studios', ['Adele'], 'Hello (Live at the Church Studios)', 300),
  t('someoneLikeYou', 'Someone Like You', ['Adele'], '21', 285),
  t('teenSpirit', 'Smells Like Teen Spirit', ['Nirvana'], 'Nevermind (Remastered)', 301),
  t('brightside', 'Mr. Brightside', ['The Killers'], 'Hot Fuss', 222),
  t('blinding', 'Blinding Lights', ['The Weeknd'], 'After Hours', 200),
  t('titanium', 'Titanium (feat. Sia)', ['David Guetta', 'Sia'], 'Nothing but the Beat', 245),
  t('levels', 'Levels - Radio Edit', ['Avicii'], 'Levels', 199),
  t('wakeMeUp', 'Wake Me Up', ['Avicii'], 'True', 247),
  t('midnight', 'Midnight City', ['M83'], "Hurry Up, We're Dreaming", 243),
  t('wonderwall', 'Wonderwall - Remastered', ['Oasis'], "(What's The Story) Morning Glory? [Remastered]", 258),
  t('hallelujah', 'Hallelujah', ['Jeff Buckley'], 'Grace', 413),
  t('dogDays', 'Dog Days Are Over', ['Florence + The Machine'], 'Lungs', 252),
  t('halo', 'Halo', ['Beyoncé'], 'I AM...SASHA FIERCE', 261),
  t('empire', 'Empire State of Mind', ['JAY-Z', 'Alicia Keys'], 'The Blueprint 3', 276),
  t('highway', 'Highway to Hell', ['AC/DC'], 'Highway to Hell', 208),
  t('sweetChild', "Sweet Child O' Mine", ["Guns N' Roses"], 'Appetite For Destruction', 356),
  t('shape', 'Shape of You', ['Ed Sheeran'], '÷ (Deluxe)', 233),
  t(
    'shapeMajorLazer',
    'Shape of You (Major Lazer Remix) [feat. Nyla & Kranium]',
    ['Ed Sheeran', 'Major Lazer', 'Nyla', 'Kranium'],
    'Shape of You (Remixes)',
    217,
  ),
  t('badGuy', 'bad guy', ['Billie Eilish'], 'WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?', 194),
  t('loseYourself', 'Lose Yourself - Soundtrack Version', ['Eminem'], 'Just Lose It', 326),
  t('letItGo', 'Let It Go - From "Frozen"/Soundtrack Version', ['Idina Menzel'], 'Frozen (Original Motion Picture Soundtrack)', 224),
  t('creep', 'Creep', ['Radiohead'], 'Pablo Honey', 238),
  t('yesterday', 'Yesterday - Remastered 2009', ['The Beatles'], 'Help! (Remastered)', 125),
  t('hereComesTheSun', 'Here Comes The Sun - 2019 Mix', ['The Beatles'], 'Abbey Road (Super Deluxe Edition)', 185),
  t('loveMeDo', 'Love Me Do - Mono / Remastered', ['The Beatles'], 'Please Please Me (Remastered)', 142),
  t('despacitoRemix', 'Despacito - Remix', ['Luis Fonsi', 'Daddy Yankee', 'Justin Bieber'], 'Despacito Feat. Justin Bieber (Remix)', 229),
  t('gangnam', 'Gangnam Style (강남스타일)', ['PSY'], 'Gangnam Style', 219),
  t('sk8er', 'Sk8er Boi', ['Avril Lavigne'], 'Let Go', 204),
  t('hurt', 'Hurt', ['Johnny Cash'], 'American IV: The Man Comes Around', 218),
  t('yellow', 'Yellow', ['Coldplay'], 'Parachutes', 269),
  t('yellowLive', 'Yellow - Live in Buenos Aires', ['Coldplay'], 'Live in Buenos Aires', 300),
  t('vivaLaVida', 'Viva La Vida', ['Coldplay'], 'Viva La Vida or Death and All His Friends', 242),
  t('stay', 'Stay', ['Rihanna', 'Mikky Ekko'], 'Unapologetic', 240),
  t('one', 'One', ['U2'], 'Achtung Baby', 276),
  t('takeOnMe', 'Take on Me', ['a-ha'], 'Hunting High and Low', 225),
  t('billieJean', 'Billie Jean', ['Michael Jackson'], 'Thriller', 294),
  t('numb', 'Numb', ['Linkin Park'], 'Meteora', 185),
  t('africa', 'Africa', ['TOTO'], 'Toto IV', 295),
  t('hoppipolla', 'Hoppípolla', ['Sigur Rós'], 'Takk...', 268),
  t('cantHoldUs', "Can't Hold Us (feat. Ray Dalton)", ['Macklemore & Ryan Lewis', 'Macklemore', 'Ryan Lewis', 'Ray Dalton'], 'The Heist', 258),
  t('aboutAGirl', 'About A Girl', ['Nirvana'], 'MTV Unplugged In New York', 217),
  t('dreams', 'Dreams - 2004 Remaster', ['Fleetwood Mac'], 'Rumours (Super Deluxe)', 257),
  t('clairDeLune', 'Suite bergamasque, L. 75: III. Clair de lune', ['Claude Debussy', 'Alexis Weissenberg'], 'Debussy: Piano Works', 300),
];

export type Expected = { saved: string } | { other: string } | 'none';

export interface MatchCase {
  site: string;
  siteTrack: SiteTrack;
  expected: Expected;
  /** Why this row is here, when it is a trap. */
  note?: string;
}

const video = (title: string, channel: string, expected: Expected, note?: string): MatchCase => ({
  site: 'YouTube',
  siteTrack: { title, artists: [channel], titleMayNameArtist: true },
  expected,
  note,
});
const song = (site: string, title: string, artist: string, expected: Expected, note?: string, durationMs?: number): MatchCase => ({
  site,
  siteTrack: { title, artists: [artist], ...(durationMs ? { durationMs } : {}) },
  expected,
  note,
});

export const CASES: MatchCase[] = [
  // Official videos, Topic channels, remasters: the saved studio track.
  video('Queen – Bohemian Rhapsody (Official Video Remastered)', 'Queen Official', { saved: 'rhapsody' }),
  video('Bohemian Rhapsody', 'Queen - Topic', { saved: 'rhapsody' }, 'Topic channel: title alone'),
  video('Adele - Hello', 'AdeleVEVO', { saved: 'hello' }),
  video('Hello - Adele (Lyrics)', 'Lyrics Channel', { saved: 'hello' }, 'title first, uploader not the artist'),
  video('Nirvana - Smells Like Teen Spirit (Official Music Video)', 'NirvanaVEVO', { saved: 'teenSpirit' }),
  video('The Killers - Mr. Brightside (Official Music Video)', 'TheKillersVEVO', { saved: 'brightside' }),
  video('The Weeknd - Blinding Lights (Official Audio)', 'TheWeekndVEVO', { saved: 'blinding' }),
  video('David Guetta - Titanium ft. Sia (Official Video)', 'David Guetta', { saved: 'titanium' }),
  video('Avicii - Levels', 'AviciiOfficialVEVO', { saved: 'levels' }, 'radio edit is the same song'),
  video('Oasis - Wonderwall (Official Video)', 'Oasis', { saved: 'wonderwall' }),
  video('Eminem - Lose Yourself [HD]', 'EminemVEVO', { saved: 'loseYourself' }),
  video('Idina Menzel - Let It Go (from Frozen) [Official Video]', 'DisneyMusicVEVO', { saved: 'letItGo' }),
  video('PSY - GANGNAM STYLE(강남스타일) M/V', 'officialpsy', { saved: 'gangnam' }),
  video('a-ha - Take On Me (Official Video) [Remastered in 4K]', 'a-ha', { saved: 'takeOnMe' }, 'hyphen inside a name'),
  video('Michael Jackson - Billie Jean (Official Video)', 'michaeljacksonVEVO', { saved: 'billieJean' }),
  video('Toto - Africa (Official HD Video)', 'TotoVEVO', { saved: 'africa' }),
  video("MACKLEMORE & RYAN LEWIS - CAN'T HOLD US FEAT. RAY DALTON (OFFICIAL MUSIC VIDEO)", 'Ryan Lewis', { saved: 'cantHoldUs' }),
  video('Sigur Rós - Hoppípolla', 'Sigur Rós', { saved: 'hoppipolla' }),
  video('Fleetwood Mac - Dreams (Official Music Video)', 'Fleetwood Mac', { saved: 'dreams' }),
  video('The Beatles - Here Comes The Sun (2019 Mix)', 'The Beatles', { saved: 'hereComesTheSun' }, 'the same new mix'),
  video('The Beatles - Love Me Do (Mono)', 'The Beatles', { saved: 'loveMeDo' }),
  video('Ed Sheeran - Shape of You (Major Lazer Remix) feat. Nyla & Kranium', 'Major Lazer Official', { saved: 'shapeMajorLazer' }, 'the saved remix'),
  video('Adele - Hello (Live at the Church Studios)', 'Adele', { saved: 'helloLive' }, 'the saved live version'),
  video('Coldplay - Yellow (Live)', 'Coldplay', { saved: 'yellowLive' }, 'live matches the saved live album track'),
  video('Nirvana - About A Girl (MTV Unplugged)', 'Nirvana', { saved: 'aboutAGirl' }, 'unplugged album'),
  // Spelling and folding.
  song('last.fm', 'Halo', 'Beyonce', { saved: 'halo' }, 'diacritics'),
  song('last.fm', 'Highway to Hell', 'AC DC', { saved: 'highway' }, 'punctuation in a name'),
  song('Genius', 'Sweet Child O Mine', 'Guns N Roses', { saved: 'sweetChild' }),
  song('Genius', 'Empire State of Mind', 'JAY-Z & Alicia Keys', { saved: 'empire' }),
  song('last.fm', 'Mr Brightside', 'Killers', { saved: 'brightside' }, 'article and dot dropped'),
  song('last.fm', 'Dog Days Are Over', 'Florence and the Machine', { saved: 'dogDays' }, 'close: "+" written "and"'),
  video('Avril Lavigne - Sk8ter Boi', 'Avril Lavigne', { saved: 'sk8er' }, 'close: one letter apart'),
  song('SoundCloud', 'Smells Like Teen Sprit', 'Nirvana', { saved: 'teenSpirit' }, 'close: typo'),
  song('Bandcamp', "Don't Stop Me Now", 'Queen', { saved: 'dontStop' }, undefined, 210_000),
  song('Genius', 'Despacito (Remix) ft. Justin Bieber', 'Luis Fonsi & Daddy Yankee', { saved: 'despacitoRemix' }),
  // Live versions: only the studio track is saved.
  video('Adele - Someone Like You (Live at the Royal Albert Hall)', 'Adele', { other: 'someoneLikeYou' }),
  video('Queen - Bohemian Rhapsody (Live Aid 1985)', 'Queen Official', { other: 'rhapsody' }),
  video('Coldplay - Viva La Vida (Live In São Paulo)', 'Coldplay', { other: 'vivaLaVida' }),
  video('Michael Jackson - Billie Jean (Live at Wembley July 16, 1988)', 'Michael Jackson', { other: 'billieJean' }),
  song('Genius', 'Halo (Live)', 'Beyoncé', { other: 'halo' }),
  // Remixes, edits and mixes.
  video('Avicii - Levels (Skrillex Remix)', 'Skrillex', { other: 'levels' }),
  song('SoundCloud', 'Midnight City (Eric Prydz Private Remix)', 'M83', { other: 'midnight' }),
  video('Ed Sheeran - Shape of You (Stormzy Remix)', 'Ed Sheeran', { other: 'shape' }, 'another remix than the saved one'),
  video('The Beatles - Here Comes The Sun (Remastered 2009)', 'The Beatles', { other: 'hereComesTheSun' }, 'the saved one is the 2019 mix'),
  video('Luis Fonsi - Despacito ft. Daddy Yankee', 'LuisFonsiVEVO', { other: 'despacitoRemix' }, 'only the remix is saved'),
  song('Genius', 'bad guy (with Justin Bieber)', 'Billie Eilish', { other: 'badGuy' }, 'the feature makes it another recording'),
  song('Genius', 'Wake Me Up (Avicii By Avicii)', 'Avicii', 'none', 'a named rework'),
  // Covers: same title, another artist.
  video('Hallelujah', 'Pentatonix', 'none', 'cover'),
  video('Panic! At The Disco - Bohemian Rhapsody (from Suicide Squad)', 'Fueled By Ramen', 'none', 'cover'),
  song('last.fm', 'Hurt', 'Nine Inch Nails', 'none', 'the original of a saved cover'),
  song('last.fm', 'Africa', 'Weezer', 'none', 'cover'),
  video('Wonderwall - Ryan Adams', 'Ryan Adams', 'none', 'cover, title first'),
  video('J.Fla - Shape of You (cover)', 'JFlaMusic', 'none', 'cover'),
  video('Ed Sheeran - Shape Of You (Cover by J.Fla)', 'JFlaMusic', { other: 'shape' }, 'a cover credited in the title'),
  video('Creep - Postmodern Jukebox ft. Haley Reinhart', 'ScottBradleeLovesYa', 'none', 'cover'),
  song('last.fm', 'Creep', 'TLC', 'none', 'another song of the same name'),
  song('last.fm', 'Stay', 'Justin Bieber & The Kid LAROI', 'none', 'another song of the same name'),
  song('last.fm', 'One', 'Metallica', 'none', 'another song of the same name'),
  song('last.fm', 'Let It Go', 'Demi Lovato', 'none', 'the single, another recording'),
  song('last.fm', 'Yesterday', 'Boyz II Men', 'none', 'cover'),
  // Karaoke, instrumental, acoustic, sped up, demo.
  video('Hello - Adele (Karaoke Version)', 'Sing King', { other: 'hello' }, 'karaoke naming the original'),
  video('Hello (In the Style of Adele) [Karaoke Version]', 'Sing King', 'none', 'karaoke'),
  video('Let It Go (Karaoke)', 'Disney Karaoke', 'none', 'karaoke'),
  video('David Guetta - Titanium (Instrumental)', 'Instrumentals', { other: 'titanium' }),
  video('Radiohead - Creep (Acoustic)', 'Radiohead', { other: 'creep' }),
  video('Mr. Brightside (Acoustic) - The Killers', 'The Killers', { other: 'brightside' }),
  video('Linkin Park - Numb (Sped Up)', 'sped up songs', { other: 'numb' }),
  video('The Weeknd - Blinding Lights (Slowed + Reverb)', 'slowed vibes', { other: 'blinding' }),
  video('Blinding Lights (Nightcore)', 'Nightcore Nation', 'none'),
  song('SoundCloud', 'Smells Like Teen Spirit (Demo)', 'Nirvana', { other: 'teenSpirit' }),
  video("Taylor Swift - Love Story (Taylor's Version)", 'Taylor Swift', 'none', 'not saved at all'),
  // Near names that are other songs.
  song('last.fm', 'Love Me', 'The Beatles', 'none', 'Love Me Do is saved'),
  song('last.fm', 'Lose Myself', 'Eminem', 'none', 'Lose Yourself is saved'),
  song('last.fm', 'Hallo', 'Adele', 'none', 'one letter from a saved short title'),
  song('last.fm', 'Sway', 'Rihanna', 'none', 'Stay is saved'),
  song('Genius', 'Empire State of Mind (Part II) Broken Down', 'Alicia Keys', 'none', 'the sequel'),
  song('Bandcamp', 'Dreams', 'Fleetwood Mac', { other: 'dreams' }, 'a duration far from the saved track', 420_000),
];
