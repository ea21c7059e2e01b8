// A zod schema for every inbound payload. The server parses with these before anything else;
// whatever fails gets {ok: false, error: {code: 'bad_request'}} and changes nothing.

import { z } from 'zod';
import { DRILLS } from '../net/drills';
import { ROOM_CODE_LENGTH } from './ids';

const nodeId = z.string().min(1).max(32);
const nodeIds = z.array(nodeId).max(1000);
const groupName = z.string().min(1).max(16);
const rate = z.number().min(0).max(1);
const ms = z.number().min(0).max(600_000);

export const roomCode = z
  .string()
  .min(ROOM_CODE_LENGTH)
  .max(ROOM_CODE_LENGTH + 4);

export const joinPayload = z.object({ code: roomCode, nickname: z.string().max(100) }).strict();
export const resumePayload = z.object({ code: roomCode, token: z.string().min(10).max(64) }).strict();
export const actPayload = z.object({ action: z.unknown() }).strict();
export const autopilotPayload = z.object({ on: z.boolean() }).strict();
export const emptyPayload = z.object({}).strict();

export const createPayload = z.object({ capacity: z.number().int().min(1).max(1000).optional() }).strict();
export const attachPayload = z.object({ code: roomCode, key: z.string().min(10).max(64) }).strict();
export const kickPayload = z.object({ node: nodeId }).strict();
export const lockPayload = z.object({ locked: z.boolean() }).strict();
export const endPayload = z.object({}).strict();
export const botsPayload = z
  .object({ add: z.number().int().min(1).max(300).optional(), remove: z.number().int().min(1).max(1000).optional() })
  .strict()
  .refine((p) => (p.add === undefined) !== (p.remove === undefined), 'give either add or remove');
export const pausePayload = z.object({ paused: z.boolean() }).strict();
export const consoleAutopilotPayload = z.object({ node: nodeId, on: z.boolean() }).strict();

export const faultOp = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('split'), groups: z.array(nodeIds).min(1).max(64), open: z.array(z.string().max(40)).max(5000).optional() })
    .strict(),
  z.object({ op: z.literal('move'), nodes: nodeIds, group: groupName }).strict(),
  z.object({ op: z.literal('link'), from: groupName, to: groupName, open: z.boolean() }).strict(),
  z.object({ op: z.literal('isolate'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('heal') }).strict(),
  z.object({ op: z.literal('loss'), rate }).strict(),
  z.object({ op: z.literal('linkLoss'), from: nodeId, to: nodeId, rate, both: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('latency'), base: ms, jitter: ms }).strict(),
  z.object({ op: z.literal('dup'), rate }).strict(),
  z.object({ op: z.literal('crash'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('restart'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('reset') }).strict(),
]);
export const faultPayload = z.object({ op: faultOp }).strict();

const drillNames = Object.keys(DRILLS) as [keyof typeof DRILLS, ...(keyof typeof DRILLS)[]];
export const drillPayload = z.object({ name: z.enum(drillNames) }).strict();

export const roundPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), game: z.string().min(1).max(32), config: z.unknown().optional() }).strict(),
  z.object({ action: z.literal('stop') }).strict(),
]);

export type JoinPayload = z.infer<typeof joinPayload>;
export type ResumePayload = z.infer<typeof resumePayload>;
export type AttachPayload = z.infer<typeof attachPayload>;
export type RoundPayload = z.infer<typeof roundPayload>;

// The script itself is checked by the session core (shared/net/script.ts) so its errors can
// name the step; here only its size is bounded.
export const scriptPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), script: z.unknown() }).strict(),
  z.object({ action: z.literal('stop') }).strict(),
]);
