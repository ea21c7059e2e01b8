import { describe, expect, it } from 'vitest';
import type { ConsoleNode } from '../../../shared/protocol/views';
import { tooFastFor } from './paceCheck';

const node = (id: string, kind: 'human' | 'bot', autopilot = false, status: ConsoleNode['status'] = 'active'): ConsoleNode => ({
  id,
  nickname: id,
  kind,
  status,
  connected: true,
  since: 0,
  autopilot,
  crashed: false,
  group: 'A',
  inRound: false,
});

describe('rounds people can play', () => {
  const room = [node('n1', 'human'), node('n2', 'human', true), node('n3', 'bot'), node('n4', 'human', false, 'left')];

  it('a fast election names the human phones that are not on autopilot', () => {
    expect(tooFastFor('election', { pace: 'fast' }, room).map((n) => n.id)).toEqual(['n1']);
  });

  it('the class pace, slow enough overrides, bots only and other games are fine', () => {
    expect(tooFastFor('election', { pace: 'class' }, room)).toEqual([]);
    expect(tooFastFor('election', {}, room)).toEqual([]);
    expect(tooFastFor('election', { pace: 'fast', timeoutMs: [3_000, 5_000] }, room)).toEqual([]);
    expect(tooFastFor('election', { pace: 'fast' }, [node('n3', 'bot')])).toEqual([]);
    expect(tooFastFor('gossip', { roundMs: 100 }, room)).toEqual([]);
  });

  it('a class pace with too short an override is too fast as well', () => {
    expect(tooFastFor('election', { pace: 'class', timeoutMs: [200, 400] }, room).map((n) => n.id)).toEqual(['n1']);
  });
});
