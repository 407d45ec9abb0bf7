/**
 * Album covers for `/image/<anything>`: a gradient with a disc, coloured from the last 40
 * characters of the name (the cover hash), so the three sizes of one album match and demo
 * screenshots look like a real library.
 */
import { hashString, mix32 } from './random';

/** i.scdn.co's size prefixes (see library.ts); unknown names are drawn at 640. */
const SIZE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['ab67616d0000b273', 640],
  ['ab67616d00001e02', 300],
  ['ab67616d00004851', 64],
];

export function coverSvg(name: string): string {
  const size = SIZE_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 640;
  const hash = hashString(name.slice(-40));
  const hue = hash % 360;
  const secondHue = (hue + 40 + (mix32(hash) % 140)) % 360;
  const discX = 16 + (mix32(hash + 1) % 32);
  const discY = 16 + (mix32(hash + 2) % 32);
  const discRadius = 10 + (mix32(hash + 3) % 14);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue},65%,52%)"/><stop offset="1" stop-color="hsl(${secondHue},55%,22%)"/>
</linearGradient></defs>
<rect width="64" height="64" fill="url(#g)"/>
<circle cx="${discX}" cy="${discY}" r="${discRadius}" fill="hsl(${secondHue},80%,75%)" fill-opacity="0.35"/>
<circle cx="${discX}" cy="${discY}" r="2" fill="#111" fill-opacity="0.6"/>
</svg>`;
}
