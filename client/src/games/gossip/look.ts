// How the gossip game looks everywhere: the map's colours and badge words (never colour alone),
// the message kinds, the words for modes and reasons, and the results table's one line.

import type { GossipResult, NeverReason } from '../../../../shared/games/gossip/analysis';
import { KINDS as WIRE, type GossipMode } from '../../../../shared/games/gossip/config';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { KindLook, NodeDecoration } from '../types';
import type { MessageKey, Translator } from '../../i18n/translate';

/** Map fills; dark ink stays readable on each (AA). The badge says the same in words. */
export const FILLS = {
  knows: '#8fd9a8',
  origin: '#ffd98a',
  waiting: '#dfe6f5',
  cut: '#ffc9c2',
} as const;

export const KINDS: Record<string, KindLook> = {
  [WIRE.push]: { color: '#146c2e', label: 'gossip.look.kind.push' },
  [WIRE.pull]: { color: '#0b7285', label: 'gossip.look.kind.pull' },
  [WIRE.reply]: { color: '#1f4fbf', label: 'gossip.look.kind.reply' },
  [WIRE.card]: { color: '#8a1c7c', label: 'gossip.look.kind.card' },
};

/** Each mode's name and one line on how it spreads (catalogue keys). */
export const MODE_TEXT: Record<GossipMode, { title: MessageKey; text: MessageKey }> = {
  push: { title: 'gossip.look.mode.push', text: 'gossip.look.mode.pushText' },
  pull: { title: 'gossip.look.mode.pull', text: 'gossip.look.mode.pullText' },
  'push-pull': { title: 'gossip.look.mode.pushPull', text: 'gossip.look.mode.pushPullText' },
  'highest-card': { title: 'gossip.look.mode.highestCard', text: 'gossip.look.mode.highestCardText' },
};

/** Why a node never learned (catalogue keys). */
export const NEVER_TEXT: Record<NeverReason, MessageKey> = {
  crashed: 'gossip.look.never.crashed',
  left: 'gossip.look.never.left',
  partition: 'gossip.look.never.partition',
  'knowers-down': 'gossip.look.never.knowersDown',
  'not-told': 'gossip.look.never.notTold',
};

/** The map's look of each node: who knows (colour + "knows"), the origin (★), who is cut off (alert). */
/** Takes the console's view or the stage's (where `best` is null until the cards are revealed). */
export function decorate(
  view: Pick<GossipConsoleView, 'game' | 'mode' | 'origin'> & {
    perNode: Record<string, Pick<GossipConsoleView['perNode'][string], 'knows' | 'round' | 'cut' | 'down' | 'best'>>;
  },
  t: Translator,
): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'gossip') return out;
  const cards = view.mode === 'highest-card';
  for (const [id, n] of Object.entries(view.perNode)) {
    const origin = id === view.origin;
    const words: string[] = [];
    if (origin) words.push(cards ? t('gossip.look.badge.dealt') : t('gossip.look.badge.origin'));
    if (n.knows && !origin)
      words.push(cards ? t('gossip.look.badge.topR', { round: n.round ?? 0 }) : t('gossip.look.badge.knowsR', { round: n.round ?? 0 }));
    else if (n.knows) words.push(cards ? '' : t('gossip.look.badge.knows'));
    const cut = !n.knows && n.cut && n.down === null;
    if (cut) words.push(t('gossip.look.badge.cut'));
    out[id] = {
      short: cards ? (n.best ?? undefined) : origin ? '★' : n.knows ? '✓' : undefined,
      fill: origin ? FILLS.origin : n.knows ? FILLS.knows : cut ? FILLS.cut : FILLS.waiting,
      badge: words.filter(Boolean).join(' · ') || undefined,
      alert: cut,
    };
  }
  return out;
}

export function roundsText(t: Translator, x: number): string {
  return t('gossip.look.rounds', { rounds: Math.round(x * 10) / 10 });
}

/** "2 cut off by a partition, 1 crashed" */
export function neverText(t: Translator, never: GossipResult['never']): string {
  return t.list(
    (Object.keys(never) as NeverReason[])
      .filter((k) => never[k] > 0)
      .map((k) => t('gossip.look.neverCount', { count: never[k], why: t(NEVER_TEXT[k]) })),
  );
}

/** One line for the session's results table. */
export function summary(r: GossipResult, t: Translator): string {
  if (r?.game !== 'gossip') return t('common.dash');
  const cards = r.mode === 'highest-card';
  const parts: string[] = [];
  if (r.rounds !== null) {
    parts.push(
      cards
        ? t('gossip.look.summary.allHeld', { card: r.topCard ?? '?', rounds: r.rounds, theory: roundsText(t, r.theory.rounds) })
        : t('gossip.look.summary.allKnew', { rounds: r.rounds, theory: roundsText(t, r.theory.rounds) }),
    );
  } else {
    const missing = r.nodes - r.informed;
    const why = neverText(t, r.never) || t('gossip.look.summary.stopped');
    parts.push(
      cards
        ? t('gossip.look.summary.neverCard', { missing, nodes: r.nodes, why })
        : t('gossip.look.summary.never', { missing, nodes: r.nodes, why }),
    );
  }
  parts.push(t('gossip.look.summary.setup', { mode: t(MODE_TEXT[r.mode].title), fanout: r.fanout, nodes: r.nodes }));
  parts.push(t('gossip.look.summary.messages', { count: r.messages, redundant: r.redundant }));
  const dropped = r.dropped.partition + r.dropped.loss + r.dropped.crashed;
  if (dropped > 0) parts.push(t('gossip.look.summary.dropped', { count: dropped }));
  if (r.outcome === 'stopped') parts.push(t('gossip.look.summary.stoppedEarly'));
  return parts.join(' · ');
}

/** Server refusals name nodes by id ("n4"): say their nicknames instead. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/\bn\d+\b/g, (id) => names.get(id) ?? id);
}
