// Scripted drills: a timeline of fault steps, from the presets that ship with the product or
// written by the instructor (a small form, or JSON), kept in this browser, started and stopped
// here. The same JSON runs in the simulator: `npm run simulate -- … --drill file.json`.

import { useRef, useState } from 'react';
import { GAMES } from '../games/registry';
import { DRILLS, type DrillName } from '../../../shared/net/drills';
import {
  describeStep,
  drillScript,
  orderedSteps,
  PRESET_SCRIPTS,
  stepNotice,
  type DrillScript,
  type ScriptStep,
} from '../../../shared/net/script';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';
import { keyed } from '../keyed';
import { must } from '../../../shared/must';
import { useT } from '../i18n/I18nProvider';
import { gameName, scriptDescription, scriptName, stepNote, wordError, wordNotice } from '../i18n/words';
import type { Translator } from '../i18n/translate';
import { drillWord, formatTime } from './NetworkPanel';
import { startConfigOf } from './startConfig';

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
  const t = useT();
  const [saved, setSaved] = useState(savedScripts);
  const all = [...PRESET_SCRIPTS.map((s) => ({ s, preset: true })), ...saved.map((s) => ({ s, preset: false }))];
  const [pick, setPick] = useState(0);
  const [editing, setEditing] = useState<DrillScript | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = must(all[Math.min(pick, all.length - 1)], 'a drill to show (the presets are never empty)');

  const start = async (script: DrillScript) => {
    setError(null);
    // A start step's round gets the reader's words as a round started by hand does (the gossip rumour).
    const steps = script.steps.map((s) => (s.do === 'start' ? { ...s, config: startConfigOf(s.game, t, s.config ?? {}) } : s));
    const err = await session.command('console:script', { action: 'start', script: { ...script, steps } });
    if (err) setError(wordError(t, err));
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
      if (!parsed.success) return setError(t('console.script.notDrill', { where: issuePath(parsed.error.issues) }));
      save(parsed.data);
    } catch {
      setError(t('console.script.notJson'));
    }
  };

  const running = snapshot.drill;
  const nicknames = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => nicknames.get(id) ?? id;
  return (
    <section className="panel stack" aria-labelledby="drill-title">
      <h2 id="drill-title">{t('console.script.title')}</h2>
      {running ? (
        <div className="stack" data-testid="drill-running">
          <div className="row">
            <b>{scriptName(t, running)}</b>
            <span className="spacer" />
            <button type="button" className="danger small" onClick={() => void session.command('console:script', { action: 'stop' })}>
              {t('console.script.stop')}
            </button>
          </div>
          <ol className="steps">
            {keyed(running.steps, (st) => `${st.at}:${st.text}`).map(({ key, item: st }, i) => (
              <li
                key={key}
                className={i < running.next ? 'done' : i === running.next ? 'current' : ''}
                aria-current={i === running.next ? 'step' : undefined}
              >
                <span className="mono">{formatTime(st.at * 1000)}</span>{' '}
                {st.note !== undefined ? stepNote(t, running.id, i, st.note) : wordNotice(t, st.notice, nameOf)}
                {i < running.next && ' ✓'}
                {i === running.next && running.nextAt !== null && (
                  <span className="muted">
                    {' '}
                    {t('console.script.in', { seconds: Math.max(0, Math.ceil((running.nextAt - snapshot.t) / 1000)) })}
                  </span>
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
            <label htmlFor="drill-pick">{t('console.script.pick')}</label>
            <select id="drill-pick" value={pick} onChange={(e) => setPick(Number(e.target.value))}>
              {keyed(all, ({ s, preset }) => `${preset ? 'preset' : 'saved'}:${s.name}`).map(({ key, item: { s, preset } }, i) => (
                <option key={key} value={i}>
                  {preset ? scriptName(t, s) : `★ ${s.name}`}
                </option>
              ))}
            </select>
          </div>
          {scriptDescription(t, chosen.s) && <p className="muted">{scriptDescription(t, chosen.s)}</p>}
          <ol className="steps">
            {keyed(orderedSteps(chosen.s), (st) => `${st.at}:${describeStep(st)}`).map(({ key, item: st }, i) => (
              <li key={key}>
                <span className="mono">{formatTime(st.at * 1000)}</span> {stepWords(t, chosen.s.id, i, st, nameOf)}
              </li>
            ))}
          </ol>
          <div className="row">
            <button type="button" className="good" onClick={() => void start(chosen.s)}>
              {t('console.script.run')}
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() => setEditing(chosen.preset ? presetCopy(t, chosen.s) : chosen.s)}
            >
              {t('console.script.edit')}
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() =>
                setEditing({
                  name: t('console.script.newName'),
                  steps: [
                    { at: 0, do: 'start', game: 'election' },
                    { at: 30, do: 'drill', name: 'halves' },
                    { at: 60, do: 'drill', name: 'heal' },
                  ],
                })
              }
            >
              {t('console.script.new')}
            </button>
            <button type="button" className="small secondary" onClick={() => download(chosen.s)}>
              {t('console.script.export')}
            </button>
            <label className="button small secondary" style={{ margin: 0 }}>
              {t('console.script.import')}
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
              />
            </label>
            {!chosen.preset && (
              <button type="button" className="small danger" onClick={() => remove(chosen.s.name)}>
                {t('console.script.delete')}
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

/** The `index`th step (in time order) of a script in the reader's language: its note (a preset's worded by the catalogue), else its notice. */
function stepWords(t: Translator, script: string | undefined, index: number, step: ScriptStep, nameOf: (id: string) => string): string {
  return step.note !== undefined ? stepNote(t, script, index, step.note) : wordNotice(t, stepNotice(step), nameOf);
}

/** A preset to edit as the instructor's own, in the reader's words (name, description, notes), without its id (by which the catalogue words presets). */
function presetCopy(t: Translator, preset: DrillScript): DrillScript {
  const description = scriptDescription(t, preset);
  const steps = orderedSteps(preset).map((s, i) => (s.note !== undefined ? { ...s, note: stepNote(t, preset.id, i, s.note) } : s));
  return {
    name: t('console.script.copyName', { name: scriptName(t, preset) }),
    ...(description ? { description } : {}),
    steps,
  };
}

/** Where a drill does not fit the schema, as its JSON path ("steps.2.at"); the schema's own words are English. */
function issuePath(issues: readonly { path: readonly PropertyKey[] }[]): string {
  return issues[0]?.path.map(String).join('.') || 'script';
}

const STEP_KINDS = ['start', 'stop', 'drill', 'crash-leader', 'crash', 'restart', 'loss', 'latency'] as const;
type StepKind = (typeof STEP_KINDS)[number];

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
  const t = useT();
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
        return setError(t('console.script.badJson'));
      }
    }
    const parsed = drillScript.safeParse(candidate);
    if (!parsed.success) return setError(t('console.script.invalid', { where: issuePath(parsed.error.issues) }));
    onSave(parsed.data);
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="small secondary" onClick={() => setJson(json === null ? JSON.stringify(script, null, 2) : null)}>
          {json === null ? t('console.script.asJson') : t('console.script.asForm')}
        </button>
      </div>
      {json !== null ? (
        <textarea
          aria-label={t('console.script.jsonLabel')}
          rows={12}
          className="mono"
          value={json}
          onChange={(e) => setJson(e.target.value)}
        />
      ) : (
        <>
          <div className="field">
            <label htmlFor="drill-name">{t('console.script.name')}</label>
            <input id="drill-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {rows.map(({ id, step: st }, i) => (
            <div className="row" key={id}>
              <label className="sr-only" htmlFor={`step-at-${id}`}>
                {t('console.script.stepTime', { n: i + 1 })}
              </label>
              <input
                id={`step-at-${id}`}
                type="number"
                min={0}
                style={{ width: 90 }}
                value={st.at}
                onChange={(e) => setStep(id, { ...st, at: Number(e.target.value) })}
              />
              <span>{t('console.script.seconds')}</span>
              <label className="sr-only" htmlFor={`step-kind-${id}`}>
                {t('console.script.stepAction', { n: i + 1 })}
              </label>
              <select
                id={`step-kind-${id}`}
                style={{ width: 180 }}
                value={kindOf(st)}
                onChange={(e) => setStep(id, changeKind(st.at, e.target.value as StepKind))}
              >
                {STEP_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.dynamic(`console.script.kind.${k}`) ?? k}
                  </option>
                ))}
              </select>
              {st.do === 'start' && (
                <select
                  aria-label={t('console.script.game')}
                  style={{ width: 180 }}
                  value={st.game}
                  onChange={(e) => setStep(id, { ...st, game: e.target.value })}
                >
                  {games.map((g) => (
                    <option key={g.id} value={g.id}>
                      {gameName(t, g.id)}
                    </option>
                  ))}
                </select>
              )}
              {st.do === 'drill' && (
                <select
                  aria-label={t('console.script.pick')}
                  style={{ width: 220 }}
                  value={st.name}
                  onChange={(e) => setStep(id, { ...st, name: e.target.value as DrillName })}
                >
                  {(Object.keys(DRILLS) as DrillName[]).map((d) => (
                    <option key={d} value={d}>
                      {drillWord(t, d)}
                    </option>
                  ))}
                </select>
              )}
              {st.do === 'crash' && st.who !== 'leader' && (
                <input
                  aria-label={t('console.script.howMany')}
                  type="number"
                  min={1}
                  style={{ width: 80 }}
                  value={st.who}
                  onChange={(e) => setStep(id, { ...st, who: Math.max(1, Number(e.target.value)) })}
                />
              )}
              {st.do === 'fault' && st.op.op === 'loss' && (
                <input
                  aria-label={t('console.script.lossRate')}
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
                  aria-label={t('console.script.latencyMs')}
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
                aria-label={t('console.script.removeStep', { n: i + 1 })}
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
            {t('console.script.addStep')}
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
          {t('console.script.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('console.script.cancel')}
        </button>
      </div>
    </div>
  );
}
