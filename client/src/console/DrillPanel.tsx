// Scripted drills: a timeline of fault steps, from the presets that ship with the product or
// written by the instructor (a small form, or JSON), kept in this browser, started and stopped
// here. The same JSON runs in the simulator: `npm run simulate -- … --drill file.json`.

import { useRef, useState } from 'react';
import { GAMES } from '../games/registry';
import { DRILLS, type DrillName } from '../../../shared/net/drills';
import { describeStep, drillScript, PRESET_SCRIPTS, type DrillScript, type ScriptStep } from '../../../shared/net/script';
import { formatIssues } from '../../../shared/protocol/result';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { formatTime } from './NetworkPanel';
import type { ConsoleSession } from './useConsoleSession';
import { keyed } from '../keyed';
import { must } from '../../../shared/must';

const STORE_KEY = 'human-cluster:drills';

function savedScripts(): DrillScript[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]') as unknown[];
    return raw.flatMap((s) => {
      const p = drillScript.safeParse(s);
      return p.success ? [p.data] : [];
    });
  } catch {
    return [];
  }
}

function storeScripts(list: DrillScript[]): void {
  localStorage.setItem(STORE_KEY, JSON.stringify(list));
}

export function DrillPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const [saved, setSaved] = useState(savedScripts);
  const all = [...PRESET_SCRIPTS.map((s) => ({ s, preset: true })), ...saved.map((s) => ({ s, preset: false }))];
  const [pick, setPick] = useState(0);
  const [editing, setEditing] = useState<DrillScript | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = must(all[Math.min(pick, all.length - 1)], 'a drill to show (the presets are never empty)');

  const start = async (script: DrillScript) => {
    setError(null);
    const err = await session.command('console:script', { action: 'start', script });
    if (err) setError(err.message);
  };
  const save = (script: DrillScript) => {
    const next = [...saved.filter((s) => s.name !== script.name), script];
    storeScripts(next);
    setSaved(next);
    setPick(PRESET_SCRIPTS.length + next.findIndex((s) => s.name === script.name));
    setEditing(null);
  };
  const remove = (name: string) => {
    const next = saved.filter((s) => s.name !== name);
    storeScripts(next);
    setSaved(next);
    setPick(0);
  };
  const download = (script: DrillScript) => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(script, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${script.name.replace(/[^\w-]+/g, '-').toLowerCase()}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (file: File) => {
    try {
      const parsed = drillScript.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) return setError(`That file is not a drill: ${parsed.error.issues[0]?.message ?? ''}`);
      save(parsed.data);
    } catch {
      setError('That file is not JSON.');
    }
  };

  const running = snapshot.drill;
  return (
    <section className="panel stack" aria-labelledby="drill-title">
      <h2 id="drill-title">Scripted drill</h2>
      {running ? (
        <div className="stack" data-testid="drill-running">
          <div className="row">
            <b>{running.name}</b>
            <span className="spacer" />
            <button type="button" className="danger small" onClick={() => void session.command('console:script', { action: 'stop' })}>
              ■ Stop drill
            </button>
          </div>
          <ol className="steps">
            {keyed(running.steps, (st) => `${st.at}:${st.text}`).map(({ key, item: st }, i) => (
              <li
                key={key}
                className={i < running.next ? 'done' : i === running.next ? 'current' : ''}
                aria-current={i === running.next ? 'step' : undefined}
              >
                <span className="mono">{formatTime(st.at * 1000)}</span> {st.text}
                {i < running.next && ' ✓'}
                {i === running.next && running.nextAt !== null && (
                  <span className="muted"> — in {Math.max(0, Math.ceil((running.nextAt - snapshot.t) / 1000))} s</span>
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : editing ? (
        <DrillEditor initial={editing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <div className="stack">
          <div className="field">
            <label htmlFor="drill-pick">Drill</label>
            <select id="drill-pick" value={pick} onChange={(e) => setPick(Number(e.target.value))}>
              {keyed(all, ({ s, preset }) => `${preset ? 'preset' : 'saved'}:${s.name}`).map(({ key, item: { s, preset } }, i) => (
                <option key={key} value={i}>
                  {preset ? s.name : `★ ${s.name}`}
                </option>
              ))}
            </select>
          </div>
          {chosen.s.description && <p className="muted">{chosen.s.description}</p>}
          <ol className="steps">
            {keyed(chosen.s.steps, (st) => `${st.at}:${describeStep(st)}`).map(({ key, item: st }) => (
              <li key={key}>
                <span className="mono">{formatTime(st.at * 1000)}</span> {describeStep(st)}
              </li>
            ))}
          </ol>
          <div className="row">
            <button type="button" className="good" onClick={() => void start(chosen.s)}>
              ▶ Run drill
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() => setEditing(chosen.preset ? { ...chosen.s, name: `${chosen.s.name} (copy)` } : chosen.s)}
            >
              Edit
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() =>
                setEditing({
                  name: 'My drill',
                  steps: [
                    { at: 0, do: 'start', game: 'election' },
                    { at: 30, do: 'drill', name: 'halves' },
                    { at: 60, do: 'drill', name: 'heal' },
                  ],
                })
              }
            >
              New
            </button>
            <button type="button" className="small secondary" onClick={() => download(chosen.s)}>
              Export JSON
            </button>
            <label className="button small secondary" style={{ margin: 0 }}>
              Import
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
              />
            </label>
            {!chosen.preset && (
              <button type="button" className="small danger" onClick={() => remove(chosen.s.name)}>
                Delete
              </button>
            )}
          </div>
        </div>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}

type StepKind = 'start' | 'stop' | 'drill' | 'crash-leader' | 'crash' | 'restart' | 'loss' | 'latency';

function kindOf(step: ScriptStep): StepKind {
  if (step.do === 'crash') return step.who === 'leader' ? 'crash-leader' : 'crash';
  if (step.do === 'fault') return step.op.op === 'latency' ? 'latency' : 'loss';
  return step.do;
}

/** A step being edited, with an id that stays with it while steps above it are removed. */
interface StepRow {
  id: number;
  step: ScriptStep;
}

function DrillEditor({ initial, onSave, onCancel }: { initial: DrillScript; onSave(s: DrillScript): void; onCancel(): void }) {
  const nextId = useRef(0);
  const row = (step: ScriptStep): StepRow => ({ id: nextId.current++, step });
  const [name, setName] = useState(initial.name);
  const [rows, setRows] = useState(() => initial.steps.map(row));
  const script: DrillScript = { ...initial, name, steps: rows.map((r) => r.step) };
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const games = [...GAMES.values()].map((g) => g.engine);
  const setStep = (id: number, step: ScriptStep) => setRows(rows.map((r) => (r.id === id ? { id, step } : r)));
  const changeKind = (at: number, kind: StepKind): ScriptStep => {
    switch (kind) {
      case 'start':
        return { at, do: 'start', game: games[0]?.id ?? 'sandbox' };
      case 'stop':
        return { at, do: 'stop' };
      case 'drill':
        return { at, do: 'drill', name: 'halves' };
      case 'crash-leader':
        return { at, do: 'crash', who: 'leader' };
      case 'crash':
        return { at, do: 'crash', who: 1 };
      case 'restart':
        return { at, do: 'restart' };
      case 'loss':
        return { at, do: 'fault', op: { op: 'loss', rate: 0.2 } };
      case 'latency':
        return { at, do: 'fault', op: { op: 'latency', base: 1000, jitter: 500 } };
    }
  };
  const save = () => {
    let candidate: unknown = script;
    if (json !== null) {
      try {
        candidate = JSON.parse(json);
      } catch {
        return setError('The JSON is not valid.');
      }
    }
    const parsed = drillScript.safeParse(candidate);
    if (!parsed.success) return setError(formatIssues(parsed.error.issues, 'script'));
    onSave(parsed.data);
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="small secondary" onClick={() => setJson(json === null ? JSON.stringify(script, null, 2) : null)}>
          {json === null ? 'Edit as JSON' : 'Edit as form'}
        </button>
      </div>
      {json !== null ? (
        <textarea aria-label="Drill as JSON" rows={12} className="mono" value={json} onChange={(e) => setJson(e.target.value)} />
      ) : (
        <>
          <div className="field">
            <label htmlFor="drill-name">Name</label>
            <input id="drill-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {rows.map(({ id, step: st }, i) => (
            <div className="row" key={id}>
              <label className="sr-only" htmlFor={`step-at-${id}`}>
                Step {i + 1} time (s)
              </label>
              <input
                id={`step-at-${id}`}
                type="number"
                min={0}
                style={{ width: 90 }}
                value={st.at}
                onChange={(e) => setStep(id, { ...st, at: Number(e.target.value) })}
              />
              <span>s</span>
              <label className="sr-only" htmlFor={`step-kind-${id}`}>
                Step {i + 1} action
              </label>
              <select
                id={`step-kind-${id}`}
                style={{ width: 180 }}
                value={kindOf(st)}
                onChange={(e) => setStep(id, changeKind(st.at, e.target.value as StepKind))}
              >
                <option value="start">start a game</option>
                <option value="stop">stop the round</option>
                <option value="drill">drill</option>
                <option value="crash-leader">crash the leader</option>
                <option value="crash">crash random nodes</option>
                <option value="restart">restart crashed</option>
                <option value="loss">set loss</option>
                <option value="latency">set latency</option>
              </select>
              {st.do === 'start' && (
                <select
                  aria-label="Game"
                  style={{ width: 180 }}
                  value={st.game}
                  onChange={(e) => setStep(id, { ...st, game: e.target.value })}
                >
                  {games.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.title}
                    </option>
                  ))}
                </select>
              )}
              {st.do === 'drill' && (
                <select
                  aria-label="Drill"
                  style={{ width: 220 }}
                  value={st.name}
                  onChange={(e) => setStep(id, { ...st, name: e.target.value as DrillName })}
                >
                  {(Object.keys(DRILLS) as DrillName[]).map((d) => (
                    <option key={d} value={d}>
                      {DRILLS[d]}
                    </option>
                  ))}
                </select>
              )}
              {st.do === 'crash' && st.who !== 'leader' && (
                <input
                  aria-label="How many"
                  type="number"
                  min={1}
                  style={{ width: 80 }}
                  value={st.who}
                  onChange={(e) => setStep(id, { ...st, who: Math.max(1, Number(e.target.value)) })}
                />
              )}
              {st.do === 'fault' && st.op.op === 'loss' && (
                <input
                  aria-label="Loss rate"
                  type="number"
                  min={0}
                  max={1}
                  step={0.05}
                  style={{ width: 90 }}
                  value={st.op.rate}
                  onChange={(e) => setStep(id, { ...st, op: { op: 'loss', rate: Number(e.target.value) } })}
                />
              )}
              {st.do === 'fault' && st.op.op === 'latency' && (
                <input
                  aria-label="Latency ms"
                  type="number"
                  min={0}
                  style={{ width: 100 }}
                  value={st.op.base}
                  onChange={(e) =>
                    setStep(id, {
                      ...st,
                      op: { op: 'latency', base: Number(e.target.value), jitter: st.op.op === 'latency' ? st.op.jitter : 0 },
                    })
                  }
                />
              )}
              <button
                type="button"
                className="small secondary"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => setRows(rows.filter((r) => r.id !== id))}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            className="small secondary"
            onClick={() => setRows([...rows, row({ at: (rows.at(-1)?.step.at ?? 0) + 30, do: 'drill', name: 'heal' })])}
          >
            + step
          </button>
        </>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="button" className="good" onClick={save}>
          Save drill
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
