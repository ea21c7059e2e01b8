// The next gossip round's settings: the mode, the fanout, the round length, who starts (a node
// of the room, or chance), the word, the round limit; and, folded away, the heal wait and how
// fast the autopilot reacts. The schema is the engine's own: the server checks it again.

import { useState } from 'react';
import { FANOUT_MAX, gossipConfig, MODES, type GossipConfig, type GossipMode } from '../../../../shared/games/gossip/config';
import { pushRounds } from '../../../../shared/games/gossip/theory';
import type { ConfigFormProps } from '../types';
import { lengthText } from './clock';
import { formulaText } from './InfectionCurve';
import { MODE_TEXT } from './look';
import './gossip.css';

type Patch = { [K in keyof GossipConfig]?: GossipConfig[K] | undefined };

export function GossipConfigForm({ value, onChange, nodes, roster }: ConfigFormProps<GossipConfig>) {
  const config: GossipConfig = value && typeof value === 'object' ? value : gossipConfig.parse({});
  const people = roster ?? [];
  const set = (patch: Patch) => {
    const next: Record<string, unknown> = { ...config, ...patch };
    // The server refuses unknown or undefined settings: drop what is unset.
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next as GossipConfig);
  };
  const cards = config.mode === 'highest-card';
  const originGone = config.origin !== undefined && !people.some((p) => p.id === config.origin);
  const theory = nodes >= 2 ? pushRounds(nodes, config.fanout) : 0;

  return (
    <fieldset className="go-config stack plain-group" aria-label="Gossip settings" data-testid="gossip-config">
      <fieldset className="go-modes">
        <legend>Mode</legend>
        {MODES.map((m) => (
          <label key={m} className={`go-mode${config.mode === m ? ' on' : ''}`}>
            <input type="radio" name="go-mode" value={m} checked={config.mode === m} onChange={() => set({ mode: m as GossipMode })} />
            <span>
              <b>{MODE_TEXT[m].title}</b>
              <br />
              <span className="muted">{MODE_TEXT[m].text}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="go-grid">
        <NumberField
          id="go-fanout"
          label="Fanout (picks per round)"
          value={config.fanout}
          min={1}
          max={FANOUT_MAX}
          onValid={(x) => set({ fanout: x })}
        />
        <NumberField
          id="go-round"
          label="Round length (seconds)"
          value={config.roundMs / 1000}
          min={0.5}
          max={600}
          step={0.5}
          onValid={(x) => set({ roundMs: Math.round(x * 1000) })}
        />
        <NumberField
          id="go-max"
          label="Stop after (rounds)"
          value={config.maxRounds}
          min={1}
          max={10_000}
          onValid={(x) => set({ maxRounds: x })}
        />
      </div>

      <div className="go-grid">
        <div className="field">
          <label htmlFor="go-origin">Who starts</label>
          {cards ? (
            <p className="muted" id="go-origin">
              Whoever is dealt the highest card.
            </p>
          ) : (
            <select id="go-origin" value={config.origin ?? ''} onChange={(e) => set({ origin: e.target.value || undefined })}>
              <option value="">Chance picks a node</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.nickname}
                  {p.kind === 'bot' ? ' (bot)' : ''}
                </option>
              ))}
              {originGone && <option value={config.origin}>{config.origin} (not in the room now)</option>}
            </select>
          )}
          {originGone && !cards && <span className="go-field-note">That node is not in the room: chance will pick one.</span>}
        </div>
        <WordField value={config.word} disabled={cards} onValid={(w) => set({ word: w })} />
      </div>

      <details className="go-more">
        <summary>More settings</summary>
        <div className="go-grid">
          <NumberField
            id="go-heal"
            label="Wait for a heal (rounds)"
            help="once only cut-off nodes are left"
            value={config.healWaitRounds}
            min={0}
            max={1000}
            onValid={(x) => set({ healWaitRounds: x })}
          />
          <NumberField
            id="go-bot-delay"
            label="Autopilot waits (seconds)"
            value={config.botDelayMs / 1000}
            min={0}
            max={600}
            step={0.1}
            onValid={(x) => set({ botDelayMs: Math.round(x * 1000) })}
          />
          <NumberField
            id="go-bot-jitter"
            label="…plus up to (seconds)"
            value={config.botJitterMs / 1000}
            min={0}
            max={600}
            step={0.1}
            onValid={(x) => set({ botJitterMs: Math.round(x * 1000) })}
          />
        </div>
      </details>

      <p className="muted" data-testid="gossip-theory">
        {nodes >= 2 ? (
          <>
            With {nodes} nodes and fanout {config.fanout}, push theory ({formulaText(config.fanout)}) expects about{' '}
            <b>{theory.toFixed(1)} rounds</b>, about {lengthText(Math.round(theory * config.roundMs))} at {lengthText(config.roundMs)} a
            round.
          </>
        ) : (
          'Gossip needs at least 2 nodes: add bots or wait for phones.'
        )}
      </p>
    </fieldset>
  );
}

interface NumberProps {
  id: string;
  label: string;
  help?: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onValid(x: number): void;
}

/** A number box that keeps what is typed while it is not a valid setting, and says why. */
function NumberField({ id, label, help, value, min, max, step = 1, onValid }: NumberProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const x = Number(text);
  const integer = step >= 1;
  const error =
    draft === null
      ? null
      : text.trim() === '' || !Number.isFinite(x)
        ? 'a number, please'
        : x < min || x > max
          ? `from ${min} to ${max}`
          : integer && !Number.isInteger(x)
            ? 'a whole number'
            : null;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {help && <span className="muted go-help"> ({help})</span>}
      </label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          const t = e.target.value;
          const n = Number(t);
          const ok = t.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
          setDraft(t);
          if (ok) onValid(n);
        }}
        onBlur={() => setDraft(null)}
      />
      {error && (
        <span className="go-field-error" role="alert">
          {label}: {error}. Keeping {value}.
        </span>
      )}
    </div>
  );
}

function WordField({ value, disabled, onValid }: { value: string | undefined; disabled: boolean; onValid(w: string | undefined): void }) {
  const [draft, setDraft] = useState(value ?? '');
  const tooLong = draft.trim().length > 24;
  return (
    <div className="field">
      <label htmlFor="go-word">The word (optional)</label>
      <input
        id="go-word"
        value={draft}
        disabled={disabled}
        maxLength={40}
        autoComplete="off"
        placeholder={disabled ? 'no word: cards are spread' : 'drawn from a list'}
        onChange={(e) => {
          setDraft(e.target.value);
          const w = e.target.value.trim();
          if (w.length <= 24) onValid(w === '' ? undefined : w);
        }}
      />
      {tooLong && (
        <span className="go-field-error" role="alert">
          At most 24 characters.
        </span>
      )}
    </div>
  );
}
