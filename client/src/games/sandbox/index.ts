// The sandbox's screens, for the registry in ../index.ts.

import type { SandboxConfig, SandboxConsoleView, SandboxResult, SandboxView } from '../../../../shared/games/sandbox/config';
import type { GameUi } from '../types';
import { messageBody } from './body';
import { SandboxConsole, SandboxResultView } from './SandboxConsole';
import { SandboxPhone } from './SandboxPhone';
import { SandboxStage } from './Stage';

export const sandboxUi: GameUi<SandboxView, SandboxConsoleView, SandboxResult, SandboxConfig, SandboxConsoleView> = {
  blurb: (t) => t('sandbox.look.blurb'),
  Phone: SandboxPhone,
  Console: SandboxConsole,
  Stage: SandboxStage,
  messageBody,
  kinds: { 'sandbox:text': { color: '#1f4fbf', label: 'sandbox.look.kind.text' } },
  Result: SandboxResultView,
  summary: (r, t) => t('sandbox.look.summary', { delivered: r.delivered, sent: r.sent }),
};
