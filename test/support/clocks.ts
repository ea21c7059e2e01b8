// A replay state as the live room holds it: the replay keeps vector clocks, a live room does
// not (SessionState.vectors); everything else, Lamport clocks included, must be equal.

import type { SessionState } from '../../shared/session/state';

export function asLive(state: SessionState): SessionState {
  const copy = structuredClone(state);
  copy.vectors = false;
  for (const clock of Object.values(copy.clocks)) clock.vector = {};
  return copy;
}
