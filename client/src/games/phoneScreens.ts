// The phone's screen of each game, loaded apart from the page: the join page carries none of
// the games, and once the phone is in a room it fetches them in the background, so that the
// round's screen is there when the round starts. (The console and the replay use the whole
// registry in ./index.ts; phoneScreens.test.ts keeps the two lists the same.)

import { lazy, type ComponentType } from 'react';
import type { PhoneGameProps } from './types';

type PhoneScreen = ComponentType<PhoneGameProps<unknown>>;

/** Views reach the phone as JSON beside their game's id: each screen gets the view of its game. */
const erase = <View>(screen: ComponentType<PhoneGameProps<View>>) => screen as PhoneScreen;

const LOADERS: Record<string, () => Promise<PhoneScreen>> = {
  sandbox: () => import('./sandbox/SandboxPhone').then((m) => erase(m.SandboxPhone)),
  gossip: () => import('./gossip/GossipPhone').then((m) => erase(m.GossipPhone)),
  election: () => import('./election/ElectionPhone').then((m) => erase(m.ElectionPhone)),
  byzantine: () => import('./byzantine/ByzantinePhone').then((m) => erase(m.ByzantinePhone)),
  cart: () => import('./cart/CartPhone').then((m) => erase(m.CartPhone)),
};

export const PHONE_SCREENS: Record<string, PhoneScreen> = Object.fromEntries(
  Object.entries(LOADERS).map(([game, load]) => [game, lazy(() => load().then((screen) => ({ default: screen })))]),
);

export const PHONE_GAMES = Object.keys(LOADERS);

/** Each game's one line after a round (what you did, what happened to the class), from the same modules. */
const RECAP_LOADERS: Record<string, () => Promise<PhoneScreen>> = {
  sandbox: () => import('./sandbox/SandboxPhone').then((m) => erase(m.SandboxRecap)),
  gossip: () => import('./gossip/GossipPhone').then((m) => erase(m.GossipRecap)),
  election: () => import('./election/ElectionPhone').then((m) => erase(m.ElectionRecap)),
  byzantine: () => import('./byzantine/ByzantinePhone').then((m) => erase(m.ByzantineRecap)),
  cart: () => import('./cart/CartRecap').then((m) => erase(m.CartRecap)),
};

export const PHONE_RECAPS: Record<string, PhoneScreen> = Object.fromEntries(
  Object.entries(RECAP_LOADERS).map(([game, load]) => [game, lazy(() => load().then((screen) => ({ default: screen })))]),
);

/** Fetches every game's screen (once; the browser keeps the modules). A failure shows later, if that game is played. */
export function prefetchPhoneScreens(): void {
  for (const load of Object.values(LOADERS)) load().catch(() => {});
}
