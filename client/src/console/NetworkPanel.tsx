import { useEffect, useRef, useState } from 'react';
import { DRILLS, type DrillName } from '../../../shared/net/drills';
import type { FaultOp } from '../../../shared/net/faults';
import type { ConsoleSnapshot, FaultLogEntry } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';
import { keyed } from '../keyed';
import { useT } from '../i18n/I18nProvider';
import type { Translator } from '../i18n/translate';
import { drillName, wordError } from '../i18n/words';
import { FaultLogText } from '../i18n/Words';

/** How long the keyboard must rest on a slider before its value is sent (ms). */
const KEY_SETTLE_MS = 600;

/**
 * A slider that sends one change when released (or once the keyboard rests), not on every
 * pixel, and shows the value it sent until the room's picture has it (it never snaps back).
 */
export function Slider(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format(v: number): string;
  /** Resolves to whether the room took it. */
  onCommit(v: number): Promise<boolean>;
}) {
  // The value being set, until the room's picture shows it; null: show the room's.
  const [draft, setDraft] = useState<number | null>(null);
  const sent = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dragging = useRef(false);
  const { value, onCommit } = props;
  useEffect(() => {
    if (draft !== null && sent.current === draft && value === draft) {
      setDraft(null);
      sent.current = null;
    }
  }, [value, draft]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const commit = (v: number | null) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (v === null || v === sent.current || (sent.current === null && v === value)) {
      if (v === value) setDraft(null);
      return;
    }
    sent.current = v;
    void onCommit(v).then((taken) => {
      if (taken || sent.current !== v) return;
      // Refused: show the room's value again.
      sent.current = null;
      setDraft(null);
    });
  };
  const shown = draft ?? value;
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}: <span className="mono">{props.format(shown)}</span>
      </label>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={shown}
        onChange={(e) => {
          const v = Number(e.target.value);
          setDraft(v);
          // A drag sends on release; keys (arrows, Page Up…) once they rest.
          if (timer.current) clearTimeout(timer.current);
          if (!dragging.current) timer.current = setTimeout(() => commit(v), KEY_SETTLE_MS);
        }}
        onPointerDown={() => {
          dragging.current = true;
          if (timer.current) clearTimeout(timer.current);
        }}
        onPointerUp={(e) => {
          dragging.current = false;
          commit(Number((e.target as HTMLInputElement).value));
        }}
        onPointerCancel={(e) => {
          dragging.current = false;
          commit(Number((e.target as HTMLInputElement).value));
        }}
        onBlur={() => draft !== null && commit(draft)}
      />
    </div>
  );
}

/**
 * The fault log with the steps of one gesture merged: consecutive changes of the same setting
 * (the same words, other numbers) within a few seconds show as their last one.
 */
export function mergedLog(log: readonly FaultLogEntry[], windowMs = 5000): FaultLogEntry[] {
  const out: FaultLogEntry[] = [];
  const shape = (text: string) => text.replace(/\d+(\.\d+)?/g, '#');
  for (const e of log) {
    const last = out.at(-1);
    if (last && shape(last.text) === shape(e.text) && e.t - last.t <= windowMs) out[out.length - 1] = e;
    else out.push(e);
  }
  return out;
}

export function NetworkPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const f = snapshot.faults;
  const fault = async (op: FaultOp) => {
    setError(null);
    const err = await session.command('console:fault', { op });
    if (err) setError(wordError(t, err));
    return !err;
  };
  const drill = async (name: DrillName) => {
    setError(null);
    const err = await session.command('console:drill', { name });
    if (err) setError(wordError(t, err));
  };
  const nicknames = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => nicknames.get(id) ?? id;
  const pct = (v: number) => t('console.net.percent', { value: Math.round(v * 100) });
  return (
    <section className="panel stack" aria-labelledby="net-title">
      <div className="row">
        <h2 id="net-title">{t('console.net.title')}</h2>
        <span className="spacer" />
        <button
          type="button"
          className={snapshot.paused ? 'good' : 'secondary'}
          onClick={() => void session.command('console:pause', { paused: !snapshot.paused })}
        >
          {snapshot.paused ? t('console.net.resume') : t('console.net.pause')}
        </button>
      </div>
      <fieldset className="row plain-group" aria-label={t('console.net.drills')}>
        {(Object.keys(DRILLS) as DrillName[]).map((name) => (
          <button type="button" key={name} className="small secondary" onClick={() => void drill(name)}>
            {drillWord(t, name)}
          </button>
        ))}
      </fieldset>
      <Slider
        id="net-loss"
        label={t('console.net.loss')}
        value={f.loss}
        min={0}
        max={1}
        step={0.05}
        format={pct}
        onCommit={(rate) => fault({ op: 'loss', rate })}
      />
      <Slider
        id="net-dup"
        label={t('console.net.dup')}
        value={f.dup}
        min={0}
        max={0.5}
        step={0.05}
        format={pct}
        onCommit={(rate) => fault({ op: 'dup', rate })}
      />
      <Slider
        id="net-latency"
        label={t('console.net.latency')}
        value={f.latency.base}
        min={0}
        max={3000}
        step={50}
        format={(v) => t('console.net.ms', { value: v })}
        onCommit={(base) => fault({ op: 'latency', base, jitter: f.latency.jitter })}
      />
      <Slider
        id="net-jitter"
        label={t('console.net.jitter')}
        value={f.latency.jitter}
        min={0}
        max={3000}
        step={50}
        format={(v) => t('console.net.jitterValue', { value: v })}
        onCommit={(jitter) => fault({ op: 'latency', base: f.latency.base, jitter })}
      />
      <GroupLinks snapshot={snapshot} onToggle={(from, to, open) => void fault({ op: 'link', from, to, open })} />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <h3>{t('console.net.log')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so it must take the focus for keyboard users to scroll it */}
      <ul className="log" aria-label={t('console.net.log')} tabIndex={0}>
        {snapshot.faultLog.length === 0 && <li className="muted">{t('console.net.noFaults')}</li>}
        {keyed(mergedLog(snapshot.faultLog), (e) => `${e.t}:${e.text}`)
          .reverse()
          .map(({ key, item: e }) => (
            <li key={key}>
              <span className="mono muted">{formatTime(e.t)}</span> <FaultLogText entry={e} nameOf={nameOf} />
            </li>
          ))}
      </ul>
    </section>
  );
}

/** A drill's name in the console's language (the same words as the fault log's). */
export function drillWord(t: Translator, name: DrillName): string {
  return drillName(t, name);
}

export function formatTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * One-way cuts: while the nodes are in several groups, each direction between two groups can
 * be opened on its own ("A → B carries messages, B → A does not").
 */
function GroupLinks({ snapshot, onToggle }: { snapshot: ConsoleSnapshot; onToggle(from: string, to: string, open: boolean): void }) {
  const t = useT();
  const groups = [...new Set(snapshot.nodes.filter((n) => n.status === 'active').map((n) => n.group))].sort();
  if (groups.length < 2 || groups.length > 6) return null;
  const open = new Set(snapshot.faults.partition.open);
  return (
    <fieldset className="group-links">
      <legend>{t('console.net.links')}</legend>
      {groups.flatMap((a) =>
        groups
          .filter((b) => b !== a)
          .map((b) => (
            <label key={`${a}>${b}`}>
              <input type="checkbox" checked={open.has(`${a}>${b}`)} onChange={(e) => onToggle(a, b, e.target.checked)} />
              {t('console.net.link', { from: a, to: b })}
            </label>
          )),
      )}
    </fieldset>
  );
}
