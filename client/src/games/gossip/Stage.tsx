// The gossip round on the projector stage: how many know, the round and its clock, the curve of
// who knew after each round against the push-gossip theory, and the messages. The rumour and
// the cards stay secret until the instructor reveals them.

import { useSessionNow, secondsLeft } from '../sessionClock';
import type { GossipStageView } from '../../../../shared/games/gossip/stage';
import type { NodeDecoration, StageGameProps } from '../types';
import { decorate, MODE_TEXT } from './look';
import { LINE } from './InfectionCurve';

export function GossipStage({ view, snapshot, ended }: StageGameProps<GossipStageView>) {
  const now = useSessionNow(snapshot.t, snapshot.paused);
  if (view?.game !== 'gossip') return null;
  const cards = view.mode === 'highest-card';
  const endsAt = snapshot.round?.timers[view.timerKey] ?? view.roundEndsAt;
  const doneIn = view.outcome === 'everyone' ? view.lastLearnedRound : null;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-gossip">
      <div>
        <b>{MODE_TEXT[view.mode].title}</b>, fanout {view.fanout}
      </div>
      <div className="stage-row">
        <div className="stage-big">
          <span>{cards ? 'Hold the top card' : 'Know the rumour'}</span>
          <b data-testid="stage-informed">
            {view.informed} of {view.nodes}
          </b>
        </div>
        <div className="stage-big">
          <span>Round</span>
          <b>{view.round}</b>
        </div>
        {!ended && view.status === 'running' && (
          <div className="stage-big">
            <span>Next round in</span>
            <b>{secondsLeft(endsAt - now)}</b>
          </div>
        )}
      </div>
      <StageCurve view={view} />
      <div>
        Theory (push): about <b>{view.theory.rounds.toFixed(1)}</b> rounds for {view.nodes} nodes
      </div>
      <div>
        Messages: <b>{view.messages.sent}</b>, of which <b>{view.messages.redundant}</b> to nodes that already knew
      </div>
      {view.status === 'stalled' && <div className="stage-warn">The rumour cannot reach anyone else now.</div>}
      {view.outcome && (
        <div className={view.outcome === 'everyone' ? 'stage-good' : 'stage-warn'} data-testid="stage-gossip-outcome">
          {view.outcome === 'everyone'
            ? `✓ Every live node ${cards ? 'holds the top card' : 'knows'} after ${doneIn} round${doneIn === 1 ? '' : 's'}`
            : view.outcome === 'stalled'
              ? `✗ ${view.nodes - view.informed} never ${cards ? 'got the top card' : 'learned'}: the spread stalled`
              : `✗ Stopped after ${view.maxRounds} rounds`}
        </div>
      )}
      {view.secret ? (
        <div data-testid="stage-revealed">
          {cards ? 'The top card was' : 'The rumour was'} <b>“{cards ? (view.secret.topCard?.label ?? '?') : (view.secret.word ?? '?')}”</b>
        </div>
      ) : (
        <p className="stage-note">
          {cards ? 'The cards stay secret until the instructor reveals them.' : 'The rumour stays secret until the instructor reveals it.'}
        </p>
      )}
    </div>
  );
}

/** Who knew after each round (bars) and the theory (a dashed line); the words beside say the same. */
function StageCurve({ view }: { view: GossipStageView }) {
  const rounds = Math.max(view.informedPerRound.length, view.theory.curve.length, 2);
  const n = Math.max(1, view.nodes);
  const w = 100;
  const h = 40;
  const x = (r: number) => (r / (rounds - 1)) * w;
  const y = (v: number) => h - (v / n) * h;
  const theory = view.theory.curve.map((v, r) => `${r === 0 ? 'M' : 'L'}${x(r).toFixed(2)} ${y(v).toFixed(2)}`).join('');
  const live = view.informedPerRound.map((v, r) => `${r === 0 ? 'M' : 'L'}${x(r).toFixed(2)} ${y(v).toFixed(2)}`).join('');
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`-2 -2 ${w + 4} ${h + 4}`}
        style={{ width: '100%', height: '7em', display: 'block', background: '#fbfcfe', border: '2px solid var(--line)' }}
        role="img"
        aria-label={`Nodes that knew after each round: ${view.informedPerRound.join(', ')}; theory: ${view.theory.curve.map((v) => Math.round(v)).join(', ')}`}
        preserveAspectRatio="none"
      >
        <path d={theory} fill="none" stroke={LINE.theory.color} strokeWidth={0.8} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />
        <path d={live} fill="none" stroke={LINE.live.color} strokeWidth={4} vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>
        <span style={{ color: LINE.live.color, fontWeight: 800 }}>━ this class</span> ·{' '}
        <span style={{ color: LINE.theory.color, fontWeight: 700 }}>╌ theory</span>
      </figcaption>
    </figure>
  );
}

/** The stage map: who knows, the origin, who is cut off; cards only once revealed. */
export function decorateStage(view: GossipStageView): Record<string, NodeDecoration> {
  return decorate({ game: 'gossip', mode: view.mode, origin: view.origin, perNode: view.perNode });
}
