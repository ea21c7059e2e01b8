// A Vite plugin that makes the app installable from the project's own icon: PNG icons rendered
// from client/public/favicon.svg at build time (resvg, offline), a web app manifest, and the
// <link>/<meta> tags that point to them.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin } from 'vite';

/** The icon's background; also the browser bar and the splash screen. */
export const THEME_COLOR = '#14213d';

export interface Icon {
  file: string;
  size: number;
  /** Fill the corners the rounded favicon leaves transparent (platforms that mask the icon). */
  fullBleed: boolean;
  /** Shrink the drawing to this share of the side, inside a maskable icon's safe zone. */
  scale: number;
  purpose?: 'maskable';
}

export const ICONS: Icon[] = [
  { file: 'icon-192.png', size: 192, fullBleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, scale: 1 },
  // The safe zone of a maskable icon is the centred circle of 80 % of the side (W3C manifest spec).
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true, scale: 0.8, purpose: 'maskable' },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, scale: 1 },
];

/** The favicon drawn on a full square of the theme colour, optionally scaled about its centre. */
function variant(svg: string, icon: Icon): string {
  if (!icon.fullBleed && icon.scale === 1) return svg;
  const side = 64;
  const inset = (side * (1 - icon.scale)) / 2;
  const inner = svg.replace(/^<svg\b/, `<svg x="${inset}" y="${inset}" width="${side * icon.scale}" height="${side * icon.scale}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"><rect width="${side}" height="${side}" fill="${THEME_COLOR}"/>${inner}</svg>`;
}

export function drawIcon(svg: string, icon: Icon) {
  return new Resvg(variant(svg, icon), { fitTo: { mode: 'width', value: icon.size } }).render();
}

export function manifest(): Record<string, unknown> {
  return {
    id: '/',
    name: 'Human Cluster',
    short_name: 'Human Cluster',
    description: 'Your class is the distributed system: phones are nodes, the server is the network.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: THEME_COLOR,
    theme_color: THEME_COLOR,
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ...ICONS.filter((i) => i.file.startsWith('icon-')).map((i) => ({
        src: `/${i.file}`,
        sizes: `${i.size}x${i.size}`,
        type: 'image/png',
        ...(i.purpose ? { purpose: i.purpose } : {}),
      })),
    ],
  };
}

export function iconsPlugin(): Plugin {
  let svgFile = '';
  return {
    name: 'human-cluster:icons',
    configResolved(config) {
      svgFile = path.join(config.publicDir, 'favicon.svg');
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' },
    ],
    async generateBundle() {
      const svg = (await readFile(svgFile, 'utf8')).trim();
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.file, source: drawIcon(svg, icon).asPng() });
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: `${JSON.stringify(manifest(), null, 2)}\n` });
    },
  };
}
