// The card leader election, as the composition roots list it.

import { defineGame } from '../types';
import { election } from './engine';
import { electionSim } from './sim';

export const electionGame = defineGame({ engine: election, sim: electionSim });
