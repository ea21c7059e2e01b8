// The round's analysis: how many rounds until every live node knew (or "never", with who and
// why), the curve against the theory, the messages, the redundant ones, the drops by reason.

import type { GossipResult } from '../../../../shared/games/gossip/analysis';
import { modeCurve } from '../../../../shared/games/gossip/theory';
import type { ResultProps } from '../types';
import { Stat } from './GossipConsole';
import { InfectionCurve } from './InfectionCurve';
import { MODE_TEXT, NEVER_TEXT, neverText, roundsText } from './look';
import { useSimulatedCurve } from './simCurve';
import './gossip.css';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';

const OUTCOME_TEXT: Record<GossipResult['outcome'], MessageKey> = {
  everyone: 'gossip.result.outcome.everyone',
  stalled: 'gossip.result.outcome.stalled',
  'max-rounds': 'gossip.result.outcome.maxRounds',
  stopped: 'gossip.result.outcome.stopped',
};

export function GossipResultView({ result: r, names }: ResultProps<GossipResult>) {
  const sim = useSimulatedCurve(r && r.game === 'gossip' ? { nodes: r.nodes, mode: r.mode, fanout: r.fanout } : null);
  const t = useT();
  if (r?.game !== 'gossip') return null;
  const name = (id: string) => names.get(id) ?? id;
  const cards = r.mode === 'highest-card';
  const dropped = r.dropped.partition + r.dropped.loss + r.dropped.crashed;
  const liveMissing = r.never.partition + r.never['knowers-down'] + r.never['not-told'];
  const downMissing = r.never.crashed + r.never.left;
  const theoryCurve = modeCurve(r.mode, r.nodes, r.fanout, Math.max(r.gossipRounds, Math.ceil(r.theory.rounds * 2) + 2));
  const delta = r.rounds !== null ? r.rounds - r.theory.rounds : null;
  const one = (x: number) => Math.round(x * 10) / 10;
  const kinds: [number, MessageKey][] = [
    [r.messagesByKind.push, 'gossip.console.kinds.push'],
    [r.messagesByKind.pull, 'gossip.console.kinds.pull'],
    [r.messagesByKind.reply, 'gossip.console.kinds.reply'],
    [r.messagesByKind.card, 'gossip.console.kinds.card'],
  ];
  return (
    <div className="go-result stack" data-testid="gossip-result">
      {r.rounds !== null ? (
        <p className="go-verdict ok" data-testid="gossip-verdict">
          <span aria-hidden="true">✓ </span>
          {cards
            ? t('gossip.result.allHeld', { card: r.topCard ?? '', rounds: r.rounds })
            : t('gossip.result.allKnew', { rounds: r.rounds })}
          {r.nodes > 1 && (
            <>
              {' '}
              {delta !== null && Math.abs(delta) >= 0.05
                ? t('gossip.result.theoryDelta', {
                    mode: t(MODE_TEXT[r.mode].title),
                    theory: roundsText(t, r.theory.rounds),
                    delta: one(Math.abs(delta)),
                    dir: delta > 0 ? 'more' : 'fewer',
                  })
                : t('gossip.result.theory', { mode: t(MODE_TEXT[r.mode].title), theory: roundsText(t, r.theory.rounds) })}
            </>
          )}
          {downMissing > 0 && <span className="go-verdict-more"> {t('gossip.result.downMissing', { count: downMissing })}</span>}
        </p>
      ) : (
        <p className="go-verdict bad" data-testid="gossip-verdict">
          <span aria-hidden="true">✗ </span>
          {t(cards ? 'gossip.result.neverCard' : 'gossip.result.never', {
            count: liveMissing,
            why: neverText(t, r.never),
            informed: r.informed,
            nodes: r.nodes,
          })}
        </p>
      )}
      <p className="muted">
        {t('gossip.result.setup', {
          mode: t(MODE_TEXT[r.mode].title),
          fanout: r.fanout,
          nodes: r.nodes,
          outcome: t(OUTCOME_TEXT[r.outcome]),
          played: r.gossipRounds,
        })}
        {r.lastLearnedRound > 0 && ` ${t('gossip.result.lastLearned', { round: r.lastLearnedRound })}`}
        {r.origin && !cards && ` ${t('gossip.result.startedWith', { name: name(r.origin) })}`}
        {r.word && ` ${t('gossip.result.word', { word: r.word })}`}
      </p>

      <InfectionCurve
        live={r.informedPerRound}
        nodes={r.nodes}
        theory={{ rounds: r.theory.rounds, curve: theoryCurve }}
        sim={sim}
        simPending={sim === null && r.nodes >= 2}
        liveRound={null}
        mode={r.mode}
        fanout={r.fanout}
        compact
      />

      <div className="go-stats">
        <Stat
          label={t('gossip.result.roundsUntil')}
          value={r.rounds ?? t('gossip.result.neverShort')}
          bad={r.rounds === null}
          testid="result-rounds"
        />
        <Stat label={t('gossip.result.messages')} value={r.messages}>
          {kinds
            .filter(([count]) => count > 0)
            .map(([count, key]) => t(key, { count }))
            .join(' · ')}
        </Stat>
        <Stat label={t('gossip.console.redundant')} value={r.redundant} testid="result-redundant">
          {cards ? t('gossip.console.redundantCard') : t('gossip.console.redundantKnew')}
        </Stat>
        <Stat label={t('gossip.console.dropped')} value={dropped}>
          ✕ {t('gossip.console.dropPartition', { count: r.dropped.partition })} · ○{' '}
          {t('gossip.console.dropLost', { count: r.dropped.loss })} · ■ {t('gossip.console.dropCrashed', { count: r.dropped.crashed })}
        </Stat>
        {r.net.duplicated > 0 && <Stat label={t('gossip.result.duplicated')} value={r.net.duplicated} />}
      </div>

      {r.neverLearned.length > 0 && (
        <section>
          <h4>{cards ? t('gossip.result.whoNeverCard') : t('gossip.result.whoNever')}</h4>
          <table className="results" data-testid="never-table">
            <thead>
              <tr>
                <th>{t('gossip.result.col.node')}</th>
                <th>{t('gossip.result.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {r.neverLearned.slice(0, 40).map((x) => (
                <tr key={x.node}>
                  <td>{name(x.node)}</td>
                  <td>{t(NEVER_TEXT[x.reason])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.neverLearned.length > 40 && <p className="muted">{t('gossip.result.more', { count: r.neverLearned.length - 40 })}</p>}
        </section>
      )}

      <section>
        <h4>{t('gossip.result.chain')}</h4>
        <ol className="go-chain" start={0} aria-label={t('gossip.result.chainLabel')}>
          {r.informedPerRound.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line per round, and its index is the round
            <li key={i}>
              <span className="go-chain-round">{t('gossip.result.roundShort', { round: i })}</span> <b>{v}</b>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
