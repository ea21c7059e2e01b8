// A round's settings (a pace preset plus optional overrides; `parse({})` is the classroom pace),
// the actions a node may take, and the kinds of envelope nodes exchange.

import { z } from 'zod';
import { VALUE_MAX } from './limits';

export { KIND, VALUE_MAX } from './limits';

export const GAME_ID = 'election';

export const PACES = {
  /** People play: slow enough to read the screen and tap, fast enough to keep a class awake. */
  class: { timeoutMs: [8_000, 15_000], heartbeatMs: [2_000, 3_000], botDelayMs: [500, 2_000], processingMs: [0, 0] },
  /** Bots and demos: Raft's usual figures, with bots that think in a few milliseconds. */
  fast: { timeoutMs: [150, 300], heartbeatMs: [40, 60], botDelayMs: [1, 5], processingMs: [0, 1] },
} as const satisfies Record<string, Timing>;

export type Pace = keyof typeof PACES;

/** A closed range of milliseconds, [min, max]. */
export type Range = readonly [number, number];

export interface Timing {
  /** The election timer is drawn uniformly from this range every time it is armed. */
  timeoutMs: Range;
  /** The leader's next heartbeat is drawn from this range after each one. */
  heartbeatMs: Range;
  /** How long a bot (or a phone on autopilot) waits before it acts. */
  botDelayMs: Range;
  /**
   * A server's processing time [E18]: each message a node receives is handled, one at a time
   * in arrival order, after a draw from this range, and each of its timers fires that much
   * later than its nominal time. [0, 0] handles everything at once.
   */
  processingMs: Range;
}

const range = (max: number, int = true) => {
  const end = int ? z.number().int().min(0).max(max) : z.number().min(0).max(max);
  return z.tuple([end, end]).refine(([lo, hi]) => lo <= hi, { message: 'the first number is the minimum: it must not exceed the second' });
};

export const electionConfig = z
  .object({
    pace: z.enum(['class', 'fast']).default('class'),
    /** Overrides the preset's election timeout range (ms). */
    timeoutMs: range(600_000)
      .refine(([lo]) => lo >= 10, { message: 'election timeouts below 10 ms are not sensible' })
      .optional(),
    /** Overrides the preset's heartbeat interval range (ms). */
    heartbeatMs: range(600_000)
      .refine(([lo]) => lo >= 5, { message: 'heartbeats more often than every 5 ms would flood the network' })
      .optional(),
    /** Overrides the preset's bot thinking time (ms). */
    botDelayMs: range(60_000).optional(),
    /** Overrides the preset's processing time per message and per timer (ms) [E18]. */
    processingMs: range(1_000, false).optional(),
    /** Pre-vote (Ongaro's thesis, section 9.6): a node asks before it raises its term [E19]. Off by default. */
    preVote: z.boolean().optional(),
    /** CheckQuorum (thesis, section 6.2): a leader that has not heard from a majority for an election timeout steps down [E20]. */
    checkQuorum: z.boolean().optional(),
  })
  .strict();

export type ElectionConfig = z.infer<typeof electionConfig>;

/** The preset with the round's overrides applied. */
export function timingOf(config: ElectionConfig): Timing {
  const preset = PACES[config.pace];
  return {
    timeoutMs: config.timeoutMs ?? preset.timeoutMs,
    heartbeatMs: config.heartbeatMs ?? preset.heartbeatMs,
    botDelayMs: config.botDelayMs ?? preset.botDelayMs,
    processingMs: config.processingMs ?? preset.processingMs,
  };
}

export const electionAction = z.discriminatedUnion('type', [
  /** Stand for election: allowed once your election timer has run out [E3][E8]. */
  z.object({ type: z.literal('stand') }).strict(),
  /** Answer the vote request `candidate` sent you [E4][E5]. */
  z.object({ type: z.literal('vote'), candidate: z.string().min(1).max(32), grant: z.boolean() }).strict(),
  /** As leader, propose the dinner-party restaurant [E10]. */
  z.object({ type: z.literal('propose'), value: z.string().trim().min(1).max(VALUE_MAX) }).strict(),
]);
export type ElectionAction = z.infer<typeof electionAction>;
