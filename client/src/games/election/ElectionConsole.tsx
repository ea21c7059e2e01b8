// The election on the projector: the current term and leader, a warning for every stale leader,
// what the cluster decided, every node as its card, and the term timeline.

import type { ConsoleNodeView, ElectionConsoleView, StaleView, TermView } from '../../../../shared/games/election/console';
import type { ConsoleGameProps } from '../types';
import { CardTag } from './CardFace';
import { formatMs, ROLE_LOOK } from './look';
import './election.css';

/** Beyond this many nodes the panel lists leaders and candidates only (the map shows everyone). */
const GRID_MAX = 60;
const TIMELINE_TERMS = 14;

type Names = Map<string, string>;

export function ElectionConsole({ view, snapshot }: ConsoleGameProps<ElectionConsoleView>) {
  if (view?.game !== 'election') return null;
  const names: Names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const start = snapshot.round?.startedAt ?? 0;
  const last = view.committed.at(-1);
  return (
    <div className="el-console stack" data-testid="election-console">
      <div className="el-top">
        <div className="el-big">
          <span className="el-big-label">Term</span>
          <b className="el-big-value" data-testid="console-term">
            {view.maxTerm}
          </b>
        </div>
        <div className="el-big el-big-wide">
          <span className="el-big-label">Leader</span>
          {view.leader ? (
            <b className="el-big-value" data-testid="console-leader">
              <span aria-hidden="true">★ </span>
              <CardTag card={view.leader} name={names.get(view.leader.node)} />
              <span className="el-big-sub"> term {view.leader.term}</span>
            </b>
          ) : (
            <b className="el-big-value el-none" data-testid="console-leader">
              none yet
            </b>
          )}
        </div>
        <div className="el-big el-big-wide">
          <span className="el-big-label">Decided (committed)</span>
          {last ? (
            <b className="el-big-value" data-testid="console-committed">
              <span aria-hidden="true">✓ </span>“{last.value}”
            </b>
          ) : (
            <b className="el-big-value el-none" data-testid="console-committed">
              nothing yet
            </b>
          )}
        </div>
        <div className="el-big">
          <span className="el-big-label">Majority</span>
          <b className="el-big-value">
            {view.majority}
            <span className="el-big-sub"> of {view.clusterSize}</span>
          </b>
        </div>
      </div>

      {view.staleLeaders.map((s) => (
        <StaleWarning key={`${s.node}:${s.term}`} s={s} names={names} now={snapshot.t} newest={view.leader} />
      ))}
      {view.safety.violations.length > 0 && (
        <div className="error" role="alert">
          Safety broken: {view.safety.violations.join(' · ')}
        </div>
      )}

      <Cards nodes={view.nodes} names={names} />

      <section className="stack" aria-labelledby="el-timeline-title">
        <div className="row">
          <h3 id="el-timeline-title" style={{ margin: 0 }}>
            Term timeline
          </h3>
          <span className="muted">
            {view.elections} election{view.elections === 1 ? '' : 's'}
            {view.firstLeaderAt !== null && ` · first leader after ${formatMs(view.firstLeaderAt - start)}`}
            {' · '}at most {view.safety.maxLeadersPerTerm} leader per term
          </span>
        </div>
        <Timeline terms={view.terms} names={names} start={start} />
      </section>

      {view.committed.length > 0 && (
        <section className="stack" aria-labelledby="el-committed-title">
          <h3 id="el-committed-title" style={{ margin: 0 }}>
            Committed, in order
          </h3>
          <ol className="el-committed-list">
            {view.committed.slice(-6).map((c) => (
              <li key={c.index} value={c.index}>
                <b>“{c.value}”</b> <span className="muted">term {c.term}, proposed by</span>{' '}
                <CardTag card={c.by} name={names.get(c.by.node)} />
                <span className="muted"> at {clockTime(c.at - start)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="muted">
        Pace: <b>{view.pace}</b> — election timers {rangeText(view.timing.timeoutMs)}, heartbeats every {rangeText(view.timing.heartbeatMs)}
        .
      </p>
    </div>
  );
}

function StaleWarning({ s, names, now, newest }: { s: StaleView; names: Names; now: number; newest: ElectionConsoleView['leader'] }) {
  const why =
    s.reason === 'minority'
      ? 'but it cannot reach a majority: nothing it proposes can commit.'
      : `but a later term has a leader${newest && newest.node !== s.node ? ` (${newest.card}, term ${newest.term})` : ''}: the majority has moved on.`;
  return (
    <div className="el-stale" role="alert" data-testid="stale-warning">
      <span className="el-stale-sign" aria-hidden="true">
        ⚠
      </span>
      <div>
        <b>Stale leader: </b>
        <CardTag card={s} name={names.get(s.node)} /> still believes it leads term {s.term}, {why}
        <span className="el-stale-for"> For {formatMs(Math.max(0, now - s.since))}.</span>
      </div>
    </div>
  );
}

function Cards({ nodes, names }: { nodes: ConsoleNodeView[]; names: Names }) {
  const counts = { follower: 0, candidate: 0, leader: 0, crashed: 0 };
  for (const n of nodes) {
    if (n.crashed) counts.crashed += 1;
    else counts[n.role] += 1;
  }
  const shown = nodes.length <= GRID_MAX ? nodes : nodes.filter((n) => n.role !== 'follower');
  return (
    <section className="stack" aria-label="Nodes by card">
      <div className="row el-legend">
        <span className="el-role el-role-leader" data-testid="leader-count">
          <span aria-hidden="true">★</span> {counts.leader} leader{counts.leader === 1 ? '' : 's'}
        </span>
        <span className="el-role el-role-candidate">
          <span aria-hidden="true">▲</span> {counts.candidate} candidate{counts.candidate === 1 ? '' : 's'}
        </span>
        <span className="el-role el-role-follower">
          <span aria-hidden="true">●</span> {counts.follower} follower{counts.follower === 1 ? '' : 's'}
        </span>
        {counts.crashed > 0 && (
          <span className="el-role el-role-crashed">
            <span aria-hidden="true">✕</span> {counts.crashed} crashed
          </span>
        )}
        {shown.length < nodes.length && <span className="muted">(followers are on the map)</span>}
      </div>
      <ul className="el-tiles">
        {shown.map((n) => (
          <Tile key={n.id} n={n} name={names.get(n.id) ?? n.id} />
        ))}
      </ul>
    </section>
  );
}

function Tile({ n, name }: { n: ConsoleNodeView; name: string }) {
  const look = ROLE_LOOK[n.role];
  const stale = n.role === 'leader' && n.stale !== null;
  const cls = n.crashed ? 'crashed' : stale ? 'stale' : n.role;
  const word = n.crashed ? 'crashed' : stale ? 'stale leader' : look.word.toLowerCase();
  return (
    <li className={`el-tile el-tile-${cls}`} data-testid={`tile-${n.id}`} aria-label={`${n.card.label} ${name}: ${word}, term ${n.term}`}>
      <span className={`el-tile-card${n.card.red ? ' red' : ''}`}>{n.card.label}</span>
      <span className="el-tile-name">{name}</span>
      <span className="el-tile-role">
        <span aria-hidden="true">{n.crashed ? '✕' : stale ? '⚠' : look.icon} </span>
        {word} · T{n.term}
      </span>
    </li>
  );
}

function Timeline({ terms, names, start }: { terms: TermView[]; names: Names; start: number }) {
  if (terms.length === 0) return <p className="muted">No one has stood for election yet: the first election timers are still running.</p>;
  const shown = terms.slice(-TIMELINE_TERMS);
  return (
    <ol className="el-timeline" aria-label="Terms, oldest first">
      {terms.length > shown.length && <li className="el-term-more muted">… {terms.length - shown.length} earlier</li>}
      {shown.map((t, i) => {
        const open = i === shown.length - 1;
        const leader = t.leaders[0];
        const state = t.leaders.length > 1 ? 'broken' : leader ? 'won' : t.split ? 'split' : 'open';
        return (
          <li key={t.term} className={`el-term-box el-term-${state}`}>
            <div className="el-term-head">
              Term {t.term} <span className="muted">{clockTime(t.startedAt - start)}</span>
            </div>
            {leader ? (
              <div className="el-term-leader">
                <span aria-hidden="true">★ </span>
                <CardTag card={leader} /> led
              </div>
            ) : (
              <div className="el-term-leader">{t.split ? 'split vote: no winner' : open ? 'voting…' : 'no winner'}</div>
            )}
            {t.leaders.length > 1 && <div className="el-warn">{t.leaders.length} leaders: unsafe!</div>}
            <ul className="el-term-cands">
              {t.candidates.map((c) => (
                <li key={c.node}>
                  <CardTag card={c} /> {c.votes} vote{c.votes === 1 ? '' : 's'}
                  <span className="sr-only"> {names.get(c.node)}</span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

export function clockTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function rangeText([lo, hi]: readonly [number, number]): string {
  return lo === hi ? formatMs(lo) : `${formatMs(lo)}–${formatMs(hi)}`;
}
