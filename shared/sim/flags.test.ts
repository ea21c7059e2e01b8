import { describe, expect, it } from 'vitest';
import { faultsFromFlags, parseArgs, scheduleFromFlags } from './flags';

describe('simulator flags', () => {
  it('parses values, bare flags and repeated fault flags into a sorted schedule', () => {
    const args = parseArgs([
      '--nodes',
      '5',
      '--json',
      '--partition',
      '3,2@2000',
      '--heal',
      '@6000',
      '--crash',
      'leader@1000',
      '--latency=5-10',
    ]);
    expect(args.flags).toEqual({ nodes: '5', json: true, latency: '5-10' });
    expect(scheduleFromFlags(args, 5)).toEqual([
      { at: 1000, action: { do: 'crash', who: 'leader' } },
      {
        at: 2000,
        action: {
          do: 'fault',
          op: {
            op: 'split',
            groups: [
              ['n1', 'n2', 'n3'],
              ['n4', 'n5'],
            ],
          },
        },
      },
      { at: 6000, action: { do: 'fault', op: { op: 'heal' } } },
    ]);
    expect(faultsFromFlags(args.flags).latency).toEqual({ base: 5, jitter: 5 });
  });

  it('explains bad flags', () => {
    expect(() => scheduleFromFlags(parseArgs(['--partition', '3,3@100']), 5)).toThrow(/add up to 6, not 5/);
    expect(() => scheduleFromFlags(parseArgs(['--crash', 'boss@100']), 5)).toThrow(/leader/);
    expect(() => faultsFromFlags(parseArgs(['--loss', '2']).flags)).toThrow(/between 0 and 1/);
    expect(() => faultsFromFlags(parseArgs(['--latency', 'fast']).flags)).toThrow(/150-300/);
    expect(() => parseArgs(['nodes'])).toThrow(/Unexpected argument/);
  });
});
