// Who the rumour can still reach [G11]. Linear in the nodes plus the open partition links, so
// it runs once per gossip round, on each fault change, and when the last node known to be
// waiting learns: never per message.
//
// The rumour spreads from live knowers, through live nodes, along links the partition lets
// through. In pull mode a node learns only if its request gets there AND the answer gets
// back, so a pull link needs both directions open; push and highest-card need only knower →
// learner; push-pull needs only that too (the knower can push).

import { DEFAULT_GROUP, linkKey } from '../../net/faults';
import { isCrashed } from '../../net/network';
import type { NodeId } from '../../protocol/ids';
import type { EngineCtx } from '../types';
import { nodesInOrder, type DownReason, type GossipNode, type GossipState, type ReachSummary } from './state';

export function refreshReach(state: GossipState, ctx: EngineCtx): ReachSummary {
  const groups = ctx.faults.partition.groups;
  const partitioned = Object.keys(groups).length > 0;
  // Everyone up, as at the last check, nobody cut, no partition: no node's flags change, and
  // the counts follow from how many know (what the passes below would find, in O(1)).
  const last = state.reach;
  const n = state.nodes.length;
  if (ctx.everyoneUp === true && !partitioned && last.live === n && last.cut === 0 && state.informed > 0) {
    const liveUninformed = n - state.informed;
    state.reach = { at: ctx.now, live: n, liveUninformed, waiting: liveUninformed, cut: 0, knowersAlive: state.informed };
    return state.reach;
  }
  const groupOf = (n: NodeId) => groups[n] ?? DEFAULT_GROUP;

  // Pass 1: who is down, and (under a partition) which groups hold live nodes and live knowers.
  const liveGroups = new Set<string>();
  const sources = new Set<string>();
  let knowersAlive = 0;
  let live = 0;
  let liveUninformed = 0;
  const records = nodesInOrder(state);
  for (let i = 0; i < records.length; i++) {
    const n = state.nodes[i] as NodeId;
    const node = records[i] as GossipNode;
    const down: DownReason | null = ctx.isDown(n) ? (isCrashed(ctx.faults, n) ? 'crashed' : 'left') : null;
    if (node.down !== down) node.down = down;
    if (down) continue;
    live++;
    if (!node.knows) liveUninformed++;
    else knowersAlive++;
    if (partitioned) {
      const g = groupOf(n);
      liveGroups.add(g);
      if (node.knows) sources.add(g);
    }
  }

  // Without a partition every live node can reach every other: one pass was enough, unless
  // cut flags must be set or cleared (no live knower now, or some node was cut before).
  if (!partitioned && knowersAlive > 0 && state.reach.cut === 0) {
    state.reach = { at: ctx.now, live, liveUninformed, waiting: liveUninformed, cut: 0, knowersAlive };
    return state.reach;
  }

  // Pass 2: the groups the rumour can reach, over live groups only (a group of crashed nodes relays nothing).
  const reached = partitioned ? reachableGroups(state, ctx, sources, liveGroups) : null;
  let waiting = 0;
  let cut = 0;
  for (let i = 0; i < records.length; i++) {
    const n = state.nodes[i] as NodeId;
    const node = records[i] as GossipNode;
    let isCut = false;
    if (!node.down && !node.knows) {
      if (reached ? reached.has(groupOf(n)) : knowersAlive > 0) waiting++;
      else isCut = true;
    }
    if (isCut) cut++;
    if (node.cut !== isCut) node.cut = isCut;
  }
  state.reach = { at: ctx.now, live, liveUninformed, waiting, cut, knowersAlive };
  return state.reach;
}

function reachableGroups(state: GossipState, ctx: EngineCtx, sources: Set<string>, liveGroups: Set<string>): Set<string> {
  const open = new Set(ctx.faults.partition.open);
  const needBoth = state.config.mode === 'pull';
  const next = new Map<string, string[]>();
  for (const key of open) {
    const [a, b] = key.split('>');
    if (a === undefined || b === undefined || !liveGroups.has(a) || !liveGroups.has(b)) continue;
    if (needBoth && !open.has(linkKey(b, a))) continue;
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  const reached = new Set(sources);
  const queue = [...sources];
  for (let g = queue.pop(); g !== undefined; g = queue.pop()) {
    for (const h of next.get(g) ?? []) {
      if (!reached.has(h)) {
        reached.add(h);
        queue.push(h);
      }
    }
  }
  return reached;
}
