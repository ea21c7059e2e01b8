// The gossip game on the projector: the round, how many know, the infection curve live against
// the theory and a bots-only simulation, the message counts (redundant, dropped by reason),
// who is still waiting or cut off, and a warning while the spread is stuck.

import { useState, type ReactNode } from 'react';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { ConsoleGameProps } from '../types';
import { secondsLeft, useSessionNow } from './clock';
import { InfectionCurve } from './InfectionCurve';
import { MODE_TEXT } from './look';
import { useT } from '../../i18n/I18nProvider';
import { formatMs } from '../../i18n/format';
import type { Translator } from '../../i18n/translate';
import { useSimulatedCurve } from './simCurve';
import './gossip.css';

type Names = Map<string, string>;

/** Names listed per group under the curve (the map shows everyone). */
const NAMES_SHOWN = 24;

export function GossipConsole({ view, snapshot }: ConsoleGameProps<GossipConsoleView>) {
  const sim = useSimulatedCurve(view && view.game === 'gossip' ? { nodes: view.nodes, mode: view.mode, fanout: view.fanout } : null);
  const now = useSessionNow(snapshot.pausedAt ?? snapshot.t, snapshot.paused, 250);
  const [showWord, setShowWord] = useState(false);
  const t = useT();
  if (view?.game !== 'gossip') return null;
  const names: Names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? id;
  const cards = view.mode === 'highest-card';
  const pct = view.nodes ? Math.round((view.informed / view.nodes) * 100) : 0;
  // The session's timer moves when the network is paused; the engine's own end time does not.
  const left = Math.max(0, (snapshot.round?.timers[view.timerKey] ?? view.roundEndsAt) - now);
  const net = snapshot.round?.net;
  const m = view.messages;
  const groups = whoIsWhere(view);

  return (
    <div className="go-console stack" data-testid="gossip-console">
      <div className="go-top">
        <Big label={t('gossip.console.round')} testid="console-round" value={view.round}>
          {view.status === 'over'
            ? t('gossip.console.over')
            : snapshot.paused
              ? t('gossip.console.paused')
              : t('gossip.console.left', { time: secondsLeft(left) })}
        </Big>
        <Big label={cards ? t('gossip.console.holdTop') : t('gossip.console.know')} testid="console-informed" value={view.informed} wide>
          {t('gossip.console.ofNodes', { nodes: view.nodes, pct: pct / 100 })}
        </Big>
        <Big
          label={t('gossip.console.lastLearned')}
          testid="console-last"
          value={view.lastLearnedRound === 0 ? '—' : t('gossip.console.roundN', { round: view.lastLearnedRound })}
        >
          {view.lastLearnedRound === 0 ? t('gossip.console.onlyOrigin') : ''}
        </Big>
        <Big
          label={t('gossip.console.theory', { mode: t(MODE_TEXT[view.mode].title) })}
          value={t.number(view.theory.rounds, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
        >
          {t('gossip.console.rounds', { count: Math.round(view.theory.rounds * 10) / 10 })}
        </Big>
      </div>

      {view.status === 'stalled' && <Stalled view={view} groups={groups} name={name} />}

      <InfectionCurve
        live={view.informedPerRound}
        nodes={view.nodes}
        theory={view.theory}
        sim={sim}
        simPending={sim === null && view.nodes >= 2}
        liveRound={view.status === 'over' ? null : view.round}
        mode={view.mode}
        fanout={view.fanout}
      />

      <div className="go-stats">
        <Stat label={t('gossip.console.sent')} value={m.sent} testid="console-sent">
          {kindsLine(t, view)}
        </Stat>
        <Stat label={t('gossip.console.reached')} value={m.delivered} />
        <Stat label={t('gossip.console.redundant')} value={m.redundant} testid="console-redundant">
          {cards ? t('gossip.console.redundantCard') : t('gossip.console.redundantKnew')}
          {m.delivered > 0 ? ` (${t.number(m.redundant / m.delivered, { style: 'percent' })})` : ''}
        </Stat>
        {net && (
          <Stat
            label={t('gossip.console.dropped')}
            value={net.dropped.partition + net.dropped.loss + net.dropped.crashed}
            testid="console-dropped"
          >
            <span className="go-drop go-drop-partition">✕ {t('gossip.console.dropPartition', { count: net.dropped.partition })}</span> ·{' '}
            <span className="go-drop">○ {t('gossip.console.dropLost', { count: net.dropped.loss })}</span> ·{' '}
            <span className="go-drop">■ {t('gossip.console.dropCrashed', { count: net.dropped.crashed })}</span>
          </Stat>
        )}
      </div>

      <Groups groups={groups} name={name} cards={cards} />

      <p className="go-settings">
        <b>{t(MODE_TEXT[view.mode].title)}</b>
        {t('gossip.console.settings', { fanout: view.fanout, length: formatMs(t, view.roundMs) })}{' '}
        {view.origin && (
          <>
            {cards ? t('gossip.console.topDealt') : t('gossip.console.startedWith')} <b>{name(view.origin)}</b>{' '}
            {cards
              ? t('gossip.console.byDeal')
              : view.originBy === 'config'
                ? t('gossip.console.byInstructor')
                : t('gossip.console.byChance')}{' '}
          </>
        )}
        {cards && view.topCard && (
          <>
            {t('gossip.console.topCard')} <b className={view.topCard.red ? 'go-red' : ''}>{view.topCard.label}</b>
          </>
        )}
        {!cards && view.word && (
          <span className="go-word-line">
            {t('gossip.console.rumour')}{' '}
            <b data-testid="console-word">
              {showWord ? t('gossip.console.quoted', { word: view.word }) : '•'.repeat(Math.min(8, view.word.length))}
            </b>{' '}
            <button type="button" className="small secondary" aria-pressed={showWord} onClick={() => setShowWord((x) => !x)}>
              {showWord ? t('gossip.console.hideWord') : t('gossip.console.showWord')}
            </button>
          </span>
        )}
      </p>
      <PerRound view={view} />
    </div>
  );
}

function Big({
  label,
  value,
  children,
  wide,
  testid,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  wide?: boolean;
  testid?: string;
}) {
  return (
    <div className={`go-big${wide ? ' wide' : ''}`}>
      <span className="go-big-label">{label}</span>
      <b className="go-big-value" data-testid={testid}>
        {value}
      </b>
      {children && <span className="go-big-sub">{children}</span>}
    </div>
  );
}

export function Stat({
  label,
  value,
  children,
  testid,
  bad,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  testid?: string;
  bad?: boolean;
}) {
  return (
    <span className={`go-stat${bad ? ' bad' : ''}`}>
      <b data-testid={testid}>{value}</b>
      {label}
      {children && <span className="go-stat-more">{children}</span>}
    </span>
  );
}

function kindsLine(t: Translator, view: GossipConsoleView): string {
  const m = view.messages;
  const parts: string[] = [];
  if (m.push > 0) parts.push(t('gossip.console.kinds.push', { count: m.push }));
  if (m.pull > 0) parts.push(t('gossip.console.kinds.pull', { count: m.pull }));
  if (m.reply > 0) parts.push(t('gossip.console.kinds.reply', { count: m.reply }));
  if (m.card > 0) parts.push(t('gossip.console.kinds.card', { count: m.card }));
  return parts.join(' · ');
}

interface Groups {
  waiting: string[];
  cut: string[];
  down: string[];
}

function whoIsWhere(view: GossipConsoleView): Groups {
  const g: Groups = { waiting: [], cut: [], down: [] };
  for (const [id, n] of Object.entries(view.perNode)) {
    if (n.knows) continue;
    if (n.down) g.down.push(id);
    else if (n.cut) g.cut.push(id);
    else g.waiting.push(id);
  }
  return g;
}

function Groups({ groups, name, cards }: { groups: Groups; name(id: string): string; cards: boolean }) {
  const t = useT();
  const list = (ids: string[]) =>
    ids.length > NAMES_SHOWN
      ? t.list([...ids.slice(0, NAMES_SHOWN).map(name), t('common.others', { count: ids.length - NAMES_SHOWN })])
      : t.list(ids.map(name));
  if (groups.waiting.length + groups.cut.length + groups.down.length === 0) {
    return (
      <p className="go-everyone" data-testid="console-groups">
        <span aria-hidden="true">✓ </span>
        {cards ? t('gossip.console.everyoneTop') : t('gossip.console.everyoneKnows')}
      </p>
    );
  }
  return (
    <ul className="go-groups" data-testid="console-groups">
      {groups.waiting.length > 0 && (
        <li>
          <b>{t('gossip.console.notYet', { count: groups.waiting.length })}</b> {list(groups.waiting)}
        </li>
      )}
      {groups.cut.length > 0 && (
        <li className="go-cut">
          <b>
            <span aria-hidden="true">⚠ </span>
            {t('gossip.console.cutOff', { count: groups.cut.length })}
          </b>{' '}
          {list(groups.cut)}
        </li>
      )}
      {groups.down.length > 0 && (
        <li className="go-down">
          <b>
            <span aria-hidden="true">✕ </span>
            {t('gossip.console.down', { count: groups.down.length })}
          </b>{' '}
          {list(groups.down)}
        </li>
      )}
    </ul>
  );
}

function Stalled({ view, groups, name }: { view: GossipConsoleView; groups: Groups; name(id: string): string }) {
  const t = useT();
  const shown = groups.cut.slice(0, 8).map(name);
  const who = groups.cut.length > 8 ? t.list([...shown, t('common.others', { count: groups.cut.length - 8 })]) : t.list(shown);
  return (
    <div className="go-stalled" role="alert" data-testid="stalled-warning">
      <span className="go-stalled-sign" aria-hidden="true">
        ⚠
      </span>
      <div>
        <b>{t('gossip.console.stuck')} </b>
        {t('gossip.console.stuckWhy', {
          count: view.reach.cut,
          who,
          why: view.reach.knowersAlive === 0 ? 'down' : 'cut',
          wait: view.healWaitRounds,
          sofar: view.stalledRounds,
        })}
      </div>
    </div>
  );
}

function PerRound({ view }: { view: GossipConsoleView }) {
  const t = useT();
  const rows = view.informedPerRound.map((informed, r) => ({
    r,
    informed,
    fresh: r === 0 ? informed : informed - (view.informedPerRound[r - 1] ?? 0),
    sent: view.sentPerRound[r] ?? 0,
    redundant: view.redundantPerRound[r] ?? 0,
  }));
  const shown = rows.slice(1).slice(-12);
  return (
    <details className="go-per-round">
      <summary>{t('gossip.console.perRound', { count: rows.length - 1 })}</summary>
      <table className="results">
        <thead>
          <tr>
            <th>{t('gossip.console.col.round')}</th>
            <th>{t('gossip.console.col.know')}</th>
            <th>{t('gossip.console.col.learned')}</th>
            <th>{t('gossip.console.col.messages')}</th>
            <th>{t('gossip.console.col.redundant')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.r}>
              <td>{row.r === view.round && view.status !== 'over' ? t('gossip.console.now', { round: row.r }) : row.r}</td>
              <td>{row.informed}</td>
              <td>+{row.fresh}</td>
              <td>{row.sent}</td>
              <td>{row.redundant}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
