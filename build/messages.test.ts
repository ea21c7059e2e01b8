// The build's parsed catalogue words every message as the source strings do: a translator over
// each area file as build/messages.ts compiles it gives the same text, in every language.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Catalogue } from '../client/src/i18n/translate';
import { compileArea } from './messages';

const dir = path.resolve(import.meta.dirname, '../client/src/i18n/messages');

describe('parsed messages (build/messages.ts)', () => {
  it('format exactly like their source text, in every area and language', { timeout: 60_000 }, async () => {
    let checked = 0;
    let worded = 0;
    for (const area of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const lang of ['en', 'es', 'fr'] as const) {
        const file = path.join(dir, area.name, `${lang}.ts`);
        const parsed = await compileArea(readFileSync(file, 'utf8'), file, lang);
        const source = ((await import(file)) as { default: Record<string, string> }).default;
        expect(Object.keys(parsed)).toEqual(Object.keys(source));
        // Through JSON, as the build writes them.
        const fromBuild = createTranslator(lang, JSON.parse(JSON.stringify(parsed)) as Catalogue);
        const fromSource = createTranslator(lang, source as unknown as Catalogue);
        for (const key of Object.keys(source)) {
          // Every argument a message may ask for, with a value each kind can format.
          const params = new Proxy({}, { get: (_t, name) => (name === 'toJSON' ? undefined : 2), has: () => true });
          const a = fromBuild.dynamic(key, params);
          expect(a, `${area.name}/${lang}: ${key}`).toBe(fromSource.dynamic(key, params));
          checked++;
          if (a !== null) worded++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    // The stand-in arguments word nearly every message (a date or a list argument may refuse a number).
    expect(worded / checked).toBeGreaterThan(0.95);
  });

  it('says which message does not parse', async () => {
    await expect(compileArea("export default { 'x.y': 'a {broken' };", 'x/en.ts', 'en')).rejects.toThrow(/x\.y does not parse/);
  });
});
