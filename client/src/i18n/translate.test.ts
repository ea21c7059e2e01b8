// The translator, the type-level reading of ICU arguments, the wording of notices and errors,
// and which language a screen chooses.

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IcuParams } from './icuTypes';
import { browserLanguage, resolveLocale } from './language';
import { createTranslator, type Catalogue } from './translate';
import { wordError, wordNotice } from './words';

const catalogue = {
  'notice.test.voted': '{voter} voted for {candidate} in term {term, number}',
  'notice.test.crowd': '{nodes} {count, plural, one {is} other {are}} down',
  'error.unknown': 'Something went wrong ({code}).',
  'error.room_full': 'This room is full.',
} as unknown as Catalogue;

describe('the translator', () => {
  it('formats plurals, numbers and lists in its language', () => {
    const fr = createTranslator('fr', { x: '{n, plural, one {# vote} other {# votes}}' } as unknown as Catalogue);
    expect(fr.dynamic('x', { n: 1 })).toBe('1 vote');
    expect(fr.dynamic('x', { n: 1500 })).toBe('1\u202f500 votes');
    expect(fr.list(['Ana', 'Ben', 'Chloé'])).toBe('Ana, Ben et Chloé');
    expect(createTranslator('es', catalogue).list(['Ana', 'Ben'])).toBe('Ana y Ben');
    expect(fr.dynamic('missing')).toBeNull();
  });

  it('words a notice with nicknames, never node ids', () => {
    const t = createTranslator('en', catalogue);
    const names: Record<string, string> = { n1: 'Ana', n2: 'Ben', n3: 'Chloe' };
    const nameOf = (id: string) => names[id] ?? id;
    expect(wordNotice(t, { code: 'test.voted', params: { voter: { node: 'n1' }, candidate: { node: 'n2' }, term: 3 } }, nameOf)).toBe(
      'Ana voted for Ben in term 3',
    );
    expect(wordNotice(t, { code: 'test.crowd', params: { nodes: { nodes: ['n1', 'n2', 'n3'] }, count: 3 } }, nameOf)).toBe(
      'Ana, Ben, and Chloe are down',
    );
    expect(wordNotice(t, { code: 'test.unknown' }, nameOf)).toBe('test.unknown');
  });

  it('words a server error from its code, not from its English message', () => {
    const t = createTranslator('en', catalogue);
    expect(wordError(t, { code: 'room_full', message: 'ignored' })).toBe('This room is full.');
    expect(wordError(t, { code: 'brand_new', message: 'ignored' })).toBe('Something went wrong (brand_new).');
  });

  it('names a game by the catalogue, and words an error whose params do not fit as an unknown one', () => {
    const t = createTranslator('fr', {
      ...catalogue,
      'game.election.name': 'Élection de leader',
      'error.not_enough_nodes': '{game} demande au moins {min, number} nœuds',
    } as unknown as Catalogue);
    expect(wordError(t, { code: 'not_enough_nodes', params: { game: 'election', min: 3 } })).toBe(
      'Élection de leader demande au moins 3 nœuds',
    );
    expect(wordError(t, { code: 'not_enough_nodes', params: { game: 'chess', min: 3 } })).toBe('chess demande au moins 3 nœuds');
    // An older server without the params: no crash, the generic message.
    expect(wordError(t, { code: 'not_enough_nodes' })).toBe('Something went wrong (not_enough_nodes).');
  });
});

describe('the ICU arguments as types', () => {
  it('reads simple, typed and nested arguments, and none', () => {
    expectTypeOf<keyof IcuParams<'Hello'>>().toEqualTypeOf<never>();
    expectTypeOf<IcuParams<'Hello {name}!'>>().toEqualTypeOf<{ name: string | number }>();
    expectTypeOf<IcuParams<'{n, plural, one {# vote from {who}} other {# votes}} in {t, number}'>>().toEqualTypeOf<{
      n: number;
      who: string | number;
      t: number;
    }>();
    expectTypeOf<IcuParams<'{role, select, leader {Lead {x}} other {Follow}} at {at, time, short}'>>().toEqualTypeOf<{
      role: string;
      x: string | number;
      at: Date | number;
    }>();
    // A branch's one-word text is text, not an argument.
    expectTypeOf<IcuParams<'{n, plural, one {vote} other {votes}}'>>().toEqualTypeOf<{ n: number }>();
  });
});

describe('the language a screen shows', () => {
  const base = { url: null, own: null, room: null, browser: 'en' } as const;
  it('takes the first shipped language of the browser, by its primary subtag', () => {
    expect(browserLanguage(['de-DE', 'es-CO', 'fr'])).toBe('es');
    expect(browserLanguage(['FR-ca'])).toBe('fr');
    expect(browserLanguage(['de', 'ja'])).toBe('en');
  });
  it('phone: own choice, else the room, else the browser; console and stage: the room, else the browser', () => {
    expect(resolveLocale('phone', { ...base, room: 'fr' })).toBe('fr');
    expect(resolveLocale('phone', { ...base, room: 'fr', own: 'es' })).toBe('es');
    expect(resolveLocale('console', { ...base, room: 'fr', own: 'es' })).toBe('fr');
    expect(resolveLocale('stage', { ...base, browser: 'es' })).toBe('es');
    expect(resolveLocale('replay', { ...base, room: 'fr' })).toBe('en');
    expect(resolveLocale('replay', { ...base, room: 'fr', own: 'es' })).toBe('es');
    expect(resolveLocale('console', { ...base, room: 'fr', url: 'qps' })).toBe('qps');
  });
});
