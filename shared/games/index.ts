// The registry of games. A game listed here can be played live, simulated and replayed.

import { byzantine } from './byzantine/engine';
import { election } from './election/engine';
import { gossip } from './gossip/engine';
import { sandbox } from './sandbox/engine';
import type { AnyEngine } from './types';

export const ENGINES: Record<string, AnyEngine> = {
  [sandbox.id]: sandbox,
  [gossip.id]: gossip,
  [election.id]: election,
  [byzantine.id]: byzantine,
};

export function engineFor(game: string): AnyEngine | undefined {
  return Object.hasOwn(ENGINES, game) ? ENGINES[game] : undefined;
}
