// Cluster mode: the room-creation token buckets (server/limits.ts) kept in Redis, so that an
// address or an instructor key has one bucket for the whole cluster, not one per process. The
// same rule: `burst` at once, `perMinute` back each minute; the time is Redis's own (TIME), so
// the processes' clocks do not matter. A bucket full again expires.

import type { Redis } from 'ioredis';
import type { CreateLimit } from '../config';

// ARGV: burst, per minute, op (take | give | peek). Returns "tokens:taken".
const BUCKET = `local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('hmget', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - at) / 60000 * rate)
local taken = 0
if ARGV[3] == 'take' and tokens >= 1 then
  tokens = tokens - 1
  taken = 1
elseif ARGV[3] == 'give' then
  tokens = math.min(burst, tokens + 1)
end
if ARGV[3] ~= 'peek' then
  redis.call('hset', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('pexpire', KEYS[1], math.ceil((burst - tokens) / rate * 60000) + 1000)
end
return tostring(tokens) .. ':' .. taken`;

type BucketRedis = Redis & { hcBucket(key: string, burst: number, rate: number, op: string): Promise<string> };

export class RedisTokenBuckets {
  private readonly redis: BucketRedis;

  constructor(
    redis: Redis,
    private readonly name: string,
    private readonly limit: CreateLimit,
  ) {
    this.redis = redis as BucketRedis;
    if (!('hcBucket' in this.redis)) redis.defineCommand('hcBucket', { numberOfKeys: 1, lua: BUCKET });
  }

  private async run(key: string, op: 'take' | 'give' | 'peek'): Promise<{ tokens: number; taken: boolean }> {
    const [tokens, taken] = (await this.redis.hcBucket(`hc:bucket:${this.name}:${key}`, this.limit.burst, this.limit.perMinute, op)).split(
      ':',
    );
    return { tokens: Number(tokens), taken: taken === '1' };
  }

  async take(key: string): Promise<boolean> {
    return (await this.run(key, 'take')).taken;
  }

  async giveBack(key: string): Promise<void> {
    await this.run(key, 'give');
  }

  async waitSeconds(key: string): Promise<number> {
    const { tokens } = await this.run(key, 'peek');
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 60) / this.limit.perMinute);
  }
}
