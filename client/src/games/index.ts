// The screens of each game, by game id (the engines are in shared/games/).

import { byzantineUi } from './byzantine';
import { electionUi } from './election';
import { gossipUi } from './gossip';
import { SandboxConsole } from './sandbox/SandboxConsole';
import { SandboxPhone } from './sandbox/SandboxPhone';
import type { GameUi } from './types';

export const GAME_UIS: Record<string, GameUi> = {
  sandbox: {
    blurb: 'Warm-up: send messages to anyone and watch them get lost.',
    Phone: SandboxPhone,
    Console: SandboxConsole,
    kinds: { 'sandbox:text': { color: '#1f4fbf', label: 'text' } },
    summary: (r: { sent: number; delivered: number }) => `${r.delivered} of ${r.sent} messages delivered`,
  },
  gossip: gossipUi,
  election: electionUi,
  byzantine: byzantineUi,
};
