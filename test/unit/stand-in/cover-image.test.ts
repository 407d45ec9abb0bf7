import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { coverPng } from '../../stand-in/cover-image';

const HASH = '3f1c0a7b9e2d4c61a8b7f0e1d2c3b4a5f0e1d2c3';

/** Width, height and the RGB of the top-left pixel, read back from the PNG's chunks. */
function readPng(png: Buffer): { width: number; height: number; topLeft: number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 29)]).toEqual([8, 2, 0, 0, 0]); // 8-bit RGB, no interlace
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  expect(raw.length).toBe(height * (1 + width * 3));
  return { width, height, topLeft: [...raw.subarray(1, 4)] };
}

describe('the stand-in’s cover images', () => {
  it('are PNGs of the size the URL’s i.scdn.co prefix names, one picture for all sizes of an album', () => {
    const small = readPng(coverPng(`ab67616d00004851${HASH}`));
    const medium = readPng(coverPng(`ab67616d00001e02${HASH}`));
    const large = readPng(coverPng(`ab67616d0000b273${HASH}`));
    expect([small.width, small.height, medium.width, large.width]).toEqual([64, 64, 300, 640]);
    expect(medium.topLeft).toEqual(small.topLeft);
    expect(large.topLeft).toEqual(small.topLeft);
  });

  it('are the same for the same name and differ between albums', () => {
    expect(coverPng(`ab67616d00004851${HASH}`)).toEqual(coverPng(`ab67616d00004851${HASH}`));
    const other = readPng(coverPng(`ab67616d00004851${'9'.repeat(40)}`));
    expect(other.topLeft).not.toEqual(readPng(coverPng(`ab67616d00004851${HASH}`)).topLeft);
  });
});
