import { describe, expect, it } from 'vitest';
import { gossipConfig } from '../../../../shared/games/gossip/config';
import en from '../../i18n/messages/en';
import es from '../../i18n/messages/es';
import fr from '../../i18n/messages/fr';
import { pseudoCatalogue } from '../../i18n/pseudo';
import { createTranslator, type Catalogue } from '../../i18n/translate';
import { rumourWords, startConfig } from './word';

const tr = (lang: 'en' | 'es' | 'fr', c: unknown) => createTranslator(lang, c as Catalogue);

describe('the rumour in the class’s language', () => {
  it('draws the word from the reader’s list, each a word the engine accepts', () => {
    for (const [lang, c] of [
      ['en', en],
      ['es', es],
      ['fr', fr],
    ] as const) {
      const t = tr(lang, c);
      const words = rumourWords(t);
      expect(words.length, lang).toBeGreaterThanOrEqual(20);
      expect(new Set(words).size, `${lang}: no word twice`).toBe(words.length);
      const config = startConfig(gossipConfig.parse({}), t, () => 0.5);
      expect(words).toContain(config.word);
      // What the engine's schema accepts, unchanged.
      expect(gossipConfig.parse(config).word).toBe(config.word);
    }
    expect(startConfig(gossipConfig.parse({}), tr('fr', fr), () => 0).word).toBe(rumourWords(tr('fr', fr))[0]);
  });

  it('keeps a typed word, draws none when cards are spread, and strips the pseudo-locale’s brackets', () => {
    const t = tr('es', es);
    expect(startConfig(gossipConfig.parse({ word: 'tortuga' }), t).word).toBe('tortuga');
    expect(startConfig(gossipConfig.parse({ mode: 'highest-card' }), t).word).toBeUndefined();
    const q = createTranslator('qps', pseudoCatalogue());
    for (const w of rumourWords(q)) expect(w).not.toMatch(/[[\]~]|^\s|\s$/);
  });
});
