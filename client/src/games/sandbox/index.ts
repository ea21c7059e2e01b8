// The sandbox's screens, for the registry in ../index.ts.

import type { SandboxConfig, SandboxConsoleView, SandboxResult, SandboxView } from '../../../../shared/games/sandbox/config';
import type { GameUi } from '../types';
import { SandboxConsole } from './SandboxConsole';
import { SandboxPhone } from './SandboxPhone';
import { SandboxStage } from './Stage';

export const sandboxUi: GameUi<SandboxView, SandboxConsoleView, SandboxResult, SandboxConfig, SandboxConsoleView> = {
  blurb: 'Warm-up: send messages to anyone and watch them get lost.',
  Phone: SandboxPhone,
  Console: SandboxConsole,
  Stage: SandboxStage,
  kinds: { 'sandbox:text': { color: '#1f4fbf', label: 'text' } },
  summary: (r) => `${r.delivered} of ${r.sent} messages delivered`,
};
