import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng';
import { electionResult } from './analysis';
import { electionBot, RESTAURANTS } from './bot';
import { electionConfig, timingOf } from './config';
import { election } from './engine';
import { Cluster } from '../../../test/support/election';
import { KIND } from './config';
import type { ElectionView } from './view';

/** n1 and n2 stand in term 1 and get one vote each (n3's and n4's): nobody wins. */
function splitTerm1(c: Cluster): void {
  for (const n of ['n1', 'n2']) {
    c.expire(n);
    c.act(n, { type: 'stand' });
  }
  c.deliver((e) => (e.from === 'n1' && e.to === 'n3') || (e.from === 'n2' && e.to === 'n4'));
  c.act('n3', { type: 'vote', candidate: 'n1', grant: true });
  c.act('n4', { type: 'vote', candidate: 'n2', grant: true });
  c.deliver((e) => e.kind === KIND.vote);
  c.drop();
}

const net = { sent: 10, delivered: 8, duplicated: 1, dropped: { crashed: 0, partition: 2, loss: 0 } };
const botCtx = (node: string) => ({
  node,
  nodes: ['n1', 'n2', 'n3'],
  now: 0,
  rng: createRng(1),
  config: electionConfig.parse({ pace: 'fast' }),
});

describe('election: config', () => {
  it('parse({}) is the class pace; fast and overrides are honoured', () => {
    expect(timingOf(electionConfig.parse({}))).toEqual({
      timeoutMs: [8000, 15000],
      heartbeatMs: [2000, 3000],
      botDelayMs: [500, 2000],
      processingMs: [0, 0],
    });
    expect(timingOf(electionConfig.parse({ pace: 'fast' })).processingMs).toEqual([0, 1]);
    expect(timingOf(electionConfig.parse({ pace: 'fast' })).timeoutMs).toEqual([150, 300]);
    expect(timingOf(electionConfig.parse({ pace: 'class', timeoutMs: [4000, 6000] })).timeoutMs).toEqual([4000, 6000]);
    expect(electionConfig.safeParse({ timeoutMs: [300, 150] }).success).toBe(false);
    expect(electionConfig.safeParse({ pace: 'slow' }).success).toBe(false);
    expect(electionConfig.safeParse({ extra: 1 }).success).toBe(false);
  });
});

describe('election: views', () => {
  it('a phone sees its own node and nothing of the others but their cards', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'Chez Quorum' });
    c.settle();
    const v = c.view('n2');
    expect(v).toMatchObject({ game: 'election', you: 'n2', role: 'follower', term: 1, votedFor: { node: 'n1' }, leader: { node: 'n1' } });
    expect(v.lead).toBeNull();
    expect(v.votes).toBeNull();
    const text = JSON.stringify(v);
    // Another node's vote, log position or timer is not in it.
    expect(text).not.toContain('"votedFor":"n');
    for (const other of ['n3', 'n4', 'n5']) expect(text).not.toContain(`"${other}"`);
  });

  it('a leader sees its heartbeats, who answered and its proposal', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.beat('n1');
    c.deliver();
    c.beat('n1');
    expect(c.view('n1').lead).toMatchObject({ heartbeatsSent: 3, lastRoundAnswered: 2, peers: 2, proposal: null, proposeBlocked: null });
    expect(c.view('n1').votes).toMatchObject({ granted: 2, needed: 2 });
  });

  it('pending vote requests say why a Grant would be refused', () => {
    const c = new Cluster(3);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver((e) => e.to === 'n2');
    expect(c.view('n2').pendingVotes).toMatchObject([{ candidate: { node: 'n1' }, term: 1, grantBlocked: null }]);
  });

  it('the console shows every node, the leader, the term timeline and the committed value', () => {
    const c = new Cluster(5);
    splitTerm1(c);
    c.elect('n3');
    c.act('n3', { type: 'propose', value: 'Bistro Majority' });
    c.settle();
    const cv = c.console();
    expect(cv.nodes).toHaveLength(5);
    expect(cv.leader).toMatchObject({ node: 'n3', term: 2 });
    expect(cv.terms.map((t) => [t.term, t.split, t.leaders.map((l) => l.node)])).toEqual([
      [1, true, []],
      [2, false, ['n3']],
    ]);
    expect(cv.committedValue).toBe('Bistro Majority');
    expect(cv.safety).toEqual({ maxLeadersPerTerm: 1, violations: [] });
  });
});

describe('election: bot', () => {
  it('stands when its timer ran out, and not when it grants a vote instead', () => {
    const c = new Cluster(3);
    c.expire('n2');
    expect(electionBot(c.view('n2'), botCtx('n2'))).toEqual([{ type: 'stand' }]);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver((e) => e.to === 'n2');
    expect(electionBot(c.view('n2'), botCtx('n2'))).toEqual([{ type: 'vote', candidate: 'n1', grant: true }]);
  });

  it('grants one vote per term and refuses the rest', () => {
    const c = new Cluster(5);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    c.deliver((e) => e.to === 'n3');
    expect(electionBot(c.view('n3'), botCtx('n3'))).toEqual([
      { type: 'vote', candidate: 'n1', grant: true },
      { type: 'vote', candidate: 'n2', grant: false },
    ]);
  });

  it('as leader proposes a restaurant once per term; crashed it does nothing', () => {
    const c = new Cluster(3);
    c.elect('n1');
    const [a] = electionBot(c.view('n1'), botCtx('n1'));
    expect(a).toMatchObject({ type: 'propose' });
    expect(RESTAURANTS).toContain((a as { value: string }).value);
    c.act('n1', a);
    c.settle();
    expect(electionBot(c.view('n1'), botCtx('n1'))).toEqual([]);
    c.fault({ op: 'crash', nodes: ['n1'] });
    c.node('n1').expired = true;
    expect(electionBot(c.view('n1'), botCtx('n1'))).toEqual([]);
    expect(electionBot(null, botCtx('n1'))).toEqual([]);
  });

  it('every action the bot returns passes the checks in a plain election', () => {
    const c = new Cluster(5);
    c.expire('n4');
    for (let i = 0; i < 30; i++) {
      for (const n of c.nodes) {
        for (const a of electionBot(c.view(n), botCtx(n))) expect(c.act(n, a)).toBeNull();
      }
      c.deliver();
    }
    expect(c.state.leaders).toEqual(['n4']);
    expect(c.state.committed).toHaveLength(1);
  });
});

describe('election: analysis', () => {
  it('counts terms, elections, split votes, leaders per term, commits and messages', () => {
    const c = new Cluster(5);
    c.now = 100;
    splitTerm1(c);
    c.now = 400;
    c.elect('n3');
    c.act('n3', { type: 'propose', value: 'Café Consensus' });
    c.settle();
    const r = electionResult(c.state, net);
    expect(r).toMatchObject({
      game: 'election',
      nodes: 5,
      majority: 3,
      firstLeaderMs: 400,
      firstLeader: { node: 'n3', term: 2 },
      terms: 2,
      elections: 3,
      splitVotes: 1,
      maxLeadersPerTerm: 1,
      leadersPerTerm: [{ term: 2, leaders: [{ node: 'n3' }] }],
      leaderIds: ['n3'],
      committedValues: ['Café Consensus'],
      safety: { ok: true, violations: [] },
      messages: { sent: 10, dropped: { partition: 2 } },
    });
    expect(r.messages.byKind[KIND.voteRequest]!.sent).toBe(12);
    expect(r.termRecords).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('a round with no leader reports null', () => {
    const c = new Cluster(3);
    const r = election.result(c.state, net) as ReturnType<typeof electionResult>;
    expect(r).toMatchObject({ firstLeaderMs: null, firstLeader: null, terms: 0, committedValues: [] });
  });

  it('views are plain JSON and do not change the state', () => {
    const c = new Cluster(3);
    c.elect('n1');
    const before = JSON.stringify(c.state);
    const v = c.view('n2') as ElectionView;
    c.console();
    election.result(c.state, net);
    expect(JSON.stringify(c.state)).toBe(before);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
