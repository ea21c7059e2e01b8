// The gossip game's settings, actions and wire names. Rules are in README.md beside this file;
// the [Gn] tags below point at them.

import { z } from 'zod';

export const GAME_ID = 'gossip';

export const MODES = ['push', 'pull', 'push-pull', 'highest-card'] as const;
export type GossipMode = (typeof MODES)[number];

/** The largest fanout a round may use (and so the most names one action may carry). */
export const FANOUT_MAX = 16;

/** Session-wide key of the one timer that ends each gossip round [G3]. Not per node. */
export const TICK_KEY = 'gossip:tick';

/** Envelope kinds [G14]. */
export const KINDS = {
  /** push: the rumour itself, body {word}. */
  push: 'gossip:push',
  /** pull: "do you know it?", body {}. */
  pull: 'gossip:pull',
  /** pull: the answer of a node that knows, body {word}. */
  reply: 'gossip:reply',
  /** highest-card: the highest card the sender has seen, body {card, label}. */
  card: 'gossip:card',
} as const;

export interface RumourBody {
  word: string;
}
export interface CardBody {
  /** The card's rank in the round's deal: higher beats lower, no two nodes tie. */
  card: number;
  label: string;
}

const nodeId = z.string().min(1).max(32);

export const gossipConfig = z
  .object({
    mode: z.enum(MODES).default('push'),
    /** How many nodes each node may pick per gossip round [G4]. */
    fanout: z.number().int().min(1).max(FANOUT_MAX).default(2),
    /** Length of one gossip round (ms) [G3]. */
    roundMs: z.number().int().min(10).max(600_000).default(10_000),
    /** The game stops after this many gossip rounds [G11]. */
    maxRounds: z.number().int().min(1).max(10_000).default(200),
    /** The node that starts with the rumour; chance picks one when unset or not in the round [G1]. */
    origin: nodeId.optional(),
    /** The secret word; one is drawn from a built-in list when unset [G2]. */
    word: z.string().trim().min(1).max(24).optional(),
    /**
     * When every node the rumour can still reach knows but live nodes are cut off, the game
     * waits this many more gossip rounds for a heal before it ends [G11].
     */
    healWaitRounds: z.number().int().min(0).max(1_000).default(3),
    /** Autopilot: a bot acts this long after its view changes, plus up to botJitterMs (ms). */
    botDelayMs: z.number().int().min(0).max(600_000).default(1_500),
    botJitterMs: z.number().int().min(0).max(600_000).default(2_500),
  })
  .strict();
export type GossipConfig = z.infer<typeof gossipConfig>;

const targets = z.array(nodeId).min(1).max(FANOUT_MAX);
const count = z.number().int().min(1).max(FANOUT_MAX).optional();

export const gossipAction = z.discriminatedUnion('type', [
  /** Tell these nodes the rumour (push, push-pull) or your highest card (highest-card) [G5]. */
  z.object({ type: z.literal('tell'), to: targets }).strict(),
  /** Let the server pick `count` (default: all your picks left) at random for you [G6]. */
  z.object({ type: z.literal('tell-random'), count }).strict(),
  /** Ask these nodes whether they know the rumour (pull, push-pull) [G8]. */
  z.object({ type: z.literal('ask'), to: targets }).strict(),
  z.object({ type: z.literal('ask-random'), count }).strict(),
]);
export type GossipAction = z.infer<typeof gossipAction>;

/** Words short enough for a phone screen and fun to whisper [G2]. */
export const WORDS = [
  'pineapple',
  'submarine',
  'avalanche',
  'kangaroo',
  'lighthouse',
  'marmalade',
  'volcano',
  'saxophone',
  'hedgehog',
  'origami',
  'blizzard',
  'cactus',
  'trampoline',
  'walrus',
  'zeppelin',
  'quokka',
  'meteor',
  'igloo',
  'flamingo',
  'tornado',
  'accordion',
  'pretzel',
  'narwhal',
  'lasagne',
  'galaxy',
  'octopus',
  'mango',
  'compass',
  'dragonfly',
  'anchovy',
  'boomerang',
  'tangerine',
  'yeti',
  'harmonica',
  'penguin',
  'glacier',
  'pistachio',
  'chameleon',
  'comet',
  'sardine',
] as const;
