// What the projector stage shows of a gossip round: how the rumour spreads (who knows, the
// curve against the theory, the messages), but not the rumour itself nor anyone's card. The
// secret word, the cards and the top card appear only once the instructor reveals them.

import type { NodeId } from '../../protocol/ids';
import type { CardInfo } from './cards';
import type { GossipMode } from './config';
import { consoleView } from './console';
import type { DownReason, GossipState, Outcome } from './state';

export interface GossipStageNode {
  knows: boolean;
  /** Gossip round it learned in (0: the origin). */
  round: number | null;
  down: DownReason | null;
  cut: boolean;
  /** highest-card mode, once revealed: its best card (label). */
  best: string | null;
}

export interface GossipStageView {
  game: 'gossip';
  mode: GossipMode;
  fanout: number;
  maxRounds: number;
  round: number;
  roundEndsAt: number;
  timerKey: string;
  nodes: number;
  informed: number;
  informedPerRound: number[];
  messages: { sent: number; redundant: number };
  lastLearnedRound: number;
  origin: NodeId | null;
  status: 'running' | 'stalled' | 'over';
  outcome: Outcome | null;
  theory: { formula: string; rounds: number; curve: number[] };
  perNode: Record<NodeId, GossipStageNode>;
  /** Only once revealed: the rumour, and in highest-card mode the card everyone should end with. */
  secret: { word: string | null; topCard: CardInfo | null } | null;
}

export function stageView(state: GossipState, revealed: boolean): GossipStageView {
  const c = consoleView(state);
  const perNode: Record<NodeId, GossipStageNode> = {};
  for (const [id, n] of Object.entries(c.perNode)) {
    perNode[id] = { knows: n.knows, round: n.round, down: n.down, cut: n.cut, best: revealed ? n.best : null };
  }
  return {
    game: 'gossip',
    mode: c.mode,
    fanout: c.fanout,
    maxRounds: c.maxRounds,
    round: c.round,
    roundEndsAt: c.roundEndsAt,
    timerKey: c.timerKey,
    nodes: c.nodes,
    informed: c.informed,
    informedPerRound: c.informedPerRound,
    messages: { sent: c.messages.sent, redundant: c.messages.redundant },
    lastLearnedRound: c.lastLearnedRound,
    origin: c.origin,
    status: c.status,
    outcome: c.outcome,
    theory: c.theory,
    perNode,
    secret: revealed ? { word: c.word, topCard: c.topCard } : null,
  };
}
