// Last-writer-wins [C6][C7]: every replica accepts every write at once, stamped (Lamport clock,
// node); replicas keep, per item, the register with the greatest stamp. The register's write
// was made on top of the register the writer held, so the registers of an item form a tree
// (`basedOn`); the value a replica shows includes exactly the writes on its register's branch.
// A write that is not on the branch of the item's winning register is lost ([C7]).
//
// Lamport (1978): a clock that ticks on every local write and takes the maximum of every clock
// received orders writes consistently with happened-before (if a → b then stamp(a) < stamp(b)).
// Every LWW envelope carries the sender's whole list, so anything a write happened-after was
// also merged into its writer's list (lww.test.ts checks the consequence against vector clocks).

import type { NodeId } from '../../protocol/ids';
import { nodesParam, notice } from '../../protocol/notice';
import type { Effect } from '../types';
import { ITEMS, type ItemId } from './config';
import { noteChange, writeOf, type CartState, type CartWrite, type LwwRegister, type Replica } from './state';

/** (lamport, node) order: true when a is later than b. Node ids break Lamport ties. */
export function later(a: LwwRegister, b: LwwRegister | undefined): boolean {
  if (!b) return true;
  if (a.lamport !== b.lamport) return a.lamport > b.lamport;
  return a.node > b.node;
}

export type LwwList = Partial<Record<ItemId, LwwRegister>>;

/** A copy of a replica's list for an envelope (envelopes never share objects with the state). */
export function lwwCopy(list: LwwList): LwwList {
  const out: LwwList = {};
  for (const item of ITEMS) {
    const r = list[item];
    if (r) out[item] = { ...r };
  }
  return out;
}

/**
 * The nearest write on both branches (0: none), walking the `basedOn` links from the deeper one.
 * O(distance to the fork).
 */
export function forkPoint(state: CartState, a: number, b: number): number {
  let x = a;
  let y = b;
  const depth = (id: number) => (id === 0 ? 0 : (writeOf(state, id)?.depth ?? 0));
  while (x !== y) {
    if (depth(x) >= depth(y)) x = writeOf(state, x)?.basedOn ?? 0;
    else y = writeOf(state, y)?.basedOn ?? 0;
  }
  return x;
}

/** The writes on `from`'s branch after `until` (exclusive), newest first. */
export function branch(state: CartState, from: number, until: number): CartWrite[] {
  const out: CartWrite[] = [];
  for (let id = from; id !== until && id !== 0; ) {
    const w = writeOf(state, id);
    if (!w) break;
    out.push(w);
    id = w.basedOn;
  }
  return out;
}

/**
 * Merges a received list into replica `self` [C6]: per item, the later register wins. A
 * register that replaces one whose branch it does not include overwrites those writes here
 * [C7]: the phone is told, and the first time a write is overwritten anywhere is logged and
 * marked on the timeline (on this replica's lane). Returns those marks.
 */
export function mergeLww(state: CartState, me: Replica, self: NodeId, list: LwwList, clock: number, now: number): Effect[] {
  if (clock > me.clock) me.clock = clock;
  const marks: Effect[] = [];
  for (const item of ITEMS) {
    const incoming = list[item];
    const mine = me.lww[item];
    if (!incoming || !later(incoming, mine)) continue;
    if (incoming.lamport > me.clock) me.clock = incoming.lamport;
    me.lww[item] = { ...incoming };
    const from = mine?.qty ?? 0;
    const fork = mine ? forkPoint(state, mine.write, incoming.write) : 0;
    const lost = mine ? branch(state, mine.write, fork) : [];
    const won = branch(state, incoming.write, fork);
    const fresh = lost.filter((w) => w.overwrittenAt === null);
    for (const w of fresh) w.overwrittenAt = now;
    if (fresh.length) {
      marks.push({
        type: 'mark',
        node: self,
        notice: notice('cart.mark.overwritten', {
          lost: nodesParam(authors(fresh)),
          item,
          count: fresh.length,
          delta: fresh.reduce((sum, w) => sum + w.delta, 0),
          by: nodesParam(authors(won)),
        }),
        data: { item, overwritten: fresh.map((w) => w.id), by: incoming.write },
      });
    }
    if (from === incoming.qty && lost.length === 0) continue;
    noteChange(me, {
      at: now,
      item,
      from,
      to: incoming.qty,
      why: lost.length ? 'overwrote' : 'update',
      by: authors(won),
      lost: lost.length ? { nodes: authors(lost), delta: lost.reduce((s, w) => s + w.delta, 0) } : null,
    });
  }
  return marks;
}

function authors(ws: readonly CartWrite[]): NodeId[] {
  const out: NodeId[] = [];
  for (const w of ws) if (!out.includes(w.node)) out.push(w.node);
  return out;
}

/** A local write [C6]: tick the clock, stamp, and put the new register over the one held. */
export function writeLww(me: Replica, node: NodeId, item: ItemId, delta: 1 | -1, w: CartWrite, state: CartState): void {
  me.clock += 1;
  const base = me.lww[item];
  const reg: LwwRegister = { qty: (base?.qty ?? 0) + delta, lamport: me.clock, node, write: w.id };
  w.lamport = reg.lamport;
  w.basedOn = base?.write ?? 0;
  w.depth = (base ? (writeOf(state, base.write)?.depth ?? 0) : 0) + 1;
  w.qty = reg.qty;
  me.lww[item] = reg;
}

export interface LostGroup {
  /** Whose writes were lost, on which item, how many, and their net quantity. */
  node: NodeId;
  item: ItemId;
  writes: number;
  delta: number;
  /** The winning branch's writes after the fork: their authors and net quantity. */
  by: NodeId[];
  byDelta: number;
}

/**
 * The round's lost updates [C7]: per item, the winning register is the write with the greatest
 * stamp (every replica holds it once all lists have been delivered); every write not on its
 * branch is lost. Grouped by author, item and fork ("Ben's +2 apples were overwritten by Ana's
 * +1"). O(writes).
 */
export function lostUpdates(state: CartState): { lost: CartWrite[]; groups: LostGroup[] } {
  const winner = new Map<ItemId, CartWrite>();
  for (const w of state.writes) {
    if (w.lamport === null) continue;
    const best = winner.get(w.item);
    if (!best || later(stampOf(w), stampOf(best))) winner.set(w.item, w);
  }
  const onBranch = new Set<number>();
  for (const w of winner.values()) for (const b of branch(state, w.id, 0)) onBranch.add(b.id);
  const lost = state.writes.filter((w) => w.lamport !== null && !onBranch.has(w.id));
  const groups = new Map<string, LostGroup>();
  for (const w of lost) {
    const win = winner.get(w.item);
    const fork = win ? forkPoint(state, w.id, win.id) : 0;
    const key = `${w.node}|${w.item}|${fork}`;
    let g = groups.get(key);
    if (!g) {
      const won = win ? branch(state, win.id, fork) : [];
      g = { node: w.node, item: w.item, writes: 0, delta: 0, by: authors(won), byDelta: won.reduce((s, x) => s + x.delta, 0) };
      groups.set(key, g);
    }
    g.writes++;
    g.delta += w.delta;
  }
  return { lost, groups: [...groups.values()] };
}

function stampOf(w: CartWrite): LwwRegister {
  return { qty: w.qty, lamport: w.lamport ?? 0, node: w.node, write: w.id };
}
