/**
 * Album covers for `/image/<anything>`: a gradient with a disc, coloured from the last 40
 * characters of the name (the cover hash), so the three sizes of one album match and demo
 * screenshots look like a real library.
 */
import { crc32, deflateSync } from 'node:zlib';
import { hashString, mix32 } from './random';

/** i.scdn.co's size prefixes (see library.ts); unknown names are drawn at 640. */
const SIZE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['ab67616d0000b273', 640],
  ['ab67616d00001e02', 300],
  ['ab67616d00004851', 64],
];

/**
 * A PNG, as i.scdn.co serves raster images (JPEG there). The stand-in drew SVG covers until
 * the bench showed what they cost: Chromium parses and draws each SVG image as a document on
 * the page's main thread, and with covers in the memory cache it does so while the rows are
 * inserted. Popup opened to first results at 10k tracks: 144–168 ms with SVG covers, 112–117
 * ms with these (2026-11-27).
 */
export function coverPng(name: string): Buffer {
  const size = Math.min(SIZE_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 640, 640);
  const hash = hashString(name.slice(-40));
  const hue = hash % 360;
  const secondHue = (hue + 40 + (mix32(hash) % 140)) % 360;
  const from = hslToRgb(hue, 0.65, 0.52);
  const to = hslToRgb(secondHue, 0.55, 0.22);
  const disc = hslToRgb(secondHue, 0.8, 0.75);
  const scale = size / 64;
  const discX = (16 + (mix32(hash + 1) % 32)) * scale;
  const discY = (16 + (mix32(hash + 2) % 32)) * scale;
  const discRadius = (10 + (mix32(hash + 3) % 14)) * scale;
  const rowBytes = 1 + size * 3;
  const raw = Buffer.alloc(rowBytes * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * size);
      const distance = Math.hypot(x - discX, y - discY);
      const at = y * rowBytes + 1 + x * 3;
      for (let i = 0; i < 3; i++) {
        let channel = from[i]! + (to[i]! - from[i]!) * t;
        if (distance <= 2 * scale) channel = channel * 0.4 + 17 * 0.6;
        else if (distance <= discRadius) channel = channel * 0.65 + disc[i]! * 0.35;
        raw[at + i] = Math.round(channel);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return 255 * (lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [channel(0), channel(8), channel(4)];
}
