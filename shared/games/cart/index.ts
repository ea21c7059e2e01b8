// The split-brain cart, as the composition roots list it.

import { defineGame } from '../types';
import { cart } from './engine';
import { cartSim } from './sim';

export const cartGame = defineGame({ engine: cart, sim: cartSim });
