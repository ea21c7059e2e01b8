// The headless simulator's command line. See shared/sim/simulate.ts and the README.
//   npm run simulate -- --game election --nodes 5 --trials 100 --seed 1 --json
//   npm run simulate -- --game election --nodes 5 --drill drills/split-brain.json

import { readFileSync } from 'node:fs';
import { byzantineGame } from '../../shared/games/byzantine';
import { cartGame } from '../../shared/games/cart';
import { electionGame } from '../../shared/games/election';
import { gossipGame } from '../../shared/games/gossip';
import { sandboxGame } from '../../shared/games/sandbox';
import { createGames } from '../../shared/games/types';
import { drillScript } from '../../shared/net/script';
import { formatIssues } from '../../shared/protocol/result';
import { scheduleFromScript } from '../../shared/sim/flags';
import type { ScheduleStep } from '../../shared/sim/runner';
import { simulate } from '../../shared/sim/simulate';
import { simulateUsage, unknownFlags, wantsHelp } from './simulate-usage';

/** The games the simulator can run (those with a simulator plug-in). */
const GAMES = createGames([sandboxGame, gossipGame, electionGame, byzantineGame, cartGame]);

/** Reads `--drill file.json` (a drill script, as the console saves them) into a schedule. */
function drillSchedule(argv: string[]): { argv: string[]; schedule: ScheduleStep[] } {
  const i = argv.indexOf('--drill');
  if (i < 0) return { argv, schedule: [] };
  const file = argv[i + 1];
  if (!file) throw new Error('--drill needs a file: --drill my-drill.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--drill ${file}: ${(err as Error).message}`);
  }
  const parsed = drillScript.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`--drill ${file}: ${formatIssues(parsed.error.issues, 'script')}`);
  }
  return { argv: [...argv.slice(0, i), ...argv.slice(i + 2)], schedule: scheduleFromScript(parsed.data) };
}

function main(args: string[]): number {
  if (wantsHelp(args)) {
    process.stdout.write(simulateUsage());
    return 0;
  }
  const unknown = unknownFlags(args);
  if (unknown.length) {
    process.stderr.write(`simulate: unknown flag ${unknown.map((f) => `--${f}`).join(', ')}\n\n${simulateUsage()}`);
    return 2;
  }
  try {
    const json = args.includes('--json');
    const { argv, schedule } = drillSchedule(args.filter((a) => a !== '--json'));
    const out = simulate(argv, GAMES, schedule);
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
