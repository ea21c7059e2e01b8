// The split-brain cart's screens, for the registry in ../index.ts.

import type { CartResult } from '../../../../shared/games/cart/analysis';
import type { CartConfig } from '../../../../shared/games/cart/config';
import type { CartConsoleView } from '../../../../shared/games/cart/console';
import type { CartStageView } from '../../../../shared/games/cart/stage';
import type { CartNodeView } from '../../../../shared/games/cart/view';
import type { GameUi } from '../types';
import { messageBody } from './body';
import { CartConfigForm } from './CartConfigForm';
import { CartConsole } from './CartConsole';
import { CartPhone } from './CartPhone';
import { CartResultView } from './CartResult';
import { decorate, KINDS, summary } from './look';
import { CartStage, decorateStage } from './Stage';

export const cartUi: GameUi<CartNodeView, CartConsoleView, CartResult, CartConfig, CartStageView> = {
  blurb: (t) => t('cart.look.blurb'),
  Phone: CartPhone,
  Console: CartConsole,
  ConfigForm: CartConfigForm,
  decorate,
  messageBody,
  kinds: KINDS,
  Stage: CartStage,
  decorateStage,
  Result: CartResultView,
  summary,
};
