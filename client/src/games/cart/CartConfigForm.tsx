// The next cart round's settings: the mode (the lesson), and folded away how often replicas
// exchange their lists, how long a quorum write waits, the round's length and the autopilot's
// pace. The schema is the engine's own: the server checks it again.

import { useState } from 'react';
import { cartConfig, majority, MODES, type CartConfig } from '../../../../shared/games/cart/config';
import { useT } from '../../i18n/I18nProvider';
import type { ConfigFormProps } from '../types';
import { modeText, modeTitle } from './words';
import './cart.css';

export function CartConfigForm({ value, onChange, nodes }: ConfigFormProps<CartConfig>) {
  const t = useT();
  const config: CartConfig = value && typeof value === 'object' ? value : cartConfig.parse({});
  const set = (patch: Partial<CartConfig>) => onChange({ ...config, ...patch });
  return (
    <fieldset className="ct-config stack plain-group" aria-label={t('cart.config.label')} data-testid="cart-config">
      <fieldset className="ct-modes">
        <legend>{t('cart.config.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className={`ct-mode-choice${config.mode === m ? ' on' : ''}`}>
            <input type="radio" name="ct-mode" value={m} checked={config.mode === m} onChange={() => set({ mode: m })} />
            <span>
              <b>{modeTitle(t, m)}</b>
              <br />
              <span className="muted">{modeText(t, m)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {config.mode === 'quorum' && nodes >= 2 && (
        <p className="muted" data-testid="cart-majority">
          {t('cart.config.majority', { n: nodes, majority: majority(nodes) })}
        </p>
      )}
      <details className="ct-more">
        <summary>{t('cart.config.more')}</summary>
        <div className="ct-grid">
          <Seconds
            id="ct-sync"
            label={t('cart.config.sync')}
            ms={config.syncMs}
            min={0.1}
            max={600}
            onValid={(ms) => set({ syncMs: ms })}
          />
          <Seconds
            id="ct-timeout"
            label={t('cart.config.timeout')}
            ms={config.quorumTimeoutMs}
            min={0.1}
            max={600}
            onValid={(ms) => set({ quorumTimeoutMs: ms })}
          />
          <Seconds
            id="ct-duration"
            label={t('cart.config.duration')}
            ms={config.durationMs}
            scale={60_000}
            min={1}
            max={120}
            onValid={(ms) => set({ durationMs: ms })}
          />
          <Seconds
            id="ct-bot"
            label={t('cart.config.botEvery')}
            ms={config.botEveryMs}
            min={0}
            max={600}
            onValid={(ms) => set({ botEveryMs: ms })}
          />
          <Seconds
            id="ct-bot-jitter"
            label={t('cart.config.botJitter')}
            ms={config.botJitterMs}
            min={0}
            max={600}
            onValid={(ms) => set({ botJitterMs: ms })}
          />
        </div>
      </details>
    </fieldset>
  );
}

interface SecondsProps {
  id: string;
  label: string;
  ms: number;
  /** ms per unit shown (1000: seconds, 60000: minutes). */
  scale?: number;
  min: number;
  max: number;
  onValid(ms: number): void;
}

/** A number box (in seconds or minutes) that keeps what is typed while it is not valid, and says why. */
function Seconds({ id, label, ms, scale = 1000, min, max, onValid }: SecondsProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const value = ms / scale;
  const text = draft ?? String(value);
  const x = Number(text);
  const bad = draft !== null && (text.trim() === '' || !Number.isFinite(x) || x < min || x > max);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={0.1}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          const raw = e.target.value;
          const n = Number(raw);
          setDraft(raw);
          if (raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onValid(Math.round(n * scale));
        }}
        onBlur={() => setDraft(null)}
      />
      {bad && (
        <span className="ct-field-error" role="alert">
          {t('cart.config.range', { min, max, value })}
        </span>
      )}
    </div>
  );
}
