import { describe, expect, it } from 'vitest';
import { electionResult } from './analysis';
import { election } from './engine';
import { timeoutKey } from './step';
import { Cluster } from '../../../test/support/election';
import { KIND } from './config';
import { LOG_MAX, type AppendBody } from './state';

const isKind = (kind: string, to?: string, from?: string) => (e: { kind: string; to: string; from: string }) =>
  e.kind === kind && (to === undefined || e.to === to) && (from === undefined || e.from === from);
const NO_NET = { sent: 0, delivered: 0, duplicated: 0, dropped: { crashed: 0, partition: 0, loss: 0 } };
const values = (c: Cluster, n: string) => c.node(n).log.map((e) => e.value);

describe('election: proposals', () => {
  it('[E10] only the leader proposes', () => {
    const c = new Cluster(3);
    c.elect('n1');
    expect(c.act('n2', { type: 'propose', value: 'Chez Quorum' })).toMatchObject({ code: 'not_leader' });
    expect(c.act('n1', { type: 'propose', value: '  Chez Quorum  ' })).toBeNull();
    expect(c.node('n1').log).toEqual([{ term: 1, value: 'Chez Quorum', by: 'n1' }]);
  });

  it('[E10] a value is 1 to 40 characters', () => {
    expect(election.action.safeParse({ type: 'propose', value: '   ' }).success).toBe(false);
    expect(election.action.safeParse({ type: 'propose', value: 'x'.repeat(41) }).success).toBe(false);
    expect(election.action.safeParse({ type: 'propose', value: 'x'.repeat(40) }).success).toBe(true);
  });

  it('[E10] at most one uncommitted proposal of its own at a time', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    expect(c.act('n1', { type: 'propose', value: 'B' })).toMatchObject({ code: 'proposal_pending' });
    expect(c.view('n1').lead?.proposeBlocked).toEqual({ code: 'proposal_pending', params: { value: 'A' } });
    c.settle();
    expect(c.node('n1').commitIndex).toBe(1);
    expect(c.act('n1', { type: 'propose', value: 'B' })).toBeNull();
  });

  it('[E10] the log holds at most LOG_MAX entries', () => {
    const c = new Cluster(3);
    c.elect('n1');
    const n1 = c.node('n1');
    n1.log = Array.from({ length: LOG_MAX }, () => ({ term: 1, value: 'x', by: 'n1' }));
    n1.commitIndex = LOG_MAX;
    expect(c.act('n1', { type: 'propose', value: 'one more' })).toMatchObject({ code: 'log_full' });
  });
});

describe('election: replication and commit', () => {
  it("[E11] a conflicting uncommitted entry is replaced by the new leader's", () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.deliver(isKind(KIND.append, 'n2'));
    c.drop();
    c.fault({ op: 'crash', nodes: ['n1'] });
    expect(values(c, 'n2')).toEqual(['A']);
    c.expire('n3');
    c.act('n3', { type: 'stand' });
    c.settle();
    expect(c.node('n3')).toMatchObject({ role: 'leader', term: 2 });
    c.act('n3', { type: 'propose', value: 'B' });
    c.settle();
    expect(values(c, 'n2')).toEqual(['B']);
    expect(c.node('n2').log[0]!.term).toBe(2);
  });

  it('[E11] a follower missing entries refuses, and the leader backs up until the logs match', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.fault({
      op: 'split',
      groups: [
        ['n1', 'n2', 'n3'],
        ['n4', 'n5'],
      ],
    });
    for (const v of ['A', 'B', 'C']) {
      c.act('n1', { type: 'propose', value: v });
      c.settle();
    }
    expect(c.node('n1').commitIndex).toBe(3);
    expect(values(c, 'n4')).toEqual([]);
    c.fault({ op: 'heal' });
    c.fault({ op: 'crash', nodes: ['n1'] });
    // n2 wins term 2 believing every follower holds its 3 entries: n4 must refuse first.
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    const replies: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      c.deliver((e) => {
        if (e.kind === KIND.appendReply && e.from === 'n4') replies.push((e.body as { success: boolean }).success);
        return true;
      });
      for (const n of ['n3', 'n4', 'n5']) if (c.node(n).pending.length) c.act(n, { type: 'vote', candidate: 'n2', grant: true });
    }
    expect(c.node('n2').role).toBe('leader');
    expect(replies[0]).toBe(false);
    expect(replies.at(-1)).toBe(true);
    expect(values(c, 'n4')).toEqual(['A', 'B', 'C']);
  });

  it('[E12] the leader commits once a majority stores the entry; followers learn it with the next heartbeat', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'Chez Quorum' });
    c.deliver((e) => e.to === 'n2' || (e.kind === KIND.appendReply && e.from === 'n2'));
    expect(c.node('n1').commitIndex).toBe(0);
    expect(c.view('n1').lead?.proposal).toMatchObject({ value: 'Chez Quorum', storedBy: 2, needed: 3 });
    c.deliver((e) => e.to === 'n3' || (e.kind === KIND.appendReply && e.from === 'n3'));
    expect(c.node('n1').commitIndex).toBe(1);
    expect(c.state.committed).toMatchObject([{ index: 1, value: 'Chez Quorum', term: 1, by: 'n1' }]);
    expect(c.marks.some((m) => (m.data as { event?: string }).event === 'committed')).toBe(true);
    expect(c.node('n2').commitIndex).toBe(0);
    expect(c.view('n2').decision).toMatchObject({ latest: { value: 'Chez Quorum', committed: false }, committed: null });
    c.drop();
    c.beat('n1');
    c.deliver();
    expect(c.view('n2').decision).toMatchObject({ latest: { value: 'Chez Quorum', committed: true }, committed: { value: 'Chez Quorum' } });
  });

  it("[E12] an entry of an earlier term is not committed by counting, only with one of the leader's term", () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.deliver(isKind(KIND.append, 'n2'));
    c.drop();
    c.fault({ op: 'crash', nodes: ['n1'] });
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.settle();
    expect(c.node('n2')).toMatchObject({ role: 'leader', term: 2 });
    // A@1 is now on n1, n2, n3, n4, n5: a majority, but of term 1.
    expect(values(c, 'n3')).toEqual(['A']);
    expect(c.node('n2').commitIndex).toBe(0);
    expect(c.state.committed).toEqual([]);
    c.act('n2', { type: 'propose', value: 'B' });
    c.settle();
    expect(c.node('n2').commitIndex).toBe(2);
    expect(c.state.committed.map((e) => e.value)).toEqual(['A', 'B']);
  });

  it('[E13] a leader cut off from the majority cannot commit; after the heal it steps down and its entry is replaced', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.fault({
      op: 'split',
      groups: [
        ['n1', 'n2'],
        ['n3', 'n4', 'n5'],
      ],
    });
    c.act('n1', { type: 'propose', value: 'Minority Pizza' });
    for (let i = 0; i < 5; i++) {
      c.beat('n1');
      c.deliver();
    }
    expect(c.node('n1')).toMatchObject({ role: 'leader', commitIndex: 0 });
    expect(values(c, 'n2')).toEqual(['Minority Pizza']);
    c.elect('n3');
    c.act('n3', { type: 'propose', value: 'Majority Sushi' });
    c.settle();
    expect(c.node('n3').commitIndex).toBe(1);
    c.fault({ op: 'heal' });
    c.beat('n1');
    c.deliver();
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 2 });
    c.beat('n3');
    c.deliver();
    for (const n of c.nodes) expect(values(c, n)).toEqual(['Majority Sushi']);
    expect(c.state.committed.map((e) => e.value)).toEqual(['Majority Sushi']);
    expect(c.state.violations).toEqual([]);
  });

  it('[E17] a duplicated acknowledgement counts once', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.deliver(isKind(KIND.append, 'n2'));
    const [ack] = c.take(isKind(KIND.appendReply, 'n1', 'n2'));
    for (let i = 0; i < 3; i++) c.redeliver(ack!);
    expect(c.node('n1').commitIndex).toBe(0);
    expect(c.view('n1').lead?.proposal?.storedBy).toBe(2);
  });

  it('[E17] an acknowledgement from an earlier term counts for nothing', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.deliver(isKind(KIND.append, 'n2'));
    const [ack] = c.take(isKind(KIND.appendReply, 'n1', 'n2'));
    c.drop();
    // n1 loses and wins again in term 3 (n2 and n3 stand in between).
    c.expire('n2');
    c.act('n2', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n1'));
    c.drop();
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n3'));
    c.act('n3', { type: 'vote', candidate: 'n1', grant: true });
    c.deliver(isKind(KIND.vote));
    c.drop();
    expect(c.node('n1')).toMatchObject({ role: 'leader', term: 3 });
    c.redeliver(ack!);
    expect(c.node('n1').lead!.matchIndex).toEqual({});
  });
});

describe('election: crashes', () => {
  it('[E14] a crashed node loses its memory but keeps term, vote and log, and restarts as a follower', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.settle();
    c.fault({ op: 'crash', nodes: ['n1'] });
    expect(c.node('n1')).toMatchObject({ down: true, role: 'follower', term: 1, votedFor: 'n1', commitIndex: 1, lead: null });
    expect(c.node('n1').log).toHaveLength(1);
    expect(c.view('n1').crashed).toBe(true);
    expect(c.timers.has(timeoutKey('n1'))).toBe(false);
    expect(election.leader!(c.state)).toBeNull();
    c.fault({ op: 'restart', nodes: ['n1'] });
    expect(c.node('n1')).toMatchObject({ down: false, role: 'follower', term: 1 });
    expect(c.timers.has(timeoutKey('n1'))).toBe(true);
    expect(c.view('n1').notice).toMatchObject({ code: 'election.restarted', params: { term: 1 } });
  });

  it('[E14] a crashed node cannot act and its timers are ignored; pending requests are forgotten', () => {
    const c = new Cluster(3);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.deliver(isKind(KIND.voteRequest, 'n2'));
    c.fault({ op: 'crash', nodes: ['n2'] });
    expect(c.node('n2').pending).toEqual([]);
    expect(c.act('n2', { type: 'vote', candidate: 'n1', grant: true })).toMatchObject({ code: 'crashed' });
    c.expire('n2');
    expect(c.node('n2').expired).toBe(false);
  });

  it('[E14] a node that left the room is noticed when its timer fires', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.gone.add('n1');
    c.beat('n1');
    expect(c.node('n1')).toMatchObject({ down: true, role: 'follower' });
    expect(c.state.leaders).toEqual([]);
  });
});

describe('election: stale leaders and safety', () => {
  it('[E15] a leader in a minority is stale; the console warns, its own view does not', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.now = 1000;
    c.fault({
      op: 'split',
      groups: [
        ['n1', 'n2'],
        ['n3', 'n4', 'n5'],
      ],
    });
    expect(c.console().staleLeaders).toMatchObject([{ node: 'n1', reason: 'minority', since: 1000 }]);
    expect(c.console().leaders).toMatchObject([{ node: 'n1', stale: 'minority' }]);
    expect(JSON.stringify(c.view('n1'))).not.toMatch(/stale|minority/);
    expect(c.view('n1').role).toBe('leader');
    c.now = 1500;
    c.elect('n3');
    expect(c.console().staleLeaders).toMatchObject([{ node: 'n1', reason: 'superseded' }]);
    expect(c.console().leader).toMatchObject({ node: 'n3', term: 2 });
    c.now = 4000;
    c.fault({ op: 'heal' });
    c.beat('n1');
    c.deliver();
    expect(c.console().staleLeaders).toEqual([]);
    const r = electionResult(c.state, NO_NET);
    expect(r).toMatchObject({
      stale: { count: 1, totalMs: 3000, longestMs: 3000, periods: [{ node: 'n1', term: 1, from: 1000, to: 4000, open: false }] },
    });
  });

  it("[E15] a node cut off alone that keeps standing does not make the majority's leader stale", () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.fault({ op: 'isolate', nodes: ['n5'] });
    for (let i = 0; i < 3; i++) {
      c.expire('n5');
      c.act('n5', { type: 'stand' });
      c.deliver();
    }
    expect(c.state.maxTerm).toBe(4);
    c.beat('n1');
    c.deliver();
    expect(c.console().staleLeaders).toEqual([]);
    c.act('n1', { type: 'propose', value: 'Still fine' });
    c.settle();
    expect(c.node('n1').commitIndex).toBe(1);
  });

  it('[E15] a stale period still open when the round ends is measured to the end', () => {
    const c = new Cluster(3);
    c.elect('n1');
    c.now = 100;
    c.fault({ op: 'isolate', nodes: ['n1'] });
    c.now = 900;
    c.beat('n1');
    const r = electionResult(c.state, NO_NET);
    expect(r.stale).toMatchObject({ count: 1, totalMs: 800, periods: [{ open: true, to: 900 }] });
  });

  it('[E16] a second leader in a term is reported as a violation', () => {
    const c = new Cluster(5);
    for (const n of ['n1', 'n2']) {
      c.expire(n);
      c.act(n, { type: 'stand' });
    }
    c.deliver(isKind(KIND.voteRequest));
    c.act('n3', { type: 'vote', candidate: 'n1', grant: true });
    c.act('n4', { type: 'vote', candidate: 'n1', grant: true });
    // Tamper: make n3 and n4 forget their votes, which the rules never allow.
    c.node('n3').votedFor = null;
    c.node('n4').votedFor = null;
    c.act('n3', { type: 'vote', candidate: 'n2', grant: true });
    c.act('n4', { type: 'vote', candidate: 'n2', grant: true });
    c.deliver(isKind(KIND.vote));
    expect(c.state.maxLeadersPerTerm).toBe(2);
    expect(c.state.violations).toContainEqual(
      expect.objectContaining({ code: 'election.violation.leaders', params: expect.objectContaining({ count: 2, term: 1 }) }),
    );
    expect(c.console().safety.maxLeadersPerTerm).toBe(2);
  });

  it('[E16] a committed entry held differently somewhere is reported as a violation', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.drop(isKind(KIND.append, 'n4'));
    c.settle();
    expect(c.state.committed).toHaveLength(1);
    c.node('n4').log = [{ term: 1, value: 'Z', by: 'n1' }];
    c.beat('n1');
    c.deliver();
    expect(c.state.violations.map((v) => v.code)).toContain('election.violation.diverged');
  });

  it("[E12][E16] Raft's figure 8: an old entry on a majority is not committed, so a later leader may replace it", () => {
    const c = new Cluster(5);
    const standUntil = (node: string, leads: boolean) => {
      for (let i = 0; i < 5 && c.node(node).role !== 'leader'; i++) {
        c.expire(node);
        c.act(node, { type: 'stand' });
        c.settle();
      }
      expect(c.node(node).role === 'leader').toBe(leads);
    };
    // n1 leads term 1; its entry A reaches n2 only.
    standUntil('n1', true);
    c.act('n1', { type: 'propose', value: 'A' });
    c.deliver(isKind(KIND.append, 'n2'));
    c.drop();
    // n5 leads term 2 with n3 and n4; its entry B reaches nobody.
    c.fault({ op: 'crash', nodes: ['n1'] });
    standUntil('n5', true);
    c.act('n5', { type: 'propose', value: 'B' });
    c.drop();
    // n1 leads term 3 and copies A to n3: A is on a majority, but of term 1.
    c.fault({ op: 'crash', nodes: ['n5'] });
    c.fault({ op: 'restart', nodes: ['n1'] });
    standUntil('n1', true);
    expect(['n1', 'n2', 'n3'].map((n) => values(c, n))).toEqual([['A'], ['A'], ['A']]);
    expect(c.state.committed).toEqual([]);
    // n5 comes back and wins with its later last term: A goes, and that is safe.
    c.fault({ op: 'crash', nodes: ['n1'] });
    c.fault({ op: 'restart', nodes: ['n5'] });
    standUntil('n5', true);
    c.beat('n5');
    c.settle();
    expect(values(c, 'n2')).toEqual(['B']);
    expect(c.state.violations).toEqual([]);
  });

  it('[E16] a correct run has no violation', () => {
    const c = new Cluster(5);
    c.elect('n1');
    c.act('n1', { type: 'propose', value: 'A' });
    c.settle();
    c.beat('n1');
    c.deliver();
    expect(c.state.violations).toEqual([]);
    for (const n of c.nodes) expect(c.node(n).commitIndex).toBe(1);
    const body = c.outbox.find((e) => e.kind === KIND.append)?.body as AppendBody | undefined;
    expect(body).toBeUndefined();
  });
});
