// The games this client offers, handed to everything that folds a session or builds its views
// (the replay viewer, the console's panels). The same definitions the server lists; each
// game's screens are in GAME_UIS (index.ts).

import { byzantineGame } from '../../../shared/games/byzantine';
import { cartGame } from '../../../shared/games/cart';
import { electionGame } from '../../../shared/games/election';
import { gossipGame } from '../../../shared/games/gossip';
import { sandboxGame } from '../../../shared/games/sandbox';
import { createGames } from '../../../shared/games/types';

export const GAMES = createGames([sandboxGame, gossipGame, electionGame, byzantineGame, cartGame]);
