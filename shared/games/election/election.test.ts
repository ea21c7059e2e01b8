import { describe, expect, it } from 'vitest';
import { dealCards } from './cards';
import { election } from './engine';
import { heartbeatKey, timeoutKey } from './step';
import { Cluster } from '../../../test/support/election';
import { KIND } from './config';

const isKind = (kind: string, to?: string, from?: string) => (e: { kind: string; to: string; from: string }) =>
  e.kind === kind && (to === undefined || e.to === to) && (from === undefined || e.from === from);

describe('election: cards', () => {
  it('[E1] deals each node a unique card, the same for the same seed', () => {
    const nodes = Array.from({ length: 52 }, (_, i) => `n${i + 1}`);
    const a = dealCards(nodes, 7);
    expect(new Set(Object.values(a).map((c) => c.label)).size).toBe(52);
    expect(Object.values(a).every((c) => c.deck === 1)).toBe(true);
    expect(dealCards(nodes, 7)).toEqual(a);
    expect(dealCards(nodes, 8)).not.toEqual(a);
  });

  it('[E1] beyond 52 nodes uses more decks and marks their cards, still unique', () => {
    const nodes = Array.from({ length: 130 }, (_, i) => `n${i + 1}`);
    const cards = Object.values(dealCards(nodes, 3));
    expect(new Set(cards.map((c) => c.label)).size).toBe(130);
    expect(Math.max(...cards.map((c) => c.deck))).toBe(3);
    for (const c of cards) expect(c.label.endsWith(`·${c.deck}`)).toBe(c.deck > 1);
  });

  it('[E1] the card is the node name on its phone and the console', () => {
    const c = new Cluster(3);
    const card = c.state.cards.n2!;
    expect(c.view('n2').card).toEqual(card);
    expect(c.console().nodes.find((n) => n.id === 'n2')!.card).toEqual(card);
    c.elect('n2');
    expect(c.view('n1').leader).toEqual({ node: 'n2', card: card.label, red: card.red });
  });
});

describe('election: followers and timers', () => {
  it('[E2] every node starts a follower in term 0 with a node timer drawn from the timeout range', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const { state, effects } = election.init(election.config.parse({ pace: 'fast' }), {
      now: 0,
      nodes,
      faults: new Cluster(1).faults,
      isDown: () => false,
      seed: 4,
    });
    for (const n of nodes) {
      expect(state.node[n]).toMatchObject({ role: 'follower', term: 0, votedFor: null });
      const t = effects.find((e) => e.type === 'timer' && e.key === timeoutKey(n));
      expect(t).toMatchObject({ node: n });
      const delay = (t as { delay: number }).delay;
      expect(delay).toBeGreaterThanOrEqual(150);
      expect(delay).toBeLessThanOrEqual(300);
    }
  });

  it('[E2] a heartbeat from the leader resets the election timer, even after it ran out', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.expire('n2');
    expect(c.view('n2').canStand).toBe(true);
    c.timers.delete(timeoutKey('n2'));
    c.beat('n1');
    c.deliver(isKind(KIND.append, 'n2'));
    expect(c.timers.has(timeoutKey('n2'))).toBe(true);
    expect(c.view('n2')).toMatchObject({ canStand: false, timer: { expired: false }, heard: { count: 2 } });
  });

  it('[E2] an AppendEntries of an older term does not reset the timer', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.beat('n1');
    const old = c.take(isKind(KIND.append, 'n3'));
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.settle();
    c.expire('n3');
    c.timers.delete(timeoutKey('n3'));
    for (const e of old) c.redeliver(e);
    expect(c.timers.has(timeoutKey('n3'))).toBe(false);
    expect(c.view('n3').timer.expired).toBe(true);
  });
});

describe('election: standing', () => {
  it('[E3] a node may stand only once its election timer has run out', () => {
    const c = new Cluster(5);
    expect(c.act('n1', { type: 'stand' })).toMatchObject({ code: 'timer_running' });
    c.expire('n1');
    expect(c.act('n1', { type: 'stand' })).toBeNull();
  });

  it('[E3] an expired timer does not make anyone stand: the node waits for the action', () => {
    const c = new Cluster(5);
    c.expire('n1');
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 0, expired: true });
    expect(c.outbox).toHaveLength(0);
    expect(c.view('n1')).toMatchObject({ canStand: true, timer: { key: timeoutKey('n1'), expired: true } });
    expect(c.view('n1').notice).toMatchObject({ code: 'election.timer.expired' });
  });

  it('[E3] standing: term + 1, a vote for itself, RequestVote to every other node, a fresh timer', () => {
    const c = new Cluster(5);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    expect(c.node('n1')).toMatchObject({ role: 'candidate', term: 1, votedFor: 'n1', voteCount: 1, expired: false });
    expect(c.outbox.map((e) => [e.kind, e.to])).toEqual(['n2', 'n3', 'n4', 'n5'].map((n) => [KIND.voteRequest, n]));
    expect(c.outbox[0]!.body).toEqual({ term: 1, lastLogIndex: 0, lastLogTerm: 0 });
    expect(c.timers.has(timeoutKey('n1'))).toBe(true);
    expect(c.marks.at(-1)).toMatchObject({ node: 'n1', data: { event: 'candidate', term: 1 } });
  });

  it('[E3] a leader cannot stand', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.node('n1').expired = true;
    expect(c.act('n1', { type: 'stand' })).toMatchObject({ code: 'already_leader' });
  });
});

describe('election: votes', () => {
  it('[E4] a node grants at most one vote per term', () => {
    const c = new Cluster(5);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    c.deliver(isKind(KIND.voteRequest, 'n3'));
    expect(c.view('n3').pendingVotes.map((p) => p.candidate.node)).toEqual(['n1', 'n2']);
    expect(c.act('n3', { type: 'vote', candidate: 'n1', grant: true })).toBeNull();
    const second = c.act('n3', { type: 'vote', candidate: 'n2', grant: true });
    expect(second).toEqual({ code: 'already_voted', params: { self: false, node: { node: 'n1' }, term: 1 } });
    expect(c.view('n3').pendingVotes[0]!.grantBlocked).toEqual(second);
    expect(c.act('n3', { type: 'vote', candidate: 'n2', grant: false })).toBeNull();
    expect(c.node('n3').votedFor).toBe('n1');
  });

  it('[E4] a candidate has voted for itself in its term', () => {
    const c = new Cluster(3);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    c.deliver(isKind(KIND.voteRequest, 'n1'));
    expect(c.act('n1', { type: 'vote', candidate: 'n2', grant: true })).toMatchObject({
      code: 'already_voted',
      params: { self: true, term: 1 },
    });
  });

  it('[E4] the vote survives a crash', () => {
    const c = new Cluster(5);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    const fromN2 = c.take(isKind(KIND.voteRequest, 'n3', 'n2'));
    c.deliver(isKind(KIND.voteRequest, 'n3'));
    c.act('n3', { type: 'vote', candidate: 'n1', grant: true });
    c.fault({ op: 'crash', nodes: ['n3'] });
    c.fault({ op: 'restart', nodes: ['n3'] });
    for (const e of fromN2) c.redeliver(e);
    expect(c.node('n3')).toMatchObject({ term: 1, votedFor: 'n1' });
    expect(c.act('n3', { type: 'vote', candidate: 'n2', grant: true })).toMatchObject({ code: 'already_voted' });
  });

  it('[E4] answering a request that is not there is refused', () => {
    const c = new Cluster(3);
    expect(c.act('n2', { type: 'vote', candidate: 'n1', grant: false })).toMatchObject({ code: 'no_request' });
  });

  it('[E5] a Grant to an out-of-date request is refused, and the refusal tells the candidate the newer term', () => {
    const c = new Cluster(5);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n3'));
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n3', 'n2'));
    expect(c.node('n3').term).toBe(2);
    expect(c.act('n3', { type: 'vote', candidate: 'n1', grant: true })).toMatchObject({ code: 'stale_request' });
    expect(c.act('n3', { type: 'vote', candidate: 'n1', grant: false })).toBeNull();
    c.deliver(isKind(KIND.vote, 'n1'));
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 2, votedFor: null });
  });

  it('[E5] a Grant to a candidate whose log is less up to date is refused', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'Chez Quorum' });
    c.drop(isKind(KIND.append, 'n4'));
    c.drop(isKind(KIND.append, 'n5'));
    c.deliver();
    expect(c.node('n2').log).toHaveLength(1);
    c.fault({ op: 'crash', nodes: ['n1'] });
    c.expire('n4');
    c.act('n4', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest));
    const r = c.act('n2', { type: 'vote', candidate: 'n4', grant: true });
    expect(r).toMatchObject({ code: 'log_behind' });
    expect(r!.params).toMatchObject({ node: { node: 'n4' }, theirIndex: 0, myIndex: 1 });
    expect(c.act('n5', { type: 'vote', candidate: 'n4', grant: true })).toBeNull();
  });

  it('[E6] a candidate needs floor(N/2)+1 votes of the whole round, crashed nodes included', () => {
    const c = new Cluster(5);
    c.fault({ op: 'crash', nodes: ['n4', 'n5'] });
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n2'));
    c.act('n2', { type: 'vote', candidate: 'n1', grant: true });
    c.deliver(isKind(KIND.vote));
    expect(c.node('n1')).toMatchObject({ role: 'candidate', voteCount: 2 });
    expect(c.view('n1').votes).toMatchObject({ granted: 2, needed: 3 });
    c.deliver(isKind(KIND.voteRequest, 'n3'));
    c.act('n3', { type: 'vote', candidate: 'n1', grant: true });
    c.deliver(isKind(KIND.vote));
    expect(c.node('n1').role).toBe('leader');
    expect(c.marks.some((m) => m.node === 'n1' && (m.data as { event?: string }).event === 'leader')).toBe(true);
  });

  it('[E6] two live nodes of five can never elect a leader', () => {
    const c = new Cluster(5);
    c.fault({ op: 'crash', nodes: ['n3', 'n4', 'n5'] });
    for (let i = 0; i < 5; i++) {
      for (const n of ['n1', 'n2']) {
        c.expire(n);
        c.act(n, { type: 'stand' });
        c.settle();
      }
    }
    expect(c.state.leaders).toEqual([]);
    expect(election.leader!(c.state)).toBeNull();
  });

  it('[E6] majority sizes: 2 of 2, 2 of 3, 3 of 4', () => {
    expect(new Cluster(2).state.majority).toBe(2);
    expect(new Cluster(3).state.majority).toBe(2);
    expect(new Cluster(4).state.majority).toBe(3);
  });

  it('[E17] a duplicated vote is counted once, a vote from an earlier term not at all', () => {
    const c = new Cluster(5);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n2'));
    c.act('n2', { type: 'vote', candidate: 'n1', grant: true });
    const [vote] = c.take(isKind(KIND.vote));
    c.redeliver(vote!);
    c.redeliver(vote!);
    expect(c.node('n1').voteCount).toBe(2);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.redeliver(vote!);
    expect(c.node('n1')).toMatchObject({ term: 2, voteCount: 1, role: 'candidate' });
  });
});

describe('election: terms', () => {
  it('[E7] a leader that sees a higher term steps down', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n1'));
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 2, votedFor: null, lead: null });
    expect(c.timers.has(heartbeatKey('n1'))).toBe(false);
    expect(c.timers.has(timeoutKey('n1'))).toBe(true);
    expect(c.marks.some((m) => m.node === 'n1' && (m.data as { event?: string }).event === 'stepped-down')).toBe(true);
    expect(c.view('n1').notice).toMatchObject({ code: 'election.stepped_down' });
  });

  it('[E7] a candidate that hears from the winner of its term becomes a follower', () => {
    const c = new Cluster(5);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    c.drop(isKind(KIND.voteRequest, undefined, 'n2'));
    c.settle();
    expect(c.node('n1').role).toBe('leader');
    expect(c.node('n2')).toMatchObject({ role: 'follower', term: 1, leaderId: 'n1', votedFor: 'n2' });
  });

  it('[E7] a leader of an old term is told the new term and steps down', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.fault({ op: 'split', groups: [['n1'], ['n2', 'n3']] });
    c.elect('n2');
    c.fault({ op: 'heal' });
    c.beat('n1');
    c.deliver();
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 2 });
    expect(c.state.leaders).toEqual(['n2']);
  });

  it('[E8] a candidate whose timer runs out again may stand again, in a new term', () => {
    const c = new Cluster(5);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.drop();
    c.expire('n1');
    expect(c.node('n1')).toMatchObject({ role: 'candidate', term: 1, expired: true });
    expect(c.view('n1').notice).toMatchObject({ code: 'election.timer.expired_candidate', params: { term: 1, next: 2 } });
    c.act('n1', { type: 'stand' });
    expect(c.node('n1')).toMatchObject({ role: 'candidate', term: 2, voteCount: 1 });
    expect(c.state.elections).toBe(2);
  });

  it('[E9] a new leader sends AppendEntries to everyone at once, then on its heartbeat timer', () => {
    const c = new Cluster(4);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest));
    for (const n of ['n2', 'n3']) c.act(n, { type: 'vote', candidate: 'n1', grant: true });
    c.deliver(isKind(KIND.vote));
    expect(c.node('n1').role).toBe('leader');
    expect(c.outbox.filter(isKind(KIND.append)).map((e) => e.to)).toEqual(['n2', 'n3', 'n4']);
    const at = c.timers.get(heartbeatKey('n1'))!;
    expect(at).toBeGreaterThanOrEqual(40);
    expect(at).toBeLessThanOrEqual(60);
    c.drop();
    c.beat('n1');
    expect(c.outbox.filter(isKind(KIND.append))).toHaveLength(3);
    expect(c.view('n1').lead).toMatchObject({ heartbeatsSent: 2, peers: 3 });
  });

  it('[E9] a stale heartbeat timer of a node that stepped down sends nothing', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.settle();
    c.drop();
    c.beat('n1');
    expect(c.outbox).toHaveLength(0);
  });
});
