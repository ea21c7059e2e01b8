// One measurement of the `simulate` benchmark, in a process of its own so its memory is its own:
//   node --import tsx test/bench/sim-child.ts gossip|plain-gossip NODES FANOUT SEED
//   node --import tsx test/bench/sim-child.ts election|plain-election|plain-election-at-once TRIALS SEED
// Prints one line of JSON: the wall and CPU time of the work alone (modules already loaded), the
// process's peak resident memory, and what the run counted (to check both did the same work).

import { simulate } from '../../shared/sim/simulate';
import { GAMES } from '../support/games';
import { plainElection, plainGossip } from './plain';

const [what = '', ...args] = process.argv.slice(2);
const num = (i: number, fallback: number) => Number(args[i] ?? fallback);

function measure(work: () => Record<string, unknown>): void {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const counted = work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  // CPU time as well as wall time: on a shared machine the wall time includes other people's work.
  process.stdout.write(`${JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb, ...counted })}\n`);
}

switch (what) {
  case 'gossip':
    measure(() => {
      const out = simulate(
        ['--game', 'gossip', '--nodes', String(num(0, 100_000)), '--fanout', String(num(1, 2)), '--seed', String(num(2, 1))],
        GAMES,
      );
      const t = out.trials[0] as { rounds: number; messages: number; informed: number };
      return { rounds: t.rounds, messages: t.messages, informed: t.informed };
    });
    break;
  case 'plain-gossip':
    measure(() => plainGossip(num(0, 100_000), num(1, 2), num(2, 1)));
    break;
  case 'election':
    measure(() => {
      const trials = num(0, 500);
      const out = simulate(['--game', 'election', '--nodes', '5', '--trials', String(trials), '--seed', String(num(1, 1))], GAMES);
      const s = out.summary as { messages: { sent: number }; noLeader: number };
      return { trials, messages: s.messages.sent, noLeader: s.noLeader };
    });
    break;
  case 'plain-election':
    measure(() => plainElection(num(0, 500), num(1, 1)));
    break;
  case 'plain-election-at-once':
    measure(() => plainElection(num(0, 500), num(1, 1), false));
    break;
  default:
    process.stderr.write(`sim-child: unknown measurement "${what}"\n`);
    process.exitCode = 2;
}
