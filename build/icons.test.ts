import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICONS, manifest, THEME_COLOR } from './icons';

const svg = readFileSync(new URL('../client/public/favicon.svg', import.meta.url), 'utf8').trim();
const theme = [1, 3, 5].map((i) => Number.parseInt(THEME_COLOR.slice(i, i + 2), 16));

/** The RGBA of each pixel of a drawn icon (`pixels` copies the whole image on every read: read it once). */
function pixelsOf(img: ReturnType<typeof drawIcon>) {
  const data = img.pixels;
  return (x: number, y: number) => [...data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
}

describe('icons made from favicon.svg', () => {
  it('each icon has its declared size, as a PNG', () => {
    for (const icon of ICONS) {
      const img = drawIcon(svg, icon);
      expect([img.width, img.height], icon.file).toEqual([icon.size, icon.size]);
      const png = img.asPng();
      expect(png.subarray(1, 4).toString(), icon.file).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon.file).toEqual([icon.size, icon.size]);
    }
  });

  it('the rounded favicon keeps transparent corners; maskable and Apple icons fill them with the theme colour', () => {
    for (const icon of ICONS) {
      const img = drawIcon(svg, icon);
      const corner = pixelsOf(img)(0, 0);
      if (icon.fullBleed) expect(corner, icon.file).toEqual([...theme, 255]);
      else expect(corner[3], icon.file).toBe(0);
    }
  });

  it('the maskable icon draws nothing but background outside its safe zone (the centred circle of 80 %)', () => {
    const icon = ICONS.find((i) => i.purpose === 'maskable')!;
    const img = drawIcon(svg, icon);
    const pixel = pixelsOf(img);
    const c = img.width / 2;
    const r = img.width * 0.4;
    let outside = 0;
    const drawn: string[] = [];
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (Math.hypot(x + 0.5 - c, y + 0.5 - c) <= r) continue;
        outside++;
        // Anti-aliasing where the favicon's own rounded square meets the background may shift a channel by a step or two.
        const p = pixel(x, y);
        if (p[3] !== 255 || theme.some((v, i) => Math.abs(v - p[i]!) > 3)) drawn.push(`${x},${y}: ${p.join(' ')}`);
      }
    }
    expect(outside).toBeGreaterThan(50_000);
    expect(drawn.slice(0, 5)).toEqual([]);
  });

  it('the manifest lists the PNG icons it is built with', () => {
    const files = (manifest().icons as { src: string }[]).map((i) => i.src);
    expect(files).toEqual(['/favicon.svg', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png']);
  });
});
