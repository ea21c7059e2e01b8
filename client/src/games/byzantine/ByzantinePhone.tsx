// A general's phone: its role (a traitor's only on its own screen), the order it got, the
// relays as they arrive, its tally, and the one thing to do now. The server decides
// everything: this screen only shows the view and asks with `act`.

import { useEffect, useRef, useState } from 'react';
import type { Value } from '../../../../shared/games/byzantine/config';
import type { ByzantineView, PendingSend, ReceivedMessage } from '../../../../shared/games/byzantine/view';
import { buzz, type PhoneGameProps } from '../types';
import { currentStep, formatLeft, Icon, label, phaseDeadline, phaseSteps, useNames, useSessionNow, ValueTag } from './common';
import { keyed } from '../../keyed';
import { must } from '../../../../shared/must';
import { NowLine, Term } from '../../phone/Term';

type Act = (action: unknown) => Promise<boolean>;

/** What the autopilot (and the phase timer) does for a traitor, said on its role card only. */
const STRATEGY_TEXT: Record<string, string> = {
  flip: 'If time runs out, your phone says the opposite of what you were told.',
  split: 'If time runs out, your phone tells the first half Attack and the rest Retreat.',
  random: 'If time runs out, your phone tosses a coin for each lieutenant.',
};

export function ByzantinePhone({ view, node, roster, act }: PhoneGameProps<ByzantineView>) {
  const nameOf = useNames(roster.nodes);
  const name = (id: string) => (id === view.you ? 'you' : nameOf(id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask: Act = async (action) => {
    setError(null);
    setBusy(true);
    const err = await act(action);
    setBusy(false);
    if (err) setError(err.message);
    return !err;
  };
  useBuzzes(view);

  return (
    <div className="byz stack">
      <NowLine>{nowLine(view, name, node.you.autopilot)}</NowLine>
      <RoleCard view={view} name={name} />
      <PhaseBar view={view} timers={node.timers} t={node.t} paused={node.room.paused} />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {view.role === 'observer' && (
        <section className="panel byz-now" aria-label="What to do now">
          <p className="byz-big">You are watching this round.</p>
          <p className="muted">It already has {view.generals.length} generals. You will play in a later round: watch the projector.</p>
        </section>
      )}
      {view.role === 'commander' && <CommanderScreen view={view} name={name} ask={ask} busy={busy} />}
      {view.role === 'lieutenant' && (
        <LieutenantScreen view={view} name={name} ask={ask} busy={busy} timers={node.timers} t={node.t} paused={node.room.paused} />
      )}
    </div>
  );
}

/** Vibrate on what a student should look at: the order, a relay, the decision, the timer. */
function useBuzzes(view: ByzantineView) {
  const last = useRef({
    order: view.order !== null,
    relays: view.received + view.late + view.forged,
    decide: view.canDecide,
    closing: view.closing,
  });
  useEffect(() => {
    const was = last.current;
    const relays = view.received + view.late + view.forged;
    if (view.canDecide && !was.decide) buzz([120, 80, 120]);
    else if (view.order !== null && !was.order) buzz([80, 60, 80]);
    else if (relays > was.relays) buzz(60);
    else if (view.closing && !was.closing) buzz(200);
    last.current = { order: view.order !== null, relays, decide: view.canDecide, closing: view.closing };
  }, [view.order, view.received, view.late, view.forged, view.canDecide, view.closing]);
}

/**
 * The role card looks the same on every phone from a metre away: one colour, one size, one
 * layout. What is public (who commands) is written on it; whether you are loyal is read close
 * up, only while the student holds "Show my role" (or for a few seconds after a keyboard or
 * screen-reader press), in a box whose size does not depend on the role.
 */
function RoleCard({ view, name }: { view: ByzantineView; name(id: string): string }) {
  const [shown, setShown] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  if (view.role === 'observer') return null;
  const commander = view.role === 'commander';
  const show = (on: boolean) => {
    clearTimeout(timer.current ?? undefined);
    setShown(on);
  };
  const secret = view.traitor
    ? {
        word: commander ? 'Traitor commander' : 'Traitor lieutenant',
        text: commander
          ? 'Give the lieutenants different orders: try to make the loyal ones disagree.'
          : 'You choose what you tell each lieutenant: try to make the loyal ones disagree.',
      }
    : {
        word: commander ? 'Loyal commander' : 'Loyal lieutenant',
        text: commander
          ? 'Give every lieutenant the same order. Some generals may be traitors.'
          : 'Your phone passes on exactly what you were told; then you decide by majority.',
      };
  return (
    <section className="byz-role" aria-label="Your role" data-testid="byz-role">
      <div className="byz-role-head">
        <Icon name="commander" size={32} />
        <div className="byz-role-public">
          {commander ? 'You command this round.' : `You are a lieutenant. ${name(view.commander)} commands.`}
        </div>
      </div>
      <div className="byz-secret" aria-live="polite" data-testid="byz-secret">
        {shown ? (
          <>
            <b className="byz-secret-word">{secret.word}</b> <span>{secret.text}</span>
            {view.traitor && view.strategy && <span> {STRATEGY_TEXT[view.strategy] ?? ''}</span>}
          </>
        ) : (
          <span className="muted-on-dark">Hidden. Keep your screen to yourself, then hold the button to read your role.</span>
        )}
      </div>
      <button
        type="button"
        className="byz-reveal"
        aria-pressed={shown}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          show(true);
        }}
        onPointerUp={() => show(false)}
        onPointerCancel={() => show(false)}
        onContextMenu={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (e.key === ' ' || e.key === 'Enter') {
            e.preventDefault();
            show(true);
          }
        }}
        onKeyUp={() => show(false)}
        onClick={(e) => {
          // A screen reader's or a switch's press comes as a click alone: show the role for a moment.
          if (e.detail !== 0) return;
          show(true);
          timer.current = setTimeout(() => setShown(false), 5000);
        }}
      >
        Hold to show my role
      </button>
    </section>
  );
}

function PhaseBar({ view, timers, t, paused }: { view: ByzantineView; timers: Record<string, number>; t: number; paused: boolean }) {
  const now = useSessionNow(t, paused);
  const steps = phaseSteps(view.m);
  const step = currentStep(view.phase, view.level, view.m);
  const deadline = phaseDeadline(timers, view.phaseTimer, view.phaseEndsAt);
  const left = deadline === null ? null : deadline - now;
  return (
    <section className="byz-phases" aria-label="Phase" data-testid="byz-phase">
      <ol className="byz-steps">
        {steps.map((s) => (
          <li
            key={s.step}
            className={s.step === step ? 'current' : s.step < step ? 'done' : ''}
            aria-current={s.step === step ? 'step' : undefined}
          >
            {s.step < step ? '✓ ' : ''}
            {s.text}
          </li>
        ))}
      </ol>
      <div className="byz-clock" role="timer" aria-live="off">
        {view.phase === 'done' ? (
          <span>Round over</span>
        ) : view.closing ? (
          <span>Time is up: the last messages are arriving…</span>
        ) : left !== null ? (
          <>
            <Icon name="clock" size={22} />
            <b className={left < 10_000 ? 'soon' : ''}>{formatLeft(left)}</b>
            <span>{paused ? 'paused' : 'left in this phase'}</span>
          </>
        ) : null}
      </div>
    </section>
  );
}

// ---- the commander -----------------------------------------------------------------------

function CommanderScreen({ view, name, ask, busy }: { view: ByzantineView; name(id: string): string; ask: Act; busy: boolean }) {
  const lieutenants = view.generals.filter((g) => g !== view.commander);
  const sent = view.ordersSent ?? {};
  const given = Object.keys(sent).length;
  const pending = view.pending.find((p) => p.level === 1);
  if (view.phase === 'orders' && view.canOrder) {
    if (view.traitor && pending) {
      return (
        <section className="panel stack byz-now" aria-labelledby="byz-now-title">
          <h2 id="byz-now-title">Give your orders</h2>
          <p className="muted">
            Headquarters advised <ValueTag value={pending.value} />. You are a traitor: choose what each lieutenant hears.
          </p>
          <Chooser pending={pending} name={name} ask={ask} busy={busy} action={(values) => ({ type: 'send', values })} verb="Send" />
        </section>
      );
    }
    const advised = view.suggestedOrder;
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">Give your order</h2>
        {advised && (
          <p className="byz-big">
            Headquarters says: <ValueTag value={advised} big />
          </p>
        )}
        <p className="muted">
          The same order goes to all {lieutenants.length} lieutenants{given > 0 ? ` (${given} have it already)` : ''}. If time runs out, the
          advised order goes out.
        </p>
        <div className="byz-choice">
          {(['attack', 'retreat'] as const).map((v) => (
            <button
              type="button"
              key={v}
              className={`big byz-btn ${v}${advised === v ? ' advised' : ''}`}
              disabled={busy}
              aria-label={`Order everyone: ${label(v)}`}
              onClick={() => void ask({ type: 'order', value: v })}
            >
              <Icon name={v} size={28} />
              {label(v)}
            </button>
          ))}
        </div>
      </section>
    );
  }
  return (
    <section className="panel stack byz-now" aria-labelledby="byz-now-title">
      <h2 id="byz-now-title">{given > 0 ? 'Your orders went out' : 'Orders'}</h2>
      <p className="byz-big">
        {view.phase === 'orders'
          ? 'Waiting for the orders to arrive…'
          : view.phase === 'relays'
            ? 'The lieutenants are telling each other what you ordered.'
            : view.phase === 'decide'
              ? 'The lieutenants are deciding.'
              : 'The round is over: look at the projector.'}
      </p>
      {given > 0 && (
        <ul className="byz-list" aria-label="Your orders">
          {lieutenants.map((l) => (
            <li key={l}>
              <span className="byz-name">{name(l)}</span>
              {sent[l] ? <ValueTag value={sent[l]} /> : <span className="muted">not yet</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ---- a lieutenant ------------------------------------------------------------------------

function LieutenantScreen(props: {
  view: ByzantineView;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  timers: Record<string, number>;
  t: number;
  paused: boolean;
}) {
  const { view, name } = props;
  return (
    <>
      <NowPanel {...props} />
      <section className="panel stack" aria-labelledby="byz-heard-title">
        <h2 id="byz-heard-title">What you heard</h2>
        <OrderLine view={view} name={name} />
        {view.tally && <TallyBox view={view} t={view.tally} />}
      </section>
      <RelayList view={view} name={name} />
    </>
  );
}

/**
 * The one thing to do (or to wait for) right now. Traitors and loyal lieutenants get panels of
 * the same shape in each phase (a list of lieutenants while passing on, two buttons while
 * deciding), so that the layout does not give a traitor away either.
 */
function NowPanel({ view, name, ask, busy, timers, t, paused }: Parameters<typeof LieutenantScreen>[0]) {
  const [pretend, setPretend] = useState<Value | null>(null);
  if (view.canDecide && view.suggested) {
    return <DecidePanel majority={view.suggested} busy={busy} onDecide={(v) => void ask({ type: 'decide', value: v })} />;
  }
  if (view.traitor && view.phase === 'decide' && pretend === null) {
    // Traitors do not decide; their phone still shows two buttons, so that it looks like the others'.
    return <DecidePanel majority={view.suggested ?? 'retreat'} busy={busy} traitor onDecide={setPretend} />;
  }
  if (view.decision || (view.traitor && pretend && view.phase === 'decide')) {
    const decided = view.decision ?? pretend ?? 'retreat';
    return (
      <section className="panel stack byz-now done" aria-labelledby="byz-now-title" data-testid="byz-decision">
        <h2 id="byz-now-title">Your decision</h2>
        <p className="byz-big">
          You decided <ValueTag value={decided} big />
        </p>
        <p className="muted">
          {view.decision === null
            ? 'Not sent: traitors do not decide. '
            : view.decidedBy === 'timeout'
              ? 'Time ran out, so your phone took your majority. '
              : ''}
          Did every loyal general decide the same? Watch the projector.
        </p>
      </section>
    );
  }
  if (view.phase === 'done') {
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">Round over</h2>
        <p className="byz-big">The generals have decided: look at the projector.</p>
      </section>
    );
  }
  if (view.phase === 'orders' && !view.order && !view.orderMissing) {
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">Wait for your order</h2>
        <p className="byz-big">Waiting for {name(view.commander)}'s order…</p>
      </section>
    );
  }
  if (view.traitor) {
    const open = view.pending.filter((p) => p.recipients.some((r) => p.sent[r] === undefined));
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">Pass it on</h2>
        {open.map((p) => (
          <PendingChooser key={`${p.level}:${(p.path ?? []).join('>')}`} pending={p} view={view} name={name} ask={ask} busy={busy} />
        ))}
        {open.length === 0 && <p className="byz-big">Your messages went out. Waiting for the others…</p>}
      </section>
    );
  }
  const relayAt = timers[`byzantine:relay:${view.you}`];
  const value = view.relayed?.value ?? view.order?.value ?? (view.orderMissing ? 'retreat' : null);
  const others = view.generals.filter((g) => g !== view.commander && g !== view.you);
  return (
    <section className="panel stack byz-now" aria-labelledby="byz-now-title">
      <h2 id="byz-now-title">Pass it on</h2>
      <p className="byz-big">
        {view.relaysWaiting > 0 ? (
          <>
            Your phone passes your order on to the other lieutenants
            {relayAt !== undefined && <RelayCountdown at={relayAt} t={t} paused={paused} />}. Loyal generals cannot lie.
          </>
        ) : (
          'You passed on your order, unchanged. Waiting for the others…'
        )}
      </p>
      {value && view.m === 1 && !view.signed && (
        <ul className="byz-list chooser" aria-label="What you pass on">
          {others.map((r) => (
            <li key={r}>
              <span className="byz-name">{name(r)}</span>
              <span className="byz-told">
                {view.relaysWaiting > 0 ? 'will hear' : 'told'} <ValueTag value={value} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Decide by your majority (or against it); a traitor's copy sends nothing. */
function DecidePanel({
  majority,
  busy,
  traitor = false,
  onDecide,
}: {
  majority: Value;
  busy: boolean;
  traitor?: boolean;
  onDecide(v: Value): void;
}) {
  const other: Value = majority === 'attack' ? 'retreat' : 'attack';
  return (
    <section className="panel stack byz-now decide" aria-labelledby="byz-now-title">
      <h2 id="byz-now-title">Decide</h2>
      <p className="byz-big">
        Your <Term id="tally">majority</Term>: <ValueTag value={majority} big />
      </p>
      <button type="button" className={`big byz-btn ${majority}`} disabled={busy} onClick={() => onDecide(majority)}>
        <Icon name={majority} size={28} />
        Decide {label(majority)}
      </button>
      <button type="button" className="secondary byz-against" disabled={busy} onClick={() => onDecide(other)}>
        Decide {label(other)} instead
      </button>
      <p className="muted">
        {traitor
          ? 'You are a traitor: traitors do not decide. Tap either, so that your phone looks like the others; nothing is sent.'
          : 'The rule: decide what most of your messages say. If time runs out, your phone decides by the majority.'}
      </p>
    </section>
  );
}

function RelayCountdown({ at, t, paused }: { at: number; t: number; paused: boolean }) {
  const now = useSessionNow(t, paused);
  return <> in {Math.max(0, Math.ceil((at - now) / 1000))} s</>;
}

function OrderLine({ view, name }: { view: ByzantineView; name(id: string): string }) {
  if (view.order) {
    return (
      <div className="byz-order" data-testid="byz-order">
        <span>Your order from {name(view.order.from)}:</span>
        <ValueTag value={view.order.value} big />
      </div>
    );
  }
  if (view.orderMissing) {
    return (
      <div className="byz-order missing" data-testid="byz-order">
        <span>No order reached you in time. It counts as</span> <ValueTag value="retreat" />
      </div>
    );
  }
  return <p className="muted">No order yet from {name(view.commander)}.</p>;
}

/**
 * The tally as it is: until the decision phase, what has arrived and what has not yet (which is
 * not a Retreat until its phase ends), with the majority of what arrived; then the frozen
 * tally, where what never came counts as Retreat ([B8]).
 */
function TallyBox({ view, t }: { view: ByzantineView; t: NonNullable<ByzantineView['tally']> }) {
  const total = Math.max(1, t.attack + t.retreat + t.missing);
  const frozen = view.phase === 'decide' || view.phase === 'done';
  const arrived = t.attack + t.retreat;
  return (
    <figure
      className="byz-tally"
      data-testid="byz-tally"
      aria-label={`Tally: ${t.attack} Attack, ${t.retreat} Retreat, ${t.missing} ${frozen ? 'missing' : 'not yet'}`}
    >
      <div className="byz-tally-title">
        {view.signed ? 'Valid signed messages' : 'Your tally'} {frozen ? '' : '(still counting)'}
      </div>
      {(['attack', 'retreat'] as const).map((v) => (
        <div key={v} className="byz-bar-row">
          <ValueTag value={v} />
          <span className="byz-bar" aria-hidden="true">
            <span className={`fill ${v}`} style={{ width: `${(t[v] / total) * 100}%` }} />
          </span>
          <b>{t[v]}</b>
        </div>
      ))}
      {t.missing > 0 && (
        <div className="byz-bar-row">
          <span className="byz-value missing">{frozen ? 'Missing' : 'Not yet'}</span>
          <span className="byz-bar" aria-hidden="true">
            <span className="fill missing" style={{ width: `${(t.missing / total) * 100}%` }} />
          </span>
          <b>{t.missing}</b>
        </div>
      )}
      {t.missing > 0 && (
        <p className="muted">
          {frozen
            ? `${t.missing === 1 ? 'One message never came: it counts' : `${t.missing} messages never came: each counts`} as Retreat.`
            : 'Still on their way: they count once they arrive. One that never arrives counts as Retreat when the phase ends.'}
        </p>
      )}
      {view.accepted && <p className="muted">Accepted values: {view.accepted.length ? view.accepted.map(label).join(' and ') : 'none'}.</p>}
      <p className="byz-majority" data-testid="byz-majority">
        {frozen ? (
          view.suggested && (
            <>
              Majority: <ValueTag value={view.suggested} />
              {!view.signed && t.attack * 2 === t.attack + t.retreat + t.missing && (
                <span className="muted"> (a tie counts as Retreat)</span>
              )}
            </>
          )
        ) : view.suggested ? (
          <>
            Majority of what arrived: <ValueTag value={view.suggested} />
          </>
        ) : arrived === 0 ? (
          'No majority yet: nothing has arrived.'
        ) : (
          'No majority yet: a tie so far.'
        )}
      </p>
    </figure>
  );
}

const STATUS_TEXT: Record<ReceivedMessage['status'], string | null> = {
  counted: null,
  late: 'late: it arrived after its phase, so it is ignored',
  forged: 'forged signature: thrown away',
  ignored: 'you already had this value',
};

function RelayList({ view, name }: { view: ByzantineView; name(id: string): string }) {
  const relays = keyed(view.relays, (m) => `${m.path.join('>')}:${m.at}`).reverse();
  const others = view.generals.length - 2;
  return (
    <section className="panel stack" aria-labelledby="byz-relays-title">
      <h2 id="byz-relays-title">
        Relays to you ({view.received - (view.order ? 1 : 0)}
        {view.m === 1 && !view.signed ? ` of ${others}` : ''})
      </h2>
      <p className="muted">
        <Term id="relay">A relay</Term> is what another lieutenant says the commander told them.
      </p>
      {relays.length === 0 && (
        <p className="muted">
          {view.phase === 'decide' || view.phase === 'done'
            ? 'None came in time: each missing relay counts as Retreat.'
            : 'None yet. Each other lieutenant tells you what the commander told them.'}
        </p>
      )}
      <ul className="byz-list relays" aria-live="polite">
        {relays.map(({ key, item: m }) => (
          <li key={key} className={m.status}>
            <div className="byz-relay-main">
              <span className="byz-name">{name(m.from)}</span>
              <span className="muted">{view.signed ? 'signed' : 'says'}</span>
              <ValueTag value={m.value} />
            </div>
            <div className="meta">
              {m.path.length > 2 || view.signed
                ? `${m.path.map(name).join(' → ')} → you`
                : `what ${name(must(m.path[0], 'the first general of a relay path'))} told ${name(m.from)}`}
              {STATUS_TEXT[m.status] && <b> · {STATUS_TEXT[m.status]}</b>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- a traitor's choices -----------------------------------------------------------------

function PendingChooser({
  pending,
  view,
  name,
  ask,
  busy,
}: {
  pending: PendingSend;
  view: ByzantineView;
  name(id: string): string;
  ask: Act;
  busy: boolean;
}) {
  const fromCommander = pending.path === null || pending.path.length === 1;
  return (
    <div className="stack byz-pending">
      <p className="byz-big">
        {fromCommander && view.orderMissing ? (
          <>
            No order reached you: it counts as <ValueTag value={pending.value} big />
          </>
        ) : fromCommander ? (
          <>
            {name(view.commander)} told you <ValueTag value={pending.value} big />
          </>
        ) : (
          <>
            {(pending.path ?? []).map(name).join(' → ')} → you: <ValueTag value={pending.value} big />
          </>
        )}
      </p>
      {pending.signable && (
        <p className="muted">
          You can sign only {pending.signable.length ? pending.signable.map(label).join(' and ') : 'nothing'}: anything else is a forgery
          they will spot.
        </p>
      )}
      <p>What do you tell each lieutenant?</p>
      <Chooser
        pending={pending}
        name={name}
        ask={ask}
        busy={busy}
        verb="Send"
        action={(values) =>
          view.signed
            ? { type: 'send', values, level: pending.level }
            : pending.path
              ? { type: 'send', values, path: pending.path }
              : { type: 'send', values }
        }
      />
    </div>
  );
}

/** Attack or Retreat per recipient, then one Send. Recipients already told are shown, locked. */
function Chooser({
  pending,
  name,
  ask,
  busy,
  action,
  verb,
}: {
  pending: PendingSend;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  verb: string;
  action(values: Record<string, Value>): unknown;
}) {
  const [picked, setPicked] = useState<Record<string, Value>>({});
  const open = pending.recipients.filter((r) => pending.sent[r] === undefined);
  const chosen = Object.fromEntries(Object.entries(picked).filter(([r]) => open.includes(r)));
  const count = Object.keys(chosen).length;
  const all = (v: Value) => setPicked(Object.fromEntries(open.map((r) => [r, v])));
  const send = async () => {
    if (await ask(action(chosen))) setPicked({});
  };
  return (
    <div className="stack">
      <fieldset className="byz-quick plain-group" aria-label="Choose for everyone">
        <button type="button" className="secondary" onClick={() => all('attack')}>
          All Attack
        </button>
        <button type="button" className="secondary" onClick={() => all('retreat')}>
          All Retreat
        </button>
      </fieldset>
      <ul className="byz-list chooser">
        {pending.recipients.map((r) => {
          const told = pending.sent[r];
          return (
            <li key={r}>
              <span className="byz-name">{name(r)}</span>
              {told ? (
                <span className="byz-told">
                  told <ValueTag value={told} />
                </span>
              ) : (
                <fieldset className="byz-pair plain-group" aria-label={`What to tell ${name(r)}`}>
                  {(['attack', 'retreat'] as const).map((v) => (
                    <button
                      key={v}
                      type="button"
                      className={`byz-pick ${v}`}
                      aria-pressed={chosen[r] === v}
                      aria-label={`Tell ${name(r)}: ${label(v)}`}
                      onClick={() => setPicked({ ...picked, [r]: v })}
                    >
                      <Icon name={v} size={18} />
                      {label(v)}
                    </button>
                  ))}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="big" disabled={busy || count === 0} onClick={() => void send()}>
        {count === 0 ? 'Choose for each lieutenant' : `${verb} to ${count} of ${open.length}`}
      </button>
    </div>
  );
}

/**
 * What to do now, in one line. The same words on a traitor's phone and a loyal one whenever
 * both have the same thing to do; where they differ, the line is short and read close up.
 */
function nowLine(view: ByzantineView, name: (id: string) => string, autopilot: boolean): string {
  if (view.role === 'observer') return 'Watch this round on the projector: you play in the next one.';
  if (autopilot) return 'The autopilot plays for you: watch what it does.';
  if (view.phase === 'done') return 'The generals have decided: look at the projector.';
  if (view.role === 'commander') {
    if (view.canOrder) return 'Give your order to the lieutenants.';
    return view.phase === 'orders' ? 'Your orders are on their way.' : 'Watch: the lieutenants pass on your orders, then decide.';
  }
  if (view.phase === 'orders' && !view.order && !view.orderMissing) return `Wait for ${name(view.commander)}’s order.`;
  if (view.phase === 'decide') return view.decision ? 'You decided: watch the projector.' : 'Every message is in: decide by your majority.';
  return 'Pass on your order; watch what the others pass on to you.';
}

/** One line after the round: what you did, and whether the loyal generals agreed (never who lied). */
export function ByzantineRecap({ view }: PhoneGameProps<ByzantineView>) {
  if (view.role === 'observer') return <p className="recap">You watched this round.</p>;
  const parts: string[] = [];
  if (view.role === 'commander') {
    const sent = Object.values(view.ordersSent ?? {});
    const same = sent.length > 0 && sent.every((v) => v === sent[0]);
    parts.push(sent.length === 0 ? 'You gave no order' : same ? `You ordered ${label(sent[0] ?? 'retreat')}` : 'You gave different orders');
  } else if (view.decision) {
    const majority = view.suggested;
    parts.push(
      `You decided ${label(view.decision)}${
        majority && majority !== view.decision
          ? ` although your majority was ${label(majority)}`
          : view.decidedBy === 'timeout'
            ? ' (your majority, when time ran out)'
            : ', your majority'
      }`,
    );
  } else if (view.traitor) parts.push('You did not decide (traitors do not)');
  else parts.push('You decided nothing');
  const e = view.ending;
  if (e) {
    parts.push(
      e.ic1
        ? 'the loyal lieutenants all decided the same (IC1 held)'
        : e.cause === 'people'
          ? 'the loyal lieutenants did not agree, because some decided against their own majority'
          : e.cause === 'network'
            ? 'the loyal lieutenants did not agree: messages were lost or late'
            : 'the loyal lieutenants did not agree: the traitors split them',
    );
  }
  return (
    <p className="recap" data-testid="recap">
      {parts.join('; ')}.
    </p>
  );
}
