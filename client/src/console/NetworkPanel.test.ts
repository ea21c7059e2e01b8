import { describe, expect, it } from 'vitest';
import { mergedLog } from './NetworkPanel';

describe('the fault log', () => {
  it('shows the steps of one gesture (the same setting, moments apart) as their last one', () => {
    const log = [
      { t: 1000, text: 'loss 10%' },
      { t: 1400, text: 'loss 20%' },
      { t: 1800, text: 'loss 35%' },
      { t: 2000, text: 'Split in halves: split into A(3) | B(2)' },
      { t: 2500, text: 'loss 40%' },
      { t: 20_000, text: 'loss 0%' },
      { t: 21_000, text: 'latency 0 ms + up to 200 ms' },
      { t: 21_500, text: 'latency 50 ms + up to 200 ms' },
    ];
    expect(mergedLog(log).map((e) => e.text)).toEqual([
      'loss 35%',
      'Split in halves: split into A(3) | B(2)',
      'loss 40%',
      'loss 0%',
      'latency 50 ms + up to 200 ms',
    ]);
  });
});
