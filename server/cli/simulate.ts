// The headless simulator's command line. See shared/sim/simulate.ts and the README.

import { simulate } from '../../shared/sim/simulate';

function main(argv: string[]): number {
  try {
    const json = argv.includes('--json');
    const out = simulate(argv.filter((a) => a !== '--json'));
    if (json) {
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      process.stdout.write(`${out.game}: ${out.trials.length} trial(s)\n`);
      for (const [k, v] of Object.entries(out.summary)) process.stdout.write(`  ${k}: ${JSON.stringify(v)}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`simulate: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
