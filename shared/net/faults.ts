// The network's faults are plain data that the instructor edits. This file owns their shape,
// their defaults, and the pure operations that change them; network.ts decides what they mean
// for one envelope.

import { z } from 'zod';
import { nodeIdSchema, type NodeId } from '../protocol/ids';
import { nodeParam, nodesParam, notice, type Notice } from '../protocol/notice';

export const DEFAULT_GROUP = 'A';

export interface Partition {
  /** Partition group of each node; a node not listed is in DEFAULT_GROUP. */
  groups: Record<NodeId, string>;
  /**
   * Directed links "X>Y" between two different groups that still carry messages. Nodes in
   * different groups cannot talk unless the link is open, so a one-way cut is a pair of groups
   * with only one direction open, and a bridge is a group open to two groups that are closed
   * to each other.
   */
  open: string[];
}

export interface Latency {
  /** Every delivery takes at least this long (ms). */
  base: number;
  /** Plus a uniform extra in [0, jitter] ms, drawn per copy, so messages can overtake. */
  jitter: number;
}

export interface Faults {
  partition: Partition;
  /** Probability in [0, 1] that any message is lost. */
  loss: number;
  /** Extra loss per directed node link "from>to", combined with the global rate. */
  linkLoss: Record<string, number>;
  latency: Latency;
  /** Probability in [0, 1] that a delivered message arrives twice. */
  dup: number;
  /** Nodes the instructor crashed: they send nothing and receive nothing. */
  crashed: NodeId[];
}

export function defaultFaults(latency: Latency = { base: 0, jitter: 0 }): Faults {
  return {
    partition: { groups: {}, open: [] },
    loss: 0,
    linkLoss: {},
    latency: { ...latency },
    dup: 0,
    crashed: [],
  };
}

export const linkKey = (from: string, to: string): string => `${from}>${to}`;

export function groupOf(faults: Faults, node: NodeId): string {
  return faults.partition.groups[node] ?? DEFAULT_GROUP;
}

/** Group names in use, DEFAULT_GROUP first when any node is in it. */
export function groupNames(faults: Faults, nodes: readonly NodeId[]): string[] {
  const names = new Set<string>();
  for (const n of nodes) names.add(groupOf(faults, n));
  return [...names].sort();
}

export function isPartitioned(faults: Faults): boolean {
  return Object.values(faults.partition.groups).some((g) => g !== DEFAULT_GROUP);
}

/** Group names for a list of groups: A, B, C … Z, then G27, G28 … */
export function groupName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `G${index + 1}`;
}

const nodeIds = z.array(nodeIdSchema).max(1000);
const groupLabel = z.string().min(1).max(16);
const rate = z.number().min(0).max(1);
const ms = z.number().min(0).max(600_000);

/**
 * One change to the faults. These are the verbs of the console's protocol (`console:fault`,
 * and a scripted drill's `fault` steps); drills (split in halves, isolate the leader…) are
 * turned into them by the server. Declared once, as the schema the server reads them with:
 * the protocol imports it from here, and `FaultOp` is what it reads.
 */
export const faultOp = z.discriminatedUnion('op', [
  /** Listed groups become A, B, C…, cut from each other except the `open` links ("A>B"). */
  z
    .object({ op: z.literal('split'), groups: z.array(nodeIds).min(1).max(64), open: z.array(z.string().max(40)).max(5000).optional() })
    .strict(),
  z.object({ op: z.literal('move'), nodes: nodeIds, group: groupLabel }).strict(),
  z.object({ op: z.literal('link'), from: groupLabel, to: groupLabel, open: z.boolean() }).strict(),
  z.object({ op: z.literal('isolate'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('heal') }).strict(),
  z.object({ op: z.literal('loss'), rate }).strict(),
  z.object({ op: z.literal('linkLoss'), from: nodeIdSchema, to: nodeIdSchema, rate, both: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('latency'), base: ms, jitter: ms }).strict(),
  z.object({ op: z.literal('dup'), rate }).strict(),
  z.object({ op: z.literal('crash'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('restart'), nodes: nodeIds }).strict(),
  z.object({ op: z.literal('reset') }).strict(),
]);
export type FaultOp = z.infer<typeof faultOp>;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Applies one operation, returning new faults (the input is not changed). */
export function applyFaultOp(faults: Faults, op: FaultOp): Faults {
  switch (op.op) {
    case 'split': {
      // Listed groups become A, B, C…; nodes not listed keep their group.
      const groups = { ...faults.partition.groups };
      op.groups.forEach((members, i) => {
        for (const n of members) groups[n] = groupName(i);
      });
      return withPartition(faults, { groups, open: op.open ?? [] });
    }
    case 'move': {
      const groups = { ...faults.partition.groups };
      for (const n of op.nodes) groups[n] = op.group;
      return withPartition(faults, { groups, open: faults.partition.open });
    }
    case 'link': {
      const key = linkKey(op.from, op.to);
      const open = faults.partition.open.filter((k) => k !== key);
      if (op.open) open.push(key);
      return withPartition(faults, { groups: faults.partition.groups, open });
    }
    case 'isolate': {
      // Each isolated node gets a group of its own that no link opens.
      const groups = { ...faults.partition.groups };
      const used = new Set(Object.values(groups));
      let i = 0;
      for (const n of op.nodes) {
        while (used.has(`X${i + 1}`)) i++;
        groups[n] = `X${i + 1}`;
        used.add(`X${i + 1}`);
      }
      return withPartition(faults, { groups, open: faults.partition.open });
    }
    case 'heal':
      return withPartition(faults, { groups: {}, open: [] });
    case 'loss':
      return { ...faults, loss: clamp01(op.rate) };
    case 'linkLoss': {
      const linkLoss = { ...faults.linkLoss };
      const keys = [linkKey(op.from, op.to)];
      if (op.both) keys.push(linkKey(op.to, op.from));
      for (const k of keys) {
        if (op.rate > 0) linkLoss[k] = clamp01(op.rate);
        else delete linkLoss[k];
      }
      return { ...faults, linkLoss };
    }
    case 'latency':
      return { ...faults, latency: { base: Math.max(0, op.base), jitter: Math.max(0, op.jitter) } };
    case 'dup':
      return { ...faults, dup: clamp01(op.rate) };
    case 'crash': {
      const crashed = new Set(faults.crashed);
      for (const n of op.nodes) crashed.add(n);
      return { ...faults, crashed: [...crashed] };
    }
    case 'restart': {
      const back = new Set(op.nodes);
      return { ...faults, crashed: faults.crashed.filter((n) => !back.has(n)) };
    }
    case 'reset':
      return defaultFaults(faults.latency);
  }
}

function withPartition(faults: Faults, partition: Partition): Faults {
  // Keep the map small: nodes in the default group need no entry.
  const groups: Record<NodeId, string> = {};
  for (const [n, g] of Object.entries(partition.groups)) if (g !== DEFAULT_GROUP) groups[n] = g;
  const open = [...new Set(partition.open)].sort();
  return { ...faults, partition: { groups, open } };
}

/**
 * A fault operation as a notice (`net.fault.<op>`), for the fault log's screens to word in the
 * reader's language: what the recording keeps is the operation, never a sentence.
 */
export function faultNotice(op: FaultOp): Notice {
  switch (op.op) {
    case 'split':
      return notice('net.fault.split', {
        groups: op.groups.map((g, i) => `${groupName(i)} (${g.length})`),
        open: op.open?.length ?? 0,
      });
    case 'move':
      return notice('net.fault.move', { nodes: nodesParam(op.nodes), count: op.nodes.length, group: op.group });
    case 'link':
      return notice('net.fault.link', { open: op.open, from: op.from, to: op.to });
    case 'isolate':
      return notice('net.fault.isolate', { nodes: nodesParam(op.nodes), count: op.nodes.length });
    case 'heal':
      return notice('net.fault.heal');
    case 'loss':
      return notice('net.fault.loss', { rate: op.rate });
    case 'linkLoss':
      return notice('net.fault.link_loss', { rate: op.rate, from: nodeParam(op.from), to: nodeParam(op.to), both: op.both ?? false });
    case 'latency':
      return notice('net.fault.latency', { base: op.base, jitter: op.jitter });
    case 'dup':
      return notice('net.fault.dup', { rate: op.rate });
    case 'crash':
      return notice('net.fault.crash', { nodes: nodesParam(op.nodes), count: op.nodes.length });
    case 'restart':
      return notice('net.fault.restart', { nodes: nodesParam(op.nodes), count: op.nodes.length });
    case 'reset':
      return notice('net.fault.reset');
  }
}

/** A short English sentence for logs and students' programs ("split into A(3) | B(2)"); screens word `faultNotice`. */
export function describeFaultOp(op: FaultOp, name: (id: NodeId) => string = (id) => id): string {
  const list = (ids: NodeId[]) => (ids.length <= 4 ? ids.map(name).join(', ') : `${ids.length} nodes`);
  const pct = (r: number) => `${Math.round(r * 100)}%`;
  switch (op.op) {
    case 'split':
      return (
        `split into ${op.groups.map((g, i) => `${groupName(i)}(${g.length})`).join(' | ')}` +
        (op.open?.length ? ` with ${op.open.length} links open` : '')
      );
    case 'move':
      return `moved ${list(op.nodes)} to group ${op.group}`;
    case 'link':
      return `${op.open ? 'opened' : 'cut'} ${op.from} → ${op.to}`;
    case 'isolate':
      return `isolated ${list(op.nodes)}`;
    case 'heal':
      return 'healed every partition';
    case 'loss':
      return `loss ${pct(op.rate)}`;
    case 'linkLoss':
      return `loss ${pct(op.rate)} on ${name(op.from)} ${op.both ? '↔' : '→'} ${name(op.to)}`;
    case 'latency':
      return `latency ${op.base} ms + up to ${op.jitter} ms`;
    case 'dup':
      return `duplication ${pct(op.rate)}`;
    case 'crash':
      return `crashed ${list(op.nodes)}`;
    case 'restart':
      return `restarted ${list(op.nodes)}`;
    case 'reset':
      return 'reset all faults';
  }
}
