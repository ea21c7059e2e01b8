// The election game's screens, for the registry in ../index.ts.

import type { ElectionResult } from '../../../../shared/games/election/analysis';
import type { ElectionConfig } from '../../../../shared/games/election/config';
import type { ElectionConsoleView } from '../../../../shared/games/election/console';
import type { ElectionStageView } from '../../../../shared/games/election/stage';
import type { ElectionView } from '../../../../shared/games/election/view';
import type { GameUi } from '../types';
import { messageBody } from './body';
import { ElectionConfigForm } from './ElectionConfigForm';
import { ElectionConsole } from './ElectionConsole';
import { ElectionPhone } from './ElectionPhone';
import { ElectionResultView } from './ElectionResult';
import { decorate, KINDS, summary } from './look';
import { ElectionStage } from './Stage';

export const electionUi: GameUi<ElectionView, ElectionConsoleView, ElectionResult, ElectionConfig, ElectionStageView> = {
  blurb: (t) => t('election.look.blurb'),
  Phone: ElectionPhone,
  Console: ElectionConsole,
  ConfigForm: ElectionConfigForm,
  decorate,
  messageBody,
  kinds: KINDS,
  Stage: ElectionStage,
  decorateStage: decorate,
  Result: ElectionResultView,
  summary,
};
