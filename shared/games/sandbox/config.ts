// The sandbox's settings, actions, and the data it keeps and shows. Rules are in README.md.

import { z } from 'zod';
import type { NodeId } from '../../protocol/ids';
import type { NetStats } from '../types';

import { RECIPIENTS_MAX, TEXT_MAX } from './limits';

export { RECIPIENTS_MAX, TEXT_MAX, VIEW_ITEMS } from './limits';

export const sandboxConfig = z
  .object({
    /** Bots answer every message they get with "echo: …" after this delay (ms). */
    botDelayMs: z.number().int().min(0).max(60_000).default(800),
    /** Every this many ms each bot also writes to a peer chosen at random (0: never). */
    chatterMs: z.number().int().min(0).max(600_000).default(0),
  })
  .strict();
export type SandboxConfig = z.infer<typeof sandboxConfig>;

export const sandboxAction = z
  .object({
    type: z.literal('send'),
    to: z.array(z.string().min(1).max(32)).min(1).max(RECIPIENTS_MAX),
    text: z.string().trim().min(1).max(TEXT_MAX),
    /** The inbox message this answers, so a bot replies once to each. */
    replyTo: z.string().max(32).optional(),
    /** This is the node's chatter for the current tick (bots). */
    chatter: z.boolean().optional(),
    /** Bots: what the text says, so that every screen words it in its reader's language ([S5], [S6]). */
    bot: z.enum(['hello', 'echo', 'echo-hello']).optional(),
  })
  .strict();

/**
 * A bot's text as data: `hello` (its chatter: "hello from" its sender), `echo` (an answer to a
 * person's text, `echo: <text>`), `echo-hello` (an answer to another bot's hello, whose sender
 * is the echo's addressee). A screen words it; the text itself names no node.
 */
export type BotSays = 'hello' | 'echo' | 'echo-hello';
export type SandboxAction = z.infer<typeof sandboxAction>;

export interface SandboxBody {
  text: string;
  /** Sent by a bot: what the text says ([S5], [S6]). */
  bot?: BotSays;
}

export interface InboxItem {
  id: string;
  from: NodeId;
  text: string;
  sentAt: number;
  receivedAt: number;
  lamport: number;
  /** Sent by a bot: what the text says, for the phone to word ([S5], [S6]). */
  bot?: BotSays;
  /** This copy is a duplicate the network made (same id as an earlier one). */
  duplicate: boolean;
  replied: boolean;
}

export interface SentItem {
  to: NodeId[];
  text: string;
  at: number;
}

export interface SandboxState {
  config: SandboxConfig;
  nodes: NodeId[];
  inbox: Record<NodeId, InboxItem[]>;
  sent: Record<NodeId, SentItem[]>;
  /**
   * The ids of the copies a node received before those its inbox still lists (the inbox keeps
   * what a phone shows, VIEW_ITEMS): a later copy of one of them is still marked a duplicate.
   */
  older: Record<NodeId, string[]>;
  /** Totals, which outlive the capped histories. */
  counts: Record<NodeId, { sent: number; received: number }>;
  /** Chatter ticks so far, and the last tick each node chattered in. */
  tick: number;
  chattered: Record<NodeId, number>;
}

export interface SandboxView {
  game: 'sandbox';
  you: NodeId;
  /** Everyone you may write to. */
  peers: NodeId[];
  inbox: InboxItem[];
  sent: SentItem[];
  received: number;
  /** True when a chatter tick has passed since this node last chattered. */
  chatterDue: boolean;
}

export interface SandboxConsoleView {
  game: 'sandbox';
  perNode: Record<NodeId, { sent: number; received: number }>;
}

/** The round's result: how many nodes played, and the network's figures. */
export type SandboxResult = NetStats & { game: 'sandbox'; nodes: number };

/** What every phone is told about the class after a sandbox round: messages sent, copies arrived and lost, extra copies made. */
export interface SandboxClassRecap {
  game: 'sandbox';
  sent: number;
  /** Copies that reached a node, extra copies included. */
  arrived: number;
  /** Copies dropped on the way, extra copies included. */
  dropped: number;
  /** Extra copies the network made of messages it duplicated. */
  duplicated: number;
}
