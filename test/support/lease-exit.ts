// A process that takes a lease with a renewing thread and does not stop it: it must still exit
// on its own (cluster-lease.test.ts runs it). Argument: the Redis URL.
import { Redis } from 'ioredis';
import { Leases } from '../../server/cluster/leases';

const url = process.argv[2] as string;
const redis = new Redis(url);
const leases = new Leases(redis, 'proc-exit', { ttlMs: 1_000, thread: { redisUrl: url } });
leases.start();
await leases.ready();
await leases.acquire('EXIT1');
redis.disconnect();
