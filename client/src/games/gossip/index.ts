// The gossip game's screens, for the registry in ../index.ts.

import type { GossipResult } from '../../../../shared/games/gossip/analysis';
import type { GossipConfig } from '../../../../shared/games/gossip/config';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { GossipStageView } from '../../../../shared/games/gossip/stage';
import type { GossipNodeView } from '../../../../shared/games/gossip/view';
import type { GameUi } from '../types';
import { messageBody } from './body';
import { GossipConfigForm } from './GossipConfigForm';
import { GossipConsole } from './GossipConsole';
import { GossipPhone } from './GossipPhone';
import { GossipResultView } from './GossipResult';
import { decorate, KINDS, summary } from './look';
import { decorateStage, GossipStage } from './Stage';
import { startConfig } from './word';

export const gossipUi: GameUi<GossipNodeView, GossipConsoleView, GossipResult, GossipConfig, GossipStageView> = {
  blurb: (t) => t('gossip.look.blurb'),
  Phone: GossipPhone,
  Console: GossipConsole,
  ConfigForm: GossipConfigForm,
  decorate,
  messageBody,
  kinds: KINDS,
  Stage: GossipStage,
  decorateStage,
  Result: GossipResultView,
  summary,
  startConfig,
};
