// A round's settings as the console sends them: what the instructor chose (or the game's
// defaults), with what a game words in the reader's language filled in — the gossip rumour is
// drawn from the reader's word list (games/gossip/word.ts). The round panel, the remote and a
// scripted drill's start steps all start rounds through this.

import { GAME_UIS } from '../games';
import { GAMES } from '../games/registry';
import type { Translator } from '../i18n/translate';

export function startConfigOf(game: string, t: Translator, given: unknown = {}): unknown {
  const ui = GAME_UIS[game];
  const parsed = GAMES.get(game)?.engine.config.safeParse(given);
  // Settings the engine refuses go as they are: the server says what is wrong with them.
  if (!ui?.startConfig || !parsed?.success) return given;
  return ui.startConfig(parsed.data, t);
}
