// Only the words a screen needs, in the language it shows, are downloaded: each language's
// catalogue comes in parts (parts.ts), each part a chunk of its own, fetched when first asked
// for and kept. The join page asks for the `phone` part only; the console, the stage and the
// replay for every part; a phone fetches the rest in the lobby. The pseudo-locale exists in
// development and test builds only (TEST_HOOKS), so a production build has no code for it.

import { ALL_PARTS, PARTS, type Part } from './parts';
import { createTranslator, type Catalogue, type Locale, type Translator } from './translate';

type Messages = Readonly<Record<string, Catalogue[keyof Catalogue]>>;

/** Every area's file in every language, each loaded on its own (the build groups them by part). */
const AREA_FILES = import.meta.glob<{ default: Messages }>('./messages/*/*.ts');

function fetchPart(locale: Locale, part: Part): Promise<Messages> {
  if (locale === 'qps') {
    // Written out (not TEST_HOOKS) so that the production build drops the branch and its chunk.
    return import.meta.env.MODE === 'development' || import.meta.env.MODE === 'bench'
      ? import('./pseudo').then((m) => m.pseudoCatalogue())
      : fetchPart('en', part);
  }
  return Promise.all(
    PARTS[part].map((area) => {
      const load = AREA_FILES[`./messages/${area}/${locale}.ts`];
      if (!load) throw new Error(`No ${locale} messages for the ${area} area.`);
      return load().then((m) => m.default);
    }),
  ).then((all) => Object.assign({}, ...all) as Messages);
}

const parts = new Map<string, Promise<Messages>>();
const done = new Map<string, Messages>();

function loadPart(locale: Locale, part: Part): Promise<Messages> {
  const key = `${locale}:${part}`;
  let p = parts.get(key);
  if (!p) {
    p = fetchPart(locale, part).then((m) => {
      done.set(key, m);
      return m;
    });
    // A part that did not arrive (the network dropped) is asked for again next time.
    p.catch(() => parts.delete(key));
    parts.set(key, p);
  }
  return p;
}

const translators = new Map<string, Translator>();
const keyOf = (locale: Locale, wanted: readonly Part[]) => `${locale}:${[...new Set(wanted)].sort().join('+')}`;

function translatorOf(locale: Locale, wanted: readonly Part[], messages: Messages[]): Translator {
  const key = keyOf(locale, wanted);
  let t = translators.get(key);
  if (!t) {
    t = createTranslator(locale, Object.assign({}, ...messages) as Catalogue);
    translators.set(key, t);
  }
  return t;
}

/** The translator of a language whose parts are already downloaded, or null. */
export function loadedTranslator(locale: Locale, wanted: readonly Part[] = ALL_PARTS): Translator | null {
  const messages = wanted.map((part) => done.get(`${locale}:${part}`));
  return messages.every((m) => m !== undefined) ? translatorOf(locale, wanted, messages as Messages[]) : null;
}

/** The translator of a language with (at least) these parts of its catalogue. */
export function loadTranslator(locale: Locale, wanted: readonly Part[] = ALL_PARTS): Promise<Translator> {
  const have = loadedTranslator(locale, wanted);
  if (have) return Promise.resolve(have);
  return Promise.all(wanted.map((part) => loadPart(locale, part))).then((messages) => translatorOf(locale, wanted, messages));
}

/** Fetches parts ahead of need (a phone in the lobby); a failure shows later, if they are needed. */
export function prefetchParts(locale: Locale, wanted: readonly Part[] = ALL_PARTS): void {
  for (const part of wanted) loadPart(locale, part).catch(() => {});
}
