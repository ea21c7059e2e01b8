// The join page in each language: a copy of index.html per language (join.<lang>.html) that
// also preloads that language's phone words (the `phone` part of the catalogue, see
// client/src/i18n/parts.ts), so that a phone fetches them beside the page's script instead of
// after it has run: one round trip less on a slow Wi-Fi (2 s on the bench's profile). The
// server picks the copy by `?lang=` or the browser's Accept-Language (server/static.ts).

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { LANGUAGES } from '../shared/protocol/languages';

export const joinShellFile = (lang: string) => `join.${lang}.html`;

export function joinShellsPlugin(): Plugin {
  let outDir = '';
  let base = '/';
  return {
    name: 'human-cluster:join-shells',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    async writeBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      const html = String(index.source);
      for (const lang of LANGUAGES) {
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === `i18n-phone-${lang}`);
        if (!chunk) throw new Error(`join shells: the build has no i18n-phone-${lang} chunk (vite.config.ts groups the catalogue)`);
        const link = `<link rel="modulepreload" crossorigin href="${base}${chunk.fileName}">`;
        // Right after the entry's own preloads: the words are needed before the first screen.
        const at = html.indexOf('</head>');
        const page = `${html.slice(0, at)}  ${link}\n  ${html.slice(at)}`.replace('<html lang="en">', `<html lang="${lang}">`);
        await writeFile(path.join(outDir, joinShellFile(lang)), page);
      }
    },
  };
}
