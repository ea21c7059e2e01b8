// The translator of the screen's language for every component below (`useT()`). The first
// language is downloaded before the screen shows (a blank moment, never English first); a
// change of language keeps the old words on screen until the new ones have arrived. A screen
// asks for the parts of the catalogue it words (parts.ts): the join page only the phone's.

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadedTranslator, loadTranslator } from './load';
import { ALL_PARTS, type Part } from './parts';
import type { Locale, Translator } from './translate';

/** The screen's translator; null outside the provider (ErrorBoundary reads it as a class component). */
export const TranslatorContext = createContext<Translator | null>(null);

export function I18nProvider({
  locale,
  parts = ALL_PARTS,
  fallback = null,
  children,
}: {
  locale: Locale;
  parts?: readonly Part[];
  /** Shown until the words have arrived (the first time only). */
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const [t, setT] = useState<Translator | null>(() => loadedTranslator(locale, parts));
  const [failed, setFailed] = useState(false);
  const partsKey = parts.join('+');
  // biome-ignore lint/correctness/useExhaustiveDependencies: partsKey stands for parts
  useEffect(() => {
    let live = true;
    loadTranslator(locale, parts).then(
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
  }, [locale, partsKey]);
  if (!t) {
    // The catalogue could not be downloaded (the network went away): nothing can be worded.
    if (failed) throw new Error(`The ${locale} messages could not be loaded.`);
    return fallback;
  }
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}

/** Children that need more of the catalogue than the screen around them (a phone's game screen). */
export function WithParts({ parts, fallback, children }: { parts: readonly Part[]; fallback?: ReactNode; children: ReactNode }) {
  const outer = useT();
  return (
    <I18nProvider locale={outer.locale} parts={parts} fallback={fallback}>
      {children}
    </I18nProvider>
  );
}

/** The translator of the screen's language: `t('key', {params})`, `t.number(…)`, `t.list(…)`. */
export function useT(): Translator {
  const t = useContext(TranslatorContext);
  if (!t) throw new Error('useT() outside an <I18nProvider>');
  return t;
}
