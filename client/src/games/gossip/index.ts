// The gossip game's screens, for the registry in ../index.ts.

import type { GameUi } from '../types';
import { GossipConfigForm } from './GossipConfigForm';
import { GossipConsole } from './GossipConsole';
import { GossipPhone } from './GossipPhone';
import { GossipResultView } from './GossipResult';
import { decorate, KINDS, summary } from './look';

export const gossipUi: GameUi = {
  blurb: 'Spread a secret word like an epidemic: each round, everyone who knows tells a few others. Watch the curve against the theory.',
  Phone: GossipPhone,
  Console: GossipConsole,
  ConfigForm: GossipConfigForm,
  decorate,
  kinds: KINDS,
  Result: GossipResultView,
  summary,
};
