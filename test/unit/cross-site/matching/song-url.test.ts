import { describe, expect, it } from 'vitest';
import { songUrlOf } from '../../../../lib/cross-site/matching/song-url';

describe('song URLs', () => {
  it('keeps of a URL only what names the song', () => {
    expect(songUrlOf('https://www.youtube.com/watch?v=abc&t=42s&list=PL1#x')).toBe('www.youtube.com/watch?v=abc');
    expect(songUrlOf('https://genius.com/Adele-hello-lyrics?utm_source=x')).toBe('genius.com/Adele-hello-lyrics');
    expect(songUrlOf('https://music.apple.com/us/album/die-with-a-smile/1762656941?i=1762657163&l=en')).toBe(
      'music.apple.com/us/album/die-with-a-smile/1762656941?i=1762657163',
    );
  });
});
