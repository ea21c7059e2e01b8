// `npm run bench`: performance figures, each beside a baseline measured in the same run.
//   npm run bench                       every scenario
//   npm run bench -- network --nodes 300 --rate 1000 --seconds 10
//   npm run bench -- replay --events 200000 --nodes 30 [--no-browser]
//   npm run bench -- --json             machine-readable

import { parseArgs } from '../../shared/sim/flags';
import { intFlag } from '../../shared/sim/plugin';
import { ackBench } from './ack';
import { ALL_CURVES, figure16Bench, figure16Table } from './figure16';
import { gossipTheoryBench, gossipTheoryTable } from './gossip-theory';
import { consoleBench } from './console';
import { networkBench } from './network';
import { phoneLoadBench, spread, type TargetFigures } from './phone-load';
import { replayBench } from './replay';
import { recordingBench } from './recording';
import { roomsBench, type RunFigures } from './rooms';
import { clusterBench, type ClusterRunFigures } from './cluster';
import { simulateBench, type SimRun } from './simulate';
import { badArgs, benchUsage, scenarioWords } from './usage';
import { RECORDING_VERSION } from '../../shared/protocol/recordingFormat';

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
    ['  its script ready, cold (s)', (r) => r.cold.scriptMs ?? r.cold.usableMs, s],
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

/** min / median / max of one figure over the runs. */
function mmm(values: (number | null | undefined)[], digits = 1): string {
  const v = values.filter((x): x is number => typeof x === 'number');
  if (!v.length) return '—';
  const { min, median, max } = spread(v);
  const f = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toString() : x.toFixed(digits));
  return min === max ? f(min) : `${f(min)} / ${f(median)} / ${f(max)}`;
}

/** Cluster mode beside one process: min / median / max over the runs, and the ratio of the medians. */
function clusterTable(
  opts: { rooms: number; nodes: number; seconds: number; processes: number; generators: number; leaseMs: number },
  runs: ClusterRunFigures[],
): string {
  const med = (v: (number | null | undefined)[]) => {
    const xs = v.filter((x): x is number => typeof x === 'number' && !Number.isNaN(x));
    return xs.length ? spread(xs).median : null;
  };
  const rows: [string, (r: ClusterRunFigures) => number | null | undefined, (r: ClusterRunFigures) => number | null | undefined][] = [
    ['messages sent', (r) => r.cluster.sent, (r) => r.single.sent],
    ['undelivered', (r) => r.cluster.undelivered, (r) => r.single.undelivered],
    ['server-added latency p50 (ms)', (r) => r.cluster.latencyMs.p50, (r) => r.single.latencyMs.p50],
    ['server-added latency p99 (ms)', (r) => r.cluster.latencyMs.p99, (r) => r.single.latencyMs.p99],
    ['  after the first window', (r) => r.cluster.warmP99Ms, (r) => r.single.warmP99Ms],
    ['CPU per message (µs, all processes)', (r) => r.cluster.cpuUsPerMessage, (r) => r.single.cpuUsPerMessage],
    ['  of which Redis (µs)', (r) => r.redisUsPerMessage, () => null],
    ['Redis commands per message', (r) => r.redisCommandsPerMessage, () => null],
    ['  of which PUBLISH', (r) => r.publishesPerMessage, () => null],
    ['CPU (% of one core)', (r) => r.cluster.cpuPct, (r) => r.single.cpuPct],
    ['RSS, all processes (MB)', (r) => r.cluster.rssMb, (r) => r.single.rssMb],
    ['takeover after kill -9 (ms, last room)', (r) => r.takeoverMs, () => null],
    ['  first room (ms)', (r) => r.firstTakeoverMs, () => null],
    ['  rooms taken over', (r) => r.roomsTakenOver, () => null],
    ['rooms that changed owner under the load', (r) => r.movedUnderLoad, () => null],
  ];
  const body = rows.map(([label, c, s]) => {
    const cm = med(runs.map(c));
    const sm = med(runs.map(s));
    return [label, mmm(runs.map(c)), mmm(runs.map(s)), ratio(cm, sm)];
  });
  const head = ['', `cluster (${opts.processes} processes)`, 'one process', 'ratio'];
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  return [
    `\nCluster: ${opts.rooms} rooms × ${opts.nodes} phones, each one message a second for ${opts.seconds} s, ${opts.generators} load generators (one per process), lease ${opts.leaseMs} ms; ${runs.length} run(s), min / median / max (ratio of the medians)`,
    line(head),
    ...body.map(line),
    '  targets: p99 ≤ 100 ms; takeover ≤ 5 s; CPU per message within 2× one process',
  ].join('\n');
}

/** The rooms and big-room figures: min / median / max over the runs, product beside relay, and their ratio (of medians). */
function roomsTable(title: string, runs: { product: RunFigures[]; relay: RunFigures[] }): string {
  const med = (rs: RunFigures[], pick: (r: RunFigures) => number | null | undefined) => {
    const v = rs.map(pick).filter((x): x is number => typeof x === 'number');
    return v.length ? spread(v).median : null;
  };
  const rise = (r: RunFigures) => {
    const w = r.windows.filter((x) => x.cpuUsPerMessage !== null);
    const first = w[0]?.cpuUsPerMessage;
    const last = w.at(-1)?.cpuUsPerMessage;
    return first && last ? last / first : null;
  };
  const rows: [string, (r: RunFigures) => number | null | undefined, boolean][] = [
    ['messages sent', (r) => r.sent, false],
    ['refused by the server', (r) => Object.values(r.refused).reduce((a, b) => a + b, 0), false],
    ['not delivered after the load stopped', (r) => r.undelivered, false],
    ['last arrival after the load stopped (ms)', (r) => r.drainMs, false],
    ['latency p50 (ms)', (r) => r.latencyMs.p50, true],
    ['latency p99 (ms)', (r) => r.latencyMs.p99, true],
    ['  after the first window', (r) => r.warmP99Ms, true],
    ['latency max (ms)', (r) => r.latencyMs.max, true],
    ['worst window p99 (ms)', (r) => Math.max(...r.windows.map((w) => w.p99 ?? 0)), true],
    ['server CPU (%)', (r) => r.cpuPct, true],
    ['server CPU per message (µs)', (r) => r.cpuUsPerMessage, true],
    ['  last window / first window', rise, false],
    ['heap per node (KB)', (r) => r.heapKbPerNode, true],
    ['server RSS (MB)', (r) => r.rssMb, true],
    ['event-loop delay max (ms)', (r) => r.loopDelayMaxMs, true],
    ['recording bytes per envelope', (r) => r.recordingBytesPerEnvelope, false],
    ['stage: KB received a second (JSON, each)', (r) => r.stageKbPerSecond, false],
  ];
  // A figure no run has (the stage's, without --stage) is left out.
  const body = rows
    .filter(([, pick]) => [...runs.product, ...runs.relay].some((r) => typeof pick(r) === 'number'))
    .map(([label, pick, compare]) => {
      const p = med(runs.product, pick);
      const r = med(runs.relay, pick);
      return [
        label,
        mmm(runs.product.map(pick), label.startsWith('  last') ? 2 : 1),
        mmm(runs.relay.map(pick)),
        compare ? ratio(p, r) : '',
      ];
    });
  const windows = (rs: RunFigures[]) =>
    rs.map((r) => r.windows.map((w) => `${w.cpuPct}% ${w.cpuUsPerMessage ?? '—'}µs p99 ${w.p99 ?? '—'}`).join(' → '));
  const head = ['', 'human-cluster', 'bare relay', 'ratio'];
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  return [
    `\n${title}; ${runs.product.length} run(s) each, min / median / max (ratio of the medians)`,
    line(head),
    ...body.map(line),
    '  window by window (CPU, CPU per message, latency p99), human-cluster:',
    ...windows(runs.product).map((w) => `    ${w}`),
    '  bare relay:',
    ...windows(runs.relay).map((w) => `    ${w}`),
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

  if (want('cluster')) {
    const opts = {
      rooms: intFlag(flags, 'rooms', 100, 1, 1000),
      nodes: intFlag(flags, 'nodes', 30, 2, 5000),
      seconds: intFlag(flags, 'seconds', 20, 1, 3600),
      window: intFlag(flags, 'window', 10, 1, 3600),
      generators: intFlag(flags, 'generators', 4, 1, 16),
      runs: intFlag(flags, 'runs', 3, 1, 20),
      processes: intFlag(flags, 'processes', 4, 2, 64),
      leaseMs: intFlag(flags, 'lease', 2500, 200, 60_000),
    };
    const runs = await clusterBench(opts, flags.json ? undefined : (line) => console.log(line));
    out.cluster = { options: opts, runs };
    if (!flags.json) console.log(clusterTable(opts, runs));
  }

  for (const name of ['rooms', 'big-room'] as const) {
    if (!want(name)) continue;
    const big = name === 'big-room';
    const opts = {
      rooms: big ? 1 : intFlag(flags, 'rooms', 100, 1, 1000),
      nodes: intFlag(flags, 'nodes', big ? 2000 : 30, 2, 5000),
      seconds: intFlag(flags, 'seconds', 30, 1, 3600),
      window: intFlag(flags, 'window', 10, 1, 3600),
      generators: intFlag(flags, 'generators', 2, 1, 16),
      runs: intFlag(flags, 'runs', 3, 1, 20),
      wholeViews: !!flags['whole-views'],
      ...(flags.stage || flags['stage-whole'] ? { stage: flags['stage-whole'] ? ('whole' as const) : ('patches' as const) } : {}),
      ...(typeof flags.profile === 'string' ? { profile: flags.profile } : {}),
      ...(typeof flags['heap-snapshot'] === 'string' ? { heapSnapshot: flags['heap-snapshot'] } : {}),
    };
    const runs = await roomsBench(opts);
    out[name] = { options: opts, ...runs };
    if (!flags.json) {
      console.log(
        roomsTable(
          `${big ? 'Big room' : 'Rooms'}: ${opts.rooms} × ${opts.nodes} nodes, each one message a second for ${opts.seconds} s, ${opts.generators} load generator processes, no injected latency${opts.wholeViews ? ', whole views' : ''}${opts.stage ? `, a projector stage each (${opts.stage === 'whole' ? 'whole pictures' : 'patches'})` : ''}`,
          runs,
        ),
      );
    }
  }

  if (want('simulate')) {
    const opts = {
      nodes: intFlag(flags, 'nodes', 100_000, 2, 10_000_000),
      fanout: intFlag(flags, 'fanout', 2, 1, 16),
      trials: intFlag(flags, 'trials', 500, 1, 1_000_000),
      runs: intFlag(flags, 'runs', 3, 1, 20),
    };
    const f = await simulateBench(opts);
    out.simulate = { options: opts, ...f };
    if (!flags.json) {
      const med = (rs: SimRun[], pick: (r: SimRun) => number) => spread(rs.map(pick)).median;
      const perSecond = (r: SimRun) => (opts.trials * 1000) / r.wallMs;
      const perCpuSecond = (r: SimRun) => (opts.trials * 1000) / r.cpuMs;
      const row = (label: string, a: SimRun[], b: SimRun[], pick: (r: SimRun) => number, digits = 1): string[] => [
        label,
        mmm(a.map(pick), digits),
        mmm(b.map(pick), digits),
        ratio(med(a, pick), med(b, pick)),
      ];
      const rows = [
        row(`gossip ${opts.nodes} nodes, fanout ${opts.fanout}: wall (ms)`, f.gossip.product, f.gossip.plain, (r) => r.wallMs, 0),
        row('  CPU time (ms)', f.gossip.product, f.gossip.plain, (r) => r.cpuMs, 0),
        row('  peak memory (MB)', f.gossip.product, f.gossip.plain, (r) => r.peakRssMb, 0),
        row('  messages', f.gossip.product, f.gossip.plain, (r) => Number(r.messages), 0),
        row('  rounds until all knew', f.gossip.product, f.gossip.plain, (r) => Number(r.rounds), 0),
        row('  CPU time per message (ns)', f.gossip.product, f.gossip.plain, (r) => (r.cpuMs * 1e6) / Number(r.messages), 0),
        row(`election, 5 nodes, ${opts.trials} trials: trials per second`, f.election.product, f.election.plain, perSecond, 0),
        row('  trials per CPU second', f.election.product, f.election.plain, perCpuSecond, 0),
        row('  messages per trial', f.election.product, f.election.plain, (r) => Number(r.messages) / opts.trials, 0),
        row('  peak memory (MB)', f.election.product, f.election.plain, (r) => r.peakRssMb, 0),
        row('  beside plain JS without processing time: trials per CPU second', f.election.product, f.election.atOnce, perCpuSecond, 0),
        row('    its messages per trial', f.election.product, f.election.atOnce, (r) => Number(r.messages) / opts.trials, 0),
      ];
      const head = ['', 'human-cluster', 'plain JS', 'ratio'];
      const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
      const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
      console.log(
        [
          `\nSimulator: ${opts.runs} run(s) each, min / median / max (ratio of the medians), each in its own process`,
          line(head),
          ...rows.map(line),
          "  plain JS: the same push gossip in rounds and the same Raft election timing with its processing time per message and timer (rule [E18], the fast pace's 0–1 ms; test/bench/plain.ts), typed arrays, nothing recorded",
        ].join('\n'),
      );
    }
  }

  if (want('recording')) {
    const opts = {
      nodes: intFlag(flags, 'nodes', 30, 2, 5000),
      seconds: intFlag(flags, 'seconds', 60, 1, 3600),
      latency: intFlag(flags, 'latency', 0, 0, 60_000),
      jitter: intFlag(flags, 'jitter', 0, 0, 60_000),
      runs: intFlag(flags, 'runs', 3, 1, 20),
    };
    const runs = recordingBench(opts);
    out.recording = { options: opts, runs };
    if (!flags.json) {
      const cur = runs.map((r) => r.current);
      const prev = runs.map((r) => r.previous);
      console.log(
        table(
          `Recording: a sandbox room of ${opts.nodes} people, each a 20-character text a second for ${opts.seconds} s, latency ${opts.latency}–${opts.latency + opts.jitter} ms; ${opts.runs} run(s) (seeds 1, 2, 3…), min / median / max`,
          [`version ${RECORDING_VERSION}`, 'version 1'],
          [
            ['bytes per envelope', mmm(cur, 0), mmm(prev, 0), ratio(spread(cur).median, spread(prev).median)],
            [
              'envelopes',
              mmm(
                runs.map((r) => r.envelopes),
                0,
              ),
              '',
              '',
            ],
            [
              'events',
              mmm(
                runs.map((r) => r.events),
                0,
              ),
              '',
              '',
            ],
          ],
        ),
      );
      console.log('  version 1: the previous format (every event written as its object), for the same events');
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

  if (want('gossip-theory')) {
    const opts = { runs: intFlag(flags, 'runs', 3, 1, 100), quick: flags.quick === true };
    if (!flags.json) console.log('\nGossip beside its theory:');
    const rows = gossipTheoryBench(opts, flags.json ? undefined : (line) => console.log(line));
    out.gossipTheory = { options: opts, rows };
    if (!flags.json) console.log(gossipTheoryTable(rows));
  }

  if (flags.json) console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
