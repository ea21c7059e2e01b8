// A hand-driven cluster for the rule tests: the test decides which envelope is delivered,
// dropped or held, and which timer fires. No session, no clock, no randomness in the network.

import { applyFaultOp, defaultFaults, type FaultOp, type Faults } from '../../shared/net/faults';
import { isCrashed } from '../../shared/net/network';
import type { NodeId } from '../../shared/protocol/ids';
import { describeNotice, type Notice } from '../../shared/protocol/notice';
import type { Effect, EngineCtx, Envelope, Rejection } from '../../shared/games/types';
import { election } from '../../shared/games/election/engine';
import { heartbeatKey, timeoutKey } from '../../shared/games/election/step';
import type { ElectionState } from '../../shared/games/election/state';
import type { ElectionConsoleView } from '../../shared/games/election/console';
import type { ElectionView } from '../../shared/games/election/view';

export class Cluster {
  readonly nodes: NodeId[];
  readonly state: ElectionState;
  now = 0;
  faults: Faults = defaultFaults();
  /** Envelopes sent and not yet delivered or dropped, in send order. */
  outbox: Envelope[] = [];
  timers = new Map<string, number>();
  marks: { node?: NodeId; notice: Notice; data?: unknown }[] = [];
  changed: (NodeId | 'all')[] = [];
  private seq = 0;
  readonly gone = new Set<NodeId>();

  constructor(n: number, config: Record<string, unknown> = { pace: 'fast' }, seed = 1) {
    this.nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
    // The test delivers each message itself: no processing time [E18] unless a test asks for it.
    const { state, effects } = election.init(election.config.parse({ processingMs: [0, 0], ...config }), { ...this.ctx(), seed });
    this.state = state;
    this.apply(effects);
  }

  ctx(): EngineCtx {
    return {
      now: this.now,
      nodes: this.nodes,
      faults: this.faults,
      isDown: (node) => isCrashed(this.faults, node) || this.gone.has(node),
    };
  }

  apply(effects: Effect[]): void {
    for (const e of effects) {
      switch (e.type) {
        case 'send':
          this.outbox.push({
            id: `m${++this.seq}`,
            from: e.from,
            to: e.to,
            kind: e.kind,
            body: structuredClone(e.body),
            sentAt: this.now,
            lamport: 0,
          });
          break;
        case 'timer':
          this.timers.set(e.key, this.now + e.delay);
          break;
        case 'cancel':
          this.timers.delete(e.key);
          break;
        case 'mark':
          this.marks.push({ notice: e.notice, ...(e.node ? { node: e.node } : {}), data: e.data });
          break;
        case 'changed':
          if (e.nodes === 'all') this.changed.push('all');
          else this.changed.push(...e.nodes);
          break;
        case 'end':
          break;
      }
    }
  }

  /** A node asks to act: parsed, checked, then applied. Returns the rejection, or null. */
  act(node: NodeId, raw: unknown): Rejection | null {
    const action = election.action.parse(raw);
    const before = JSON.stringify(this.state);
    const rejected = election.check(this.state, node, action, this.ctx());
    if (JSON.stringify(this.state) !== before) throw new Error('check changed the state');
    if (rejected) return rejected;
    this.apply(election.act(this.state, node, action, this.ctx()));
    return null;
  }

  /** Fires a timer (whether or not it is armed: a stale timer must be harmless). */
  fire(key: string): void {
    this.timers.delete(key);
    this.apply(election.timer(this.state, key, this.ctx()));
  }

  expire(node: NodeId): void {
    this.fire(timeoutKey(node));
  }

  beat(node: NodeId): void {
    this.fire(heartbeatKey(node));
  }

  /** Delivers, in send order, the envelopes that match (and those they cause), until none match. */
  deliver(match: (e: Envelope) => boolean = () => true, max = 10_000): number {
    let count = 0;
    for (;;) {
      const i = this.outbox.findIndex(match);
      if (i < 0) return count;
      const [env] = this.outbox.splice(i, 1);
      if (++count > max) throw new Error('delivery did not settle');
      if (this.isDown(env!.from) || this.isDown(env!.to) || !this.reach(env!.from, env!.to)) continue;
      this.apply(election.deliver(this.state, env!, this.ctx()));
    }
  }

  /** Delivers one envelope a second time (the network duplicated it). */
  redeliver(env: Envelope): void {
    this.apply(election.deliver(this.state, structuredClone(env), this.ctx()));
  }

  take(match: (e: Envelope) => boolean): Envelope[] {
    const out = this.outbox.filter(match);
    this.outbox = this.outbox.filter((e) => !match(e));
    return out;
  }

  drop(match: (e: Envelope) => boolean = () => true): void {
    this.take(match);
  }

  fault(op: FaultOp): void {
    const prev = this.faults;
    this.faults = applyFaultOp(prev, op);
    this.apply(election.faultsChanged!(this.state, prev, this.faults, this.ctx()));
  }

  isDown(node: NodeId): boolean {
    return isCrashed(this.faults, node) || this.gone.has(node);
  }

  reach(from: NodeId, to: NodeId): boolean {
    const g = (n: NodeId) => this.faults.partition.groups[n] ?? 'A';
    return g(from) === g(to);
  }

  /** `node` stands and the whole cluster settles (every message delivered). */
  elect(node: NodeId): void {
    this.expire(node);
    const r = this.act(node, { type: 'stand' });
    if (r) throw new Error(describeNotice(r));
    this.settle();
  }

  /** Lets every bot-like answer happen: pending votes answered per Raft, messages delivered. */
  settle(rounds = 20): void {
    for (let i = 0; i < rounds; i++) {
      this.deliver();
      let acted = false;
      for (const n of this.nodes) {
        if (this.isDown(n)) continue;
        for (const p of [...this.state.node[n]!.pending]) {
          const grant = this.act(n, { type: 'vote', candidate: p.candidate, grant: true }) === null;
          if (!grant) this.act(n, { type: 'vote', candidate: p.candidate, grant: false });
          acted = true;
        }
      }
      if (!acted && this.outbox.length === 0) return;
    }
  }

  view(node: NodeId): ElectionView {
    const view = election.view(this.state, node);
    if (!view) throw new Error(`${node} is not in this round`);
    return view;
  }

  console(): ElectionConsoleView {
    return election.consoleView(this.state);
  }

  node(id: NodeId) {
    return this.state.node[id]!;
  }
}
