// The election on the projector stage: the term, the leader, what the cluster committed, every
// stale leader as a warning, and the latest terms. Nothing in an election is secret: the
// stage shows what the console does, in type the back of the room can read.

import type { ElectionStageView } from '../../../../shared/games/election/stage';
import type { StageGameProps } from '../types';
import { CardTag } from './CardFace';
import { formatMs, ROLE_LOOK } from './look';
import './election.css';

export function ElectionStage({ view, snapshot, ended }: StageGameProps<ElectionStageView>) {
  if (view?.game !== 'election') return null;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const counts = { follower: 0, candidate: 0, leader: 0 };
  for (const n of view.nodes) counts[n.role]++;
  const safe = view.safety.maxLeadersPerTerm <= 1 && view.safety.violations === 0;
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-election">
      <div className="stage-row">
        <div className="stage-big">
          <span>Term</span>
          <b data-testid="stage-term">{view.maxTerm}</b>
        </div>
        <div className="stage-big">
          <span>Majority</span>
          <b>
            {view.majority} of {view.clusterSize}
          </b>
        </div>
      </div>
      <div className="stage-big">
        <span>Leader</span>
        {view.leader ? (
          <b data-testid="stage-leader">
            <span aria-hidden="true">★ </span>
            <CardTag card={view.leader} name={names.get(view.leader.node)} />
          </b>
        ) : (
          <b data-testid="stage-leader">none yet</b>
        )}
      </div>
      <div className="stage-big">
        <span>Decided (committed)</span>
        <b>{view.committedValue ? `✓ “${view.committedValue}”` : 'nothing yet'}</b>
      </div>
      {view.staleLeaders.map((s) => (
        <div key={s.node} className="stage-warn" role="status">
          ⚠ <CardTag card={s} name={names.get(s.node)} /> still believes it leads term {s.term}
        </div>
      ))}
      <div>
        {(['leader', 'candidate', 'follower'] as const).map((r) => (
          <span key={r} style={{ marginRight: '1em' }}>
            {ROLE_LOOK[r].icon} {counts[r]} {ROLE_LOOK[r].word.toLowerCase()}
            {counts[r] === 1 ? '' : 's'}
          </span>
        ))}
      </div>
      <ul className="stage-list" aria-label="Latest terms">
        {view.terms
          .slice(-4)
          .reverse()
          .map((t) => (
            <li key={t.term}>
              <b>T{t.term}</b>{' '}
              {t.leaders.length > 0 ? (
                <>
                  ★ {t.leaders.map((l) => `${l.card} ${names.get(l.node) ?? ''}`).join(', ')}
                  {t.wonAt !== null ? ` after ${formatMs(t.wonAt - t.startedAt)}` : ''}
                </>
              ) : t.split ? (
                'split vote: nobody won'
              ) : (
                `${t.candidates.length} candidate${t.candidates.length === 1 ? '' : 's'}`
              )}
            </li>
          ))}
      </ul>
      {ended && (
        <div className={safe ? 'stage-good' : 'stage-warn'}>
          {safe ? '✓ Safe: never more than one leader in a term' : `✗ Unsafe: ${view.safety.maxLeadersPerTerm} leaders in one term`}
        </div>
      )}
    </div>
  );
}
