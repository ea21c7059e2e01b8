// The map's decorations, the results table's line and the helpers of the gossip screens, from
// hand-driven games (shared/games/gossip/testkit.ts).

import en from '../../i18n/messages/en';
import { createTranslator } from '../../i18n/translate';
import { describe, expect, it } from 'vitest';
import type { GossipResult } from '../../../../shared/games/gossip/analysis';
import { TICK_KEY } from '../../../../shared/games/gossip/config';
import { gossip } from '../../../../shared/games/gossip/engine';
import { sends, table } from '../../../../test/support/gossip';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { Effect, Envelope } from '../../../../shared/games/types';
import { applyFaultOp } from '../../../../shared/net/faults';
import { formulaText, ticks } from './InfectionCurve';
import { decorate, FILLS, summary, withNames } from './look';

/** The words as an English reader sees them. */
const en_ = createTranslator('en', en);

const net = { sent: 0, delivered: 0, duplicated: 0, dropped: { crashed: 0, partition: 0, loss: 0 } };

function deliver(t: ReturnType<typeof table>, effects: Effect[] | { code: string }) {
  for (const s of sends(effects as Effect[])) {
    const env: Envelope = { id: 'm', from: s.from, to: s.to, kind: s.kind, body: s.body, sentAt: t.ctx.now, lamport: 0 };
    gossip.deliver(t.state, env, t.ctx);
  }
}
/** n1 and n2 | n3 and n4, the engine told. */
function split(t: ReturnType<typeof table>) {
  const prev = t.ctx.faults;
  t.ctx.faults = applyFaultOp(prev, {
    op: 'split',
    groups: [
      ['n1', 'n2'],
      ['n3', 'n4'],
    ],
  });
  gossip.faultsChanged!(t.state, prev, t.ctx.faults, t.ctx);
}
const console_ = (t: ReturnType<typeof table>) => gossip.consoleView(t.state) as GossipConsoleView;

describe('gossip look', () => {
  it('[G1][G13] the map colours who knows, says "knows" with the round, marks the origin with a star', () => {
    const t = table(4, { origin: 'n1', word: 'walrus' });
    deliver(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    const d = decorate(console_(t), en_);
    expect(d.n1).toMatchObject({ short: '★', fill: FILLS.origin, badge: 'origin · knows', alert: false });
    expect(d.n2).toMatchObject({ short: '✓', fill: FILLS.knows, badge: 'knows r1', alert: false });
    expect(d.n3).toMatchObject({ short: undefined, fill: FILLS.waiting, badge: undefined, alert: false });
    // Colour is never the only signal: every node that knows has a word.
    for (const id of ['n1', 'n2']) expect(d[id]!.badge).toBeTruthy();
  });

  it('[G11][G14] a live node cut off from every knower gets an alert and the words "cut off"', () => {
    const t = table(4, { origin: 'n1' });
    split(t);
    const d = decorate(console_(t), en_);
    expect(d.n3).toMatchObject({ fill: FILLS.cut, badge: 'cut off', alert: true });
    expect(d.n2!.alert).toBe(false);
  });

  it('[G10] highest card: the best card inside the node, the holder of the top card by word', () => {
    const t = table(5, { mode: 'highest-card' });
    const d = decorate(console_(t), en_);
    const top = t.state.origin!;
    expect(d[top]).toMatchObject({ badge: 'dealt top card', fill: FILLS.origin });
    for (const [id, n] of Object.entries(console_(t).perNode)) expect(d[id]!.short).toBe(n.best);
  });

  it('[G15] summarises a round in one line: rounds against the theory, or "never" with why', () => {
    const t = table(3, { origin: 'n1', fanout: 2 });
    deliver(t, t.act('n1', { type: 'tell', to: ['n2', 'n3'] }));
    const done = summary(gossip.result(t.state, net) as GossipResult, en_);
    expect(done).toMatch(
      /^every live node knew after 1 round \(theory \d+(\.\d)? rounds\) · Push, fanout 2, 3 nodes · 2 messages, 0 redundant$/,
    );

    const cut = table(4, { origin: 'n1', healWaitRounds: 0 });
    split(cut);
    cut.ctx.now = cut.state.roundEndsAt;
    gossip.timer(cut.state, TICK_KEY, cut.ctx);
    const line = summary(gossip.result(cut.state, { ...net, dropped: { crashed: 0, partition: 3, loss: 0 } }) as GossipResult, en_);
    expect(line).toContain('never: 3 of 4 never learned (2 cut off by a partition and 1 nobody told it in time)');
    expect(line).toContain('3 dropped');
    expect(summary(null as unknown as GossipResult, en_)).toBe('—');
  });

  it("names nodes in the server's sentences, and draws readable axes", () => {
    expect(
      withNames(
        'You already told n2 in round 1 (n2, n13).',
        new Map([
          ['n2', 'Grace'],
          ['n13', 'Ken'],
        ]),
      ),
    ).toBe('You already told Grace in round 1 (Grace, Ken).');
    expect(formulaText(2)).toBe('log₃(N) + ln(N)/2');
    expect(formulaText(10)).toBe('log₁₁(N) + ln(N)/10');
    expect(formulaText(1)).toBe('log₂(N) + ln(N)');
    expect(ticks(6, 12)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ticks(300, 5)).toEqual([0, 100, 200, 300]);
    expect(ticks(40, 12)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
  });
});
