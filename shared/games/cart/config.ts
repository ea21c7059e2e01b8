// The split-brain cart's settings, actions, catalogue and wire names. Rules are in README.md
// beside this file; the [Cn] tags below point at them.

import { z } from 'zod';

export const GAME_ID = 'cart';

/** The three ways a replicated store can answer a partition [C3]. */
export const MODES = ['quorum', 'lww', 'crdt'] as const;
export type CartMode = (typeof MODES)[number];

/**
 * The dinner party's fixed catalogue [C1]: nobody types, every phone draws the same icons
 * (drawn by the project, client/src/games/cart/icons.tsx).
 */
export const ITEMS = ['apples', 'bread', 'cheese', 'juice', 'pizza', 'cake'] as const;
export type ItemId = (typeof ITEMS)[number];

/** The session-wide anti-entropy timer [C5]; one key for all replicas. */
export const TICK_KEY = 'cart:tick';
/** A quorum write's deadline [C10]: `cart:deadline:<write id>`. */
export const DEADLINE_PREFIX = 'cart:deadline:';
/** The round's end [C15]. */
export const END_KEY = 'cart:end';

/** Envelope kinds [C4]. Every body carries the sender's clock for LWW's Lamport rule [C6]. */
export const KINDS = {
  /** lww/crdt: a write, with the sender's whole replica state (lww) or the item's counter (crdt). */
  write: 'cart:write',
  /** lww/crdt: "your write reached me", back to its writer. */
  seen: 'cart:seen',
  /** Anti-entropy: the sender's whole replica state [C5]. */
  sync: 'cart:sync',
  /** quorum: a proposed write at a version, asking for a vote [C9]. */
  propose: 'cart:propose',
  /** quorum: a vote for a proposal, or a refusal with the voter's saved entry [C9][C11]. */
  vote: 'cart:vote',
  /** quorum: a write a majority voted for, now saved [C9]. */
  commit: 'cart:commit',
  /** quorum: a write its coordinator gave up on, so its votes are free again [C10]. */
  abort: 'cart:abort',
} as const;

export const cartConfig = z
  .object({
    mode: z.enum(MODES).default('quorum'),
    /** Anti-entropy period (ms): every replica sends its state to one random peer [C5]. */
    syncMs: z.number().int().min(10).max(600_000).default(3_000),
    /** How long a quorum write waits for a majority before it is refused (ms) [C10]. */
    quorumTimeoutMs: z.number().int().min(10).max(600_000).default(4_000),
    /** The round ends by itself after this long (ms) [C15]. */
    durationMs: z.number().int().min(1_000).max(7_200_000).default(1_200_000),
    /** Bots tap about once per this many ms (plus up to botJitterMs) [C14]. */
    botEveryMs: z.number().int().min(0).max(600_000).default(4_000),
    botJitterMs: z.number().int().min(0).max(600_000).default(4_000),
    /** Bots stop shopping this long after the round starts (ms); null: they never stop [C14]. */
    botsStopAt: z.number().int().min(0).max(7_200_000).nullable().default(null),
  })
  .strict();
export type CartConfig = z.infer<typeof cartConfig>;

const item = z.enum(ITEMS);

export const cartAction = z.discriminatedUnion('type', [
  /** One tap on + (delta 1) or − (delta −1) next to an item [C2]. */
  z.object({ type: z.literal('add'), item, delta: z.union([z.literal(1), z.literal(-1)]) }).strict(),
]);
export type CartAction = z.infer<typeof cartAction>;

/** Majority of the whole round (crashed and unreachable replicas count) [C9]. */
export const majority = (n: number): number => Math.floor(n / 2) + 1;
