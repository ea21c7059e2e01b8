// [E18] Processing time: each message a node receives waits in its queue and is handled, in
// arrival order, one processing time after the previous one; each timer fires a processing
// time late. The hand-driven cluster fires the queue's timer itself.

import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../test/support/election';
import { KIND } from './config';
import { processKey, timeoutKey } from './step';

const config = { pace: 'fast', timeoutMs: [150, 150], heartbeatMs: [75, 75], processingMs: [2, 4] };

describe('election: processing time', () => {
  it('[E18] a timer fires its nominal time plus a processing time from the range', () => {
    const c = new Cluster(3, config);
    for (const n of c.nodes) {
      const at = c.timers.get(timeoutKey(n))!;
      expect(at).toBeGreaterThanOrEqual(152);
      expect(at).toBeLessThanOrEqual(154);
    }
    expect(new Set(c.nodes.map((n) => c.timers.get(timeoutKey(n)))).size).toBe(3);
  });

  it('[E18] a message takes effect only when the node has processed it, in arrival order', () => {
    const c = new Cluster(3, config);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    // n2 receives the request: nothing happens until its queue's timer fires.
    c.deliver((e) => e.kind === KIND.voteRequest && e.to === 'n2');
    expect(c.node('n2').pending).toEqual([]);
    expect(c.node('n2').inbox).toHaveLength(1);
    const due = c.timers.get(processKey('n2'))!;
    expect(due - c.now).toBeGreaterThanOrEqual(2);
    expect(due - c.now).toBeLessThanOrEqual(4);
    c.fire(processKey('n2'));
    expect(c.node('n2').inbox).toEqual([]);
    expect(c.node('n2').pending.map((p) => p.candidate)).toEqual(['n1']);
    expect(c.timers.has(processKey('n2'))).toBe(false);
  });

  it('[E18] two messages queue: the second waits for the first, and a crash empties the queue', () => {
    const c = new Cluster(3, config);
    c.expire('n1');
    c.act('n1', { type: 'stand' });
    c.expire('n3');
    c.act('n3', { type: 'stand' });
    c.deliver((e) => e.kind === KIND.voteRequest && e.to === 'n2');
    expect(c.node('n2').inbox.map((e) => e.from)).toEqual(['n1', 'n3']);
    c.fire(processKey('n2'));
    expect(c.node('n2').pending.map((p) => p.candidate)).toEqual(['n1']);
    expect(c.timers.has(processKey('n2'))).toBe(true);
    c.fault({ op: 'crash', nodes: ['n2'] });
    expect(c.node('n2').inbox).toEqual([]);
    expect(c.timers.has(processKey('n2'))).toBe(false);
  });
});
