// The election game's screens, for the registry in ../index.ts.

import type { GameUi } from '../types';
import { ElectionConfigForm } from './ElectionConfigForm';
import { ElectionConsole } from './ElectionConsole';
import { ElectionPhone } from './ElectionPhone';
import { ElectionResultView } from './ElectionResult';
import { decorate, KINDS, summary } from './look';

export const electionUi: GameUi = {
  blurb: 'Raft with playing cards: elect a leader by majority, then commit the dinner-party restaurant.',
  Phone: ElectionPhone,
  Console: ElectionConsole,
  ConfigForm: ElectionConfigForm,
  decorate,
  kinds: KINDS,
  Result: ElectionResultView,
  summary,
};
