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

const OUTCOME_TEXT: Record<GossipResult['outcome'], string> = {
  everyone: 'every live node learned it',
  stalled: 'the rumour could reach nobody else, and no heal came',
  'max-rounds': 'the round limit was reached',
  stopped: 'the instructor stopped it',
};

export function GossipResultView({ result: r, names }: ResultProps<GossipResult>) {
  const sim = useSimulatedCurve(r && r.game === 'gossip' ? { nodes: r.nodes, mode: r.mode, fanout: r.fanout } : null);
  if (r?.game !== 'gossip') return null;
  const name = (id: string) => names.get(id) ?? id;
  const cards = r.mode === 'highest-card';
  const dropped = r.dropped.partition + r.dropped.loss + r.dropped.crashed;
  const liveMissing = r.never.partition + r.never['knowers-down'] + r.never['not-told'];
  const downMissing = r.never.crashed + r.never.left;
  const theoryCurve = modeCurve(r.mode, r.nodes, r.fanout, Math.max(r.gossipRounds, Math.ceil(r.theory.rounds * 2) + 2));
  const delta = r.rounds !== null ? r.rounds - r.theory.rounds : null;
  return (
    <div className="go-result stack" data-testid="gossip-result">
      {r.rounds !== null ? (
        <p className="go-verdict ok" data-testid="gossip-verdict">
          <span aria-hidden="true">✓ </span>
          Every live node {cards ? `held the top card ${r.topCard ?? ''}` : 'knew the rumour'} after <b>{r.rounds}</b> round
          {r.rounds === 1 ? '' : 's'}
          {r.nodes > 1 && (
            <>
              {' '}
              — theory for {r.mode}: {roundsText(r.theory.rounds)}
              {delta !== null && Math.abs(delta) >= 0.05
                ? ` (${delta > 0 ? `${delta.toFixed(1)} more` : `${(-delta).toFixed(1)} fewer`})`
                : ''}
            </>
          )}
          .
          {downMissing > 0 && (
            <span className="go-verdict-more">
              {' '}
              {downMissing} node{downMissing === 1 ? ' was' : 's were'} down and never learned: {downMissing === 1 ? 'it does' : 'they do'}{' '}
              not count.
            </span>
          )}
        </p>
      ) : (
        <p className="go-verdict bad" data-testid="gossip-verdict">
          <span aria-hidden="true">✗ </span>
          Never: {liveMissing} live node{liveMissing === 1 ? '' : 's'} never {cards ? 'got the top card' : 'learned it'} (
          {neverText(r.never)}); {r.informed} of {r.nodes} did.
        </p>
      )}
      <p className="muted">
        {MODE_TEXT[r.mode].title}, fanout {r.fanout}, {r.nodes} nodes. It ended because {OUTCOME_TEXT[r.outcome]} ({r.gossipRounds} round
        {r.gossipRounds === 1 ? '' : 's'} played{r.lastLearnedRound > 0 ? `, the last node learned in round ${r.lastLearnedRound}` : ''}).
        {r.origin && !cards && <> Started with {name(r.origin)}.</>}
        {r.word && <> The word was “{r.word}”.</>}
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
        <Stat label="rounds until all knew" value={r.rounds ?? 'never'} bad={r.rounds === null} testid="result-rounds" />
        <Stat label="messages" value={r.messages}>
          {[
            [r.messagesByKind.push, 'rumour'],
            [r.messagesByKind.pull, 'asks'],
            [r.messagesByKind.reply, 'answers'],
            [r.messagesByKind.card, 'cards'],
          ]
            .filter(([count]) => (count as number) > 0)
            .map(([count, word]) => `${count} ${word}`)
            .join(' · ')}
        </Stat>
        <Stat label="redundant" value={r.redundant} testid="result-redundant">
          to a node that already {cards ? 'had as good a card' : 'knew'}
        </Stat>
        <Stat label="dropped" value={dropped}>
          ✕ {r.dropped.partition} partition · ○ {r.dropped.loss} lost · ■ {r.dropped.crashed} crashed
        </Stat>
        {r.net.duplicated > 0 && <Stat label="duplicated by the network" value={r.net.duplicated} />}
      </div>

      {r.neverLearned.length > 0 && (
        <section>
          <h4>Who never {cards ? 'got the top card' : 'learned it'}, and why</h4>
          <table className="results" data-testid="never-table">
            <thead>
              <tr>
                <th>Node</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {r.neverLearned.slice(0, 40).map((x) => (
                <tr key={x.node}>
                  <td>{name(x.node)}</td>
                  <td>{NEVER_TEXT[x.reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.neverLearned.length > 40 && <p className="muted">… and {r.neverLearned.length - 40} more.</p>}
        </section>
      )}

      <section>
        <h4>Nodes that knew, round by round</h4>
        <ol className="go-chain" start={0} aria-label="Nodes that knew after each round">
          {r.informedPerRound.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line per round, and its index is the round
            <li key={i}>
              <span className="go-chain-round">r{i}</span> <b>{v}</b>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
