// Process figures for the benchmark and for an instructor wondering whether the laptop keeps
// up: memory and event-loop delay since the last reading.

import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

export interface ProcessMetrics {
  rssMb: number;
  heapUsedMb: number;
  /** Event-loop delay since the previous reading (ms). */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;

export function readMetrics(reset = true): ProcessMetrics {
  const mem = process.memoryUsage();
  const out = {
    rssMb: mb(mem.rss),
    heapUsedMb: mb(mem.heapUsed),
    eventLoopDelayMs: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
  };
  if (reset) histogram.reset();
  return out;
}
