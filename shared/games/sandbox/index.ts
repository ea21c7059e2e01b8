// The sandbox, as the composition roots list it.

import { defineGame } from '../types';
import { sandbox } from './engine';
import { sandboxSim } from './sim';

export const sandboxGame = defineGame({ engine: sandbox, sim: sandboxSim });
