// The client as `npm start` builds it: a production build carries none of the window.__hc…
// figures the e2e tests and the benchmark read (client/src/testHooks.ts); the bench build
// (CLIENT_MODE=bench, what the e2e server and `npm run bench` start) carries every one of them.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClientIfNeeded, clientIsStale } from '../../server/build-client';
import { loadConfig } from '../../server/config';

const root = path.resolve(import.meta.dirname, '../..');

/** Every hook named in the client's sources. */
function hooksInSources(): string[] {
  const dir = path.join(root, 'client/src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  return [...new Set(files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').match(/__hc\w+/g) ?? []))].sort();
}

/** The text of every script and page of a built client. */
function builtCode(dir: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|mjs|html)$/.test(f));
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

describe('client build', () => {
  it('a production build has no test hooks; a bench build has all of them', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'hc-client-build-'));
    const production = path.join(out, 'production');
    const bench = path.join(out, 'bench');
    await buildClientIfNeeded(root, production, () => {}, 'production');
    await buildClientIfNeeded(root, bench, () => {}, 'bench');

    const prod = builtCode(production);
    // The scan reads the real bundle: the app's own words are in it.
    expect(prod.includes('Space-time diagram')).toBe(true);
    expect(prod.match(/__hc\w*/gi) ?? []).toEqual([]);
    const hooks = hooksInSources();
    expect(hooks).toEqual(expect.arrayContaining(['__hcDiagram', '__hcMapStats', '__hcReplay']));
    const withHooks = builtCode(bench);
    expect(hooks.filter((hook) => !withHooks.includes(hook))).toEqual([]);

    // The join page in each language preloads that language's phone words (build/joinShells.ts).
    const manifest = JSON.parse(readFileSync(path.join(production, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[] }
    >;
    for (const lang of ['en', 'es', 'fr']) {
      const page = readFileSync(path.join(production, `join.${lang}.html`), 'utf8');
      const words = Object.values(manifest).find((c) => c.file.startsWith(`assets/i18n-phone-${lang}-`))?.file;
      expect(words, lang).toBeTruthy();
      expect(page).toContain(`<link rel="modulepreload" crossorigin href="/${words}">`);
      expect(page).toContain(`<html lang="${lang}">`);
    }
    // Without JavaScript a join page says so in its language; the other pages (one file for every
    // language) in each of them.
    expect(readFileSync(path.join(production, 'join.fr.html'), 'utf8')).toContain(
      '<noscript>Human Cluster a besoin de JavaScript pour fonctionner dans ce navigateur.</noscript>',
    );
    const index = readFileSync(path.join(production, 'index.html'), 'utf8');
    for (const [lang, line] of [
      ['en', 'Human Cluster needs JavaScript'],
      ['es', 'Human Cluster necesita JavaScript'],
      ['fr', 'Human Cluster a besoin de JavaScript'],
    ])
      expect(index).toMatch(new RegExp(`<noscript>.*<p lang="${lang}">${line}.*</noscript>`));
    // Messages arrive parsed (build/messages.ts): no script carries the ICU parser (its error names).
    expect(prod.includes('EXPECT_ARGUMENT_CLOSING_BRACE')).toBe(false);
    expect(builtCode(bench).includes('EXPECT_ARGUMENT_CLOSING_BRACE')).toBe(true);
    // A phone's game screen loads without zod (its schemas run on import: ZodError is in its core).
    const reach = (key: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(key) || !manifest[key]) return seen;
      seen.add(key);
      for (const i of manifest[key].imports ?? []) reach(i, seen);
      return seen;
    };
    const screens = Object.keys(manifest).filter((k) => /^_\w+Phone-[\w-]+\.js$/.test(k));
    expect(screens.length).toBeGreaterThanOrEqual(4);
    for (const screen of screens) {
      const code = [...reach(screen)].map((k) => readFileSync(path.join(production, manifest[k]?.file ?? ''), 'utf8')).join('\n');
      expect(code.includes('ZodError'), screen).toBe(false);
    }
    expect(prod.includes('ZodError')).toBe(true);

    // Each folder is fresh for its own mode only, so `npm start` rebuilds over a bench build.
    expect(clientIsStale(root, production, 'production')).toBe(false);
    expect(clientIsStale(root, production, 'bench')).toBe(true);
    expect(clientIsStale(root, bench, 'bench')).toBe(false);
    expect(clientIsStale(root, bench, 'production')).toBe(true);
  });

  it('CLIENT_MODE picks the build and its folder; anything else is refused', () => {
    expect(loadConfig({}, root)).toMatchObject({ clientMode: 'production', clientDir: path.join(root, 'dist/client') });
    expect(loadConfig({ CLIENT_MODE: 'bench' }, root)).toMatchObject({
      clientMode: 'bench',
      clientDir: path.join(root, 'dist/client-bench'),
    });
    expect(() => loadConfig({ CLIENT_MODE: 'debug' }, root)).toThrow('CLIENT_MODE must be one of: production, bench (got "debug").');
  });
});
