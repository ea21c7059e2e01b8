// The Byzantine generals game's screens, for the registry in ../index.ts.

import type { GameUi } from '../types';
import { ByzantineConfigForm } from './ByzantineConfigForm';
import { ByzantineConsole } from './ByzantineConsole';
import { ByzantinePhone } from './ByzantinePhone';
import { ByzantineResultView } from './ByzantineResult';
import { decorate, KIND_STYLES, summary, messageLabel } from './look';

export const byzantineUi: GameUi = {
  blurb: 'Lying rounds: a commander orders, lieutenants relay, traitors lie. Do the loyal generals agree? N ≥ 3f+1.',
  Phone: ByzantinePhone,
  Console: ByzantineConsole,
  ConfigForm: ByzantineConfigForm,
  decorate,
  kinds: KIND_STYLES,
  messageLabel,
  Result: ByzantineResultView,
  summary,
};
