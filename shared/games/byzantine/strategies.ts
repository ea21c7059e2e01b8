// How a traitor lies ([B12]). The same functions serve traitor bots, traitors on autopilot
// and the phase timer filling in what a traitor did not choose, so every lie is seeded.

import type { NodeId } from '../../protocol/ids';
import type { Rng } from '../../rng';
import { other, type Strategy, type Value } from './config';

/**
 * A value per recipient. `held` is what the traitor was told (a traitor commander: the order
 * it was advised to give); `recipients` are everyone this message goes to, in seat order,
 * so that `split` cuts the same halves whoever is still left to answer.
 */
export function chooseValues(strategy: Strategy, held: Value, recipients: readonly NodeId[], rng: Rng): Record<NodeId, Value> {
  const out: Record<NodeId, Value> = {};
  const half = Math.ceil(recipients.length / 2);
  recipients.forEach((to, i) => {
    switch (strategy) {
      case 'flip':
        out[to] = other(held);
        break;
      case 'split':
        out[to] = i < half ? 'attack' : 'retreat';
        break;
      case 'random':
        out[to] = rng.chance(0.5) ? 'attack' : 'retreat';
        break;
    }
  });
  return out;
}
