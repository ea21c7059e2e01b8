// The map's decorations and the results table's line, from a hand-driven cluster.

import { describe, expect, it } from 'vitest';
import type { ElectionResult } from '../../../../shared/games/election/analysis';
import { election } from '../../../../shared/games/election/engine';
import { Cluster } from '../../../../test/support/election';
import en from '../../i18n/messages/en';
import { createTranslator } from '../../i18n/translate';
import { decorate, formatMs, summary } from './look';

/** The words as an English reader sees them. */
const t = createTranslator('en', en);

const net = { sent: 0, delivered: 0, duplicated: 0, dropped: { crashed: 0, partition: 0, loss: 0 } };

describe('election look', () => {
  it('[E1][E15] the map shows each card, the leader by word and colour, and a stale leader with an alert', () => {
    const c = new Cluster(5);
    c.elect('n1');
    let d = decorate(c.console(), t);
    expect(d.n1).toMatchObject({ short: c.state.cards.n1!.label, badge: 'leader T1', alert: false });
    expect(d.n2).toMatchObject({ short: c.state.cards.n2!.label, badge: undefined, alert: false });
    expect(d.n1!.fill).not.toBe(d.n2!.fill);

    c.fault({ op: 'isolate', nodes: ['n1'] });
    d = decorate(c.console(), t);
    expect(d.n1).toMatchObject({ badge: 'stale leader T1', alert: true });
  });

  it('summarises a round in one line, safety included', () => {
    const c = new Cluster(3);
    c.now = 1500;
    c.elect('n2');
    expect(c.act('n2', { type: 'propose', value: 'Chez Quorum' })).toBeNull();
    c.settle();
    const nameOf = (id: string) => ({ n1: 'Ada', n2: 'Grace', n3: 'Linus' })[id] ?? '?';
    const line = summary(election.result(c.state, net) as ElectionResult, t, nameOf);
    // A person by nickname, the card beside it; never the node id.
    expect(line).toContain(`first leader Grace (${c.state.cards.n2!.label}) after 1.5 s`);
    expect(line).not.toMatch(/\bn\d\b/);
    expect(line).toContain('committed “Chez Quorum”');
    expect(line).toContain('safe: ≤ 1 leader per term');
    expect(summary(election.result(new Cluster(3).state, net) as ElectionResult, t, nameOf)).toMatch(/^no leader elected · 0 terms/);
  });

  it('formats durations for people', () => {
    expect([formatMs(t, null), formatMs(t, 180), formatMs(t, 2345), formatMs(t, 42_000), formatMs(t, 125_000)]).toEqual([
      '—',
      '180 ms',
      '2.3 s',
      '42 s',
      '2 min 05 s',
    ]);
  });
});
