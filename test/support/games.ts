// The tests' composition root: the games every test that plays a real game hands to the core.

import { byzantineGame } from '../../shared/games/byzantine';
import { cartGame } from '../../shared/games/cart';
import { electionGame } from '../../shared/games/election';
import { gossipGame } from '../../shared/games/gossip';
import { sandboxGame } from '../../shared/games/sandbox';
import { createGames } from '../../shared/games/types';

export const GAMES = createGames([sandboxGame, gossipGame, electionGame, byzantineGame, cartGame]);
