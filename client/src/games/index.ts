// The screens of each game, by game id (the engines are in shared/games/).

import { byzantineUi } from './byzantine';
import { cartUi } from './cart';
import { electionUi } from './election';
import { gossipUi } from './gossip';
import { sandboxUi } from './sandbox';
import type { AnyGameUi, GameUi } from './types';

/**
 * The one place a game's screens lose their types. Views and results reach the client as JSON
 * beside their game's id, and the registry is looked up by that id, so the screens that get a
 * view are the ones written for its type.
 */
function erase<View, ConsoleView, Result, Config, StageView>(ui: GameUi<View, ConsoleView, Result, Config, StageView>): AnyGameUi {
  return ui as AnyGameUi;
}

export const GAME_UIS: Record<string, AnyGameUi> = {
  sandbox: erase(sandboxUi),
  gossip: erase(gossipUi),
  election: erase(electionUi),
  byzantine: erase(byzantineUi),
  cart: erase(cartUi),
};
