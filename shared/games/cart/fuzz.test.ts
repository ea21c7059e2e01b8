// Seeded fuzz of the majority quorum [C9][C10][C11], like the election's safety fuzz: random
// fault schedules (partitions of every shape, heals, loss, duplication, latency, crashes,
// restarts) and bots plus people tapping at random, through the real session core. An observer
// outside the engine checks, after every step:
// - no item ever has two saved (accepted) writes at one version, on any side of any partition
//   (Gifford 1979: two majorities of the same N intersect);
// - every replica's saved entry is the accepted write at that version (no replica ever holds a
//   value as saved that a majority did not vote for);
// - each accepted write extends the one accepted at the version before (nothing saved is lost);
// - a write is accepted only if its writer had caught up: at its tap, its version was the one
//   after the newest version accepted anywhere.
// At the end the network heals, crashed replicas restart and the replicas must come to agree.
// The same heal-and-agree check runs for lww and crdt.
//
// CART_FUZZ_SEED=<n> picks the base seed (default 1); CART_FUZZ_RUNS=<n> how many schedules
// (default 40). A failure names its seed: add it to REGRESSIONS below.

import { describe, expect, it } from 'vitest';
import type { FaultOp } from '../../net/faults';
import type { NodeId } from '../../protocol/ids';
import type { SessionEvent } from '../../protocol/recordingFormat';
import { createRng, deriveSeed, type Rng } from '../../rng';
import { SessionCore } from '../../session/core';
import { fold } from '../../session/fold';
import { makeHeader } from '../../session/header';
import { isNodeDown } from '../../session/state';
import { ITEMS, type CartMode } from './config';
import type { CartState, CartWrite } from './state';
import { GAMES } from '../../../test/support/games';

const BASE = Number(process.env.CART_FUZZ_SEED ?? 1);
const RUNS = Number(process.env.CART_FUZZ_RUNS ?? 40);
/** Seeds that once failed, kept as named regression tests (none so far). */
const REGRESSIONS: { seed: number; mode: CartMode; why: string }[] = [];

const DURATION = 8_000;

function randomFault(rng: Rng, nodes: NodeId[], crashed: NodeId[]): FaultOp {
  switch (rng.int(9)) {
    case 0:
    case 1:
    case 2: {
      const k = rng.between(2, 3);
      const groups: NodeId[][] = Array.from({ length: k }, () => []);
      for (const n of rng.shuffle(nodes)) groups[rng.int(k)]!.push(n);
      return { op: 'split', groups: groups.filter((g) => g.length) };
    }
    case 3:
      return { op: 'heal' };
    case 4:
      return { op: 'isolate', nodes: [rng.pick(nodes)] };
    case 5:
      return { op: 'loss', rate: rng.pick([0, 0, 0.1, 0.3]) };
    case 6:
      return { op: 'dup', rate: rng.pick([0, 0.2, 0.5]) };
    case 7:
      return rng.chance(0.5)
        ? { op: 'latency', base: rng.between(0, 30), jitter: rng.between(0, 400) }
        : { op: 'crash', nodes: rng.sample(nodes, rng.between(1, Math.max(1, Math.floor(nodes.length / 2)))) };
    default:
      return crashed.length ? { op: 'restart', nodes: rng.sample(crashed, rng.between(1, crashed.length)) } : { op: 'heal' };
  }
}

interface Outcome {
  failures: string[];
  accepted: number;
  refused: number;
  state: CartState;
}

function runSchedule(seed: number, mode: CartMode, checkFold: boolean): Outcome {
  const rng = createRng(deriveSeed(seed, 'schedule'));
  const events: SessionEvent[] = [];
  const header = makeHeader({ seed });
  const core = SessionCore.create(header, GAMES, checkFold ? (e) => events.push(structuredClone(e)) : () => {});
  const size = rng.between(2, 7);
  const humans = rng.between(0, Math.min(2, size));
  for (let i = 0; i < humans; i++) core.join(0, `Person ${i + 1}`);
  if (size > humans) core.addBots(0, size - humans);
  core.changeFaults(0, { op: 'latency', base: rng.between(1, 10), jitter: rng.between(0, 80) });
  const started = core.startRound(0, 'cart', {
    mode,
    syncMs: rng.between(100, 400),
    quorumTimeoutMs: rng.between(150, 800),
    botEveryMs: rng.between(30, 150),
    botJitterMs: 150,
    botsStopAt: DURATION,
  });
  if (!started.ok) throw new Error(started.error.message);
  const nodes = core.state.round!.spec.nodes;
  const people = nodes.slice(0, humans);
  const game = () => core.state.round!.engineState as CartState;

  const failures: string[] = [];
  const fail = (t: number, text: string) => failures.length < 5 && failures.push(`${mode} seed ${seed} at ${t} ms: ${text}`);
  /** item → version → the accepted write, as first seen. */
  const savedAt = new Map<string, Map<number, number>>();

  const observe = (t: number) => {
    if (mode !== 'quorum') return;
    const s = game();
    for (const w of s.writes) {
      if (w.status !== 'accepted' || w.version === null) continue;
      const perItem = savedAt.get(w.item) ?? new Map<number, number>();
      savedAt.set(w.item, perItem);
      const known = perItem.get(w.version);
      if (known === undefined) perItem.set(w.version, w.id);
      else if (known !== w.id) fail(t, `${w.item} version ${w.version} saved twice: writes ${known} and ${w.id}`);
    }
    for (const n of nodes) {
      const r = s.replicas[n]!;
      for (const item of ITEMS) {
        const e = r.saved[item];
        if (e.version === 0) continue;
        const w = s.writes[e.write - 1];
        if (w?.status !== 'accepted' || w.version !== e.version || w.qty !== e.qty) {
          fail(t, `${n} holds ${item} v${e.version}=${e.qty} (write ${e.write}) as saved, but that write is ${w?.status ?? 'missing'}`);
        }
      }
    }
  };

  let nextFault = rng.between(100, 700);
  let nextChaos = people.length ? rng.between(20, 200) : Infinity;
  for (;;) {
    const wake = core.nextWakeAt() ?? Infinity;
    const at = Math.min(wake, nextFault, nextChaos);
    if (at > DURATION) break;
    if (at === nextFault) {
      core.changeFaults(at, randomFault(rng, nodes, core.state.faults.crashed));
      nextFault = at + rng.between(100, 700);
    } else if (at === nextChaos) {
      const who = rng.pick(people);
      if (!isNodeDown(core.state, who)) core.act(at, who, { type: 'add', item: rng.pick(ITEMS), delta: rng.chance(0.6) ? 1 : -1 });
      nextChaos = at + rng.between(20, 200);
    } else {
      core.advance(at);
    }
    observe(at);
  }

  // Heal everything, let anti-entropy run: every live replica must come to hold the same list.
  core.changeFaults(DURATION, { op: 'reset' });
  core.changeFaults(DURATION, { op: 'restart', nodes });
  const settleUntil = DURATION + 40 * game().config.syncMs + 4 * game().config.quorumTimeoutMs;
  for (let at = core.nextWakeAt(); at !== null && at <= settleUntil && core.state.round; at = core.nextWakeAt()) {
    core.advance(at);
    observe(at);
  }
  const s = game();
  if (s.agreeSince === null) fail(settleUntil, 'the replicas still differ long after the heal');
  if (mode === 'quorum') checkChains(s, (text) => fail(settleUntil, text));
  if (mode === 'crdt') {
    for (const item of ITEMS) {
      const sum = s.writes.filter((w) => w.item === item).reduce((a, w) => a + w.delta, 0);
      const v = s.replicas[nodes[0]!]!;
      const c = v.crdt[item];
      const value = c ? Object.values(c.p).reduce((a, b) => a + b, 0) - Object.values(c.n).reduce((a, b) => a + b, 0) : 0;
      if (value !== sum) fail(settleUntil, `crdt ${item} is ${value}, the taps sum to ${sum}`);
    }
  }
  if (checkFold) {
    core.endRound(settleUntil);
    expect(fold(header, events, GAMES)).toEqual(core.state);
  }
  return {
    failures,
    accepted: s.writes.filter((w) => w.status === 'accepted').length,
    refused: s.writes.filter((w) => w.status === 'refused').length,
    state: s,
  };
}

/** Each item's accepted writes form one chain 1, 2, 3…, each built on the one before, each tapped on an up-to-date copy. */
function checkChains(s: CartState, fail: (text: string) => void): void {
  for (const item of ITEMS) {
    const accepted = s.writes.filter((w) => w.item === item && w.status === 'accepted').sort((a, b) => a.version! - b.version!);
    let prev: CartWrite | null = null;
    for (const w of accepted) {
      const v = prev ? prev.version! + 1 : 1;
      if (w.version !== v) fail(`${item}: accepted versions jump from ${prev?.version ?? 0} to ${w.version}`);
      if (w.basedOn !== (prev?.id ?? 0) || w.qty !== (prev?.qty ?? 0) + w.delta) fail(`${item} v${w.version}: not built on v${v - 1}`);
      // Caught up: nothing newer than its base had been accepted when it was tapped.
      const newest = accepted.filter((x) => x.decidedAt! <= w.at && x.id !== w.id).reduce((m, x) => Math.max(m, x.version!), 0);
      if (newest !== w.version! - 1) fail(`${item} v${w.version} by ${w.node}: tapped when v${newest} was already saved`);
      prev = w;
    }
  }
}

describe('cart: quorum safety fuzz [C9][C10][C11]', () => {
  it(`[C9] no item has two saved writes at one version, replicas hold only saved writes, a stale replica saves nothing until it caught up, over ${RUNS} random schedules from seed ${BASE}`, () => {
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < RUNS; i++) {
      const seed = deriveSeed(BASE, `fuzz:${i}`);
      const out = runSchedule(seed, 'quorum', i < 2);
      if (out.failures.length) throw new Error(`CART_FUZZ_SEED=${BASE}, schedule ${i} (seed ${seed}) failed:\n${out.failures.join('\n')}`);
      accepted += out.accepted;
      refused += out.refused;
    }
    // The schedules are hostile enough to refuse writes, and not so hostile that nothing is saved.
    expect(accepted).toBeGreaterThan(RUNS * 5);
    expect(refused).toBeGreaterThan(RUNS);
  }, 120_000);

  it.each(['lww', 'crdt'] as const)(
    `[C5][C13] %s: after any schedule, once the network heals every live replica comes to hold the same list (${Math.ceil(RUNS / 2)} schedules)`,
    (mode) => {
      for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
        const seed = deriveSeed(BASE, `heal:${mode}:${i}`);
        const out = runSchedule(seed, mode, i === 0);
        if (out.failures.length)
          throw new Error(`CART_FUZZ_SEED=${BASE}, schedule ${i} (seed ${seed}) failed:\n${out.failures.join('\n')}`);
      }
    },
    120_000,
  );

  for (const r of REGRESSIONS) {
    it(`[C9] regression: ${r.mode} seed ${r.seed} (${r.why})`, () => {
      const out = runSchedule(r.seed, r.mode, true);
      if (out.failures.length) throw new Error(out.failures.join('\n'));
    });
  }
});
