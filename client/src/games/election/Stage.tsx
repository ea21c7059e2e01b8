// The election on the projector stage: the term, the leader, what the cluster committed, every
// stale leader as a warning, and the latest terms. Nothing in an election is secret: the
// stage shows what the console does, in type the back of the room can read.

import type { ElectionStageView } from '../../../../shared/games/election/stage';
import { useT } from '../../i18n/I18nProvider';
import type { StageGameProps } from '../types';
import { CardTag } from './CardFace';
import { formatMs } from './look';
import './election.css';

export function ElectionStage({ view, snapshot, ended }: StageGameProps<ElectionStageView>) {
  const t = useT();
  if (view?.game !== 'election') return null;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const counts = { follower: 0, candidate: 0, leader: 0 };
  for (const n of view.nodes) counts[n.role]++;
  const safe = view.safety.maxLeadersPerTerm <= 1 && view.safety.violations === 0;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-election">
      <div className="stage-row">
        <div className="stage-big">
          <span>{t('stage.el.term')}</span>
          <b data-testid="stage-term">{t.number(view.maxTerm)}</b>
        </div>
        <div className="stage-big">
          <span>{t('stage.el.majority')}</span>
          <b>{t('stage.el.majorityOf', { majority: view.majority, size: view.clusterSize })}</b>
        </div>
      </div>
      <div className="stage-big">
        <span>{t('stage.el.leader')}</span>
        {view.leader ? (
          <b data-testid="stage-leader">
            <span aria-hidden="true">★ </span>
            <CardTag card={view.leader} name={names.get(view.leader.node)} />
          </b>
        ) : (
          <b data-testid="stage-leader">{t('stage.el.noLeader')}</b>
        )}
      </div>
      <div className="stage-big">
        <span>{t('stage.el.committed')}</span>
        <b>{view.committedValue ? t('stage.el.committedValue', { value: view.committedValue }) : t('stage.el.nothing')}</b>
      </div>
      {view.staleLeaders.map((s) => (
        <div key={s.node} className="stage-warn" role="status">
          {t('stage.el.stale', { card: s.card, name: names.get(s.node) ?? '', term: s.term })}
        </div>
      ))}
      <div className="stage-row">
        <span>{t('stage.el.leaders', { count: counts.leader })}</span>
        <span>{t('stage.el.candidates', { count: counts.candidate })}</span>
        <span>{t('stage.el.followers', { count: counts.follower })}</span>
      </div>
      <ul className="stage-list" aria-label={t('stage.el.latestTerms')}>
        {view.terms
          .slice(-4)
          .reverse()
          .map((term) => {
            const leaders = t.list(term.leaders.map((l) => `${l.card} ${names.get(l.node) ?? ''}`.trim()));
            return (
              <li key={term.term}>
                {term.leaders.length > 0
                  ? term.wonAt !== null
                    ? t('stage.el.termWon', { term: term.term, leaders, time: formatMs(t, term.wonAt - term.startedAt) })
                    : t('stage.el.termLed', { term: term.term, leaders })
                  : term.split
                    ? t('stage.el.termSplit', { term: term.term })
                    : t('stage.el.termCandidates', { term: term.term, count: term.candidates.length })}
              </li>
            );
          })}
      </ul>
      {ended && (
        <div className={safe ? 'stage-good' : 'stage-warn'}>
          {safe ? t('stage.el.safe') : t('stage.el.unsafe', { count: view.safety.maxLeadersPerTerm })}
        </div>
      )}
    </div>
  );
}
