import { describe, expect, it } from 'vitest';
import { PRESET_SCRIPTS } from '../../../shared/net/script';
import { rumourWords } from '../games/gossip/word';
import fr from '../i18n/messages/fr';
import { type Catalogue, createTranslator } from '../i18n/translate';
import { startConfigOf } from './startConfig';

const t = createTranslator('fr', fr as unknown as Catalogue);

describe('a round’s settings as the console sends them', () => {
  it('draws a French class’s rumour from the French list, for a round started by hand or by a drill’s start step', () => {
    const words = rumourWords(t);
    expect((startConfigOf('gossip', t) as { word: string }).word).toSatisfy((w: string) => words.includes(w));
    const gossipStart = PRESET_SCRIPTS.flatMap((s) => s.steps).find((s) => s.do === 'start' && s.game === 'gossip');
    expect(gossipStart, 'a preset drill starts a gossip round').toBeDefined();
    const config = startConfigOf('gossip', t, gossipStart?.do === 'start' ? (gossipStart.config ?? {}) : {}) as { word: string };
    expect(words).toContain(config.word);
  });

  it('keeps a typed word, other games’ settings, and settings the engine refuses (the server words the error)', () => {
    expect(startConfigOf('gossip', t, { word: 'tortue' })).toMatchObject({ word: 'tortue' });
    expect(startConfigOf('election', t, { pace: 'class' })).toMatchObject({ pace: 'class' });
    expect(startConfigOf('gossip', t, { fanout: -3 })).toEqual({ fanout: -3 });
  });
});
