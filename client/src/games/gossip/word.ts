// The rumour in the class's language. Left to itself the engine draws the word from an English
// list (shared/games/gossip/config.ts WORDS); a round started from a screen draws it instead from
// the catalogue's list in the reader's language (`gossip.words`), so a class in Lyon whispers
// « hérisson », not "hedgehog". A word the instructor typed is kept as typed.

import type { GossipConfig } from '../../../../shared/games/gossip/config';
import type { Translator } from '../../i18n/translate';

/** The engine's limit on a word's length (config.ts). */
const WORD_MAX = 24;

/** The words of the reader's list (the pseudo-locale's brackets and padding taken off). */
export function rumourWords(t: Translator): string[] {
  return t('gossip.words')
    .split(',')
    .map((w) => w.replace(/[[\]~]/g, '').trim())
    .filter((w) => w.length > 0 && w.length <= WORD_MAX);
}

/** The settings a gossip round starts with: a word drawn from the reader's list unless one was typed, or cards are spread. */
export function startConfig(config: GossipConfig, t: Translator, random: () => number = Math.random): GossipConfig {
  if (config.word || config.mode === 'highest-card') return config;
  const words = rumourWords(t);
  const word = words[Math.floor(random() * words.length)];
  return word ? { ...config, word } : config;
}
