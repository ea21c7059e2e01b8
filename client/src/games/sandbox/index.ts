// The sandbox's screens, for the registry in ../index.ts.

import type { SandboxConfig, SandboxConsoleView, SandboxView } from '../../../../shared/games/sandbox/engine';
import type { NetStats } from '../../../../shared/games/types';
import type { GameUi } from '../types';
import { SandboxConsole } from './SandboxConsole';
import { SandboxPhone } from './SandboxPhone';

/** What the sandbox engine's `result` records: the round's network figures. */
type SandboxResult = NetStats & { game: 'sandbox'; nodes: number };

export const sandboxUi: GameUi<SandboxView, SandboxConsoleView, SandboxResult, SandboxConfig> = {
  blurb: 'Warm-up: send messages to anyone and watch them get lost.',
  Phone: SandboxPhone,
  Console: SandboxConsole,
  kinds: { 'sandbox:text': { color: '#1f4fbf', label: 'text' } },
  summary: (r) => `${r.delivered} of ${r.sent} messages delivered`,
};
