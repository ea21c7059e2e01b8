// The catalogue completeness test: every key in every language (and nothing else), every
// message parses and asks for the same arguments in every language as in English, no key is
// defined twice across areas, every area is in the language bundles, no key is unused (the
// sources are scanned for its use), and every notice and error code the core and the server
// send has a message.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/protocol/languages';
import en from './messages/en';
import es from './messages/es';
import fr from './messages/fr';
import { ALL_PARTS, PARTS } from './parts';
import { pseudoCatalogue } from './pseudo';
import { createTranslator } from './translate';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const bundles: Record<string, Record<string, string>> = { en, es, fr };
const areasDir = path.join(here, 'messages');
const areas = readdirSync(areasDir).filter((d) => statSync(path.join(areasDir, d)).isDirectory());

/** Argument name → its kinds ("argument,select"), over the whole message (branches included). */
function argumentsOf(els: readonly MessageFormatElement[]): Map<string, string> {
  const kinds = new Map<string, Set<string>>();
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        walk(el.children);
        continue;
      }
      kinds.set(el.value, (kinds.get(el.value) ?? new Set()).add(TYPE[el.type] ?? ''));
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(els);
  return new Map([...kinds].map(([k, v]) => [k, [...v].sort().join(',')]));
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'messages') sourceFiles(p, out);
    } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the catalogue', () => {
  it('has every English key in every language, and no other', () => {
    const keys = Object.keys(en).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) expect(Object.keys(bundles[lang] ?? {}).sort(), lang).toEqual(keys);
  });

  it('has every message parse, with the same arguments as English in every language', () => {
    for (const [key, text] of Object.entries(en)) {
      const want = argumentsOf(parse(text, { ignoreTag: true }));
      for (const lang of LANGUAGES) {
        const msg = bundles[lang]?.[key] ?? '';
        expect(() => parse(msg, { ignoreTag: true }), `${lang} ${key}`).not.toThrow();
        expect(Object.fromEntries(argumentsOf(parse(msg, { ignoreTag: true }))), `${lang} ${key}`).toEqual(Object.fromEntries(want));
      }
    }
  });

  it('has each key in one area only, and every area in the language bundles', async () => {
    for (const lang of LANGUAGES) {
      const seen = new Map<string, string>();
      let total = 0;
      for (const area of areas) {
        const mod = (await import(`./messages/${area}/${lang}.ts`)) as { default: Record<string, string> };
        for (const key of Object.keys(mod.default)) {
          expect(seen.get(key), `${lang}: ${key} is in ${area} and in ${seen.get(key)}`).toBeUndefined();
          seen.set(key, area);
          total++;
        }
      }
      expect(Object.keys(bundles[lang] ?? {}).length, `${lang}: an area is missing from messages/${lang}.ts`).toBe(total);
    }
  });

  it('has every area in exactly one part of the download (parts.ts), and no part naming an area that is not there', () => {
    const listed = ALL_PARTS.flatMap((part) => PARTS[part] as readonly string[]);
    expect([...listed].sort()).toEqual([...areas].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('has no unused key: each is named in the client, or is the message of a notice or error code the core or the server sends', () => {
    // build/ writes the join pages' words (title, form, noscript) into the HTML.
    const client = [...sourceFiles(path.join(repo, 'client/src')), ...sourceFiles(path.join(repo, 'build'))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const core = [...sourceFiles(path.join(repo, 'shared')), ...sourceFiles(path.join(repo, 'server'))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // `common.language.${l}`: every key under that prefix is in use.
    // (Not `error.${…}` or `notice.${…}`: those are the codes' rule below.)
    const prefixes = [...client.matchAll(/`([a-zA-Z0-9_.-]+\.)\$\{/g)]
      .map((m) => m[1] ?? '')
      .filter((p) => p !== 'error.' && p !== 'notice.');
    const unused = Object.keys(en).filter((key) => {
      if (client.includes(`'${key}'`) || client.includes(`"${key}"`) || prefixes.some((p) => key.startsWith(p))) return false;
      // A notice or an error: its code, or the end of it, is written in the core or the server
      // (engines add their game's prefix: notify(st, node, 'voted') is `election.voted`).
      const code = /^(?:notice|error)\.(.+)$/.exec(key)?.[1]?.split('.') ?? [];
      // The client makes a few errors of its own (`code: 'offline'`).
      if (code.length && client.includes(`code: '${code.join('.')}'`)) return false;
      return !code.some((_, i) => core.includes(`'${code.slice(i).join('.')}'`));
    });
    expect(unused).toEqual([]);
  });
});

describe('the pseudo-locale', () => {
  it('accents and brackets every message and makes it about 35 % longer, keeping its arguments', () => {
    const qps = createTranslator('qps', pseudoCatalogue());
    const english = createTranslator('en', en);
    for (const [key, text] of Object.entries(en)) {
      const params = Object.fromEntries(
        [...argumentsOf(parse(text, { ignoreTag: true }))].map(([name, kind]) => [name, /plural|number/.test(kind) ? 2 : 'X']),
      );
      const out = qps.dynamic(key, params) ?? '';
      const plain = english.dynamic(key, params) ?? '';
      expect(out, key).toMatch(/^\[.*~\]$/s);
      expect(out.length, key).toBeGreaterThanOrEqual(Math.floor(plain.length * 1.3));
      if (/[a-z]/i.test(text.replace(/\{[^}]*\}/g, ''))) expect(out, key).toMatch(/[\u00c0-\u024f\u1e00-\u1eff]/);
    }
  });
});
