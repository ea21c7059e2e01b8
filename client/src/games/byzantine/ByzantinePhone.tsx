// A general's phone: its role (a traitor's only on its own screen), the order it got, the
// relays as they arrive, its tally, and the one thing to do now. The server decides
// everything: this screen only shows the view and asks with `act`.

import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useHold } from './hold';
import type { Value } from '../../../../shared/games/byzantine/config';
import type { ByzantineView, PendingSend, ReceivedMessage, SignedRelay } from '../../../../shared/games/byzantine/view';
import { buzz, type PhoneGameProps } from '../types';
import { currentStep, formatLeft, Icon, phaseDeadline, phaseSteps, useNames, useSessionNow, ValueTag } from './common';
import { keyed } from '../../keyed';
import { must } from '../../../../shared/must';
import { Nick } from '../../phone/Nick';
import { NowLine, Term } from '../../phone/Term';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { errorText } from '../../phone/errorText';
import { valueWord } from './words';

type Act = (action: unknown) => Promise<boolean>;

export function ByzantinePhone({ view, node, roster, act }: PhoneGameProps<ByzantineView>) {
  const t = useT();
  const nameOf = useNames(roster.nodes);
  const name = (id: string) => (id === view.you ? t('byzantine.phone.you') : nameOf(id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask: Act = async (action) => {
    setError(null);
    setBusy(true);
    const err = await act(action);
    setBusy(false);
    if (err) setError(errorText(t, err, nameOf));
    return !err;
  };
  useBuzzes(view);
  // One hold for the role card and the commander's orders: both are read close up only.
  const hold = useHold();

  return (
    <div className="byz stack">
      <NowLine>{nowLine(t, view, name, node.you.autopilot)}</NowLine>
      <RoleCard view={view} name={name} hold={hold} />
      <PhaseBar view={view} timers={node.timers} at={node.t} paused={node.room.paused} />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {view.role === 'observer' && (
        <section className="panel byz-now" aria-label={t('byzantine.phone.nowLabel')}>
          <p className="byz-big">{t('byzantine.phone.watching')}</p>
          <p className="muted">{t('byzantine.phone.watchingMore', { count: view.generals.length })}</p>
        </section>
      )}
      {view.role === 'commander' && <CommanderScreen view={view} name={name} ask={ask} busy={busy} revealed={hold.shown} />}
      {view.role === 'lieutenant' && (
        <LieutenantScreen view={view} name={name} ask={ask} busy={busy} timers={node.timers} at={node.t} paused={node.room.paused} />
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
function RoleCard({ view, name, hold }: { view: ByzantineView; name(id: string): string; hold: ReturnType<typeof useHold> }) {
  const t = useT();
  if (view.role === 'observer') return null;
  const commander = view.role === 'commander';
  const shown = hold.shown;
  const secret = view.traitor
    ? commander
      ? { word: t('byzantine.role.traitorCommander'), text: t('byzantine.role.traitorCommander.text') }
      : { word: t('byzantine.role.traitorLieutenant'), text: t('byzantine.role.traitorLieutenant.text') }
    : commander
      ? { word: t('byzantine.role.loyalCommander'), text: t('byzantine.role.loyalCommander.text') }
      : { word: t('byzantine.role.loyalLieutenant'), text: t('byzantine.role.loyalLieutenant.text') };
  const strategy = view.strategy ? t.dynamic(`byzantine.role.strategy.${view.strategy}`) : null;
  return (
    <section className="byz-role" aria-label={t('byzantine.role.label')} data-testid="byz-role">
      <div className="byz-role-head">
        <Icon name="commander" size={24} />
        <div className="byz-role-public">
          {commander ? t('byzantine.role.youCommand') : t('byzantine.role.lieutenant', { commander: name(view.commander) })}
        </div>
      </div>
      <div className={shown ? 'byz-secret held' : 'byz-secret'} aria-live="polite" data-testid="byz-secret">
        {shown ? (
          <FitInBox>
            <b className="byz-secret-word">{secret.word}</b>{' '}
            {view.traitor && !commander && view.phase === 'decide' ? (
              // Read close up only: the decide panel in the open says the same as a loyal
              // lieutenant's. The rows and what the phone sends at the timer are over by now.
              <span>{t('byzantine.decide.traitor')}</span>
            ) : (
              <>
                <span>{secret.text}</span>
                {view.traitor && strategy && <span> {strategy}</span>}
              </>
            )}
          </FitInBox>
        ) : (
          <span className="muted-on-dark">{t('byzantine.role.hidden')}</span>
        )}
      </div>
      <button className="byz-reveal" {...hold.button}>
        {t('byzantine.role.hold')}
      </button>
    </section>
  );
}

/**
 * The held secret's words, a little smaller where they would not fit the secret's box: the box
 * has one size for every role (a traitor's longer words must not make its card taller from the
 * next desk), and every word must be readable close up. Down to three quarters of the size.
 */
function FitInBox({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const text = ref.current;
    const box = text?.parentElement;
    if (!text || !box) return;
    text.style.fontSize = '';
    for (let scale = 1; box.scrollHeight > box.clientHeight + 1 && scale > 0.76; ) {
      scale -= 0.05;
      text.style.fontSize = `${scale.toFixed(2)}em`;
    }
  });
  return (
    <span ref={ref} className="byz-secret-text">
      {children}
    </span>
  );
}

function PhaseBar({ view, timers, at, paused }: { view: ByzantineView; timers: Record<string, number>; at: number; paused: boolean }) {
  const t = useT();
  const now = useSessionNow(at, paused);
  const steps = phaseSteps(view.m);
  const stepText = (step: number) =>
    step === 1
      ? t('byzantine.phase.orders')
      : step <= view.m + 1
        ? view.m === 1
          ? t('byzantine.phase.relays')
          : t('byzantine.phase.relaysLevel', { level: step })
        : t('byzantine.phase.decide');
  const step = currentStep(view.phase, view.level, view.m);
  const deadline = phaseDeadline(timers, view.phaseTimer, view.phaseEndsAt);
  const left = deadline === null ? null : deadline - now;
  return (
    <section className="byz-phases" aria-label={t('byzantine.phase.label')} data-testid="byz-phase">
      <ol className="byz-steps">
        {steps.map((s) => (
          <li
            key={s.step}
            className={s.step === step ? 'current' : s.step < step ? 'done' : ''}
            aria-current={s.step === step ? 'step' : undefined}
          >
            {s.step < step ? '✓ ' : ''}
            {stepText(s.step)}
          </li>
        ))}
      </ol>
      <div className="byz-clock" role="timer" aria-live="off">
        {view.phase === 'done' ? (
          <span>{t('byzantine.phase.over')}</span>
        ) : view.closing ? (
          <span>{t('byzantine.phase.closing')}</span>
        ) : left !== null ? (
          <>
            <Icon name="clock" size={22} />
            <b className={left < 10_000 ? 'soon' : ''}>{formatLeft(left)}</b>
            {/* The clock and its ticking figures say "time left" at a glance; the words are for screen readers (the bar stays one line on a small phone). */}
            <span className={paused ? undefined : 'sr-only'}>{paused ? t('byzantine.phase.paused') : t('byzantine.phase.left')}</span>
          </>
        ) : null}
      </div>
    </section>
  );
}

// ---- the commander -----------------------------------------------------------------------

function CommanderScreen({
  view,
  name,
  ask,
  busy,
  revealed,
}: {
  view: ByzantineView;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  /** "Hold to show my role" is held: a traitor's mixed orders would give it away from the next desk. */
  revealed: boolean;
}) {
  const t = useT();
  const lieutenants = view.generals.filter((g) => g !== view.commander);
  const sent = view.ordersSent ?? {};
  const given = Object.keys(sent).length;
  const pending = view.pending.find((p) => p.level === 1);
  if (view.phase === 'orders' && view.canOrder) {
    // One orders screen for both commanders, so that it does not give a traitor away: a row per
    // lieutenant set to the advised order, and one Send. A loyal commander's rows move together
    // (one order for all, [B3]); a traitor's each go their own way. The difference is read close up.
    const owed =
      view.traitor && pending ? pending : { path: null, level: 1, value: view.suggestedOrder ?? 'retreat', recipients: lieutenants, sent };
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title" data-testid="byz-orders">
        <h2 id="byz-now-title">{t('byzantine.commander.ordersTitle')}</h2>
        <p className="byz-big">
          {t('byzantine.commander.advised')} <ValueTag value={owed.value} big />
        </p>
        <p>{t('byzantine.commander.choose')}</p>
        <Chooser
          pending={owed}
          name={name}
          ask={ask}
          busy={busy}
          locked={false}
          together={!view.traitor}
          action={(values) => {
            const [first] = Object.values(values);
            return view.traitor || first === undefined ? { type: 'send', values } : { type: 'order', value: first };
          }}
        />
      </section>
    );
  }
  return (
    <section className="panel stack byz-now" aria-labelledby="byz-now-title">
      <h2 id="byz-now-title">{given > 0 ? t('byzantine.commander.wentOut') : t('byzantine.phase.orders')}</h2>
      <p className="byz-big">
        {view.phase === 'orders'
          ? t('byzantine.commander.arriving')
          : view.phase === 'relays'
            ? t('byzantine.commander.relaying')
            : view.phase === 'decide'
              ? t('byzantine.commander.deciding')
              : t('byzantine.commander.over')}
      </p>
      {/* After the round the screen is read-only (nothing to hold): what you ordered is in the recap's hold. */}
      {given > 0 && !revealed && view.phase !== 'done' && <p className="muted">{t('byzantine.commander.ordersHidden')}</p>}
      {given > 0 && revealed && (
        <ul className="byz-list" aria-label={t('byzantine.commander.yourOrders')}>
          {lieutenants.map((l) => (
            <li key={l}>
              <Nick className="byz-name" name={name(l)} />
              {sent[l] ? <ValueTag value={sent[l]} /> : <span className="muted">{t('byzantine.notYet')}</span>}
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
  at: number;
  paused: boolean;
}) {
  const t = useT();
  const { view, name } = props;
  return (
    <>
      <NowPanel {...props} />
      <section className="panel stack" aria-labelledby="byz-heard-title">
        <h2 id="byz-heard-title">{t('byzantine.heard.title')}</h2>
        <OrderLine view={view} name={name} />
        {view.tally && <TallyBox view={view} tally={view.tally} />}
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
function NowPanel({ view, name, ask, busy }: Parameters<typeof LieutenantScreen>[0]) {
  const t = useT();
  const [pretend, setPretend] = useState<Value | null>(null);
  if (view.canDecide && view.suggested) {
    return <DecidePanel majority={view.suggested} busy={busy} onDecide={(v) => void ask({ type: 'decide', value: v })} />;
  }
  if (view.traitor && view.phase === 'decide' && pretend === null) {
    // Traitors do not decide; their phone still shows two buttons, so that it looks like the others'.
    return <DecidePanel majority={view.suggested ?? 'retreat'} busy={busy} onDecide={setPretend} />;
  }
  if (view.phase === 'done') {
    // Every lieutenant's the same after the round (a traitor decided nothing): what you decided is in the recap's hold.
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">{t('byzantine.phase.over')}</h2>
        <p className="byz-big">{t('byzantine.now.done')}</p>
      </section>
    );
  }
  if (view.decision || (view.traitor && pretend && view.phase === 'decide')) {
    const decided = view.decision ?? pretend ?? 'retreat';
    return (
      <section className="panel stack byz-now done" aria-labelledby="byz-now-title" data-testid="byz-decision">
        <h2 id="byz-now-title">{t('byzantine.decision.title')}</h2>
        <p className="byz-big">
          {t('byzantine.decision.youDecided')} <ValueTag value={decided} big />
        </p>
        <p className="muted">{view.decidedBy === 'timeout' ? t('byzantine.decision.timeout') : t('byzantine.decision.watch')}</p>
      </section>
    );
  }
  if (view.phase === 'orders' && !view.order && !view.orderMissing) {
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title">
        <h2 id="byz-now-title">{t('byzantine.wait.title')}</h2>
        <p className="byz-big">{t('byzantine.wait.text', { commander: name(view.commander) })}</p>
      </section>
    );
  }
  if (view.signed) {
    // SM: every lieutenant passes its signed values on itself, on this one screen, one Send per
    // level ([B4], [B11]): a loyal phone's rows are what SM says and locked; a traitor's start
    // the same and can be changed. From the next desk they are the same screen.
    return (
      <section className="panel stack byz-now" aria-labelledby="byz-now-title" data-testid="byz-pass">
        <h2 id="byz-now-title">{t('byzantine.pass.title')}</h2>
        {view.relay ? (
          <SignedChooser key={view.relay.level} view={view} relay={view.relay} name={name} ask={ask} busy={busy} locked={!view.traitor} />
        ) : (
          <p className="byz-big">{t('byzantine.signed.wait')}</p>
        )}
      </section>
    );
  }
  // OM: every lieutenant passes its messages on itself, on this one screen ([B4]): a row per
  // lieutenant and a Send button. A loyal phone's rows are set to what it was told and locked;
  // they look exactly like a traitor's, whose rows start the same and can be changed.
  const open = view.pending.filter((p) => p.recipients.some((r) => p.sent[r] === undefined));
  return (
    <section className="panel stack byz-now" aria-labelledby="byz-now-title" data-testid="byz-pass">
      <h2 id="byz-now-title">{t('byzantine.pass.title')}</h2>
      {open.map((p) => (
        <PendingChooser
          key={`${p.level}:${(p.path ?? []).join('>')}`}
          pending={p}
          view={view}
          name={name}
          ask={ask}
          busy={busy}
          locked={!view.traitor}
        />
      ))}
      {open.length === 0 && <p className="byz-big">{t('byzantine.pass.done')}</p>}
    </section>
  );
}

/** Decide by your majority (or against it); a traitor's copy, word for word the same, sends nothing. */
function DecidePanel({ majority, busy, onDecide }: { majority: Value; busy: boolean; onDecide(v: Value): void }) {
  const t = useT();
  const other: Value = majority === 'attack' ? 'retreat' : 'attack';
  return (
    <section className="panel stack byz-now decide" aria-labelledby="byz-now-title">
      <h2 id="byz-now-title">{t('byzantine.decide.title')}</h2>
      <p className="byz-big">
        <Term id="tally">{t('byzantine.decide.yourMajority')}</Term> <ValueTag value={majority} big />
      </p>
      <button type="button" className={`big byz-btn ${majority}`} disabled={busy} onClick={() => onDecide(majority)}>
        <Icon name={majority} size={28} />
        {t('byzantine.decide.decide', { value: valueWord(t, majority) })}
      </button>
      <button type="button" className="secondary byz-against" disabled={busy} onClick={() => onDecide(other)}>
        {t('byzantine.decide.instead', { value: valueWord(t, other) })}
      </button>
      <p className="muted">{t('byzantine.decide.rule')}</p>
    </section>
  );
}

function OrderLine({ view, name }: { view: ByzantineView; name(id: string): string }) {
  const t = useT();
  if (view.order) {
    return (
      <div className="byz-order" data-testid="byz-order">
        <span>{t('byzantine.heard.order', { commander: name(view.order.from) })}</span>
        <ValueTag value={view.order.value} big />
      </div>
    );
  }
  if (view.orderMissing) {
    return (
      <div className="byz-order missing" data-testid="byz-order">
        <span>{t('byzantine.heard.orderMissing')}</span> <ValueTag value="retreat" />
      </div>
    );
  }
  return <p className="muted">{t('byzantine.heard.noOrder', { commander: name(view.commander) })}</p>;
}

/**
 * The tally as it is: until the decision phase, what has arrived and what has not yet (which is
 * not a Retreat until its phase ends), with the majority of what arrived; then the frozen
 * tally, where what never came counts as Retreat ([B8]).
 */
function TallyBox({ view, tally }: { view: ByzantineView; tally: NonNullable<ByzantineView['tally']> }) {
  const t = useT();
  const total = Math.max(1, tally.attack + tally.retreat + tally.missing);
  const frozen = view.phase === 'decide' || view.phase === 'done';
  const arrived = tally.attack + tally.retreat;
  return (
    <figure
      className="byz-tally"
      data-testid="byz-tally"
      aria-label={t(frozen ? 'byzantine.tally.labelFrozen' : 'byzantine.tally.labelLive', {
        attack: tally.attack,
        retreat: tally.retreat,
        missing: tally.missing,
      })}
    >
      <div className="byz-tally-title">
        {view.signed
          ? frozen
            ? t('byzantine.tally.signed')
            : t('byzantine.tally.signedCounting')
          : frozen
            ? t('byzantine.tally.title')
            : t('byzantine.tally.titleCounting')}
      </div>
      {(['attack', 'retreat'] as const).map((v) => (
        <div key={v} className="byz-bar-row">
          <ValueTag value={v} />
          <span className="byz-bar" aria-hidden="true">
            <span className={`fill ${v}`} style={{ width: `${(tally[v] / total) * 100}%` }} />
          </span>
          <b>{tally[v]}</b>
        </div>
      ))}
      {tally.missing > 0 && (
        <div className="byz-bar-row">
          <span className="byz-value missing">{frozen ? t('byzantine.tally.missing') : t('byzantine.tally.notYet')}</span>
          <span className="byz-bar" aria-hidden="true">
            <span className="fill missing" style={{ width: `${(tally.missing / total) * 100}%` }} />
          </span>
          <b>{tally.missing}</b>
        </div>
      )}
      {tally.missing > 0 && (
        <p className="muted">{frozen ? t('byzantine.tally.missingNote', { count: tally.missing }) : t('byzantine.tally.notYetNote')}</p>
      )}
      {view.accepted && (
        <p className="muted">
          {view.accepted.length
            ? t('byzantine.tally.accepted', { values: t.list(view.accepted.map((v) => valueWord(t, v))) })
            : t('byzantine.tally.acceptedNone')}
        </p>
      )}
      <p className="byz-majority" data-testid="byz-majority">
        {frozen ? (
          view.suggested && (
            <>
              {t('byzantine.tally.majority')} <ValueTag value={view.suggested} />
              {!view.signed && tally.attack * 2 === tally.attack + tally.retreat + tally.missing && (
                <span className="muted"> {t('byzantine.tally.tie')}</span>
              )}
            </>
          )
        ) : view.suggested ? (
          <>
            {t('byzantine.tally.majorityArrived')} <ValueTag value={view.suggested} />
          </>
        ) : arrived === 0 ? (
          t('byzantine.tally.noneYet')
        ) : (
          t('byzantine.tally.tieSoFar')
        )}
      </p>
    </figure>
  );
}

function statusText(t: Translator, status: ReceivedMessage['status']): string | null {
  if (status === 'late') return t('byzantine.relay.late');
  if (status === 'forged') return t('byzantine.relay.forged');
  if (status === 'ignored') return t('byzantine.relay.ignored');
  return null;
}

function RelayList({ view, name }: { view: ByzantineView; name(id: string): string }) {
  const t = useT();
  const relays = keyed(view.relays, (m) => `${m.path.join('>')}:${m.at}`).reverse();
  const others = view.generals.length - 2;
  return (
    <section className="panel stack" aria-labelledby="byz-relays-title">
      <h2 id="byz-relays-title">
        {view.m === 1 && !view.signed
          ? t('byzantine.relay.titleOf', { count: view.received - (view.order ? 1 : 0), of: others })
          : t('byzantine.relay.title', { count: view.received - (view.order ? 1 : 0) })}
      </h2>
      <p className="muted">
        <Term id="relay">{t('byzantine.relay.what')}</Term>
      </p>
      {relays.length === 0 && (
        <p className="muted">
          {view.phase === 'decide' || view.phase === 'done' ? t('byzantine.relay.noneCame') : t('byzantine.relay.noneYet')}
        </p>
      )}
      <ul className="byz-list relays" aria-live="polite">
        {relays.map(({ key, item: m }) => (
          <li key={key} className={m.status}>
            <div className="byz-relay-main">
              <Nick className="byz-name" name={name(m.from)} />
              <span className="muted">{view.signed ? t('byzantine.relay.signed') : t('byzantine.relay.says')}</span>
              <ValueTag value={m.value} />
            </div>
            <div className="meta">
              {m.path.length > 2 || view.signed
                ? t('byzantine.relay.path', { path: m.path.map(name).join(' → ') })
                : t('byzantine.relay.whatTold', {
                    commander: name(must(m.path[0], 'the first general of a relay path')),
                    from: name(m.from),
                  })}
              {statusText(t, m.status) && <b> · {statusText(t, m.status)}</b>}
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
  locked,
}: {
  pending: PendingSend;
  view: ByzantineView;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  /** A loyal lieutenant: the rows stay at what it was told (the server refuses anything else). */
  locked: boolean;
}) {
  const t = useT();
  const fromCommander = pending.path === null || pending.path.length === 1;
  return (
    <div className="stack byz-pending">
      <p className="byz-big">
        {fromCommander && view.orderMissing
          ? t('byzantine.pending.missing')
          : fromCommander
            ? t('byzantine.pending.toldYou', { commander: name(view.commander) })
            : t('byzantine.pending.path', { path: (pending.path ?? []).map(name).join(' → ') })}{' '}
        <ValueTag value={pending.value} big />
      </p>
      <p>{t('byzantine.pending.what')}</p>
      <Chooser
        pending={pending}
        name={name}
        ask={ask}
        busy={busy}
        locked={locked}
        action={(values) => (pending.path ? { type: 'send', values, path: pending.path } : { type: 'send', values })}
      />
    </div>
  );
}

/**
 * Attack or Retreat per recipient, then one Send. Every row starts at what you were told
 * (`pending.value`); recipients already told are shown, locked. `locked` (a loyal lieutenant)
 * keeps every row at that value: the controls are the same, in the same colours, but do
 * nothing (aria-disabled, not disabled, which would grey them out and give the role away).
 * `together` (a loyal commander) moves every row at once.
 */
/**
 * What to tell one lieutenant: Attack and Retreat, each pressed or not. The same pair on every
 * lieutenant's phone; a loyal phone's is locked (aria-disabled) but looks the same.
 */
function ValuePair({ who, locked, pressed, onPick }: { who: string; locked: boolean; pressed(v: Value): boolean; onPick(v: Value): void }) {
  const t = useT();
  return (
    <fieldset className="byz-pair plain-group" aria-label={t('byzantine.chooser.whatTo', { name: who })}>
      {(['attack', 'retreat'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className={`byz-pick ${v}`}
          aria-pressed={pressed(v)}
          aria-disabled={locked || undefined}
          aria-label={t('byzantine.chooser.tell', { name: who, value: valueWord(t, v) })}
          onClick={() => onPick(v)}
        >
          <Icon name={v} size={18} />
          {valueWord(t, v)}
        </button>
      ))}
    </fieldset>
  );
}

function Chooser({
  pending,
  name,
  ask,
  busy,
  locked,
  together = false,
  action,
}: {
  pending: PendingSend;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  locked: boolean;
  /** A loyal commander: one order for all, so a tap on any row sets every row ([B3]). */
  together?: boolean;
  action(values: Record<string, Value>): unknown;
}) {
  const t = useT();
  const [picked, setPicked] = useState<Record<string, Value>>({});
  const open = pending.recipients.filter((r) => pending.sent[r] === undefined);
  const chosen: Record<string, Value> = Object.fromEntries(open.map((r) => [r, (!locked && picked[r]) || pending.value]));
  const count = open.length;
  const pick = (next: Record<string, Value>) => {
    if (!locked) setPicked(next);
  };
  const all = (v: Value) => pick(Object.fromEntries(open.map((r) => [r, v])));
  const send = async () => {
    if (await ask(action(chosen))) setPicked({});
  };
  return (
    <div className="stack">
      <fieldset className="byz-quick plain-group" aria-label={t('byzantine.chooser.everyone')}>
        {(['attack', 'retreat'] as const).map((v) => (
          <button key={v} type="button" className="secondary" aria-disabled={locked || undefined} onClick={() => all(v)}>
            {t('byzantine.chooser.all', { value: valueWord(t, v) })}
          </button>
        ))}
      </fieldset>
      <ul className="byz-list chooser">
        {pending.recipients.map((r) => {
          const told = pending.sent[r];
          return (
            <li key={r}>
              <Nick className="byz-name" name={name(r)} />
              {told ? (
                <span className="byz-told">
                  {t('byzantine.pass.told')} <ValueTag value={told} />
                </span>
              ) : (
                <ValuePair
                  who={name(r)}
                  locked={locked}
                  pressed={(v) => chosen[r] === v}
                  onPick={(v) => (together ? all(v) : pick({ ...picked, [r]: v }))}
                />
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="big" disabled={busy || count === 0} onClick={() => void send()}>
        {t('byzantine.chooser.send', { count, of: open.length })}
      </button>
    </div>
  );
}

/**
 * SM: this level's relay ([B4], [B5], [B11]). A row per other lieutenant with Attack and Retreat,
 * each pressed when it goes to that lieutenant, and one Send. The rows start at what SM passes on
 * (a traitor's at one value each, all it may tell anyone). `locked` (a loyal lieutenant) keeps
 * them there: the same controls, in the same colours, doing nothing (aria-disabled, not
 * disabled, which would grey them out and give the role away). A traitor presses a value to
 * tell it, the other to switch, the same again to tell nothing; a value it holds no signature
 * for goes out as a forgery, which the receiver discards.
 */
function SignedChooser({
  view,
  relay,
  name,
  ask,
  busy,
  locked,
}: {
  view: ByzantineView;
  relay: SignedRelay;
  name(id: string): string;
  ask: Act;
  busy: boolean;
  locked: boolean;
}) {
  const t = useT();
  const start = (r: string): Value[] => {
    const due = relay.due[r] ?? [];
    return locked ? due : due.slice(0, 1);
  };
  const [picked, setPicked] = useState<Record<string, Value[]>>({});
  const rows: Record<string, Value[]> = Object.fromEntries(relay.recipients.map((r) => [r, (!locked && picked[r]) || start(r)]));
  const count = Object.values(rows).reduce((n, vs) => n + vs.length, 0);
  const toggle = (r: string, v: Value) => {
    if (locked) return;
    const now = rows[r] ?? [];
    setPicked({ ...picked, [r]: now.includes(v) ? [] : [v] });
  };
  const signable = [...new Set(Object.values(relay.signable).flat())].sort();
  // What is new since the last level: what SM passes on now (the same on a traitor's phone).
  const fresh = (['attack', 'retreat'] as const).filter((v) => Object.values(relay.due).some((vs) => vs.includes(v)));
  if (relay.sent) {
    return (
      <>
        <p className="byz-big">{t('byzantine.pass.done')}</p>
        <ul className="byz-list chooser" aria-label={t('byzantine.pass.listLabel')}>
          {relay.recipients.map((r) => (
            <li key={r}>
              <Nick className="byz-name" name={name(r)} />
              <span className="byz-told">
                {relay.sent?.[r]?.length ? (
                  <>
                    {t('byzantine.pass.told')}{' '}
                    {relay.sent[r].map((v) => (
                      <ValueTag key={v} value={v} />
                    ))}
                  </>
                ) : (
                  t('byzantine.signed.toldNothing')
                )}
              </span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <div className="stack byz-pending">
      <p className="byz-big">
        {relay.level === 2 ? (
          view.order ? (
            <>
              {t('byzantine.pending.toldYou', { commander: name(view.commander) })} <ValueTag value={view.order.value} big />
            </>
          ) : (
            t('byzantine.signed.noOrder')
          )
        ) : (
          <>
            {t('byzantine.signed.accepted')}{' '}
            {fresh.length ? fresh.map((v) => <ValueTag key={v} value={v} big />) : t('byzantine.signed.acceptedNone')}
          </>
        )}
      </p>
      <p>{t('byzantine.signed.what')}</p>
      <ul className="byz-list chooser">
        {relay.recipients.map((r) => (
          <li key={r}>
            <Nick className="byz-name" name={name(r)} />
            <ValuePair who={name(r)} locked={locked} pressed={(v) => (rows[r] ?? []).includes(v)} onPick={(v) => toggle(r, v)} />
          </li>
        ))}
      </ul>
      {/* What may be signed, under the rows (the rows start on a small phone's first screen), before Send. */}
      <p className="muted">
        {signable.length
          ? t('byzantine.pending.signable', { values: t.list(signable.map((v) => valueWord(t, v))) })
          : t('byzantine.pending.signableNone')}
      </p>
      <button
        type="button"
        className="big"
        disabled={busy}
        onClick={() => void ask({ type: 'relay', level: relay.level, values: rows }).then((ok) => ok && setPicked({}))}
      >
        {t('byzantine.signed.send', { count })}
      </button>
    </div>
  );
}

/**
 * What to do now, in one line. The same words on a traitor's phone and a loyal one whenever
 * both have the same thing to do; where they differ, the line is short and read close up.
 */
function nowLine(t: Translator, view: ByzantineView, name: (id: string) => string, autopilot: boolean): string {
  if (view.role === 'observer') return t('byzantine.now.observer');
  if (autopilot) return t('phone.autopilotNow');
  if (view.phase === 'done') return t('byzantine.now.done');
  if (view.role === 'commander') {
    if (view.canOrder) return t('byzantine.now.order');
    return view.phase === 'orders' ? t('byzantine.now.ordersOut') : t('byzantine.now.commanderWatch');
  }
  if (view.phase === 'orders' && !view.order && !view.orderMissing)
    return t('byzantine.now.waitOrder', { commander: name(view.commander) });
  if (view.phase === 'decide') return view.decision ? t('byzantine.now.decided') : t('byzantine.now.decide');
  return t('byzantine.now.pass');
}

/**
 * After the round: what happened to the class, in the open (the projector shows it too), and
 * what you did, read close up only while "Hold to show what you did" is held: "You gave
 * different orders" or "Your majority was Attack" (a traitor decided nothing) would give a
 * traitor away from the next desk. Every general's recap is the same box with the same button.
 */
export function ByzantineRecap({ view }: PhoneGameProps<ByzantineView>) {
  const t = useT();
  const hold = useHold();
  if (view.role === 'observer') return <p className="recap">{t('byzantine.recap.watched')}</p>;
  let you: string;
  if (view.role === 'commander') {
    const sent = Object.values(view.ordersSent ?? {});
    const [first] = sent;
    you =
      first === undefined
        ? t('byzantine.recap.noOrder')
        : sent.every((v) => v === first)
          ? t('byzantine.recap.ordered', { value: valueWord(t, first) })
          : t('byzantine.recap.differentOrders');
  } else if (view.decision) {
    const majority = view.suggested ?? view.decision;
    const how = majority !== view.decision ? 'against' : view.decidedBy === 'timeout' ? 'timeout' : 'majority';
    you = t('byzantine.recap.decided', { how, decision: valueWord(t, view.decision), majority: valueWord(t, majority) });
  } else
    you =
      view.traitor && view.suggested
        ? t('byzantine.recap.traitor', { majority: valueWord(t, view.suggested) })
        : t('byzantine.recap.nothing');
  const e = view.ending;
  return (
    <section className="byz-role byz-recap" aria-label={t('byzantine.recap.label')} data-testid="recap">
      {e && <RecapClass cause={e.ic1 ? 'agreed' : (e.cause ?? 'traitors')} />}
      {/* IC2, the same words on every phone: whether it held (or applied) would tell whether the commander was loyal. */}
      {e && (
        <p className="byz-recap-class byz-recap-ic2">
          <Term id="ic2" word="IC2">
            {t('byzantine.recap.ic2')}
          </Term>
        </p>
      )}
      <div className="byz-secret" aria-live="polite" data-testid="recap-secret">
        {hold.shown ? <FitInBox>{you}</FitInBox> : <span className="muted-on-dark">{t('byzantine.recap.hidden')}</span>}
      </div>
      <button className="byz-reveal" {...hold.button}>
        {t('byzantine.recap.hold')}
      </button>
    </section>
  );
}

/** What happened to the class, with its term of art (IC1, traitors) explained one tap away. */
function RecapClass({ cause }: { cause: 'agreed' | 'people' | 'network' | 'traitors' }) {
  const t = useT();
  const text = t('byzantine.recap.class', { cause });
  return (
    <p className="byz-recap-class">
      {cause === 'agreed' ? (
        <Term id="ic1" word="IC1">
          {text}
        </Term>
      ) : cause === 'traitors' ? (
        <Term id="traitor" word={t('byzantine.recap.traitorsWord')}>
          {text}
        </Term>
      ) : (
        text
      )}
    </p>
  );
}
