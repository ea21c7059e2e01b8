// Process figures for the benchmark and for an instructor wondering whether the laptop keeps
// up: memory, CPU time and event-loop delay since the last reading.

import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let lastCpu = process.cpuUsage();
let lastAt = performance.now();

export interface ProcessMetrics {
  rssMb: number;
  heapUsedMb: number;
  /** Exact heap bytes (after a full collection when one was asked for and the process allows it). */
  heapUsedBytes: number;
  /** CPU time (user + system) since the previous reading, and the wall time it was spread over. */
  cpuMs: number;
  wallMs: number;
  /** Event-loop delay since the previous reading (ms). */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;

/**
 * `collect`: run a full garbage collection first, so the heap figure is what is live. Only a
 * process started with --expose-gc can (the benchmark starts its servers so); elsewhere it is
 * ignored.
 */
export function readMetrics(reset = true, collect = false): ProcessMetrics {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage(lastCpu);
  const now = performance.now();
  const out = {
    rssMb: mb(mem.rss),
    heapUsedMb: mb(mem.heapUsed),
    heapUsedBytes: mem.heapUsed,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    wallMs: Math.round((now - lastAt) * 10) / 10,
    eventLoopDelayMs: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
  };
  if (reset) {
    histogram.reset();
    lastCpu = process.cpuUsage();
    lastAt = now;
  }
  return out;
}
