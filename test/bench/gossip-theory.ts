// `npm run bench -- gossip-theory`: simulated gossip beside the theory it teaches ([G16]):
// push with fanout 1 and 2 for N = 30 … 10,000 (Pittel 1987: log_{k+1} N + ln N / k), pull and
// push-pull (Karp, Schindelhauer, Shenker & Vöcking 2000), and push under loss p against the
// fanout k(1 − p). Each row is one `npm run simulate` command (printed), run `--runs` times
// with seeds 1, 2, 3…; docs/FIDELITY.md discusses the figures.

import { performance } from 'node:perf_hooks';
import { gossipGame } from '../../shared/games/gossip';
import { createGames } from '../../shared/games/types';
import { simulate } from '../../shared/sim/simulate';

const GAMES = createGames([gossipGame]);

export interface GossipCase {
  label: string;
  args: string;
}

/** Trials per row: 100, and fewer for the largest N, whose trials are slow (30 at 3,000, 10 at 10,000). */
const trialsFor = (n: number, quick: boolean): number => (quick ? 3 : n >= 10_000 ? 10 : n >= 3_000 ? 30 : 100);

export function gossipCases(quick = false): GossipCase[] {
  const out: GossipCase[] = [];
  for (const k of [1, 2])
    for (const n of [30, 100, 300, 1000, 3000, 10_000])
      out.push({ label: `push k=${k} N=${n}`, args: `--nodes ${n} --fanout ${k} --mode push --trials ${trialsFor(n, quick)}` });
  for (const mode of ['pull', 'push-pull'])
    for (const k of [1, 2])
      out.push({ label: `${mode} k=${k} N=1000`, args: `--nodes 1000 --fanout ${k} --mode ${mode} --trials ${trialsFor(1000, quick)}` });
  for (const [k, p] of [
    [2, 0.5],
    [3, 0.5],
    [2, 0.25],
  ] as const)
    out.push({
      label: `push k=${k} loss ${p} N=1000`,
      args: `--nodes 1000 --fanout ${k} --mode push --loss ${p} --trials ${trialsFor(1000, quick)}`,
    });
  return out;
}

export interface GossipRow {
  label: string;
  command: string;
  formula: string;
  theory: number;
  /** Mean rounds per run. */
  means: number[];
  seconds: number;
}

export function gossipTheoryBench(opts: { runs: number; quick?: boolean }, progress: (line: string) => void = () => {}): GossipRow[] {
  return gossipCases(opts.quick).map((c) => {
    const t0 = performance.now();
    let theory = 0;
    let formula = '';
    const means: number[] = [];
    for (let seed = 1; seed <= opts.runs; seed++) {
      const out = simulate(['--game', 'gossip', ...c.args.split(' '), '--seed', String(seed)], GAMES);
      const s = out.summary as { rounds: { mean: number }; theory: { rounds: number; formula: string; fanout: number } };
      means.push(s.rounds.mean);
      theory = s.theory.rounds;
      formula = `${s.theory.formula}, k = ${s.theory.fanout}`;
    }
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    progress(`  ${c.label}: ${seconds} s`);
    return { label: c.label, command: `npm run simulate -- --game gossip ${c.args} --seed 1 --json`, formula, theory, means, seconds };
  });
}

export function gossipTheoryTable(rows: GossipRow[]): string {
  const spread = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    const mid = v[Math.floor((v.length - 1) / 2)]!;
    return v.length === 1 ? v[0]!.toFixed(2) : `${v[0]!.toFixed(2)} / ${mid.toFixed(2)} / ${v.at(-1)!.toFixed(2)}`;
  };
  const head = ['case', 'simulated mean rounds', 'theory', 'sim − theory', 'formula'];
  const body = rows.map((r) => {
    const mid = [...r.means].sort((a, b) => a - b)[Math.floor((r.means.length - 1) / 2)]!;
    return [r.label, spread(r.means), r.theory.toFixed(2), (mid - r.theory).toFixed(2), r.formula];
  });
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `\nGossip beside its theory: mean rounds until every node knows; ${rows[0]?.means.length ?? 0} run(s), min / median / max over runs`,
    line(head),
    ...body.map(line),
    '  the baseline is the formula for the mode (shared/games/gossip/theory.ts); the command per row:',
    ...rows.map((r) => `  ${r.command}`),
  ].join('\n');
}
