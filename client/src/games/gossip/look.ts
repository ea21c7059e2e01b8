// How the gossip game looks everywhere: the map's colours and badge words (never colour alone),
// the message kinds, the words for modes and reasons, and the results table's one line.

import type { GossipResult, NeverReason } from '../../../../shared/games/gossip/analysis';
import { KINDS as WIRE, type GossipMode } from '../../../../shared/games/gossip/config';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { KindStyle } from '../../map/draw';
import type { NodeDecoration } from '../types';

/** Map fills; dark ink stays readable on each (AA). The badge says the same in words. */
export const FILLS = {
  knows: '#8fd9a8',
  origin: '#ffd98a',
  waiting: '#dfe6f5',
  cut: '#ffc9c2',
} as const;

export const KINDS: Record<string, KindStyle> = {
  [WIRE.push]: { color: '#146c2e', label: 'rumour' },
  [WIRE.pull]: { color: '#0b7285', label: 'know it?' },
  [WIRE.reply]: { color: '#1f4fbf', label: 'answer' },
  [WIRE.card]: { color: '#8a1c7c', label: 'card' },
};

export const MODE_TEXT: Record<GossipMode, { title: string; text: string }> = {
  push: { title: 'Push', text: 'Nodes that know tell others.' },
  pull: { title: 'Pull', text: 'Nodes that do not know ask others; a node that knows answers.' },
  'push-pull': { title: 'Push-pull', text: 'Both: knowers tell, the others ask.' },
  'highest-card': {
    title: 'Highest card',
    text: 'Everyone gets a card and spreads the highest card seen: all must end with the top card.',
  },
};

export const NEVER_TEXT: Record<NeverReason, string> = {
  crashed: 'crashed',
  left: 'left the room',
  partition: 'cut off by a partition',
  'knowers-down': 'every node that knew was down',
  'not-told': 'nobody told it in time',
};

/** The map's look of each node: who knows (colour + "knows"), the origin (★), who is cut off (alert). */
/** Takes the console's view or the stage's (where `best` is null until the cards are revealed). */
export function decorate(
  view: Pick<GossipConsoleView, 'game' | 'mode' | 'origin'> & {
    perNode: Record<string, Pick<GossipConsoleView['perNode'][string], 'knows' | 'round' | 'cut' | 'down' | 'best'>>;
  },
): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'gossip') return out;
  const cards = view.mode === 'highest-card';
  for (const [id, n] of Object.entries(view.perNode)) {
    const origin = id === view.origin;
    const words: string[] = [];
    if (origin) words.push(cards ? 'dealt top card' : 'origin');
    if (n.knows && !origin) words.push(cards ? `top card r${n.round}` : `knows r${n.round}`);
    else if (n.knows) words.push(cards ? '' : 'knows');
    const cut = !n.knows && n.cut && n.down === null;
    if (cut) words.push('cut off');
    out[id] = {
      short: cards ? (n.best ?? undefined) : origin ? '★' : n.knows ? '✓' : undefined,
      fill: origin ? FILLS.origin : n.knows ? FILLS.knows : cut ? FILLS.cut : FILLS.waiting,
      badge: words.filter(Boolean).join(' · ') || undefined,
      alert: cut,
    };
  }
  return out;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function roundsText(x: number): string {
  return `${x.toFixed(1)} rounds`;
}

/** "2 partition, 1 crashed" */
export function neverText(never: GossipResult['never']): string {
  return (Object.keys(never) as NeverReason[])
    .filter((k) => never[k] > 0)
    .map((k) => `${never[k]} ${NEVER_TEXT[k]}`)
    .join(', ');
}

/** One line for the session's results table. */
export function summary(r: GossipResult): string {
  if (r?.game !== 'gossip') return '—';
  const what = r.mode === 'highest-card' ? `held ${r.topCard ?? 'the top card'}` : 'knew';
  const parts: string[] = [];
  if (r.rounds !== null) {
    parts.push(`every live node ${what} after ${plural(r.rounds, 'round')} (theory ${roundsText(r.theory.rounds)})`);
  } else {
    const missing = r.nodes - r.informed;
    parts.push(
      `never: ${missing} of ${r.nodes} never ${r.mode === 'highest-card' ? 'got the top card' : 'learned'} (${neverText(r.never) || 'stopped'})`,
    );
  }
  parts.push(`${r.mode}, fanout ${r.fanout}, ${r.nodes} nodes`);
  parts.push(`${plural(r.messages, 'message')}, ${r.redundant} redundant`);
  const dropped = r.dropped.partition + r.dropped.loss + r.dropped.crashed;
  if (dropped > 0) parts.push(`${dropped} dropped`);
  if (r.outcome === 'stopped') parts.push('stopped early');
  return parts.join(' · ');
}

/** Server refusals name nodes by id ("n4"): say their nicknames instead. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/\bn\d+\b/g, (id) => names.get(id) ?? id);
}
