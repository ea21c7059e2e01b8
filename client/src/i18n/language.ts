// Which language a screen shows. A phone: the student's own choice, else the room's language
// (set by the instructor), else the browser's. The console and the stage: the room's language,
// else the browser's. The replay and the landing page: the reader's own choice, else the
// browser's. `?lang=xx` in the address wins everywhere (and `?lang=qps`, the pseudo-locale, is
// for test and development builds only). A tiny store, read with useSyncExternalStore.

import { useSyncExternalStore } from 'react';
import { isLanguage, LANGUAGES, type Language } from '../../../shared/protocol/languages';
import { TEST_HOOKS } from '../testHooks';
import type { Locale } from './translate';

export type Screen = 'phone' | 'console' | 'stage' | 'replay' | 'landing';

const OWN_KEY = 'hc.language';
const URL_KEY = 'hc.language.url';

/** The first of the browser's languages we ship, by its primary subtag ("es-CO" → "es"); else English. */
export function browserLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

const asLocale = (s: string | null | undefined): Locale | null => (isLanguage(s) ? s : TEST_HOOKS && s === 'qps' ? 'qps' : null);

/** `?lang=` of the address, kept for the tab so moving between screens keeps it. */
function readUrlLocale(): Locale | null {
  if (typeof window === 'undefined') return null;
  const fromUrl = asLocale(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) {
    storage('session')?.setItem(URL_KEY, fromUrl);
    return fromUrl;
  }
  return asLocale(storage('session')?.getItem(URL_KEY));
}

interface State {
  url: Locale | null;
  own: Language | null;
  room: Language | null;
  browser: Language;
}

let state: State = {
  url: readUrlLocale(),
  own: typeof window === 'undefined' ? null : (asLocale(storage('local')?.getItem(OWN_KEY)) as Language | null),
  room: null,
  browser: browserLanguage(),
};
const listeners = new Set<() => void>();
function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The reader's own choice (null: automatic), kept on this device. */
export function setOwnLanguage(language: Language | null): void {
  if (language) storage('local')?.setItem(OWN_KEY, language);
  else storage('local')?.removeItem(OWN_KEY);
  // An explicit choice also replaces a `?lang=` of the address.
  storage('session')?.removeItem(URL_KEY);
  set({ own: language, url: null });
}

/** The room's language as the server last said (the phone's view, the console's snapshot). */
export function setRoomLanguage(language: Language | null): void {
  if (state.room !== language) set({ room: language });
}

export function resolveLocale(screen: Screen, s: State = state): Locale {
  if (s.url) return s.url;
  if (screen === 'console' || screen === 'stage') return s.room ?? s.browser;
  if (screen === 'phone') return s.own ?? s.room ?? s.browser;
  return s.own ?? s.browser;
}

export const useLocale = (screen: Screen): Locale => useSyncExternalStore(subscribe, () => resolveLocale(screen));
export const useOwnLanguage = (): Language | null => useSyncExternalStore(subscribe, () => state.own);
export const useRoomLanguage = (): Language | null => useSyncExternalStore(subscribe, () => state.room);

export { LANGUAGES };
