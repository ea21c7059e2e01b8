// How the network map draws a room's picture, for the live console and the replay alike: each
// node with its game's decoration, each message with its game's colour and label.

import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { presence } from '../console/Roster';
import { defaultKindStyle, type KindStyle, type MapNode } from '../map/draw';
import { GAME_UIS } from '.';

/** The map's nodes: active ones, with the running game's look (card, role colour, badge). */
export function mapNodesOf(snapshot: ConsoleSnapshot): MapNode[] {
  const ui = snapshot.round ? GAME_UIS[snapshot.round.game] : undefined;
  const decorations = ui?.decorate && snapshot.round ? ui.decorate(snapshot.round.view) : {};
  return snapshot.nodes
    .filter((n) => n.status === 'active')
    .map((n) => {
      const p = presence(n, snapshot.t);
      return {
        id: n.id,
        label: n.nickname,
        group: n.group,
        crashed: n.crashed,
        offline: p === 'offline' || p === 'reconnecting',
        bot: n.kind === 'bot',
        ...decorations[n.id],
      };
    });
}

const cache = new Map<string, KindStyle>();

/** A message kind's colour and label: its game's own ("election:vote-request"), else a stable default. */
export function kindStyle(kind: string): KindStyle {
  let style = cache.get(kind);
  if (style) return style;
  const game = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : '';
  style = GAME_UIS[game]?.kinds?.[kind];
  if (!style) for (const ui of Object.values(GAME_UIS)) if (ui.kinds?.[kind]) style = ui.kinds[kind];
  style ??= defaultKindStyle(kind);
  cache.set(kind, style);
  return style;
}

/** As `kindStyle`, labelled by the message's content where its game says how ("order: Attack"). */
export function messageStyle(kind: string, body: unknown): KindStyle {
  const style = kindStyle(kind);
  const game = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : '';
  const label = GAME_UIS[game]?.messageLabel?.(kind, body);
  return label ? { ...style, label } : style;
}
