// The round's analysis, shown when it ends (and in the replay): how the election went, whether
// safety held, what was decided, and what the network carried.

import type { ReactNode } from 'react';
import type { ElectionResult as Result } from '../../../../shared/games/election/analysis';
import type { ResultProps } from '../types';
import { CardTag } from './CardFace';
import { rangeText } from './ElectionConsole';
import { formatMs, KINDS } from './look';
import './election.css';
import { keyed } from '../../keyed';

export function ElectionResultView({ result: r, names }: ResultProps<Result>) {
  if (r?.game !== 'election') return null;
  const safe = r.safety.ok && r.maxLeadersPerTerm <= 1;
  const m = r.messages;
  const dropped = m.dropped.partition + m.dropped.loss + m.dropped.crashed;
  return (
    <div className="el-result stack" data-testid="election-result">
      <p className={`el-verdict ${safe ? 'ok' : 'bad'}`}>
        <span aria-hidden="true">{safe ? '✓ ' : '✗ '}</span>
        {safe
          ? `Safe: never more than one leader per term${r.committed.length ? ', and no committed value was lost or changed' : ''}.`
          : `Unsafe: ${r.maxLeadersPerTerm} leaders in one term${r.safety.violations.length ? ` — ${r.safety.violations.join(' · ')}` : ''}.`}
      </p>
      <div className="el-stats">
        <Stat label="first leader after" value={r.firstLeaderMs === null ? 'none' : formatMs(r.firstLeaderMs)}>
          {r.firstLeader && (
            <>
              <CardTag card={r.firstLeader} name={names.get(r.firstLeader.node)} />, term {r.firstLeader.term}
            </>
          )}
        </Stat>
        <Stat label={r.terms === 1 ? 'term' : 'terms'} value={r.terms} />
        <Stat label={r.elections === 1 ? 'election (candidacy)' : 'elections (candidacies)'} value={r.elections} />
        <Stat label={r.splitVotes === 1 ? 'split vote' : 'split votes'} value={r.splitVotes} />
        <Stat label="most leaders in a term" value={r.maxLeadersPerTerm} bad={r.maxLeadersPerTerm > 1} />
        <Stat label={r.stale.count === 1 ? 'stale leader' : 'stale leaders'} value={r.stale.count}>
          {r.stale.count > 0 && (
            <>
              {formatMs(r.stale.totalMs)} in all, longest {formatMs(r.stale.longestMs)}
            </>
          )}
        </Stat>
        <Stat label="committed" value={r.committed.length}>
          {r.committedValues.length > 0 && <>last: “{r.committedValues.at(-1)}”</>}
        </Stat>
      </div>

      {r.leadersPerTerm.length > 0 && (
        <section>
          <h4>Leaders per term</h4>
          <ul className="el-chips" aria-label="Leaders per term">
            {r.leadersPerTerm.slice(-30).map((t) => (
              <li key={t.term}>
                T{t.term}:{' '}
                {t.leaders.map((l) => (
                  <CardTag key={l.node} card={l} name={names.get(l.node)} />
                ))}
                {t.leaders.length > 1 && <b className="el-red"> {t.leaders.length} leaders!</b>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.stale.periods.length > 0 && (
        <section>
          <h4>Stale leaders</h4>
          <table className="results">
            <thead>
              <tr>
                <th>Leader</th>
                <th>Term</th>
                <th>Why</th>
                <th>For</th>
              </tr>
            </thead>
            <tbody>
              {keyed(r.stale.periods, (p) => `${p.node}-${p.term}`)
                .slice(-20)
                .map(({ key, item: p }) => (
                  <tr key={key}>
                    <td>
                      <CardTag card={p} name={names.get(p.node)} />
                    </td>
                    <td>{p.term}</td>
                    <td>{p.reason === 'minority' ? 'cut off from the majority' : 'a later term had a leader'}</td>
                    <td>
                      {formatMs(p.ms)}
                      {p.open ? ' (still stale at the end)' : ''}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}

      {r.committed.length > 0 && (
        <section>
          <h4>Committed values, in order</h4>
          <ol className="el-committed-list">
            {r.committed.slice(-20).map((c) => (
              <li key={c.index} value={c.index}>
                <b>“{c.value}”</b> <span className="muted">term {c.term}, by</span> <CardTag card={c.by} name={names.get(c.by.node)} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section>
        <h4>Messages</h4>
        <div className="el-stats">
          <Stat label="sent" value={m.sent} />
          <Stat label="delivered" value={m.delivered} />
          <Stat label="duplicated" value={m.duplicated} />
          <Stat label="dropped" value={dropped}>
            {m.dropped.partition} by partition · {m.dropped.loss} lost · {m.dropped.crashed} to/from crashed
          </Stat>
        </div>
        {Object.keys(m.byKind).length > 0 && (
          <table className="results">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Sent</th>
                <th>Reached a node</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(m.byKind).map(([kind, k]) => (
                <tr key={kind}>
                  <td>
                    {KINDS[kind]?.label ?? kind} <span className="muted mono">{kind}</span>
                  </td>
                  <td>{k.sent}</td>
                  <td>{k.delivered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="muted">
        {r.nodes} nodes, majority {r.majority}. Pace {r.pace}: timers {rangeText(r.timing.timeoutMs)}, heartbeats every{' '}
        {rangeText(r.timing.heartbeatMs)}.
      </p>
    </div>
  );
}

function Stat({ label, value, bad, children }: { label: string; value: string | number; bad?: boolean; children?: ReactNode }) {
  return (
    <span className={`el-stat${bad ? ' bad' : ''}`}>
      <b>{value}</b>
      {label}
      {children && <span className="el-stat-more">{children}</span>}
    </span>
  );
}
