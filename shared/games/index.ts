// The registry of games. A game listed here can be played live, simulated and replayed.

import { sandbox } from './sandbox/engine';
import type { AnyEngine } from './types';

export const ENGINES: Record<string, AnyEngine> = {
  [sandbox.id]: sandbox,
};

export function engineFor(game: string): AnyEngine | undefined {
  return Object.hasOwn(ENGINES, game) ? ENGINES[game] : undefined;
}
