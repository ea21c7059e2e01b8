import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { applyFaultOp, defaultFaults, type Faults } from './faults';
import { blockedBy, decide } from './network';

const env = { from: 'n1', to: 'n2' };
const outcomes = (faults: Faults, seed: number, count: number) => {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => decide(env, faults, rng, i * 10));
};

describe('network fault model', () => {
  it('delivers after the base latency when there are no faults', () => {
    const out = decide(env, defaultFaults({ base: 40, jitter: 0 }), createRng(1), 100);
    expect(out).toEqual({ deliver: true, at: [140] });
  });

  it('drops with reason "crashed" when the sender or the receiver is crashed', () => {
    const f = applyFaultOp(defaultFaults(), { op: 'crash', nodes: ['n2'] });
    expect(decide(env, f, createRng(1), 0)).toEqual({ deliver: false, reason: 'crashed' });
    expect(decide({ from: 'n2', to: 'n3' }, f, createRng(1), 0)).toEqual({ deliver: false, reason: 'crashed' });
    const back = applyFaultOp(f, { op: 'restart', nodes: ['n2'] });
    expect(decide(env, back, createRng(1), 0).deliver).toBe(true);
  });

  it('treats nodes gone from the room as crashed', () => {
    expect(decide(env, defaultFaults(), createRng(1), 0, new Set(['n1']))).toEqual({ deliver: false, reason: 'crashed' });
  });

  it('drops with reason "partition" across groups, both ways, until healed', () => {
    const f = applyFaultOp(defaultFaults(), { op: 'split', groups: [['n1', 'n3'], ['n2']] });
    expect(decide(env, f, createRng(1), 0)).toEqual({ deliver: false, reason: 'partition' });
    expect(decide({ from: 'n2', to: 'n1' }, f, createRng(1), 0)).toEqual({ deliver: false, reason: 'partition' });
    expect(decide({ from: 'n1', to: 'n3' }, f, createRng(1), 0).deliver).toBe(true);
    expect(decide(env, applyFaultOp(f, { op: 'heal' }), createRng(1), 0).deliver).toBe(true);
  });

  it('supports one-way cuts: an open link carries one direction only', () => {
    let f = applyFaultOp(defaultFaults(), { op: 'split', groups: [['n1'], ['n2']] });
    f = applyFaultOp(f, { op: 'link', from: 'A', to: 'B', open: true });
    expect(blockedBy(f, 'n1', 'n2')).toBeNull();
    expect(blockedBy(f, 'n2', 'n1')).toBe('partition');
  });

  it('checks crashes before partitions', () => {
    let f = applyFaultOp(defaultFaults(), { op: 'split', groups: [['n1'], ['n2']] });
    f = applyFaultOp(f, { op: 'crash', nodes: ['n1'] });
    expect(blockedBy(f, 'n1', 'n2')).toBe('crashed');
  });

  it('drops with reason "loss" at about the loss rate', () => {
    const f = applyFaultOp(defaultFaults(), { op: 'loss', rate: 0.3 });
    const lost = outcomes(f, 7, 10_000).filter((o) => !o.deliver && o.reason === 'loss').length;
    expect(lost / 10_000).toBeGreaterThan(0.27);
    expect(lost / 10_000).toBeLessThan(0.33);
  });

  it('applies per-link loss to that directed link only', () => {
    const f = applyFaultOp(defaultFaults(), { op: 'linkLoss', from: 'n1', to: 'n2', rate: 1 });
    expect(decide(env, f, createRng(1), 0)).toEqual({ deliver: false, reason: 'loss' });
    expect(decide({ from: 'n2', to: 'n1' }, f, createRng(1), 0).deliver).toBe(true);
    const both = applyFaultOp(defaultFaults(), { op: 'linkLoss', from: 'n1', to: 'n2', rate: 1, both: true });
    expect(decide({ from: 'n2', to: 'n1' }, both, createRng(1), 0).deliver).toBe(false);
  });

  it('spreads latency over base..base+jitter, so a later message can arrive first', () => {
    const f = applyFaultOp(defaultFaults(), { op: 'latency', base: 100, jitter: 200 });
    const all = outcomes(f, 3, 500);
    const times = all.map((o) => (o.deliver ? o.at[0]! : NaN));
    all.forEach((o, i) => {
      expect(o.deliver).toBe(true);
      expect(times[i]! - i * 10).toBeGreaterThanOrEqual(100);
      expect(times[i]! - i * 10).toBeLessThanOrEqual(300);
    });
    const overtaken = times.some((t, i) => i > 0 && t < times[i - 1]!);
    expect(overtaken).toBe(true);
  });

  it('duplicates at about the duplication rate, each copy with its own latency', () => {
    let f = applyFaultOp(defaultFaults(), { op: 'dup', rate: 0.5 });
    f = applyFaultOp(f, { op: 'latency', base: 10, jitter: 50 });
    const all = outcomes(f, 11, 4000);
    const dups = all.filter((o) => o.deliver && o.at.length === 2);
    expect(dups.length / 4000).toBeGreaterThan(0.45);
    expect(dups.length / 4000).toBeLessThan(0.55);
    expect(dups.some((o) => o.deliver && o.at[0] !== o.at[1])).toBe(true);
  });

  it('is deterministic: the same seed gives the same outcomes', () => {
    let f = applyFaultOp(defaultFaults(), { op: 'loss', rate: 0.2 });
    f = applyFaultOp(f, { op: 'latency', base: 5, jitter: 30 });
    f = applyFaultOp(f, { op: 'dup', rate: 0.1 });
    expect(outcomes(f, 42, 300)).toEqual(outcomes(f, 42, 300));
    expect(outcomes(f, 42, 300)).not.toEqual(outcomes(f, 43, 300));
  });
});
