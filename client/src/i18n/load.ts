// Only the language a screen shows is downloaded: each language's catalogue is a chunk of its
// own, fetched when first asked for and kept. The pseudo-locale exists in development and test
// builds only (TEST_HOOKS), so a production build has no code for it.

import { createTranslator, type Catalogue, type Locale, type Translator } from './translate';

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import('./messages/en').then((m) => m.default),
  es: () => import('./messages/es').then((m) => m.default),
  fr: () => import('./messages/fr').then((m) => m.default),
  // Written out (not TEST_HOOKS) so that the production build drops the branch and its chunk.
  qps: () =>
    import.meta.env.MODE === 'development' || import.meta.env.MODE === 'bench'
      ? import('./pseudo').then((m) => m.pseudoCatalogue())
      : import('./messages/en').then((m) => m.default),
};

const loaded = new Map<Locale, Translator>();
const pending = new Map<Locale, Promise<Translator>>();

/** The translator of a language already downloaded, or null. */
export const loadedTranslator = (locale: Locale): Translator | null => loaded.get(locale) ?? null;

export function loadTranslator(locale: Locale): Promise<Translator> {
  const have = loaded.get(locale);
  if (have) return Promise.resolve(have);
  let p = pending.get(locale);
  if (!p) {
    p = loaders[locale]().then((catalogue) => {
      const t = createTranslator(locale, catalogue);
      loaded.set(locale, t);
      pending.delete(locale);
      return t;
    });
    p.catch(() => pending.delete(locale));
    pending.set(locale, p);
  }
  return p;
}
