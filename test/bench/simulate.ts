// The `simulate` benchmark: the headless simulator beside plain-JavaScript versions of the same
// models (plain.ts), each measurement in a process of its own (sim-child.ts), interleaved so a
// change in the machine's load touches both alike. Figures, not assertions.

import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SimulateOptions {
  nodes: number;
  fanout: number;
  trials: number;
  runs: number;
}

export interface SimRun {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  [key: string]: unknown;
}

export interface SimulateFigures {
  gossip: { product: SimRun[]; plain: SimRun[] };
  /** `atOnce`: the plain election without processing time [E18] (everything takes effect at once), for reference. */
  election: { product: SimRun[]; plain: SimRun[]; atOnce: SimRun[] };
}

function child(args: string[]): Promise<SimRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'sim-child.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as SimRun) : reject(new Error(`sim-child ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export async function simulateBench(opts: SimulateOptions): Promise<SimulateFigures> {
  const f: SimulateFigures = { gossip: { product: [], plain: [] }, election: { product: [], plain: [], atOnce: [] } };
  for (let run = 0; run < opts.runs; run++) {
    const seed = String(run + 1);
    f.gossip.product.push(await child(['gossip', String(opts.nodes), String(opts.fanout), seed]));
    f.gossip.plain.push(await child(['plain-gossip', String(opts.nodes), String(opts.fanout), seed]));
    f.election.product.push(await child(['election', String(opts.trials), seed]));
    f.election.plain.push(await child(['plain-election', String(opts.trials), seed]));
    f.election.atOnce.push(await child(['plain-election-at-once', String(opts.trials), seed]));
  }
  return f;
}
