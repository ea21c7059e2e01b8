// The projector's panel: the phase and its clock, the roles (traitors marked), the bound
// the bound (LSP 1982), the messages in the air, each lieutenant's row, and the verdict once decided.

import type { ByzantineConsoleView, ConsoleRow } from '../../../../shared/games/byzantine/console';
import type { MessageRecord } from '../../../../shared/games/byzantine/state';
import type { ConsoleGameProps } from '../types';
import { formatLeft, Icon, PHASE_WORD, TraitorTag, useNames, useSessionNow, ValueTag } from './common';
import { BoundLine, LieutenantTable, Verdict, type TableRow } from './parts';
import { NoticeText, noticeKey } from '../../i18n/Words';

/** Relay columns (who said what to whom) fit the projector up to this many lieutenants. */
const MATRIX_MAX = 8;
const FLIGHTS_SHOWN = 18;

export function toTableRow(r: ConsoleRow): TableRow {
  const relays: TableRow['relays'] = {};
  for (const [from, v] of Object.entries(r.relays)) relays[from] = v.missing ? 'missing' : v.value;
  return {
    node: r.node,
    traitor: r.traitor,
    order: r.order ? (r.order.missing ? 'missing' : r.order.value) : null,
    relays,
    tally: r.tally,
    majority: r.suggested,
    decision: r.decision,
    decidedBy: r.decidedBy,
    againstMajority: r.againstMajority,
    crashed: r.crashed,
    late: r.late,
    forged: r.forged,
  };
}

export function ByzantineConsole({ view, snapshot }: ConsoleGameProps<ByzantineConsoleView>) {
  const name = useNames(snapshot.nodes);
  const now = useSessionNow(snapshot.t, snapshot.paused);
  const lieutenants = view.rows.length;
  const alg = `${view.signed ? 'SM' : 'OM'}(${view.m})`;
  // The session's timer moves when the network is paused; the engine's own end time does not.
  const endsAt = (view.phaseTimer ? snapshot.round?.timers[view.phaseTimer] : undefined) ?? view.phaseEndsAt;
  const left = endsAt === null ? null : endsAt - now;
  const phaseText = view.phase === 'relays' && view.m > 1 ? `Relays, level ${view.level}` : PHASE_WORD[view.phase];
  const commanderTraitor = view.commanderTraitor;
  const lieutenantTraitors = view.traitors.filter((t) => t !== view.commander);
  return (
    <div className="byz-console stack" data-testid="byz-console">
      <div className="byz-c-top">
        <div className="byz-c-box">
          <div className="muted">{alg} · phase</div>
          <div className="byz-c-phase" data-testid="byz-console-phase">
            {phaseText}
          </div>
          <div className="row">
            {view.closing ? (
              <span>Time is up: the last messages are arriving…</span>
            ) : left !== null && view.phase !== 'done' ? (
              <>
                <Icon name="clock" size={28} />
                <span className="byz-c-clock">{formatLeft(left)}</span>
                {snapshot.paused && <span>(network paused)</span>}
              </>
            ) : null}
          </div>
          {view.waitingFor.length > 0 && (
            <div>
              Waiting for:{' '}
              <b>
                {view.waitingFor.slice(0, 8).map(name).join(', ')}
                {view.waitingFor.length > 8 ? ` and ${view.waitingFor.length - 8} more` : ''}
              </b>
            </div>
          )}
        </div>
        <div className="byz-c-box byz-c-roles">
          <div className="row">
            <Icon name="commander" size={26} />
            <span>
              Commander <b>{name(view.commander)}</b>
            </span>
            {commanderTraitor ? <TraitorTag /> : <span className="byz-loyal-tag">loyal</span>}
          </div>
          <div className="row">
            <span>Advised order</span> <ValueTag value={view.suggestedOrder} />
          </div>
          <div className="row">
            <Icon name="traitor" size={24} />
            <span>
              Traitors (f = {view.traitors.length}):{' '}
              {view.traitors.length === 0 ? <b>none</b> : <b>{view.traitors.map(name).join(', ')}</b>}
            </span>
          </div>
          <div className="muted">
            {view.generals.length} generals ({lieutenants} lieutenants
            {lieutenantTraitors.length ? `, ${lieutenantTraitors.length} lying` : ''})
            {view.observers > 0 ? `, ${view.observers} watching` : ''} · traitors lie by “{view.strategy}”
          </div>
        </div>
      </div>
      <BoundLine b={view.bound} />
      {view.outcome && <Verdict v={{ ...view.outcome, commanderLoyal: !commanderTraitor }} />}
      <Flights view={view} name={name} />
      <LieutenantTable
        rows={view.rows.map(toTableRow)}
        name={name}
        relayColumns={lieutenants <= MATRIX_MAX && view.m === 1 && !view.signed}
        signed={view.signed}
        live={view.phase === 'orders' || view.phase === 'relays'}
      />
      {view.notes.length > 0 && (
        <ul className="byz-notes" aria-label="Notes">
          {view.notes.map((n) => (
            <li key={noticeKey(n)}>
              <NoticeText notice={n} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const STATUS_WORD: Record<MessageRecord['status'], string> = {
  travelling: 'in the air',
  arrived: 'arrived',
  late: 'late (ignored)',
  forged: 'forged (thrown away)',
  dropped: 'dropped',
  lost: 'lost',
};

/** Orders and relays in the air (with their values, which the map's dots do not show), then the latest ones that landed. */
function Flights({ view, name }: { view: ByzantineConsoleView; name(id: string): string }) {
  const travelling = view.messages.filter((m) => m.status === 'travelling');
  const shown = travelling.length > 0 ? travelling.slice(-FLIGHTS_SHOWN) : view.messages.slice(-Math.min(FLIGHTS_SHOWN, 8));
  const c = view.counts;
  return (
    <section className="stack" aria-labelledby="byz-flights-title" style={{ gap: '0.4rem' }}>
      <h3 id="byz-flights-title">
        {travelling.length > 0 ? `In the air: ${travelling.length}` : 'Latest messages'}
        <span className="muted" style={{ fontWeight: 500 }}>
          {' '}
          · {c.sent} sent, {c.arrived} arrived{c.late ? `, ${c.late} late` : ''}
          {c.lost + c.dropped ? `, ${c.lost + c.dropped} never arrived` : ''}
          {c.forged ? `, ${c.forged} forged` : ''}
        </span>
      </h3>
      {shown.length === 0 ? (
        <p className="muted">No message yet: the commander has not ordered.</p>
      ) : (
        <ul className="byz-flights" aria-label="Messages">
          {shown.map((m) => (
            <li key={m.mid} className={m.status}>
              <b>{name(m.from)}</b> → <b>{name(m.to)}</b>
              <span className="muted">{m.level === 1 ? 'order' : `relay${view.m > 1 ? ` L${m.level}` : ''}`}</span>
              <ValueTag value={m.value} />
              {m.status !== 'travelling' && <span className="muted">{STATUS_WORD[m.status]}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
