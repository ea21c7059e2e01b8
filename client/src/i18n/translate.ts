// The translator: a catalogue (one language's messages) turned into `t(key, params)` with the
// formats of that language (plurals, numbers, lists, dates through Intl). It is plain code, so
// the notice and error wording, tests and non-React helpers use it the same way as components.

import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../../shared/protocol/languages';
import type { IcuParams } from './icuTypes';
import type { English } from './messages/en';

/** A language the client can show: the shipped ones, and `qps`, the pseudo-locale of tests. */
export type Locale = Language | 'qps';
export type MessageKey = keyof English;
/** A language's messages; the pseudo-locale's are already parsed. */
export type Catalogue = { readonly [K in MessageKey]: string | MessageFormatElement[] };
export type ParamsOf<K extends MessageKey> = IcuParams<English[K]>;
type Args<K extends MessageKey> = [keyof ParamsOf<K>] extends [never] ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];

export interface Translator {
  <K extends MessageKey>(key: K, ...args: Args<K>): string;
  readonly locale: Locale;
  /** The tag Intl formats with (the pseudo-locale formats like English). */
  readonly tag: string;
  /** A key known only at run time (a notice's or an error's code); null when the catalogue has none or its parameters do not fit. */
  dynamic(key: string, params?: Record<string, unknown>): string | null;
  has(key: string): boolean;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** "Ana, Ben and Chloe" in the language's own way. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  date(d: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

export function tagOf(locale: Locale): string {
  return locale === 'qps' ? 'en' : locale;
}

export function createTranslator(locale: Locale, catalogue: Catalogue): Translator {
  const tag = tagOf(locale);
  const formats = new Map<string, IntlMessageFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();
  const lists = new Map<string, Intl.ListFormat>();
  const entries = catalogue as Readonly<Record<string, string | MessageFormatElement[]>>;

  const format = (key: string, params?: Record<string, unknown>): string | null => {
    let f = formats.get(key);
    if (!f) {
      const text = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (text === undefined) return null;
      // Tags stay text: messages are plain strings ("N < 3f + 1" must not start a tag).
      f = new IntlMessageFormat(text, tag, undefined, { ignoreTag: true });
      formats.set(key, f);
    }
    return String(f.format(params as Record<string, string | number | Date> | undefined));
  };

  const t = ((key: MessageKey, params?: Record<string, unknown>) => format(key, params) ?? key) as Translator;
  Object.assign(t, {
    locale,
    tag,
    // A code from the wire may come with parameters its message does not expect (a newer or
    // older server): no message then, rather than a screen that cannot render.
    dynamic(key: string, params?: Record<string, unknown>) {
      try {
        return format(key, params);
      } catch {
        return null;
      }
    },
    has: (key: string) => Object.hasOwn(entries, key),
    number(n: number, options?: Intl.NumberFormatOptions) {
      const k = JSON.stringify(options ?? null);
      let f = numbers.get(k);
      if (!f) {
        f = new Intl.NumberFormat(tag, options);
        numbers.set(k, f);
      }
      return f.format(n);
    },
    list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction') {
      let f = lists.get(type);
      if (!f) {
        f = new Intl.ListFormat(tag, { style: 'long', type });
        lists.set(type, f);
      }
      const text = f.format(items);
      return locale === 'qps' && items.length > 1 ? `[${text}]` : text;
    },
    // The pseudo-locale brackets what Intl words (month names, "PM"), as it does its messages.
    date: (d: Date | number, options?: Intl.DateTimeFormatOptions) => {
      const text = new Intl.DateTimeFormat(tag, options).format(d);
      return locale === 'qps' ? `[${text}]` : text;
    },
  });
  return t;
}
