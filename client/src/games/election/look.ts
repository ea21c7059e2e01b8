// How the election game looks everywhere: role words, shapes and colours (never colour alone),
// the map's decorations, message kinds, and the results table's one line.

import type { ElectionResult } from '../../../../shared/games/election/analysis';
import type { ElectionConsoleView } from '../../../../shared/games/election/console';
import type { ElectionStageView } from '../../../../shared/games/election/stage';
import { KIND } from '../../../../shared/games/election/limits';
import type { Role } from '../../../../shared/games/election/state';
import type { KindLook, NodeDecoration } from '../types';
import type { Translator } from '../../i18n/translate';
import { formatMs as formatSpan } from '../../i18n/format';

export interface RoleLook {
  /** English, for the phone's older code; screens word roles with `election.console.role.*`. */
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

export const KINDS: Record<string, KindLook> = {
  [KIND.voteRequest]: { color: '#0b7285', label: 'election.look.kind.voteRequest' },
  [KIND.vote]: { color: '#8a1c7c', label: 'election.look.kind.vote' },
  [KIND.append]: { color: '#146c2e', label: 'election.look.kind.heartbeat' },
  [KIND.appendReply]: { color: '#1f4fbf', label: 'election.look.kind.ack' },
};

/** A role in the reader's language (lower case, as a badge or in a sentence). */
export function roleWord(t: Translator, role: Role): string {
  return role === 'leader'
    ? t('election.look.role.leader')
    : role === 'candidate'
      ? t('election.look.role.candidate')
      : t('election.look.role.follower');
}

/** The map's look of each node: its card inside the circle, its role as colour and word. */
export function decorate(
  view: Pick<ElectionConsoleView, 'game'> & { nodes: ElectionStageView['nodes'] },
  t: Translator,
): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  if (view?.game !== 'election') return out;
  for (const n of view.nodes) {
    const look = ROLE_LOOK[n.role];
    const stale = n.role === 'leader' && n.stale !== null;
    out[n.id] = {
      short: n.card.label,
      ...(n.card.red ? { ink: '#b3261e' } : {}),
      fill: n.crashed ? CRASHED_FILL : stale ? STALE_FILL : look.fill,
      badge: stale
        ? t('election.look.badge.stale', { term: n.term })
        : n.role === 'follower'
          ? undefined
          : t('election.look.badge.role', { role: roleWord(t, n.role), term: n.term }),
      alert: stale,
    };
  }
  return out;
}

/** A span of time in the reader's language ("350 ms", "2,5 s", "1 min 05 s"). */
export const formatMs = (t: Translator, ms: number | null | undefined): string => formatSpan(t, ms);

/** One line for the session's results table: the first leader by nickname, with their card. */
export function summary(r: ElectionResult, t: Translator, nameOf: (id: string) => string): string {
  if (r?.game !== 'election') return t('common.dash');
  const parts: string[] = [];
  parts.push(
    r.firstLeader
      ? t('election.look.summary.firstLeader', {
          name: nameOf(r.firstLeader.node),
          card: r.firstLeader.card,
          after: formatMs(t, r.firstLeaderMs),
        })
      : t('election.look.summary.noLeader'),
  );
  parts.push(t('election.look.summary.terms', { terms: r.terms, split: r.splitVotes }));
  const last = r.committedValues.at(-1);
  parts.push(last ? t('election.look.summary.committed', { value: last }) : t('election.look.summary.nothing'));
  if (r.stale.count) parts.push(t('election.look.summary.stale', { count: r.stale.count, time: formatMs(t, r.stale.totalMs) }));
  parts.push(
    r.safety.ok && r.maxLeadersPerTerm <= 1
      ? t('election.look.summary.safe')
      : t('election.look.summary.unsafe', { count: r.maxLeadersPerTerm }),
  );
  return parts.join(' · ');
}
