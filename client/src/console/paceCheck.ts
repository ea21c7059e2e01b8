// Rounds people can actually play. A person needs seconds to read a phone and tap; an election
// whose timers run out in a fraction of a second leaves every human phone on "Stand for
// election" at term 0 while the bots elect among themselves. Before such a round starts, the
// console names the phones that cannot keep up and offers autopilot for them, or the class pace.

import { electionConfig, timingOf } from '../../../shared/games/election/config';
import type { ConsoleNode } from '../../../shared/protocol/views';

/** Shortest election timeout a person can act within (ms): reading the phone and tapping takes about that. */
export const HUMAN_MIN_TIMEOUT_MS = 2_000;

/** The human phones (not on autopilot) that could not keep up with this round's timers; empty when it can work. */
export function tooFastFor(game: string, config: unknown, nodes: readonly ConsoleNode[]): ConsoleNode[] {
  if (game !== 'election') return [];
  const parsed = electionConfig.safeParse(config ?? {});
  if (!parsed.success) return [];
  const [shortest] = timingOf(parsed.data).timeoutMs;
  if (shortest >= HUMAN_MIN_TIMEOUT_MS) return [];
  return nodes.filter((n) => n.status === 'active' && n.kind === 'human' && !n.autopilot);
}
