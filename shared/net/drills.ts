// One-click drills: named attacks turned into a plain fault operation, so that a drill is
// recorded and replayed exactly like a change made by hand.

import type { NodeId } from '../protocol/ids';
import type { Rng } from '../rng';
import { describeFaultOp, groupName, type FaultOp, type Faults } from './faults';
import { isCrashed } from './network';
import { must } from '../must';

export const DRILLS = {
  halves: 'Split in halves',
  'isolate-leader': 'Isolate the leader',
  'isolate-random': 'Isolate a random node',
  'isolate-follower': 'Isolate a follower',
  bridge: 'Bridge (two halves, one node sees both)',
  ring: 'Majorities ring',
  'kill-minority': 'Crash a minority',
  heal: 'Heal partitions',
  'heal-all': 'Heal all (partitions, crashes, loss)',
} as const;

export type DrillName = keyof typeof DRILLS;

export interface DrillCtx {
  /** The nodes the drill acts on, in seat order. */
  nodes: readonly NodeId[];
  faults: Faults;
  leader: NodeId | null;
  rng: Rng;
}

/** Why a drill cannot run now: a code for the client to word (`error.drill_impossible`), English for logs. */
export const DRILL_IMPOSSIBLE = {
  two_nodes: 'Splitting needs at least two nodes.',
  no_leader: 'There is no leader to isolate right now.',
  all_crashed: 'Every node is crashed.',
  no_follower: 'There is no follower to isolate.',
  three_nodes: 'A bridge needs at least three nodes.',
  four_nodes: 'A majorities ring needs at least four nodes.',
  minority: 'With fewer than three nodes there is no minority to crash.',
} as const;
export type DrillImpossible = keyof typeof DRILL_IMPOSSIBLE;

export type DrillPlan = { op: FaultOp } | { error: DrillImpossible };

export function isDrillName(name: string): name is DrillName {
  return Object.hasOwn(DRILLS, name);
}

export function planDrill(name: DrillName, ctx: DrillCtx): DrillPlan {
  const { nodes } = ctx;
  const alive = nodes.filter((n) => !isCrashed(ctx.faults, n));
  switch (name) {
    case 'halves': {
      if (nodes.length < 2) return { error: 'two_nodes' };
      const cut = Math.ceil(nodes.length / 2);
      return { op: { op: 'split', groups: [nodes.slice(0, cut), nodes.slice(cut)] } };
    }
    case 'isolate-leader':
      if (!ctx.leader) return { error: 'no_leader' };
      return { op: { op: 'isolate', nodes: [ctx.leader] } };
    case 'isolate-random':
      if (alive.length === 0) return { error: 'all_crashed' };
      return { op: { op: 'isolate', nodes: [ctx.rng.pick(alive)] } };
    case 'isolate-follower': {
      // A live node other than the leader (any live node when there is no leader).
      const followers = alive.filter((n) => n !== ctx.leader);
      if (followers.length === 0) return { error: 'no_follower' };
      return { op: { op: 'isolate', nodes: [ctx.rng.pick(followers)] } };
    }
    case 'bridge': {
      if (nodes.length < 3) return { error: 'three_nodes' };
      const mid = Math.floor(nodes.length / 2);
      const bridge = nodes[mid] as NodeId;
      const left = nodes.slice(0, mid);
      const right = nodes.slice(mid + 1);
      return {
        op: splitWithLinks(
          [left, right, [bridge]],
          [
            [0, 2],
            [1, 2],
          ],
        ),
      };
    }
    case 'ring':
      if (nodes.length < 4) return { error: 'four_nodes' };
      return { op: majoritiesRing(nodes) };
    case 'kill-minority': {
      const k = Math.floor((nodes.length - 1) / 2);
      if (k < 1) return { error: 'minority' };
      return { op: { op: 'crash', nodes: ctx.rng.sample(alive, k) } };
    }
    case 'heal':
      return { op: { op: 'heal' } };
    case 'heal-all':
      return { op: { op: 'reset' } };
  }
}

/**
 * Every node sees a majority, but no two neighbours see the same one: the ring of groups in
 * which each group talks to its k nearest groups on either side. Up to 60 nodes each node is
 * its own group; beyond that, seven segments each talking to two on either side (5/7 of the
 * nodes), which keeps the list of open links short.
 */
function majoritiesRing(nodes: readonly NodeId[]): FaultOp {
  const perNode = nodes.length <= 60;
  const segments = perNode ? nodes.length : 7;
  const groups: NodeId[][] = Array.from({ length: segments }, () => []);
  for (const [i, n] of nodes.entries()) must(groups[Math.floor((i * segments) / nodes.length)], 'ring segment').push(n);
  const k = perNode ? Math.ceil(Math.floor(nodes.length / 2) / 2) : 2;
  const pairs: [number, number][] = [];
  for (let i = 0; i < segments; i++) {
    for (let d = 1; d <= k; d++) {
      const j = (i + d) % segments;
      if (j !== i) pairs.push([i, j]);
    }
  }
  return splitWithLinks(groups, pairs);
}

/** A split whose listed group pairs stay connected both ways. */
function splitWithLinks(groups: NodeId[][], pairs: [number, number][]): FaultOp {
  const open: string[] = [];
  for (const [a, b] of pairs) {
    open.push(`${groupName(a)}>${groupName(b)}`, `${groupName(b)}>${groupName(a)}`);
  }
  return { op: 'split', groups, open };
}

/** The English line of the fault log (logs, programs): "Split in halves: split into A(3) | B(2)" for a one-click drill's change. */
export function faultText(op: FaultOp, drill: string | undefined, name: (id: NodeId) => string): string {
  const what = describeFaultOp(op, name);
  return drill && isDrillName(drill) ? `${DRILLS[drill]}: ${what}` : what;
}
