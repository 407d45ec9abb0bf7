import { describe, expect, it } from 'vitest';
import { classifyTitlePart } from '../../../../lib/cross-site/matching/version-markers';

describe('a title part: noise, a version, a credit or part of the title', () => {
  it.each([
    ['(Official Video)', 'noise'],
    ['[Lyrics]', 'noise'],
    ['Official HD Video', 'noise'],
    ['Remastered 2011', 'noise'],
    ['2004 Remaster', 'noise'],
    ['Radio Edit', 'noise'],
    ['Single Version', 'noise'],
    ['Mono / Remastered', 'noise'],
    ['From "Frozen"/Soundtrack Version', 'noise'],
    ['with lyrics', 'noise'],
    ['Original Mix', 'noise'],
    ['Part 2', 'other'],
    ['I Can’t Get No', 'other'],
  ])('%s is %s', (part, kind) => expect(classifyTitlePart(part).kind).toBe(kind));

  it.each([
    ['Live at Wembley Stadium', 'live'],
    ['Skrillex Remix', 'remix:skrillex'],
    ['Remix', 'remix'],
    ['Club Mix', 'remix:club'],
    ['Extended Mix', 'extended'],
    ['Karaoke Version', 'karaoke'],
    ['In the Style of Adele', 'karaoke'],
    ['Acoustic', 'acoustic'],
    ['MTV Unplugged', 'acoustic'],
    ['Instrumental', 'instrumental'],
    ['Sped Up', 'altered'],
    ['Slowed + Reverb', 'altered'],
    ['Demo', 'demo'],
    ["Taylor's Version", 'rerecorded'],
    ['Spanish Version', 'version:spanish'],
    ['Cover by J.Fla', 'cover'],
    ['2019 Mix', 'remix'],
  ])('%s names the version %s', (part, marker) => expect(classifyTitlePart(part)).toEqual({ kind: 'version', marker }));

  it.each([
    ['feat. Sia', 'Sia'],
    ['ft. Nyla & Kranium', 'Nyla & Kranium'],
    ['with Justin Bieber', 'Justin Bieber'],
  ])('%s credits %s', (part, names) => expect(classifyTitlePart(part)).toEqual({ kind: 'featured', names }));
});
