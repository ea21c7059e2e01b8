// The next gossip round's settings: the mode, the fanout, the round length, who starts (a node
// of the room, or chance), the word, the round limit; and, folded away, the heal wait and how
// fast the autopilot reacts. The schema is the engine's own: the server checks it again.

import { useState } from 'react';
import { FANOUT_MAX, gossipConfig, MODES, type GossipConfig, type GossipMode } from '../../../../shared/games/gossip/config';
import { pushRounds } from '../../../../shared/games/gossip/theory';
import type { ConfigFormProps } from '../types';
import { useT } from '../../i18n/I18nProvider';
import { formatMs } from '../../i18n/format';
import { formulaText } from './InfectionCurve';
import { MODE_TEXT } from './look';
import './gossip.css';

type Patch = { [K in keyof GossipConfig]?: GossipConfig[K] | undefined };

export function GossipConfigForm({ value, onChange, nodes, roster }: ConfigFormProps<GossipConfig>) {
  const t = useT();
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
    <fieldset className="go-config stack plain-group" aria-label={t('gossip.config.label')} data-testid="gossip-config">
      <fieldset className="go-modes">
        <legend>{t('gossip.config.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className={`go-mode${config.mode === m ? ' on' : ''}`}>
            <input type="radio" name="go-mode" value={m} checked={config.mode === m} onChange={() => set({ mode: m as GossipMode })} />
            <span>
              <b>{t(MODE_TEXT[m].title)}</b>
              <br />
              <span className="muted">{t(MODE_TEXT[m].text)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="go-grid">
        <NumberField
          id="go-fanout"
          label={t('gossip.config.fanout')}
          value={config.fanout}
          min={1}
          max={FANOUT_MAX}
          onValid={(x) => set({ fanout: x })}
        />
        <NumberField
          id="go-round"
          label={t('gossip.config.roundLength')}
          value={config.roundMs / 1000}
          min={0.5}
          max={600}
          step={0.5}
          onValid={(x) => set({ roundMs: Math.round(x * 1000) })}
        />
        <NumberField
          id="go-max"
          label={t('gossip.config.maxRounds')}
          value={config.maxRounds}
          min={1}
          max={10_000}
          onValid={(x) => set({ maxRounds: x })}
        />
      </div>

      <div className="go-grid">
        <div className="field">
          <label htmlFor="go-origin">{t('gossip.config.origin')}</label>
          {cards ? (
            <p className="muted" id="go-origin">
              {t('gossip.config.originCards')}
            </p>
          ) : (
            <select id="go-origin" value={config.origin ?? ''} onChange={(e) => set({ origin: e.target.value || undefined })}>
              <option value="">{t('gossip.config.originChance')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.kind === 'bot' ? t('gossip.config.bot', { name: p.nickname }) : p.nickname}
                </option>
              ))}
              {originGone && <option value={config.origin}>{t('gossip.config.gone', { id: config.origin ?? '' })}</option>}
            </select>
          )}
          {originGone && !cards && <span className="go-field-note">{t('gossip.config.goneNote')}</span>}
        </div>
        <WordField value={config.word} disabled={cards} onValid={(w) => set({ word: w })} />
      </div>

      <details className="go-more">
        <summary>{t('gossip.config.more')}</summary>
        <div className="go-grid">
          <NumberField
            id="go-heal"
            label={t('gossip.config.healWait')}
            help={t('gossip.config.healWaitHelp')}
            value={config.healWaitRounds}
            min={0}
            max={1000}
            onValid={(x) => set({ healWaitRounds: x })}
          />
          <NumberField
            id="go-bot-delay"
            label={t('gossip.config.botDelay')}
            value={config.botDelayMs / 1000}
            min={0}
            max={600}
            step={0.1}
            onValid={(x) => set({ botDelayMs: Math.round(x * 1000) })}
          />
          <NumberField
            id="go-bot-jitter"
            label={t('gossip.config.botJitter')}
            value={config.botJitterMs / 1000}
            min={0}
            max={600}
            step={0.1}
            onValid={(x) => set({ botJitterMs: Math.round(x * 1000) })}
          />
        </div>
      </details>

      <p className="muted" data-testid="gossip-theory">
        {nodes >= 2
          ? t('gossip.config.theory', {
              nodes,
              fanout: config.fanout,
              formula: formulaText(config.fanout),
              rounds: Math.round(theory * 10) / 10,
              time: formatMs(t, Math.round(theory * config.roundMs)),
              length: formatMs(t, config.roundMs),
            })
          : t('gossip.config.twoNodes')}
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
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const x = Number(text);
  const integer = step >= 1;
  const error =
    draft === null
      ? null
      : text.trim() === '' || !Number.isFinite(x)
        ? t('gossip.config.needNumber')
        : x < min || x > max
          ? t('gossip.config.range', { min, max })
          : integer && !Number.isInteger(x)
            ? t('gossip.config.whole')
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
          const typed = e.target.value;
          const n = Number(typed);
          const ok = typed.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
          setDraft(typed);
          if (ok) onValid(n);
        }}
        onBlur={() => setDraft(null)}
      />
      {error && (
        <span className="go-field-error" role="alert">
          {t('gossip.config.keeping', { label, error, value })}
        </span>
      )}
    </div>
  );
}

function WordField({ value, disabled, onValid }: { value: string | undefined; disabled: boolean; onValid(w: string | undefined): void }) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const tooLong = draft.trim().length > 24;
  return (
    <div className="field">
      <label htmlFor="go-word">{t('gossip.config.word')}</label>
      <input
        id="go-word"
        value={draft}
        disabled={disabled}
        maxLength={40}
        autoComplete="off"
        placeholder={disabled ? t('gossip.config.wordCards') : t('gossip.config.wordDrawn')}
        onChange={(e) => {
          setDraft(e.target.value);
          const w = e.target.value.trim();
          if (w.length <= 24) onValid(w === '' ? undefined : w);
        }}
      />
      {tooLong && (
        <span className="go-field-error" role="alert">
          {t('gossip.config.wordTooLong', { max: 24 })}
        </span>
      )}
    </div>
  );
}
