// The projector's panel: the phase and its clock, the roles (traitors marked), the bound
// the bound (LSP 1982), the messages in the air, each lieutenant's row, and the verdict once decided.

import type { ByzantineConsoleView, ConsoleRow } from '../../../../shared/games/byzantine/console';
import type { MessageRecord } from '../../../../shared/games/byzantine/state';
import type { ConsoleGameProps } from '../types';
import { formatLeft, Icon, TraitorTag, useNames, useSessionNow, ValueTag } from './common';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
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

const PHASE_KEY: Record<ByzantineConsoleView['phase'], MessageKey> = {
  orders: 'byzantine.console.phase.orders',
  relays: 'byzantine.console.phase.relays',
  decide: 'byzantine.console.phase.decide',
  done: 'byzantine.console.phase.done',
};

export function ByzantineConsole({ view, snapshot }: ConsoleGameProps<ByzantineConsoleView>) {
  const t = useT();
  const name = useNames(snapshot.nodes);
  const now = useSessionNow(snapshot.t, snapshot.paused);
  const lieutenants = view.rows.length;
  const alg = `${view.signed ? 'SM' : 'OM'}(${view.m})`;
  // The session's timer moves when the network is paused; the engine's own end time does not.
  const endsAt = (view.phaseTimer ? snapshot.round?.timers[view.phaseTimer] : undefined) ?? view.phaseEndsAt;
  const left = endsAt === null ? null : endsAt - now;
  const phaseText =
    view.phase === 'relays' && view.m > 1 ? t('byzantine.console.phase.relaysLevel', { level: view.level ?? 2 }) : t(PHASE_KEY[view.phase]);
  const commanderTraitor = view.commanderTraitor;
  const lieutenantTraitors = view.traitors.filter((x) => x !== view.commander);
  const waiting = view.waitingFor.slice(0, 8).map(name);
  return (
    <div className="byz-console stack" data-testid="byz-console">
      <div className="byz-c-top">
        <div className="byz-c-box">
          <div className="muted">{t('byzantine.console.algPhase', { alg })}</div>
          <div className="byz-c-phase" data-testid="byz-console-phase">
            {phaseText}
          </div>
          <div className="row">
            {view.closing ? (
              <span>{t('byzantine.console.closing')}</span>
            ) : left !== null && view.phase !== 'done' ? (
              <>
                <Icon name="clock" size={28} />
                <span className="byz-c-clock">{formatLeft(left)}</span>
                {snapshot.paused && <span>{t('byzantine.console.paused')}</span>}
              </>
            ) : null}
          </div>
          {view.waitingFor.length > 0 && (
            <div>
              {t('byzantine.console.waitingFor')}{' '}
              <b>
                {view.waitingFor.length > 8
                  ? t.list([...waiting, t('common.others', { count: view.waitingFor.length - 8 })])
                  : t.list(waiting)}
              </b>
            </div>
          )}
        </div>
        <div className="byz-c-box byz-c-roles">
          <div className="row">
            <Icon name="commander" size={26} />
            <span>
              {t('byzantine.console.commander')} <b>{name(view.commander)}</b>
            </span>
            {commanderTraitor ? (
              <TraitorTag text={t('byzantine.look.badge.traitor')} />
            ) : (
              <span className="byz-loyal-tag">{t('byzantine.console.loyal')}</span>
            )}
          </div>
          <div className="row">
            <span>{t('byzantine.console.advised')}</span> <ValueTag value={view.suggestedOrder} />
          </div>
          <div className="row">
            <Icon name="traitor" size={24} />
            <span>
              {t('byzantine.console.traitors', { f: view.traitors.length })}{' '}
              <b>{view.traitors.length === 0 ? t('common.none') : t.list(view.traitors.map(name))}</b>
            </span>
          </div>
          <div className="muted">
            {t('byzantine.console.generals', {
              generals: view.generals.length,
              lieutenants,
              lying: lieutenantTraitors.length,
              watching: view.observers,
            })}
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
        <ul className="byz-notes" aria-label={t('byzantine.console.notes')}>
          {view.notes.map((n) => (
            <li key={noticeKey(n)}>
              <NoticeText notice={n} nameOf={name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const STATUS_WORD: Record<MessageRecord['status'], MessageKey> = {
  travelling: 'byzantine.console.status.travelling',
  arrived: 'byzantine.console.status.arrived',
  late: 'byzantine.console.status.late',
  forged: 'byzantine.console.status.forged',
  dropped: 'byzantine.console.status.dropped',
  lost: 'byzantine.console.status.lost',
};

/** Orders and relays in the air (with their values, which the map's dots do not show), then the latest ones that landed. */
function Flights({ view, name }: { view: ByzantineConsoleView; name(id: string): string }) {
  const t = useT();
  const travelling = view.messages.filter((m) => m.status === 'travelling');
  const shown = travelling.length > 0 ? travelling.slice(-FLIGHTS_SHOWN) : view.messages.slice(-Math.min(FLIGHTS_SHOWN, 8));
  const c = view.counts;
  return (
    <section className="stack" aria-labelledby="byz-flights-title" style={{ gap: '0.4rem' }}>
      <h3 id="byz-flights-title">
        {travelling.length > 0 ? t('byzantine.console.inTheAir', { count: travelling.length }) : t('byzantine.console.latest')}
        <span className="muted" style={{ fontWeight: 500 }}>
          {' · '}
          {t('byzantine.console.counts', { sent: c.sent, arrived: c.arrived, late: c.late, never: c.lost + c.dropped, forged: c.forged })}
        </span>
      </h3>
      {shown.length === 0 ? (
        <p className="muted">{t('byzantine.console.noMessage')}</p>
      ) : (
        <ul className="byz-flights" aria-label={t('byzantine.console.messages')}>
          {shown.map((m) => (
            <li key={m.mid} className={m.status}>
              <b>{name(m.from)}</b> → <b>{name(m.to)}</b>
              <span className="muted">
                {m.level === 1
                  ? t('byzantine.look.kind.order')
                  : view.m > 1
                    ? t('byzantine.console.relayLevel', { level: m.level })
                    : t('byzantine.look.kind.relay')}
              </span>
              <ValueTag value={m.value} />
              {m.status !== 'travelling' && <span className="muted">{t(STATUS_WORD[m.status])}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
