// `npm run bench`: performance figures, each beside a baseline measured in the same run.
//   npm run bench                       every scenario
//   npm run bench -- network --nodes 300 --rate 1000 --seconds 10
//   npm run bench -- --json             machine-readable

import { parseArgs, intFlag } from '../../shared/sim/flags';
import { consoleBench } from './console';
import { networkBench } from './network';

type Row = [string, string | number | null, string | number | null, string];

function table(title: string, head: [string, string], rows: Row[]): string {
  const fmt = (v: string | number | null) => (v === null ? '—' : String(v));
  const w0 = Math.max(...rows.map((r) => r[0].length), 10);
  const lines = [`\n${title}`, `${''.padEnd(w0)}  ${head[0].padStart(14)}  ${head[1].padStart(14)}  ${'ratio'.padStart(8)}`];
  for (const [label, a, b, ratio] of rows) lines.push(`${label.padEnd(w0)}  ${fmt(a).padStart(14)}  ${fmt(b).padStart(14)}  ${ratio.padStart(8)}`);
  return lines.join('\n');
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scenarios = argv.filter((a) => !a.startsWith('--') && !/^\d/.test(a));
  const { flags } = parseArgs(argv.filter((a) => !scenarios.includes(a)));
  const want = (name: string) => scenarios.length === 0 || scenarios.includes(name);
  const out: Record<string, unknown> = {};

  if (want('network')) {
    const opts = { nodes: intFlag(flags, 'nodes', 300, 2, 5000), rate: intFlag(flags, 'rate', 1000, 1, 1_000_000), seconds: intFlag(flags, 'seconds', 10, 1, 3600) };
    const { product: p, relay: r } = await networkBench(opts);
    out.network = { options: opts, product: p, relay: r };
    if (!flags.json) {
      console.log(
        table(`Network: ${opts.nodes} socket.io clients, ${opts.rate} node-to-node messages/s for ${opts.seconds} s, no injected latency`, ['human-cluster', 'bare relay'], [
          ['messages/s delivered', p.messagesPerSecond, r.messagesPerSecond, ratio(p.messagesPerSecond, r.messagesPerSecond)],
          ['delivered / sent', `${p.delivered}/${p.sent}`, `${r.delivered}/${r.sent}`, ''],
          ['latency p50 (ms)', p.latencyMs.p50, r.latencyMs.p50, ratio(p.latencyMs.p50, r.latencyMs.p50)],
          ['latency p99 (ms)', p.latencyMs.p99, r.latencyMs.p99, ratio(p.latencyMs.p99, r.latencyMs.p99)],
          ['server loop delay p99 (ms)', p.server.eventLoopDelayMs.p99, r.server.eventLoopDelayMs.p99, ratio(p.server.eventLoopDelayMs.p99, r.server.eventLoopDelayMs.p99)],
          ['server loop delay max (ms)', p.server.eventLoopDelayMs.max, r.server.eventLoopDelayMs.max, ''],
          ['server RSS (MB)', p.server.rssMb, r.server.rssMb, ratio(p.server.rssMb, r.server.rssMb)],
        ]),
      );
    }
  }

  if (want('console')) {
    const opts = { nodes: intFlag(flags, 'nodes', 300, 2, 3000), rate: intFlag(flags, 'rate', 1000, 1, 100_000), seconds: intFlag(flags, 'seconds', 10, 1, 3600) };
    const { idle, load } = await consoleBench(opts);
    out.console = { options: opts, idle, load };
    if (!flags.json) {
      console.log(
        table(`Console map in headless Chromium: ${opts.nodes} nodes, ~${opts.rate} messages/s vs. the same nodes idle`, ['with traffic', 'idle'], [
          ['messages/s on the network', load.messagesPerSecond, idle.messagesPerSecond, ''],
          ['frames per second', load.fps, idle.fps, ratio(load.fps, idle.fps)],
          ['draw time per frame avg (ms)', load.drawMsAvg, idle.drawMsAvg, ratio(load.drawMsAvg, idle.drawMsAvg)],
          ['draw time per frame max (ms)', load.drawMsMax, idle.drawMsMax, ''],
          ['slow frames (> 33 ms apart)', load.slowFrames, idle.slowFrames, ''],
        ]),
      );
    }
  }

  if (flags.json) console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
