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
import { useT } from '../../i18n/I18nProvider';
import { NoticeText, noticeKey } from '../../i18n/Words';

export function ElectionResultView({ result: r, names }: ResultProps<Result>) {
  const t = useT();
  if (r?.game !== 'election') return null;
  const safe = r.safety.ok && r.maxLeadersPerTerm <= 1;
  const m = r.messages;
  const dropped = m.dropped.partition + m.dropped.loss + m.dropped.crashed;
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <div className="el-result stack" data-testid="election-result">
      <p className={`el-verdict ${safe ? 'ok' : 'bad'}`}>
        <span aria-hidden="true">{safe ? '✓ ' : '✗ '}</span>
        {safe
          ? r.committed.length
            ? t('election.result.safeCommitted')
            : t('election.result.safe')
          : t('election.result.unsafe', { count: r.maxLeadersPerTerm })}
        {!safe &&
          r.safety.violations.map((v) => (
            <span key={noticeKey(v)}>
              {' — '}
              <NoticeText notice={v} nameOf={nameOf} />
            </span>
          ))}
      </p>
      <div className="el-stats">
        <Stat label={t('election.result.firstLeader')} value={r.firstLeaderMs === null ? t('common.none') : formatMs(t, r.firstLeaderMs)}>
          {r.firstLeader && (
            <>
              <CardTag card={r.firstLeader} name={names.get(r.firstLeader.node)} />
              {t('election.result.ofTerm', { term: r.firstLeader.term })}
            </>
          )}
        </Stat>
        <Stat label={t('election.result.terms', { count: r.terms })} value={r.terms} />
        <Stat label={t('election.result.elections', { count: r.elections })} value={r.elections} />
        <Stat label={t('election.result.splitVotes', { count: r.splitVotes })} value={r.splitVotes} />
        <Stat label={t('election.result.mostLeaders')} value={r.maxLeadersPerTerm} bad={r.maxLeadersPerTerm > 1} />
        <Stat label={t('election.result.staleLeaders', { count: r.stale.count })} value={r.stale.count}>
          {r.stale.count > 0 &&
            t('election.result.staleFor', { total: formatMs(t, r.stale.totalMs), longest: formatMs(t, r.stale.longestMs) })}
        </Stat>
        <Stat label={t('election.result.committed')} value={r.committed.length}>
          {r.committedValues.length > 0 && t('election.result.last', { value: r.committedValues.at(-1) ?? '' })}
        </Stat>
      </div>

      {r.leadersPerTerm.length > 0 && (
        <section>
          <h4>{t('election.result.leadersPerTerm')}</h4>
          <ul className="el-chips" aria-label={t('election.result.leadersPerTerm')}>
            {r.leadersPerTerm.slice(-30).map((term) => (
              <li key={term.term}>
                {t('election.result.termShort', { term: term.term })}{' '}
                {term.leaders.map((l) => (
                  <CardTag key={l.node} card={l} name={names.get(l.node)} />
                ))}
                {term.leaders.length > 1 && <b className="el-red"> {t('election.result.manyLeaders', { count: term.leaders.length })}</b>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.stale.periods.length > 0 && (
        <section>
          <h4>{t('election.result.staleTitle')}</h4>
          <table className="results">
            <thead>
              <tr>
                <th>{t('election.result.col.leader')}</th>
                <th>{t('election.result.col.term')}</th>
                <th>{t('election.result.col.why')}</th>
                <th>{t('election.result.col.for')}</th>
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
                    <td>{p.reason === 'minority' ? t('election.result.why.minority') : t('election.result.why.later')}</td>
                    <td>{p.open ? t('election.result.stillStale', { time: formatMs(t, p.ms) }) : formatMs(t, p.ms)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}

      {r.committed.length > 0 && (
        <section>
          <h4>{t('election.result.committedTitle')}</h4>
          <ol className="el-committed-list">
            {r.committed.slice(-20).map((c) => (
              <li key={c.index} value={c.index}>
                <b>{t('election.console.quoted', { value: c.value })}</b>{' '}
                <span className="muted">{t('election.result.termBy', { term: c.term })}</span>{' '}
                <CardTag card={c.by} name={names.get(c.by.node)} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section>
        <h4>{t('election.result.messages')}</h4>
        <div className="el-stats">
          <Stat label={t('election.result.sent')} value={m.sent} />
          <Stat label={t('election.result.delivered')} value={m.delivered} />
          <Stat label={t('election.result.duplicated')} value={m.duplicated} />
          <Stat label={t('election.result.dropped')} value={dropped}>
            {t('election.result.droppedHow', { partition: m.dropped.partition, loss: m.dropped.loss, crashed: m.dropped.crashed })}
          </Stat>
        </div>
        {Object.keys(m.byKind).length > 0 && (
          <table className="results">
            <thead>
              <tr>
                <th>{t('election.result.col.kind')}</th>
                <th>{t('election.result.col.sent')}</th>
                <th>{t('election.result.col.reached')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(m.byKind).map(([kind, k]) => {
                const look = KINDS[kind];
                return (
                  <tr key={kind}>
                    <td>
                      {look ? t(look.label) : kind}{' '}
                      <span className="muted mono" translate="no">
                        {kind}
                      </span>
                    </td>
                    <td>{k.sent}</td>
                    <td>{k.delivered}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <p className="muted">
        {t('election.result.footer', {
          nodes: r.nodes,
          majority: r.majority,
          pace: r.pace,
          timers: rangeText(t, r.timing.timeoutMs),
          heartbeats: rangeText(t, r.timing.heartbeatMs),
        })}
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
