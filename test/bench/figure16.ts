// `npm run bench -- figure16`: Raft's Figure 16 (Ongaro & Ousterhout 2014, section 9.3) run
// through the simulator, each curve `--runs` times with seeds 1, 2, 3…, and its figures set
// beside the paper's. The baseline here is the published figure; the experiment's setup and
// the command per curve are in shared/sim/figure16.ts, the discussion in docs/FIDELITY.md.

import { performance } from 'node:perf_hooks';
import { createGames } from '../../shared/games/types';
import { electionGame } from '../../shared/games/election';
import {
  curveCommand,
  paperTrials,
  PUBLISHED,
  RANDOMNESS_CURVES,
  runCurve,
  SCALE_CURVES,
  type CurveFigures,
} from '../../shared/sim/figure16';

const GAMES = createGames([electionGame]);

export interface Figure16Options {
  /** Trials per curve; default the paper's (100 for 150–150, 1,000 for the others). */
  trials: number | null;
  runs: number;
  curves: string[];
}

export interface CurveRuns {
  curve: string;
  command: string;
  runs: CurveFigures[];
  seconds: number;
}

export const ALL_CURVES: string[] = [...new Set<string>([...RANDOMNESS_CURVES, ...SCALE_CURVES])];

export function figure16Bench(opts: Figure16Options, progress: (line: string) => void = () => {}): CurveRuns[] {
  return opts.curves.map((curve) => {
    const trials = opts.trials ?? paperTrials(curve);
    const t0 = performance.now();
    const runs = Array.from({ length: opts.runs }, (_, i) => runCurve(curve, GAMES, { trials, seed: i + 1 }));
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    progress(`  ${curve} ms: ${opts.runs} × ${trials} trials in ${seconds} s`);
    return { curve, command: curveCommand(curve, { trials, seed: 1 }), runs, seconds };
  });
}

const spread = (xs: (number | null)[]): string => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return '—';
  const f = (x: number) => (x >= 100 ? Math.round(x).toString() : x.toFixed(1));
  const mid = v[Math.floor((v.length - 1) / 2)]!;
  return v.length === 1 || v[0] === v.at(-1) ? f(v[0]!) : `${f(v[0]!)} / ${f(mid)} / ${f(v.at(-1)!)}`;
};

function paperText(curve: string): string {
  const p = PUBLISHED[curve];
  if (!p) return '(figure only)';
  const parts = [
    p.medianMs !== undefined ? `median ${p.medianMs}` : '',
    p.meanMs !== undefined ? `mean ${p.meanMs}` : '',
    p.maxMs !== undefined ? `max ${p.maxMs}` : '',
    p.text ?? '',
  ].filter(Boolean);
  return parts.join(', ');
}

export function figure16Table(rows: CurveRuns[]): string {
  const head = ['curve (ms)', 'elected/trials', 'mean', 'median', 'p99', 'max', 'paper'];
  const body = rows.map((r) => [
    r.curve,
    `${spread(r.runs.map((x) => x.elected))}/${r.runs[0]?.trials ?? 0}`,
    spread(r.runs.map((x) => x.meanMs)),
    spread(r.runs.map((x) => x.medianMs)),
    spread(r.runs.map((x) => x.p99Ms)),
    spread(r.runs.map((x) => x.maxMs)),
    paperText(r.curve),
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 || i === row.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const runs = rows[0]?.runs.length ?? 0;
  return [
    `\nRaft Figure 16: time without leader after the leader crashes (ms); ${runs} run(s), min / median / max over runs`,
    line(head),
    ...body.map(line),
    "  the baseline is the paper's published figure (Ongaro & Ousterhout 2014, section 9.3); the command per curve:",
    ...rows.map((r) => `  ${r.command}`),
  ].join('\n');
}
