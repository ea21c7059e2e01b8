// The next election round's settings: the pace preset, and optional overrides of its timings.
// The schema is the engine's own (shared/games/election/config.ts): the server checks it again.

import { useState } from 'react';
import { electionConfig, PACES, timingOf, type ElectionConfig, type Pace, type Range } from '../../../../shared/games/election/config';
import type { ConfigFormProps } from '../types';
import { useT } from '../../i18n/I18nProvider';
import type { Faults } from '../../../../shared/net/faults';
import { rangeText } from './ElectionConsole';
import './election.css';
import type { MessageKey, Translator } from '../../i18n/translate';

type Field = 'timeoutMs' | 'heartbeatMs' | 'botDelayMs';
const FIELDS: { key: Field; label: MessageKey; help: MessageKey }[] = [
  { key: 'timeoutMs', label: 'election.config.timeout', help: 'election.config.timeoutHelp' },
  { key: 'heartbeatMs', label: 'election.config.heartbeat', help: 'election.config.heartbeatHelp' },
  { key: 'botDelayMs', label: 'election.config.botDelay', help: 'election.config.botDelayHelp' },
];

const PACE_TEXT: Record<Pace, { title: MessageKey; text: MessageKey }> = {
  class: { title: 'election.config.pace.class', text: 'election.config.pace.classText' },
  fast: { title: 'election.config.pace.fast', text: 'election.config.pace.fastText' },
};

type Drafts = Record<Field, [string, string]>;
type Options = Pick<ElectionConfig, 'preVote' | 'checkQuorum'>;

/** Latency (base + jitter) above this makes the fast pace's 150 ms timers fail again and again. */
const FAST_LATENCY_MS = 20;

export function ElectionConfigForm({ value, onChange, nodes, faults }: ConfigFormProps<ElectionConfig>) {
  const t = useT();
  const config: ElectionConfig = value && typeof value === 'object' ? value : { pace: 'class' };
  const [drafts, setDrafts] = useState<Drafts>(() => ({
    timeoutMs: toDraft(config.timeoutMs),
    heartbeatMs: toDraft(config.heartbeatMs),
    botDelayMs: toDraft(config.botDelayMs),
  }));
  const pace: Pace = config.pace ?? 'class';

  const emit = (nextPace: Pace, next: Drafts, flags: Options = { preVote: config.preVote, checkQuorum: config.checkQuorum }) => {
    const out: ElectionConfig = { pace: nextPace };
    // Off is the default: the server refuses nothing, but an unset option is left out.
    if (flags.preVote) out.preVote = true;
    if (flags.checkQuorum) out.checkQuorum = true;
    for (const { key } of FIELDS) {
      const r = fromDraft(next[key], PACES[nextPace][key]);
      if (r) out[key] = r as [number, number];
    }
    onChange(out);
  };
  const setDraft = (key: Field, side: 0 | 1, text: string) => {
    const next: Drafts = { ...drafts, [key]: side === 0 ? [text, drafts[key][1]] : [drafts[key][0], text] };
    setDrafts(next);
    emit(pace, next);
  };

  const parsed = electionConfig.safeParse(config);
  // Which fields the engine's schema refuses (its own messages are English, for programs).
  const errors = new Set<string>();
  if (!parsed.success) for (const issue of parsed.error.issues) errors.add(String(issue.path[0] ?? ''));
  const timing = parsed.success ? timingOf(parsed.data) : PACES[pace];
  const hints = paceHints(t, timing, faults, nodes);
  const custom = FIELDS.some(({ key }) => drafts[key][0] !== '' || drafts[key][1] !== '');

  return (
    <fieldset className="el-config stack" data-testid="election-config">
      <legend>{t('election.config.paceLegend')}</legend>
      <div className="el-paces" role="radiogroup" aria-label={t('election.config.paceLegend')}>
        {(Object.keys(PACE_TEXT) as Pace[]).map((p) => (
          <label key={p} className={`el-pace${pace === p ? ' on' : ''}`}>
            <input type="radio" name="el-pace" value={p} checked={pace === p} onChange={() => emit(p, drafts)} />
            <span>
              <b>{t(PACE_TEXT[p].title)}</b>
              <br />
              <span className="muted">{t(PACE_TEXT[p].text)}</span>
            </span>
          </label>
        ))}
      </div>
      {hints.map((h) => (
        <p key={h} className="el-hint" role="note">
          <span aria-hidden="true">⚠ </span>
          {h}
        </p>
      ))}
      <details open={custom}>
        <summary>{t('election.config.custom')}</summary>
        <div className="stack" style={{ marginTop: '0.5rem' }}>
          {FIELDS.map(({ key, label: labelKey, help }) => {
            const preset = PACES[pace][key];
            const label = t(labelKey);
            return (
              <div key={key} className="field">
                <span className="el-field-label" id={`el-${key}-label`}>
                  {label} <span className="muted">{t('election.config.unitHelp', { help: t(help) })}</span>
                </span>
                <div className="el-range">
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={t('election.config.shortest', { label })}
                    placeholder={String(preset[0])}
                    value={drafts[key][0]}
                    onChange={(e) => setDraft(key, 0, e.target.value)}
                  />
                  <span aria-hidden="true">{t('election.config.to')}</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={t('election.config.longest', { label })}
                    placeholder={String(preset[1])}
                    value={drafts[key][1]}
                    onChange={(e) => setDraft(key, 1, e.target.value)}
                  />
                </div>
                {errors.has(key) && (
                  <span className="el-field-error" role="alert">
                    {t('election.config.invalid', { label })}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </details>
      <RaftOptions
        config={config}
        onChange={(flags) => emit(pace, drafts, { preVote: config.preVote, checkQuorum: config.checkQuorum, ...flags })}
      />
      <p className="muted" data-testid="election-timing">
        {t('election.config.thisRound', {
          timers: rangeText(t, timing.timeoutMs),
          heartbeats: rangeText(t, timing.heartbeatMs),
          bots: rangeText(t, timing.botDelayMs),
        })}
        {nodes >= 2 && ` ${t('election.config.majority', { nodes, majority: Math.floor(nodes / 2) + 1 })}`}
      </p>
    </fieldset>
  );
}

/** Pre-vote [E19] and CheckQuorum [E20]: off by default, so that the disruption they prevent can be shown first. */
function RaftOptions({ config, onChange }: { config: ElectionConfig; onChange(flags: Options): void }) {
  const t = useT();
  return (
    <div className="stack" data-testid="election-options">
      <label className="el-option">
        <input type="checkbox" checked={config.preVote === true} onChange={(e) => onChange({ preVote: e.target.checked })} />
        <span>
          <b>{t('election.options.preVote')}</b> <span className="muted">{t('election.options.preVote.help')}</span>
        </span>
      </label>
      <label className="el-option">
        <input type="checkbox" checked={config.checkQuorum === true} onChange={(e) => onChange({ checkQuorum: e.target.checked })} />
        <span>
          <b>{t('election.options.checkQuorum')}</b> <span className="muted">{t('election.options.checkQuorum.help')}</span>
        </span>
      </label>
    </div>
  );
}

function toDraft(r: Range | undefined): [string, string] {
  return r ? [String(r[0]), String(r[1])] : ['', ''];
}

/** Both empty: no override. One empty: that end is the preset's. */
function fromDraft([lo, hi]: [string, string], preset: Range): [number, number] | null {
  if (lo.trim() === '' && hi.trim() === '') return null;
  const num = (s: string, fallback: number) => (s.trim() === '' ? fallback : Math.round(Number(s)));
  return [num(lo, preset[0]), num(hi, preset[1])];
}

/** Advice for settings that run but will not give a working election. */
export function paceHints(
  t: Translator,
  timing: { timeoutMs: Range; heartbeatMs: Range },
  faults: Faults | undefined,
  nodes: number,
): string[] {
  const out: string[] = [];
  const shortest = timing.timeoutMs[0];
  if (faults) {
    const { base, jitter } = faults.latency;
    const worst = base + jitter;
    if (shortest <= 1000 && worst > FAST_LATENCY_MS) {
      out.push(t('election.config.hint.fastLatency', { limit: FAST_LATENCY_MS, base, jitter }));
    } else if (2 * worst >= shortest) {
      out.push(t('election.config.hint.slowVotes', { roundTrip: 2 * worst, shortest }));
    }
  }
  if (timing.heartbeatMs[1] >= shortest) {
    out.push(t('election.config.hint.slowHeartbeats', { heartbeat: timing.heartbeatMs[1], shortest }));
  }
  if (nodes > 0 && nodes < 2) out.push(t('election.config.hint.twoNodes'));
  return out;
}
