// The gossip round on the projector stage: how many know, the round and its clock, the curve of
// who knew after each round against the push-gossip theory, and the messages. The rumour and
// the cards stay secret until the instructor reveals them.

import type { Translator } from '../../i18n/translate';
import { useSessionNow, secondsLeft } from '../sessionClock';
import type { GossipStageView } from '../../../../shared/games/gossip/stage';
import type { NodeDecoration, StageGameProps } from '../types';
import { decorate } from './look';
import { useT } from '../../i18n/I18nProvider';
import { LINE } from './InfectionCurve';

export function GossipStage({ view, snapshot, ended }: StageGameProps<GossipStageView>) {
  const t = useT();
  const now = useSessionNow(snapshot.t, snapshot.paused);
  if (view?.game !== 'gossip') return null;
  const cards = view.mode === 'highest-card';
  const endsAt = snapshot.round?.timers[view.timerKey] ?? view.roundEndsAt;
  const doneIn = view.lastLearnedRound;
  const never = view.nodes - view.informed;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-gossip">
      <div>{t('stage.gossip.modeLine', { mode: t.dynamic(`stage.gossip.mode.${view.mode}`) ?? view.mode, fanout: view.fanout })}</div>
      <div className="stage-row">
        <div className="stage-big">
          <span>{cards ? t('stage.gossip.holdTop') : t('stage.gossip.know')}</span>
          <b data-testid="stage-informed">{t('stage.gossip.ofN', { informed: view.informed, nodes: view.nodes })}</b>
        </div>
        <div className="stage-big">
          <span>{t('stage.gossip.round')}</span>
          <b>{t.number(view.round)}</b>
        </div>
        {!ended && view.status === 'running' && (
          <div className="stage-big">
            <span>{t('stage.gossip.nextIn')}</span>
            <b>{secondsLeft(endsAt - now)}</b>
          </div>
        )}
      </div>
      <StageCurve view={view} />
      <div>{t('stage.gossip.theory', { rounds: Math.round(view.theory.rounds * 10) / 10, nodes: view.nodes })}</div>
      <div>{t('stage.gossip.messages', view.messages)}</div>
      {view.status === 'stalled' && <div className="stage-warn">{t('stage.gossip.stalled')}</div>}
      {view.outcome && (
        <div className={view.outcome === 'everyone' ? 'stage-good' : 'stage-warn'} data-testid="stage-gossip-outcome">
          {view.outcome === 'everyone'
            ? t(cards ? 'stage.gossip.everyoneCard' : 'stage.gossip.everyone', { rounds: doneIn })
            : view.outcome === 'stalled'
              ? t(cards ? 'stage.gossip.neverCard' : 'stage.gossip.never', { count: never })
              : t('stage.gossip.maxRounds', { rounds: view.maxRounds })}
        </div>
      )}
      {view.secret ? (
        <b data-testid="stage-revealed">
          {cards
            ? t('stage.gossip.topWas', { card: view.secret.topCard?.label ?? '?' })
            : t('stage.gossip.wordWas', { word: view.secret.word ?? '?' })}
        </b>
      ) : (
        <p className="stage-note">{cards ? t('stage.gossip.secretCards') : t('stage.gossip.secretWord')}</p>
      )}
    </div>
  );
}

/** Who knew after each round (a line) and the theory (a dashed line); the words beside say the same. */
function StageCurve({ view }: { view: GossipStageView }) {
  const t = useT();
  const rounds = Math.max(view.informedPerRound.length, view.theory.curve.length, 2);
  const n = Math.max(1, view.nodes);
  const w = 100;
  const h = 40;
  const x = (r: number) => (r / (rounds - 1)) * w;
  const y = (v: number) => h - (v / n) * h;
  const path = (values: readonly number[]) => values.map((v, r) => `${r === 0 ? 'M' : 'L'}${x(r).toFixed(2)} ${y(v).toFixed(2)}`).join('');
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`-2 -2 ${w + 4} ${h + 4}`}
        style={{ width: '100%', height: '7em', display: 'block', background: '#fbfcfe', border: '2px solid var(--line)' }}
        role="img"
        aria-label={t('stage.gossip.curve', {
          live: view.informedPerRound.join(', '),
          theory: view.theory.curve.map((v) => Math.round(v)).join(', '),
        })}
        preserveAspectRatio="none"
      >
        <path
          d={path(view.theory.curve)}
          fill="none"
          stroke={LINE.theory.color}
          strokeWidth={0.8}
          strokeDasharray="3 2"
          vectorEffect="non-scaling-stroke"
        />
        <path d={path(view.informedPerRound)} fill="none" stroke={LINE.live.color} strokeWidth={4} vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>
        <span style={{ color: LINE.live.color, fontWeight: 800 }}>{t('stage.gossip.curveClass')}</span> ·{' '}
        <span style={{ color: LINE.theory.color, fontWeight: 700 }}>{t('stage.gossip.curveTheory')}</span>
      </figcaption>
    </figure>
  );
}

/** The stage map: who knows, the origin, who is cut off; cards only once revealed. */
export function decorateStage(view: GossipStageView, t: Translator): Record<string, NodeDecoration> {
  return decorate({ game: 'gossip', mode: view.mode, origin: view.origin, perNode: view.perNode }, t);
}
