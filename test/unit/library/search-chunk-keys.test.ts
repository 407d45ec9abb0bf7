import { describe, expect, it } from 'vitest';
import { packSearchKeys, unpackSearchKeys } from '../../../lib/library/search-chunk-keys';
import { searchKeyOf } from '../../../lib/search/search-key';

describe('search chunk keys', () => {
  it('come back as they went in, chunk by chunk and with chunks joined', () => {
    const first = ['\u0001halo\u0002beyonce\u0003i\u0003am\u0003sasha\u0003fierce', '\u0001jóga'];
    const second = ['', '\u0001坂本龍一'];
    expect(unpackSearchKeys(packSearchKeys(first))).toEqual(first);
    expect(unpackSearchKeys(packSearchKeys(first) + packSearchKeys(second))).toEqual([...first, ...second]);
  });

  it('keep an empty key and an empty chunk apart', () => {
    expect(unpackSearchKeys(packSearchKeys([]))).toEqual([]);
    expect(unpackSearchKeys(packSearchKeys(['']))).toEqual(['']);
    expect(unpackSearchKeys(packSearchKeys([]) + packSearchKeys(['a']) + packSearchKeys([]))).toEqual(['a']);
  });

  it('are never split inside a key: a line break in a title is folded away', () => {
    const key = searchKeyOf({
      name: 'Line\nbreak\r\nin a title',
      artists: [{ id: null, name: 'Tab\tartist' }],
      album: { id: null, name: 'An album', image: null, releaseDate: null },
    });
    expect(key).not.toMatch(/[\n\r\t]/);
    expect(unpackSearchKeys(packSearchKeys([key, key]))).toEqual([key, key]);
  });
});
