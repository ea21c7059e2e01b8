// How the election game looks everywhere: role words, shapes and colours (never colour alone),
// the map's decorations, message kinds, and the results table's one line.

import type { ElectionResult } from '../../../../shared/games/election/analysis';
import type { ElectionConsoleView } from '../../../../shared/games/election/console';
import type { ElectionStageView } from '../../../../shared/games/election/stage';
import { KIND } from '../../../../shared/games/election/config';
import type { Role } from '../../../../shared/games/election/state';
import type { KindStyle } from '../../map/draw';
import type { NodeDecoration } from '../types';

export interface RoleLook {
  word: string;
  /** A shape beside the word, so roles differ without colour. */
  icon: string;
  /** Fill of the node on the map (the card's text is drawn in dark ink on it). */
  fill: string;
}

export const ROLE_LOOK: Record<Role, RoleLook> = {
  follower: { word: 'Follower', icon: '●', fill: '#d6e4ff' },
  candidate: { word: 'Candidate', icon: '▲', fill: '#ffd98a' },
  leader: { word: 'Leader', icon: '★', fill: '#8fd9a8' },
};

export const STALE_FILL = '#ffc9c2';
export const CRASHED_FILL = '#c4c8d0';

export const KINDS: Record<string, KindStyle> = {
  [KIND.voteRequest]: { color: '#0b7285', label: 'vote?' },
  [KIND.vote]: { color: '#8a1c7c', label: 'vote' },
  [KIND.append]: { color: '#146c2e', label: 'heartbeat' },
  [KIND.appendReply]: { color: '#1f4fbf', label: 'ack' },
};

/** The map's look of each node: its card inside the circle, its role as colour and word. */
export function decorate(view: Pick<ElectionConsoleView, 'game'> & { nodes: ElectionStageView['nodes'] }): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'election') return out;
  for (const n of view.nodes) {
    const look = ROLE_LOOK[n.role];
    const stale = n.role === 'leader' && n.stale !== null;
    out[n.id] = {
      short: n.card.label,
      ...(n.card.red ? { ink: '#b3261e' } : {}),
      fill: n.crashed ? CRASHED_FILL : stale ? STALE_FILL : look.fill,
      badge: stale ? `stale leader T${n.term}` : n.role === 'follower' ? undefined : `${look.word.toLowerCase()} T${n.term}`,
      alert: stale,
    };
  }
  return out;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line for the session's results table. */
export function summary(r: ElectionResult): string {
  if (r?.game !== 'election') return '—';
  const parts: string[] = [];
  parts.push(r.firstLeader ? `first leader ${r.firstLeader.card} after ${formatMs(r.firstLeaderMs)}` : 'no leader elected');
  parts.push(`${plural(r.terms, 'term')}, ${plural(r.splitVotes, 'split vote')}`);
  const last = r.committedValues.at(-1);
  parts.push(last ? `committed "${last}"` : 'nothing committed');
  if (r.stale.count) parts.push(`${plural(r.stale.count, 'stale leader')} (${formatMs(r.stale.totalMs)})`);
  parts.push(r.safety.ok && r.maxLeadersPerTerm <= 1 ? 'safe: ≤ 1 leader per term' : `UNSAFE: ${r.maxLeadersPerTerm} leaders in a term`);
  return parts.join(' · ');
}
