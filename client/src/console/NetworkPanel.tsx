import { useEffect, useState } from 'react';
import { DRILLS, type DrillName } from '../../../shared/net/drills';
import type { FaultOp } from '../../../shared/net/faults';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';
import { keyed } from '../keyed';

/** A slider that sends its value when released, not on every pixel. */
function Slider(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format(v: number): string;
  onCommit(v: number): void;
}) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}: <span className="mono">{props.format(v)}</span>
      </label>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={v}
        onChange={(e) => setV(Number(e.target.value))}
        onPointerUp={() => props.onCommit(v)}
        onKeyUp={() => props.onCommit(v)}
        onBlur={() => v !== props.value && props.onCommit(v)}
      />
    </div>
  );
}

export function NetworkPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const [error, setError] = useState<string | null>(null);
  const f = snapshot.faults;
  const fault = async (op: FaultOp) => {
    setError(null);
    const err = await session.command('console:fault', { op });
    if (err) setError(err.message);
  };
  const drill = async (name: DrillName) => {
    setError(null);
    const err = await session.command('console:drill', { name });
    if (err) setError(err.message);
  };
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <section className="panel stack" aria-labelledby="net-title">
      <div className="row">
        <h2 id="net-title">Network</h2>
        <span className="spacer" />
        <button
          type="button"
          className={snapshot.paused ? 'good' : 'secondary'}
          onClick={() => void session.command('console:pause', { paused: !snapshot.paused })}
        >
          {snapshot.paused ? '▶ Resume network' : '❚❚ Pause network'}
        </button>
      </div>
      <fieldset className="row plain-group" aria-label="Drills">
        {(Object.keys(DRILLS) as DrillName[]).map((name) => (
          <button type="button" key={name} className="small secondary" onClick={() => void drill(name)}>
            {DRILLS[name]}
          </button>
        ))}
      </fieldset>
      <Slider
        id="net-loss"
        label="Loss"
        value={f.loss}
        min={0}
        max={1}
        step={0.05}
        format={pct}
        onCommit={(rate) => void fault({ op: 'loss', rate })}
      />
      <Slider
        id="net-dup"
        label="Duplication"
        value={f.dup}
        min={0}
        max={0.5}
        step={0.05}
        format={pct}
        onCommit={(rate) => void fault({ op: 'dup', rate })}
      />
      <Slider
        id="net-latency"
        label="Latency"
        value={f.latency.base}
        min={0}
        max={3000}
        step={50}
        format={(v) => `${v} ms`}
        onCommit={(base) => void fault({ op: 'latency', base, jitter: f.latency.jitter })}
      />
      <Slider
        id="net-jitter"
        label="Jitter"
        value={f.latency.jitter}
        min={0}
        max={3000}
        step={50}
        format={(v) => `+0…${v} ms`}
        onCommit={(jitter) => void fault({ op: 'latency', base: f.latency.base, jitter })}
      />
      <GroupLinks snapshot={snapshot} onToggle={(from, to, open) => void fault({ op: 'link', from, to, open })} />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <h3>Fault log</h3>
      <ul className="log" aria-label="Fault log">
        {snapshot.faultLog.length === 0 && <li className="muted">No faults yet.</li>}
        {keyed(snapshot.faultLog, (e) => `${e.t}:${e.text}`)
          .reverse()
          .map(({ key, item: e }) => (
            <li key={key}>
              <span className="mono muted">{formatTime(e.t)}</span> {e.text}
            </li>
          ))}
      </ul>
    </section>
  );
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
  const groups = [...new Set(snapshot.nodes.filter((n) => n.status === 'active').map((n) => n.group))].sort();
  if (groups.length < 2 || groups.length > 6) return null;
  const open = new Set(snapshot.faults.partition.open);
  return (
    <fieldset className="group-links">
      <legend>Links between groups</legend>
      {groups.flatMap((a) =>
        groups
          .filter((b) => b !== a)
          .map((b) => (
            <label key={`${a}>${b}`}>
              <input type="checkbox" checked={open.has(`${a}>${b}`)} onChange={(e) => onToggle(a, b, e.target.checked)} />
              {a} → {b} carries messages
            </label>
          )),
      )}
    </fieldset>
  );
}
