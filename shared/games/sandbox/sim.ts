// How the headless simulator runs the sandbox: bots chatter and echo for a fixed time.
// `npm run simulate -- --game sandbox --nodes 6 --trials 3 --chatter 100 --bot-delay 10 --duration 5000 --json`

import { intFlag, type SimPlugin } from '../../sim/plugin';
import type { NetStats } from '../types';
import type { SandboxConfig, SandboxResult, SandboxState } from './config';

export type SandboxTrial = Pick<NetStats, 'sent' | 'delivered' | 'duplicated' | 'dropped'>;

export const sandboxSim: SimPlugin<SandboxConfig, SandboxState, SandboxResult, SandboxTrial> = {
  config: (flags) => ({
    botDelayMs: intFlag(flags, 'bot-delay', 10, 0, 60_000),
    chatterMs: intFlag(flags, 'chatter', 100, 1, 600_000),
  }),
  maxTimeMs: (_config, flags) => intFlag(flags, 'duration', 5_000, 1, 86_400_000),
  trial: (r) => ({ sent: r.sent, delivered: r.delivered, duplicated: r.duplicated, dropped: r.dropped }),
  summary: (trials) => {
    const sum = (f: (n: SandboxTrial) => number) => trials.reduce((a, n) => a + f(n), 0);
    return {
      sent: sum((n) => n.sent),
      delivered: sum((n) => n.delivered),
      dropped: {
        crashed: sum((n) => n.dropped.crashed),
        partition: sum((n) => n.dropped.partition),
        loss: sum((n) => n.dropped.loss),
      },
    };
  },
};
