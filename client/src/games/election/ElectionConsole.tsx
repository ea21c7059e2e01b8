// The election on the projector: the current term and leader, a warning for every stale leader,
// what the cluster decided, every node as its card, and the term timeline.

import type { ConsoleNodeView, ElectionConsoleView, StaleView, TermView } from '../../../../shared/games/election/console';
import type { ConsoleGameProps } from '../types';
import { CardTag } from './CardFace';
import { formatMs, ROLE_LOOK, roleWord } from './look';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { NoticeText, noticeKey } from '../../i18n/Words';
import './election.css';

/** Beyond this many nodes the panel lists leaders and candidates only (the map shows everyone). */
const GRID_MAX = 60;
const TIMELINE_TERMS = 14;

type Names = Map<string, string>;

export function ElectionConsole({ view, snapshot }: ConsoleGameProps<ElectionConsoleView>) {
  const t = useT();
  if (view?.game !== 'election') return null;
  const names: Names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const start = snapshot.round?.startedAt ?? 0;
  const last = view.committed.at(-1);
  return (
    <div className="el-console stack" data-testid="election-console">
      <div className="el-top">
        <div className="el-big">
          <span className="el-big-label">{t('election.console.term')}</span>
          <b className="el-big-value" data-testid="console-term">
            {view.maxTerm}
          </b>
        </div>
        <div className="el-big el-big-wide">
          <span className="el-big-label">{t('election.console.leader')}</span>
          {view.leader ? (
            <b className="el-big-value" data-testid="console-leader">
              <span aria-hidden="true">★ </span>
              <CardTag card={view.leader} name={names.get(view.leader.node)} />
              <span className="el-big-sub"> {t('election.console.ofTerm', { term: view.leader.term })}</span>
            </b>
          ) : (
            <b className="el-big-value el-none" data-testid="console-leader">
              {t('election.console.noneYet')}
            </b>
          )}
        </div>
        <div className="el-big el-big-wide">
          <span className="el-big-label">{t('election.console.decided')}</span>
          {last ? (
            <b className="el-big-value" data-testid="console-committed">
              <span aria-hidden="true">✓ </span>
              {t('election.console.quoted', { value: last.value })}
            </b>
          ) : (
            <b className="el-big-value el-none" data-testid="console-committed">
              {t('election.console.nothingYet')}
            </b>
          )}
        </div>
        <div className="el-big">
          <span className="el-big-label">{t('election.console.majority')}</span>
          <b className="el-big-value">
            {view.majority}
            <span className="el-big-sub"> {t('election.console.ofSize', { size: view.clusterSize })}</span>
          </b>
        </div>
      </div>

      {view.staleLeaders.map((s) => (
        <StaleWarning key={`${s.node}:${s.term}`} s={s} names={names} now={snapshot.t} newest={view.leader} />
      ))}
      {view.safety.violations.length > 0 && (
        <div className="error" role="alert">
          {t('election.console.safetyBroken')}{' '}
          {view.safety.violations.map((v, i) => (
            <span key={noticeKey(v)}>
              {i > 0 && ' · '}
              <NoticeText notice={v} nameOf={nameOf} />
            </span>
          ))}
        </div>
      )}

      <Cards nodes={view.nodes} names={names} />

      <section className="stack" aria-labelledby="el-timeline-title">
        <div className="row">
          <h3 id="el-timeline-title" style={{ margin: 0 }}>
            {t('election.console.timeline')}
          </h3>
          <span className="muted">
            {t('election.console.elections', { count: view.elections })}
            {view.firstLeaderAt !== null && ` · ${t('election.console.firstLeader', { time: formatMs(t, view.firstLeaderAt - start) })}`}
            {' · '}
            {t('election.console.atMost', { count: view.safety.maxLeadersPerTerm })}
          </span>
        </div>
        <Timeline terms={view.terms} names={names} start={start} />
      </section>

      {view.committed.length > 0 && (
        <section className="stack" aria-labelledby="el-committed-title">
          <h3 id="el-committed-title" style={{ margin: 0 }}>
            {t('election.console.committedTitle')}
          </h3>
          <ol className="el-committed-list">
            {view.committed.slice(-6).map((c) => (
              <li key={c.index} value={c.index}>
                <b>{t('election.console.quoted', { value: c.value })}</b>{' '}
                <span className="muted">{t('election.console.proposedBy', { term: c.term })}</span>{' '}
                <CardTag card={c.by} name={names.get(c.by.node)} />
                <span className="muted"> {t('election.console.at', { time: clockTime(c.at - start) })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="muted">
        {t('election.console.pace', {
          pace: view.pace,
          timers: rangeText(t, view.timing.timeoutMs),
          heartbeats: rangeText(t, view.timing.heartbeatMs),
        })}
      </p>
    </div>
  );
}

function StaleWarning({ s, names, now, newest }: { s: StaleView; names: Names; now: number; newest: ElectionConsoleView['leader'] }) {
  const t = useT();
  const why =
    s.reason === 'minority'
      ? t('election.console.stale.minority')
      : newest && newest.node !== s.node
        ? t('election.console.stale.laterWho', { card: newest.card, term: newest.term })
        : t('election.console.stale.later');
  return (
    <div className="el-stale" role="alert" data-testid="stale-warning">
      <span className="el-stale-sign" aria-hidden="true">
        ⚠
      </span>
      <div>
        <b>{t('election.console.stale.title')} </b>
        <CardTag card={s} name={names.get(s.node)} /> {t('election.console.stale.believes', { term: s.term })} {why}
        <span className="el-stale-for"> {t('election.console.stale.for', { time: formatMs(t, Math.max(0, now - s.since)) })}</span>
      </div>
    </div>
  );
}

function Cards({ nodes, names }: { nodes: ConsoleNodeView[]; names: Names }) {
  const t = useT();
  const counts = { follower: 0, candidate: 0, leader: 0, crashed: 0 };
  for (const n of nodes) {
    if (n.crashed) counts.crashed += 1;
    else counts[n.role] += 1;
  }
  const shown = nodes.length <= GRID_MAX ? nodes : nodes.filter((n) => n.role !== 'follower');
  return (
    <section className="stack" aria-label={t('election.console.cards')}>
      <div className="row el-legend">
        <span className="el-role el-role-leader" data-testid="leader-count">
          <span aria-hidden="true">★</span> {t('election.console.count.leaders', { count: counts.leader })}
        </span>
        <span className="el-role el-role-candidate">
          <span aria-hidden="true">▲</span> {t('election.console.count.candidates', { count: counts.candidate })}
        </span>
        <span className="el-role el-role-follower">
          <span aria-hidden="true">●</span> {t('election.console.count.followers', { count: counts.follower })}
        </span>
        {counts.crashed > 0 && (
          <span className="el-role el-role-crashed">
            <span aria-hidden="true">✕</span> {t('election.console.count.crashed', { count: counts.crashed })}
          </span>
        )}
        {shown.length < nodes.length && <span className="muted">{t('election.console.followersOnMap')}</span>}
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
  const t = useT();
  const look = ROLE_LOOK[n.role];
  const stale = n.role === 'leader' && n.stale !== null;
  const cls = n.crashed ? 'crashed' : stale ? 'stale' : n.role;
  const word = n.crashed ? t('election.console.tile.crashed') : stale ? t('election.console.tile.stale') : roleWord(t, n.role);
  return (
    <li
      className={`el-tile el-tile-${cls}`}
      data-testid={`tile-${n.id}`}
      aria-label={t('election.console.tile.label', { card: n.card.label, name, role: word, term: n.term })}
    >
      <span className={`el-tile-card${n.card.red ? ' red' : ''}`}>{n.card.label}</span>
      <span className="el-tile-name">{name}</span>
      <span className="el-tile-role">
        <span aria-hidden="true">{n.crashed ? '✕' : stale ? '⚠' : look.icon} </span>
        {t('election.console.tile.role', { role: word, term: n.term })}
      </span>
    </li>
  );
}

function Timeline({ terms, names, start }: { terms: TermView[]; names: Names; start: number }) {
  const t = useT();
  if (terms.length === 0) return <p className="muted">{t('election.console.noElection')}</p>;
  const shown = terms.slice(-TIMELINE_TERMS);
  return (
    <ol className="el-timeline" aria-label={t('election.console.termsLabel')}>
      {terms.length > shown.length && (
        <li className="el-term-more muted">{t('election.console.earlier', { count: terms.length - shown.length })}</li>
      )}
      {shown.map((term, i) => {
        const open = i === shown.length - 1;
        const leader = term.leaders[0];
        const state = term.leaders.length > 1 ? 'broken' : leader ? 'won' : term.split ? 'split' : 'open';
        return (
          <li key={term.term} className={`el-term-box el-term-${state}`}>
            <div className="el-term-head">
              {t('election.console.termHead', { term: term.term })} <span className="muted">{clockTime(term.startedAt - start)}</span>
            </div>
            {leader ? (
              <div className="el-term-leader">
                <span aria-hidden="true">★ </span>
                <CardTag card={leader} /> {t('election.console.led')}
              </div>
            ) : (
              <div className="el-term-leader">
                {term.split ? t('election.console.split') : open ? t('election.console.voting') : t('election.console.noWinner')}
              </div>
            )}
            {term.leaders.length > 1 && <div className="el-warn">{t('election.console.unsafe', { count: term.leaders.length })}</div>}
            <ul className="el-term-cands">
              {term.candidates.map((c) => (
                <li key={c.node}>
                  <CardTag card={c} /> {t('election.console.votes', { count: c.votes })}
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

export function rangeText(t: Translator, [lo, hi]: readonly [number, number]): string {
  return lo === hi ? formatMs(t, lo) : t('election.console.range', { lo: formatMs(t, lo), hi: formatMs(t, hi) });
}
