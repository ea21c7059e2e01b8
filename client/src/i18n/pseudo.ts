// The pseudo-locale `qps` (tests only): every English message accented, about 35 % longer and
// bracketed, "[Ŝţåŕţ ŕöûñð ~~~]", so that any text on screen that is not pseudo-localised was
// never in the catalogue, and screenshots show where longer languages would overflow. Only
// literal text changes; arguments, plurals and selects keep working (the messages are parsed
// and their literal parts rewritten).

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalogue } from './translate';
import english from './messages/en';

const ACCENTS: Record<string, string> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

export const accent = (s: string): string => s.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c);

/** How many letters a message's literal text has (its arguments do not count). */
function letters(els: readonly MessageFormatElement[]): number {
  let n = 0;
  for (const el of els) {
    if (el.type === TYPE.literal) n += el.value.length;
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      // The longest branch: the one most likely to overflow.
      n += Math.max(0, ...Object.values(el.options).map((o) => letters(o.value)));
    }
  }
  return n;
}

function rewrite(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: rewrite(o.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

/** One message pseudo-localised: accented, padded by ~35 % with "~" in short words, bracketed. */
export function pseudoMessage(text: string | readonly MessageFormatElement[]): MessageFormatElement[] {
  // A build hands the messages over already parsed (build/messages.ts).
  const els = typeof text === 'string' ? parse(text, { ignoreTag: true }) : [...text];
  const pad = Math.max(1, Math.round(letters(els) * 0.35));
  const tildes = Array.from({ length: Math.ceil(pad / 4) }, (_, i) => '~'.repeat(Math.min(4, pad - i * 4))).join(' ');
  return [{ type: TYPE.literal, value: '[' }, ...rewrite(els), { type: TYPE.literal, value: ` ${tildes}]` }];
}

export function pseudoCatalogue(): Catalogue {
  return Object.fromEntries(
    Object.entries(english).map(([k, v]) => [k, pseudoMessage(v as string | MessageFormatElement[])]),
  ) as unknown as Catalogue;
}
