// How the network map draws a room's picture, for the live console and the replay alike: each
// node with its game's decoration, each message with its game's colour and label, worded in
// the reader's language.

import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { presence } from '../console/Roster';
import type { Translator } from '../i18n/translate';
import { defaultKindStyle, type KindStyle, type MapNode } from '../map/draw';
import { GAME_UIS } from '.';

/** The map's nodes: active ones, with the running game's look (card, role colour, badge). */
export function mapNodesOf(snapshot: ConsoleSnapshot, t: Translator): MapNode[] {
  const ui = snapshot.round ? GAME_UIS[snapshot.round.game] : undefined;
  const decorations = ui?.decorate && snapshot.round ? ui.decorate(snapshot.round.view, t) : {};
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

const caches = new WeakMap<Translator, Map<string, KindStyle>>();

/** A message kind's colour and label: its game's own ("election:vote-request"), else a stable default. */
export function kindStyle(kind: string, t: Translator): KindStyle {
  let cache = caches.get(t);
  if (!cache) {
    cache = new Map();
    caches.set(t, cache);
  }
  let style = cache.get(kind);
  if (style) return style;
  const game = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : '';
  let look = GAME_UIS[game]?.kinds?.[kind];
  if (!look) for (const ui of Object.values(GAME_UIS)) if (ui.kinds?.[kind]) look = ui.kinds[kind];
  style = look ? { color: look.color, label: t(look.label) } : defaultKindStyle(kind);
  cache.set(kind, style);
  return style;
}

/** As `kindStyle`, labelled by the message's content where its game says how ("order: Attack"). */
export function messageStyle(t: Translator): (kind: string, body: unknown) => KindStyle {
  return (kind, body) => {
    const style = kindStyle(kind, t);
    const game = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : '';
    const label = GAME_UIS[game]?.messageLabel?.(kind, body, t);
    return label ? { ...style, label } : style;
  };
}
