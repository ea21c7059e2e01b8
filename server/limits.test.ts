import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { loadConfig } from './config';
import { TokenBuckets } from './limits';

describe('room creation buckets', () => {
  it('lets one address open its burst at once, then one more as each token comes back', () => {
    const clock = new VirtualClock();
    const b = new TokenBuckets({ burst: 50, perMinute: 10 }, clock);
    for (let i = 0; i < 50; i++) expect(b.take('10.0.0.1')).toBe(true);
    expect(b.take('10.0.0.1')).toBe(false);
    expect(b.waitSeconds('10.0.0.1')).toBe(6);
    // Another address has its own bucket.
    expect(b.take('10.0.0.2')).toBe(true);
    clock.advance(5_999);
    expect(b.take('10.0.0.1')).toBe(false);
    clock.advance(1);
    expect(b.take('10.0.0.1')).toBe(true);
    expect(b.take('10.0.0.1')).toBe(false);
    // Refills up to the burst, not beyond.
    clock.advance(3_600_000);
    for (let i = 0; i < 50; i++) expect(b.take('10.0.0.1')).toBe(true);
    expect(b.take('10.0.0.1')).toBe(false);
  });

  it('a token given back (the other bucket refused) can be taken again', () => {
    const b = new TokenBuckets({ burst: 1, perMinute: 1 }, new VirtualClock());
    expect(b.take('k')).toBe(true);
    expect(b.take('k')).toBe(false);
    b.giveBack('k');
    expect(b.take('k')).toBe(true);
  });

  it('reads its settings from the environment, with a school-sized burst by default', () => {
    expect(loadConfig({}).createLimit).toEqual({ perAddress: { burst: 50, perMinute: 10 }, perKey: { burst: 20, perMinute: 10 } });
    const c = loadConfig({
      ROOM_CAPACITY: '5000',
      ROOM_CREATE_BURST: '200',
      ROOM_CREATE_PER_MINUTE: '30',
      ROOM_CREATE_KEY_BURST: '5',
      ROOM_CREATE_KEY_PER_MINUTE: '2',
    });
    expect(c.capacity).toBe(5000);
    expect(c.createLimit).toEqual({ perAddress: { burst: 200, perMinute: 30 }, perKey: { burst: 5, perMinute: 2 } });
    expect(() => loadConfig({ ROOM_CAPACITY: '5001' })).toThrow('ROOM_CAPACITY must be a whole number from 1 to 5000');
  });
});
