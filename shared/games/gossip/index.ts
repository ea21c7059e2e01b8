// The gossip rumour game, as the composition roots list it.

import { defineGame } from '../types';
import { gossip } from './engine';
import { gossipSim } from './sim';

export const gossipGame = defineGame({ engine: gossip, sim: gossipSim });
