// The translator of the screen's language for every component below (`useT()`). The first
// language is downloaded before the screen shows (a blank moment, never English first); a
// change of language keeps the old words on screen until the new ones have arrived.

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadedTranslator, loadTranslator } from './load';
import type { Locale, Translator } from './translate';

/** The screen's translator; null outside the provider (ErrorBoundary reads it as a class component). */
export const TranslatorContext = createContext<Translator | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [t, setT] = useState<Translator | null>(() => loadedTranslator(locale));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadTranslator(locale).then(
      (next) => {
        if (!live) return;
        // The translator is a function: wrapped, or React would call it as an updater.
        setT(() => next);
        document.documentElement.lang = next.tag;
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [locale]);
  if (!t) {
    // The catalogue could not be downloaded (the network went away): nothing can be worded.
    if (failed) throw new Error(`The ${locale} messages could not be loaded.`);
    return null;
  }
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}

/** The translator of the screen's language: `t('key', {params})`, `t.number(…)`, `t.list(…)`. */
export function useT(): Translator {
  const t = useContext(TranslatorContext);
  if (!t) throw new Error('useT() outside an <I18nProvider>');
  return t;
}
