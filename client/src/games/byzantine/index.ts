// The Byzantine generals game's screens, for the registry in ../index.ts.

import type { ByzantineResult } from '../../../../shared/games/byzantine/analysis';
import type { ByzantineConfig } from '../../../../shared/games/byzantine/config';
import type { ByzantineConsoleView } from '../../../../shared/games/byzantine/console';
import type { ByzantineStageView } from '../../../../shared/games/byzantine/stage';
import type { ByzantineView } from '../../../../shared/games/byzantine/view';
import type { GameUi } from '../types';
import { messageBody } from './body';
import { ByzantineConfigForm } from './ByzantineConfigForm';
import { ByzantineConsole } from './ByzantineConsole';
import { ByzantinePhone } from './ByzantinePhone';
import { ByzantineResultView } from './ByzantineResult';
import { decorate, KIND_STYLES, summary, messageLabel } from './look';
import { ByzantineStage, decorateStage } from './Stage';

export const byzantineUi: GameUi<ByzantineView, ByzantineConsoleView, ByzantineResult, ByzantineConfig, ByzantineStageView> = {
  blurb: (t) => t('byzantine.look.blurb'),
  Phone: ByzantinePhone,
  Console: ByzantineConsole,
  ConfigForm: ByzantineConfigForm,
  decorate,
  kinds: KIND_STYLES,
  messageLabel,
  messageBody,
  Stage: ByzantineStage,
  decorateStage,
  Result: ByzantineResultView,
  summary,
};
