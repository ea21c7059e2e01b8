// The Byzantine generals round's settings and the actions a node may send. Rules are in
// README.md beside this file; the IDs in comments ([B3]…) point there.

import { z } from 'zod';

export const VALUES = ['attack', 'retreat'] as const;
export type Value = (typeof VALUES)[number];
/** What a missing message counts as, and what a tie decides ([B6], [B8]). */
export const DEFAULT_VALUE: Value = 'retreat';

export const STRATEGIES = ['flip', 'split', 'random', 'collude'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** OM(m) and SM(m) for m above this send too many messages to be worth watching ([B13]). */
export const M_MAX = 3;
/** Nodes beyond this many watch the round instead of playing a general ([B13]). */
export const GENERALS_MAX = 100;
/** OM(m) sends (N−1) + (N−1)(N−2) + … messages; a round above this is cut to a smaller m ([B13]). */
export const MESSAGES_MAX = 20_000;

const nodeId = z.string().min(1).max(32);
export const value = z.enum(VALUES);

export const byzantineConfig = z
  .object({
    /** How many traitors (the commander counts when it is one). Ignored when `traitorIds` is given. */
    traitors: z.number().int().min(0).max(GENERALS_MAX).default(1),
    /** The instructor's own pick of traitors (node ids); overrides `traitors` and `commanderTraitor`. */
    traitorIds: z.array(nodeId).max(GENERALS_MAX).optional(),
    /** Whether the commander is one of the traitors: yes, no, or with this chance. */
    commanderTraitor: z.union([z.boolean(), z.number().min(0).max(1)]).default(false),
    /** The commander's node id; drawn from the round's seed when absent or not in the round. */
    commander: nodeId.optional(),
    /** What a loyal commander is told to order (its suggestion and its autopilot); seeded when absent. */
    order: value.optional(),
    /** Rounds of relays, OM(m) / SM(m). Above 1 is meant for rounds where every node is a bot. */
    m: z.number().int().min(1).max(M_MAX).default(1),
    /** Signed messages, SM(m): forged relays are detected and discarded. */
    signed: z.boolean().default(false),
    /** Length of each phase before its timer ends it (ms). */
    phaseMs: z.number().int().min(20).max(600_000).default(45_000),
    /** How traitor bots (and traitors on autopilot, and traitors who run out of time) lie. */
    strategy: z.enum(STRATEGIES).default('flip'),
    /** Bots and autopilots act about this long after their view changes (ms). */
    botDelayMs: z.number().int().min(0).max(60_000).default(1_500),
    /** At most this many nodes play generals; the others watch. */
    maxGenerals: z.number().int().min(3).max(GENERALS_MAX).default(40),
  })
  .strict();
export type ByzantineConfig = z.infer<typeof byzantineConfig>;

const values = z
  .record(nodeId, value)
  .refine((r) => Object.keys(r).length >= 1, 'Choose a value for at least one recipient.')
  .refine((r) => Object.keys(r).length <= GENERALS_MAX, `At most ${GENERALS_MAX} recipients.`);

export const byzantineAction = z.discriminatedUnion('type', [
  /** The commander gives this order to every lieutenant it has not ordered yet ([B3]). */
  z.object({ type: z.literal('order'), value }).strict(),
  /**
   * A traitor commander's orders, per lieutenant (no path), or an OM relay ([B4], [B5]): `path`
   * is the message being relayed (default: the commander's order).
   */
  z
    .object({
      type: z.literal('send'),
      values,
      path: z
        .array(nodeId)
        .min(1)
        .max(M_MAX + 1)
        .optional(),
    })
    .strict(),
  /**
   * SM: a lieutenant's one relay of `level` ([B4], [B5], [B11]): for each other lieutenant, the
   * signed values passed on to it ([] or left out: nothing). A loyal lieutenant's must be exactly
   * what SM(m) says; a traitor's carries at most one value per recipient.
   */
  z
    .object({
      type: z.literal('relay'),
      level: z
        .number()
        .int()
        .min(2)
        .max(M_MAX + 1),
      values: z
        .record(
          nodeId,
          z
            .array(value)
            .max(VALUES.length)
            .refine((vs) => new Set(vs).size === vs.length, 'Name each value once.'),
        )
        .refine((r) => Object.keys(r).length <= GENERALS_MAX, `At most ${GENERALS_MAX} recipients.`),
    })
    .strict(),
  /** A loyal lieutenant's decision ([B8]). */
  z.object({ type: z.literal('decide'), value }).strict(),
]);
export type ByzantineAction = z.infer<typeof byzantineAction>;

/** The envelope kinds this game sends, and their body ([B4]). */
export const KINDS = { order: 'byzantine:order', relay: 'byzantine:relay' } as const;

export interface ByzantineBody {
  /** The engine's number for this message (its row in the console's table). */
  mid: number;
  value: Value;
  /**
   * OM: who passed the value on, the commander first and the sender last (its length is the
   * message's level). SM: the chain of signatures in the same order, which the receiver checks.
   */
  path: string[];
  signed: boolean;
}

export const other = (v: Value): Value => (v === 'attack' ? 'retreat' : 'attack');

/** Majority of the values; a tie (or nothing) gives the default, Retreat ([B8]). */
export function majority(votes: readonly Value[]): Value {
  let attack = 0;
  for (const v of votes) if (v === 'attack') attack++;
  return attack * 2 > votes.length ? 'attack' : DEFAULT_VALUE;
}

/** P(n, k) = n·(n−1)·…·(n−k+1): ordered choices of k distinct items from n. */
export function perms(n: number, k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p *= n - i;
  return Math.max(0, p);
}

/** Messages OM(m) sends among `n` generals: level k carries (n−1)(n−2)…(n−k) of them. */
export function omMessages(n: number, m: number): number {
  let total = 0;
  for (let k = 1; k <= m + 1; k++) total += perms(n - 1, k);
  return total;
}

/** The largest m (≤ wanted) whose OM(m) round stays under MESSAGES_MAX, at least 1. */
export function feasibleM(n: number, wanted: number): number {
  let m = wanted;
  while (m > 1 && omMessages(n, m) > MESSAGES_MAX) m--;
  return m;
}
