import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { GAMES } from '../../../test/support/games';

const BASE = ['--game', 'election', '--nodes', '5', '--timeout', '150-300', '--latency', '5-10', '--seed', '1'];

describe('election: simulator', () => {
  it('prints the trials and the summary the issue asks for', () => {
    const out = simulate([...BASE, '--trials', '12', '--duration', '2000'], GAMES);
    expect(out.game).toBe('election');
    expect(out.trials).toHaveLength(12);
    for (const t of out.trials) {
      expect(t).toMatchObject({ terms: expect.any(Number), splitVotes: expect.any(Number), maxLeadersPerTerm: 1 });
      expect(t.firstLeaderMs).toBeGreaterThanOrEqual(150);
      expect(t.committed).toEqual([expect.any(String)]);
      expect((t.leaderIds as string[]).length).toBeGreaterThan(0);
      expect(t.endedAt).toBeLessThanOrEqual(2000);
    }
    const s = out.summary as { firstLeaderMs: { median: number; p95: number }; maxLeadersPerTerm: number; safetyViolations: number };
    expect(s.firstLeaderMs.median).toBeGreaterThanOrEqual(150);
    expect(s.firstLeaderMs.p95).toBeGreaterThanOrEqual(s.firstLeaderMs.median);
    expect(s.firstLeaderMs.p95).toBeLessThan(1000);
    expect(s.maxLeadersPerTerm).toBe(1);
    expect(s.safetyViolations).toBe(0);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('[E13][E15] runs the fault flags: a crashed leader is replaced, a split leader goes stale, safety holds', () => {
    const out = simulate(
      [
        ...BASE,
        '--trials',
        '6',
        '--crash',
        'leader@1000',
        '--restart',
        '@1500',
        '--partition',
        '3,2@2000',
        '--heal',
        '@4000',
        '--loss',
        '0.05',
        '--dup',
        '0.05',
        '--duration',
        '5000',
      ],
      GAMES,
    );
    const s = out.summary as Record<string, unknown> & { staleLeaders: { total: number }; messages: { dropped: Record<string, number> } };
    expect(s.maxLeadersPerTerm).toBe(1);
    expect(s.safetyViolations).toBe(0);
    expect(s.messages.dropped.partition).toBeGreaterThan(0);
    expect(s.messages.dropped.crashed).toBeGreaterThan(0);
    for (const t of out.trials) {
      expect((t.leaderIds as string[]).length).toBeGreaterThan(1);
      expect((t.committed as string[]).length).toBeGreaterThan(1);
    }
  });

  it('is deterministic for a seed, and refuses bad flags with a readable message', () => {
    const a = simulate([...BASE, '--trials', '3', '--duration', '1000'], GAMES);
    expect(simulate([...BASE, '--trials', '3', '--duration', '1000'], GAMES)).toEqual(a);
    expect(() => simulate([...BASE, '--pace', 'slow'], GAMES)).toThrow(/--pace/);
    expect(() => simulate([...BASE.slice(0, 4), '--timeout', '300-150'], GAMES)).toThrow(/--timeout/);
    expect(() => simulate([...BASE, '--heartbeat', 'often'], GAMES)).toThrow(/--heartbeat/);
  });
});
