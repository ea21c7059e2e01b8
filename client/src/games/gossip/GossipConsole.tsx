// The gossip game on the projector: the round, how many know, the infection curve live against
// the theory and a bots-only simulation, the message counts (redundant, dropped by reason),
// who is still waiting or cut off, and a warning while the spread is stuck.

import { useState, type ReactNode } from 'react';
import type { GossipConsoleView } from '../../../../shared/games/gossip/console';
import type { ConsoleGameProps } from '../types';
import { lengthText, secondsLeft, useSessionNow } from './clock';
import { InfectionCurve } from './InfectionCurve';
import { MODE_TEXT } from './look';
import { useSimulatedCurve } from './simCurve';
import './gossip.css';

type Names = Map<string, string>;

/** Names listed per group under the curve (the map shows everyone). */
const NAMES_SHOWN = 24;

export function GossipConsole({ view, snapshot }: ConsoleGameProps<GossipConsoleView>) {
  const sim = useSimulatedCurve(view && view.game === 'gossip' ? { nodes: view.nodes, mode: view.mode, fanout: view.fanout } : null);
  const now = useSessionNow(snapshot.pausedAt ?? snapshot.t, snapshot.paused, 250);
  const [showWord, setShowWord] = useState(false);
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
        <Big label="Round" testid="console-round" value={view.round}>
          {view.status === 'over' ? 'over' : snapshot.paused ? 'paused' : `${secondsLeft(left)} left`}
        </Big>
        <Big label={cards ? 'Hold the top card' : 'Know the rumour'} testid="console-informed" value={view.informed} wide>
          of {view.nodes} ({pct}%)
        </Big>
        <Big label="Last one learned" testid="console-last" value={view.lastLearnedRound === 0 ? '—' : `round ${view.lastLearnedRound}`}>
          {view.lastLearnedRound === 0 ? 'only the origin knows' : ''}
        </Big>
        <Big label={`Theory (${view.mode})`} value={view.theory.rounds.toFixed(1)}>
          rounds
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
        <Stat label="messages sent" value={m.sent} testid="console-sent">
          {kindsLine(view)}
        </Stat>
        <Stat label="reached a node" value={m.delivered} />
        <Stat label="redundant" value={m.redundant} testid="console-redundant">
          to a node that already {cards ? 'had as good a card' : 'knew'}
          {m.delivered > 0 ? ` (${Math.round((m.redundant / m.delivered) * 100)}%)` : ''}
        </Stat>
        {net && (
          <Stat label="dropped" value={net.dropped.partition + net.dropped.loss + net.dropped.crashed} testid="console-dropped">
            <span className="go-drop go-drop-partition">✕ {net.dropped.partition} partition</span> ·{' '}
            <span className="go-drop">○ {net.dropped.loss} lost</span> · <span className="go-drop">■ {net.dropped.crashed} crashed</span>
          </Stat>
        )}
      </div>

      <Groups groups={groups} name={name} cards={cards} />

      <p className="go-settings">
        <b>{MODE_TEXT[view.mode].title}</b>, fanout {view.fanout}, rounds of {lengthText(view.roundMs)}.{' '}
        {view.origin && (
          <>
            {cards ? 'Top card dealt to ' : 'Started with '}
            <b>{name(view.origin)}</b> ({cards ? 'by the deal' : view.originBy === 'config' ? "instructor's choice" : 'by chance'}).{' '}
          </>
        )}
        {cards && view.topCard && (
          <>
            Top card: <b className={view.topCard.red ? 'go-red' : ''}>{view.topCard.label}</b>.
          </>
        )}
        {!cards && view.word && (
          <span className="go-word-line">
            Rumour: <b data-testid="console-word">{showWord ? `“${view.word}”` : '•'.repeat(Math.min(8, view.word.length))}</b>{' '}
            <button type="button" className="small secondary" aria-pressed={showWord} onClick={() => setShowWord((x) => !x)}>
              {showWord ? 'Hide the word' : 'Show the word'}
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

function kindsLine(view: GossipConsoleView): string {
  const m = view.messages;
  const parts: [number, string][] = [
    [m.push, 'rumour'],
    [m.pull, 'asks'],
    [m.reply, 'answers'],
    [m.card, 'cards'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(' · ');
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
  const list = (ids: string[]) =>
    ids.slice(0, NAMES_SHOWN).map(name).join(', ') + (ids.length > NAMES_SHOWN ? ` and ${ids.length - NAMES_SHOWN} more` : '');
  if (groups.waiting.length + groups.cut.length + groups.down.length === 0) {
    return (
      <p className="go-everyone" data-testid="console-groups">
        <span aria-hidden="true">✓ </span>Every node {cards ? 'holds the top card' : 'knows'}.
      </p>
    );
  }
  return (
    <ul className="go-groups" data-testid="console-groups">
      {groups.waiting.length > 0 && (
        <li>
          <b>Not yet ({groups.waiting.length}):</b> {list(groups.waiting)}
        </li>
      )}
      {groups.cut.length > 0 && (
        <li className="go-cut">
          <b>
            <span aria-hidden="true">⚠ </span>Cut off ({groups.cut.length}):
          </b>{' '}
          {list(groups.cut)}
        </li>
      )}
      {groups.down.length > 0 && (
        <li className="go-down">
          <b>
            <span aria-hidden="true">✕ </span>Down ({groups.down.length}):
          </b>{' '}
          {list(groups.down)}
        </li>
      )}
    </ul>
  );
}

function Stalled({ view, groups, name }: { view: GossipConsoleView; groups: Groups; name(id: string): string }) {
  const why = view.reach.knowersAlive === 0 ? 'every node that knew is down' : 'a partition cuts them off from every node that knows';
  const shown = groups.cut.slice(0, 8).map(name).join(', ');
  return (
    <div className="go-stalled" role="alert" data-testid="stalled-warning">
      <span className="go-stalled-sign" aria-hidden="true">
        ⚠
      </span>
      <div>
        <b>The rumour is stuck: </b>
        {view.reach.cut} live node{view.reach.cut === 1 ? '' : 's'} cannot learn ({shown}
        {groups.cut.length > 8 ? '…' : ''}): {why}. Heal the network or restart a node. The game waits {view.healWaitRounds} round
        {view.healWaitRounds === 1 ? '' : 's'} for it ({view.stalledRounds} so far).
      </div>
    </div>
  );
}

function PerRound({ view }: { view: GossipConsoleView }) {
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
      <summary>Round by round ({rows.length - 1} so far)</summary>
      <table className="results">
        <thead>
          <tr>
            <th>Round</th>
            <th>Know it</th>
            <th>Learned this round</th>
            <th>Messages</th>
            <th>Redundant</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.r}>
              <td>
                {row.r}
                {row.r === view.round && view.status !== 'over' ? ' (now)' : ''}
              </td>
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
