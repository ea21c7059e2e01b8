// The catalogue's messages reach the browser already parsed: at build time each area file
// (client/src/i18n/messages/<area>/<lang>.ts) becomes its messages' ICU syntax trees, and
// intl-messageformat gets the parser's no-parser entry, so the phone downloads no ICU parser
// (about 10 KB compressed of its join page). Tests and the dev server keep the source strings
// and parse them at run time, as the translator does with either form.

import { readFile } from 'node:fs/promises';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { transformWithOxc, type Plugin } from 'vite';

const AREA_FILE = /[\\/]client[\\/]src[\\/]i18n[\\/]messages[\\/][^\\/]+[\\/]([a-z]+)\.ts$/;

/** An area file's messages as written (its source text given, or read from the file). */
export async function readArea(file: string, source?: string): Promise<Record<string, unknown>> {
  // An area file is plain data with type-only imports: its JavaScript runs on its own.
  const js = (await transformWithOxc(source ?? (await readFile(file, 'utf8')), file, { lang: 'ts' })).code;
  return ((await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as { default: Record<string, unknown> })
    .default;
}

/** An area file's messages, parsed as the translator would parse them (tags stay text). */
export async function compileArea(source: string, file: string, lang: string): Promise<Record<string, MessageFormatElement[]>> {
  const out: Record<string, MessageFormatElement[]> = {};
  for (const [key, text] of Object.entries(await readArea(file, source))) {
    if (typeof text !== 'string') throw new Error(`${file}: the message ${key} is not a string`);
    try {
      out[key] = parse(text, { ignoreTag: true, locale: new Intl.Locale(lang) });
    } catch (e) {
      throw new Error(`${file}: the message ${key} does not parse: ${(e as Error).message}`);
    }
  }
  return out;
}

export function messagesPlugin(): Plugin {
  return {
    name: 'hc-parsed-messages',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // Every message arrives parsed: the formatter needs the parser's types, not the parser.
      if (source === '@formatjs/icu-messageformat-parser' && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { ...options, skipSelf: true });
      }
      return null;
    },
    async transform(code, id) {
      const lang = AREA_FILE.exec(id.split('?')[0] ?? id)?.[1];
      if (!lang) return null;
      const parsed = await compileArea(code, id, lang);
      return { code: `export default ${JSON.stringify(parsed)};\n`, map: null };
    },
  };
}
