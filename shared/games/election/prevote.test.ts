// [E19] Pre-vote (Ongaro's thesis, section 9.6) and [E20] CheckQuorum (section 6.2).

import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../test/support/election';
import { GAMES } from '../../../test/support/games';
import { defaultFaults } from '../../net/faults';
import { deriveSeed } from '../../rng';
import { runTrial } from '../../sim/runner';
import type { ElectionResult } from './analysis';
import { electionConfig, KIND } from './config';
import { quorumKey, timeoutKey } from './step';

/** Five bots; a follower cut off at 1 s and healed at 4 s (some 15 election timeouts later). */
function isolateAndHeal(seed: number, preVote: boolean): ElectionResult {
  const outcome = runTrial(
    {
      game: 'election',
      nodes: 5,
      seed,
      config: electionConfig.parse({ pace: 'fast', ...(preVote ? { preVote: true } : {}) }),
      faults: defaultFaults({ base: 3, jitter: 1 }),
      schedule: [
        { at: 1_000, action: { do: 'drill', name: 'isolate-follower' } },
        { at: 4_000, action: { do: 'fault', op: { op: 'heal' } } },
      ],
      maxTimeMs: 7_000,
    },
    GAMES,
  );
  return outcome.result as ElectionResult;
}

describe('election: pre-vote', () => {
  it("[E19] an isolated node that heals does not raise the leader's term: the leader of the start still leads, in its term", () => {
    for (let i = 0; i < 8; i++) {
      const r = isolateAndHeal(deriveSeed(11, `t${i}`), true);
      expect(r.leadersPerTerm, `trial ${i}`).toHaveLength(1);
      expect(r.terms).toBe(r.leadersPerTerm[0]!.term);
      expect(r.safety.ok).toBe(true);
    }
  });

  it('[E19] without pre-vote the same node comes back with a higher term and unseats the leader (the lesson)', () => {
    const unseated = Array.from({ length: 8 }, (_, i) => isolateAndHeal(deriveSeed(11, `t${i}`), false)).filter(
      (r) => r.leadersPerTerm.length > 1 && r.terms > r.leadersPerTerm[0]!.term + 5,
    );
    expect(unseated.length).toBeGreaterThanOrEqual(6);
  });

  it('[E19] standing sends pre-vote requests for term + 1 and keeps the term; a majority of yeses makes it stand for real', () => {
    const c = new Cluster(5, { pace: 'fast', preVote: true });
    c.expire('n1');
    expect(c.act('n1', { type: 'stand' })).toBeNull();
    expect(c.node('n1')).toMatchObject({ term: 0, role: 'follower', preVote: { term: 1, count: 1 } });
    expect(c.outbox.filter((e) => e.kind === KIND.preVoteRequest).map((e) => e.body)).toEqual(
      Array(4).fill({ term: 1, lastLogIndex: 0, lastLogTerm: 0 }),
    );
    expect(c.outbox.some((e) => e.kind === KIND.voteRequest)).toBe(false);
    // Answering changes nothing at the voters: not their term, their vote or their timer.
    const timers = c.nodes.map((n) => c.timers.get(timeoutKey(n)));
    c.deliver((e) => e.kind === KIND.preVoteRequest);
    expect(c.nodes.slice(1).map((n) => [c.node(n).term, c.node(n).votedFor])).toEqual(Array(4).fill([0, null]));
    expect(c.nodes.slice(1).map((n) => c.timers.get(timeoutKey(n)))).toEqual(timers.slice(1));
    // Two yeses: 3 of 5 with its own. It stands for term 1 at once.
    c.deliver((e) => e.kind === KIND.preVote && (e.from === 'n2' || e.from === 'n3'));
    expect(c.node('n1')).toMatchObject({ term: 1, role: 'candidate', preVote: null });
    expect(c.outbox.filter((e) => e.kind === KIND.voteRequest)).toHaveLength(4);
  });

  it('[E19] a node that heard from its leader within the minimum election timeout says no, and so does the leader', () => {
    const c = new Cluster(5, { pace: 'fast', preVote: true, timeoutMs: [150, 300] });
    c.elect('n1');
    c.now = 100;
    c.beat('n1');
    c.settle();
    // n5 is cut off from the heartbeats; at 200 ms it asks. n2…n4 heard from n1 100 ms ago.
    c.now = 200;
    c.expire('n5');
    c.act('n5', { type: 'stand' });
    c.deliver((e) => e.kind === KIND.preVoteRequest);
    const answers = c.take((e) => e.kind === KIND.preVote);
    expect(answers.map((e) => [e.from, (e.body as { granted: boolean }).granted])).toEqual([
      ['n1', false],
      ['n2', false],
      ['n3', false],
      ['n4', false],
    ]);
    // 300 ms after the last heartbeat (the leader gone quiet), the followers say yes.
    c.now = 400;
    c.expire('n5');
    c.act('n5', { type: 'stand' });
    c.deliver((e) => e.kind === KIND.preVoteRequest && e.to !== 'n1');
    expect(c.take((e) => e.kind === KIND.preVote).every((e) => (e.body as { granted: boolean }).granted)).toBe(true);
  });

  it('[E19] a refusal from a node in a later term brings the asker up to that term', () => {
    const c = new Cluster(3, { pace: 'fast', preVote: true });
    c.elect('n1');
    c.node('n2').term = 4;
    c.expire('n3');
    c.act('n3', { type: 'stand' });
    c.deliver((e) => e.kind === KIND.preVoteRequest && e.to === 'n2');
    c.deliver((e) => e.kind === KIND.preVote);
    expect(c.node('n3')).toMatchObject({ term: 4, role: 'follower', preVote: null });
  });
});

describe('election: CheckQuorum', () => {
  it('[E20] a leader that hears from no majority for a minimum election timeout steps down; one that does stays', () => {
    const c = new Cluster(5, { pace: 'fast', checkQuorum: true, timeoutMs: [150, 300] });
    c.elect('n1');
    c.now = 100;
    c.beat('n1');
    c.settle();
    c.now = 150;
    c.fire(quorumKey('n1'));
    expect(c.node('n1').role).toBe('leader');
    expect(c.timers.get(quorumKey('n1'))).toBe(300);
    c.fault({ op: 'isolate', nodes: ['n1'] });
    c.now = 200;
    c.beat('n1');
    c.settle();
    c.now = 300;
    c.fire(quorumKey('n1'));
    expect(c.node('n1')).toMatchObject({ role: 'follower', term: 1 });
    expect(c.marks.some((m) => (m.data as { event?: string } | undefined)?.event === 'check-quorum')).toBe(true);
  });

  it('[E20] without CheckQuorum the cut-off leader keeps leading (a stale leader, [E15])', () => {
    const c = new Cluster(5, { pace: 'fast', timeoutMs: [150, 300] });
    c.elect('n1');
    expect(c.timers.has(quorumKey('n1'))).toBe(false);
    c.fault({ op: 'isolate', nodes: ['n1'] });
    c.now = 1_000;
    c.fire(quorumKey('n1'));
    expect(c.node('n1').role).toBe('leader');
  });
});
