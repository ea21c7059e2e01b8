// The split-brain cart's screens, for the registry in ../index.ts.

import type { CartResult } from '../../../../shared/games/cart/analysis';
import type { CartConfig } from '../../../../shared/games/cart/config';
import type { CartConsoleView } from '../../../../shared/games/cart/console';
import type { CartStageView } from '../../../../shared/games/cart/stage';
import type { CartNodeView } from '../../../../shared/games/cart/view';
import type { GameUi } from '../types';
import { CartConfigForm } from './CartConfigForm';
import { CartConsole } from './CartConsole';
import { CartPhone } from './CartPhone';
import { CartResultView } from './CartResult';
import { decorate, KINDS, summary } from './look';
import { CartStage, decorateStage } from './Stage';

export const cartUi: GameUi<CartNodeView, CartConsoleView, CartResult, CartConfig, CartStageView> = {
  blurb:
    'Split-brain cart: every phone is a copy of the shopping list. Split the class and compare majority quorum, last-writer-wins and a CRDT.',
  Phone: CartPhone,
  Console: CartConsole,
  ConfigForm: CartConfigForm,
  decorate,
  kinds: KINDS,
  Stage: CartStage,
  decorateStage,
  Result: CartResultView,
  summary,
};
