// `npm run bench`: performance figures, each beside a baseline measured in the same run.
//   npm run bench                       every scenario
//   npm run bench -- network --nodes 300 --rate 1000 --seconds 10
//   npm run bench -- replay --events 200000 --nodes 30 [--no-browser]
//   npm run bench -- --json             machine-readable

import { parseArgs } from '../../shared/sim/flags';
import { intFlag } from '../../shared/sim/plugin';
import { ackBench } from './ack';
import { ALL_CURVES, figure16Bench, figure16Table } from './figure16';
import { consoleBench } from './console';
import { networkBench } from './network';
import { phoneLoadBench, spread, type TargetFigures } from './phone-load';
import { replayBench } from './replay';
import { badArgs, benchUsage, scenarioWords } from './usage';

type Row = [string, string | number | null, string | number | null, string];

function table(title: string, head: [string, string], rows: Row[]): string {
  const fmt = (v: string | number | null) => (v === null ? '—' : String(v));
  const w0 = Math.max(...rows.map((r) => r[0].length), 10);
  const lines = [`\n${title}`, `${''.padEnd(w0)}  ${head[0].padStart(14)}  ${head[1].padStart(14)}  ${'ratio'.padStart(8)}`];
  for (const [label, a, b, ratio] of rows)
    lines.push(`${label.padEnd(w0)}  ${fmt(a).padStart(14)}  ${fmt(b).padStart(14)}  ${ratio.padStart(8)}`);
  return lines.join('\n');
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

/** One row per figure, one column per build: min / median / max over the runs. */
function phoneTable(opts: { runs: number; cpu: number; kbps: number; rttMs: number }, targets: TargetFigures[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const kb = (b: number) => (b / 1000).toFixed(1);
  const rows: [string, (r: TargetFigures['runs'][number]) => number, (v: number) => string][] = [
    ['join page usable, cold (s)', (r) => r.cold.usableMs, s],
    ['  bytes, cold (kB)', (r) => r.cold.bytes, kb],
    ['  of which scripts (kB)', (r) => r.cold.scriptBytes, kb],
    ['  requests', (r) => r.cold.requests, String],
    ['lobby: games fetched after joining (kB)', (r) => r.lobbyBytes, kb],
    ['election screen after the start (s)', (r) => r.gameScreenMs, s],
    ['reload mid-round, usable again (s)', (r) => r.warm.usableMs, s],
    ['  bytes, warm cache (kB)', (r) => r.warm.bytes, kb],
  ];
  const cell = (t: TargetFigures, pick: (r: TargetFigures['runs'][number]) => number, fmt: (v: number) => string) => {
    const { min, median, max } = spread(t.runs.map(pick));
    return min === max ? fmt(min) : `${fmt(min)} / ${fmt(median)} / ${fmt(max)}`;
  };
  const body = rows.map(([label, pick, fmt]) => [label, ...targets.map((t) => cell(t, pick, fmt))]);
  const head = ['', ...targets.map((t) => t.label)];
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  return [
    `\nPhone load: 360×640, CPU ${opts.cpu}× slower, ${opts.kbps} kB/s each way, ${opts.rttMs} ms round trip; ${opts.runs} run(s), min / median / max`,
    line(head),
    ...body.map(line),
    "  baselines: the same build served without its compressed copies; --baseline REF adds an older commit's client",
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(benchUsage());
    return;
  }
  const scenarios = scenarioWords(argv);
  const problem = badArgs(
    scenarios,
    argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]!),
  );
  if (problem) {
    process.stderr.write(`bench: ${problem}\n\n${benchUsage()}`);
    process.exitCode = 2;
    return;
  }
  const { flags } = parseArgs(argv.filter((a) => !scenarios.includes(a)));
  const want = (name: string) => scenarios.length === 0 || scenarios.includes(name);
  const out: Record<string, unknown> = {};

  if (want('network')) {
    const opts = {
      nodes: intFlag(flags, 'nodes', 300, 2, 5000),
      rate: intFlag(flags, 'rate', 1000, 1, 1_000_000),
      seconds: intFlag(flags, 'seconds', 10, 1, 3600),
    };
    const { product: p, relay: r } = await networkBench(opts);
    out.network = { options: opts, product: p, relay: r };
    if (!flags.json) {
      console.log(
        table(
          `Network: ${opts.nodes} socket.io clients, ${opts.rate} node-to-node messages/s for ${opts.seconds} s, no injected latency`,
          ['human-cluster', 'bare relay'],
          [
            ['messages/s delivered', p.messagesPerSecond, r.messagesPerSecond, ratio(p.messagesPerSecond, r.messagesPerSecond)],
            ['delivered / sent', `${p.delivered}/${p.sent}`, `${r.delivered}/${r.sent}`, ''],
            ['latency p50 (ms)', p.latencyMs.p50, r.latencyMs.p50, ratio(p.latencyMs.p50, r.latencyMs.p50)],
            ['latency p99 (ms)', p.latencyMs.p99, r.latencyMs.p99, ratio(p.latencyMs.p99, r.latencyMs.p99)],
            [
              'server loop delay p99 (ms)',
              p.server.eventLoopDelayMs.p99,
              r.server.eventLoopDelayMs.p99,
              ratio(p.server.eventLoopDelayMs.p99, r.server.eventLoopDelayMs.p99),
            ],
            ['server loop delay max (ms)', p.server.eventLoopDelayMs.max, r.server.eventLoopDelayMs.max, ''],
            ['server RSS (MB)', p.server.rssMb, r.server.rssMb, ratio(p.server.rssMb, r.server.rssMb)],
          ],
        ),
      );
    }
  }

  if (want('ack')) {
    const opts = {
      nodes: intFlag(flags, 'nodes', 300, 2, 5000),
      rate: intFlag(flags, 'rate', 300, 1, 100_000),
      seconds: intFlag(flags, 'seconds', 10, 1, 3600),
    };
    const { durable: d, atOnce: a } = await ackBench(opts);
    out.ack = { options: opts, durable: d, atOnce: a };
    if (!flags.json) {
      console.log(
        `${table(
          `Tap to acknowledgement: ${opts.nodes} socket.io clients, ${opts.rate} actions/s for ${opts.seconds} s`,
          ['ok when durable', 'ok at once'],
          [
            ['acknowledged / taps', `${d.acknowledged}/${d.taps}`, `${a.acknowledged}/${a.taps}`, ''],
            ['tap to ok p50 (ms)', d.ackMs.p50, a.ackMs.p50, ratio(d.ackMs.p50, a.ackMs.p50)],
            ['tap to ok p99 (ms)', d.ackMs.p99, a.ackMs.p99, ratio(d.ackMs.p99, a.ackMs.p99)],
            ['tap to ok max (ms)', d.ackMs.max, a.ackMs.max, ''],
            [
              'server loop delay p99 (ms)',
              d.server.eventLoopDelayMs.p99,
              a.server.eventLoopDelayMs.p99,
              ratio(d.server.eventLoopDelayMs.p99, a.server.eventLoopDelayMs.p99),
            ],
          ],
        )}\n  ok when durable: after the action is written and fdatasync'ed (the product); ok at once: before (the old behaviour)`,
      );
    }
  }

  if (want('console')) {
    const opts = {
      nodes: intFlag(flags, 'nodes', 300, 2, 3000),
      rate: intFlag(flags, 'rate', 1000, 1, 100_000),
      seconds: intFlag(flags, 'seconds', 10, 1, 3600),
    };
    const { idle, load } = await consoleBench(opts);
    out.console = { options: opts, idle, load };
    if (!flags.json) {
      console.log(
        table(
          `Console map in headless Chromium: ${opts.nodes} nodes, ~${opts.rate} messages/s vs. the same nodes idle`,
          ['with traffic', 'idle'],
          [
            ['messages/s on the network', load.messagesPerSecond, idle.messagesPerSecond, ''],
            ['frames per second', load.fps, idle.fps, ratio(load.fps, idle.fps)],
            ['draw time per frame avg (ms)', load.drawMsAvg, idle.drawMsAvg, ratio(load.drawMsAvg, idle.drawMsAvg)],
            ['draw time per frame max (ms)', load.drawMsMax, idle.drawMsMax, ''],
            ['slow frames (> 33 ms apart)', load.slowFrames, idle.slowFrames, ''],
          ],
        ),
      );
    }
  }

  if (want('replay')) {
    const opts = {
      events: intFlag(flags, 'events', 200_000, 1_000, 5_000_000),
      nodes: intFlag(flags, 'nodes', 30, 2, 1000),
      browser: !flags['no-browser'],
    };
    const f = await replayBench(opts);
    out.replay = { options: opts, ...f };
    if (!flags.json) {
      const n = f.node;
      console.log(
        `${table(
          `Replay in Node: a recording of ${f.events} events (${f.megabytes} MB), ${opts.nodes} nodes`,
          ['human-cluster', 'baseline'],
          [
            ['open: parse + index (ms)', n.openMs, n.baselineParseMs, ratio(n.openMs, n.baselineParseMs)],
            ['  parse, checked (ms)', n.parseMs, n.baselineParseMs, ratio(n.parseMs, n.baselineParseMs)],
            ['  index (ms)', n.indexMs, null, ''],
            ['fold everything, with checkpoints (ms)', n.checkpointFoldMs, n.plainFoldMs, ratio(n.checkpointFoldMs, n.plainFoldMs)],
            [
              `jump to an instant p50 / p99 / max (ms), ${n.checkpoints} checkpoints`,
              `${n.seekMs.p50} / ${n.seekMs.p99} / ${n.seekMs.max}`,
              null,
              '',
            ],
            ['diagram geometry, whole session (ms)', n.geometryWholeMs, null, ''],
            ['diagram geometry, 10 s window (ms)', n.geometryWindowMs, null, ''],
            ['ShiViz export (ms)', n.shivizMs, n.plainFoldMs, ratio(n.shivizMs, n.plainFoldMs)],
          ],
        )}\n  baselines: plain JSON.parse of every line; a plain fold of every event (no copies kept)`,
      );
      const b = f.browser;
      if (!b) console.log(`\nReplay in Chromium: skipped (${f.skipped})`);
      else {
        console.log(
          `${table(
            'Replay in Chromium (the viewer, 1440×900)',
            ['human-cluster', 'baseline'],
            [
              ['open the file: read, parse, index, show (ms)', b.openMs, b.baselineParseMs, ratio(b.openMs, b.baselineParseMs)],
              ['  parse, checked (ms)', b.parseMs, b.baselineParseMs, ratio(b.parseMs, b.baselineParseMs)],
              ['  index (ms)', b.indexMs, null, ''],
              [`draw the diagram, whole session, ${b.drawWholeRows} messages (ms)`, b.drawWholeMs, null, ''],
              [`draw the diagram, 10 s window, ${b.drawWindowRows} messages (ms)`, b.drawWindowMs, null, ''],
              ['scrub: seek p50 / p99 / max (ms)', `${b.seekMs.p50} / ${b.seekMs.p99} / ${b.seekMs.max}`, null, ''],
              [`scrub: longest frame (ms), of ${b.scrubFrames}`, b.scrubFrameMaxMs, 16.7, ratio(b.scrubFrameMaxMs, 16.7)],
              ['scrub: frames over 50 ms', b.scrubSlowFrames, 0, ''],
            ],
          )}\n  baseline: plain JSON.parse of every line in the same page; a 60 Hz frame`,
        );
      }
    }
  }

  if (want('phone-load')) {
    const opts = {
      runs: intFlag(flags, 'runs', 3, 1, 50),
      cpu: intFlag(flags, 'cpu', 4, 1, 20),
      kbps: intFlag(flags, 'kbps', 50, 1, 1_000_000),
      rttMs: intFlag(flags, 'rtt', 2000, 0, 60_000),
      ...(typeof flags.baseline === 'string' ? { baseline: flags.baseline } : {}),
    };
    const targets = await phoneLoadBench(opts);
    out['phone-load'] = { options: opts, targets };
    if (!flags.json) console.log(phoneTable(opts, targets));
  }

  if (want('figure16')) {
    const curves = flags.curves === undefined ? ALL_CURVES : String(flags.curves).split(',');
    const unknown = curves.filter((c) => !ALL_CURVES.includes(c));
    if (unknown.length) throw new Error(`--curves: ${unknown.join(', ')} is not a curve of Figure 16 (${ALL_CURVES.join(', ')})`);
    const opts = {
      trials: flags.trials === undefined ? null : intFlag(flags, 'trials', 1000, 1, 1_000_000),
      runs: intFlag(flags, 'runs', 3, 1, 100),
      curves,
    };
    if (!flags.json) console.log(`\nRaft Figure 16 (${curves.length} curves):`);
    const rows = figure16Bench(opts, flags.json ? undefined : (line) => console.log(line));
    out.figure16 = { options: opts, curves: rows };
    if (!flags.json) console.log(figure16Table(rows));
  }

  if (flags.json) console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
