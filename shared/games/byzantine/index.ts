// The Byzantine generals, as the composition roots list it.

import { defineGame } from '../types';
import { byzantine } from './engine';
import { byzantineSim } from './sim';

export const byzantineGame = defineGame({ engine: byzantine, sim: byzantineSim });
