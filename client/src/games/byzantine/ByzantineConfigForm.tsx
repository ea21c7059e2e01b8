// The next round's settings: how many traitors (or exactly who), the commander, m, signed
// messages, the phase length and how traitor bots lie; with the bound (LSP 1982: OM(m) needs f ≤ m and N > 2f + m) shown live
// as the instructor changes f. The server parses and applies the settings ([B1], [B13]).

import type { ReactNode } from 'react';
import { M_MAX, omMessages, STRATEGIES, type ByzantineConfig, type Strategy, type Value } from '../../../../shared/games/byzantine/config';
import type { ConfigFormProps } from '../types';
import { lspBound } from '../../../../shared/games/byzantine/bound';
import { BoundLine } from './parts';
import './byzantine.css';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';

const STRATEGY_TEXT: Record<Strategy, MessageKey> = {
  flip: 'byzantine.config.strategy.flip',
  split: 'byzantine.config.strategy.split',
  random: 'byzantine.config.strategy.random',
  collude: 'byzantine.config.strategy.collude',
};

type Patch = { [K in keyof ByzantineConfig]?: ByzantineConfig[K] | undefined };

export function ByzantineConfigForm({ value, onChange, nodes, roster }: ConfigFormProps<ByzantineConfig>) {
  const t = useT();
  const people = roster ?? [];
  const set = (patch: Patch) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    // The server refuses unknown or undefined settings: drop what is unset.
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next as ByzantineConfig);
  };
  const picked = value.traitorIds;
  const picking = picked !== undefined;
  const chance = typeof value.commanderTraitor === 'number';
  const n = Math.min(nodes, value.maxGenerals);
  const f = picked
    ? picked.filter((id) => people.some((p) => p.id === id)).length
    : value.commanderTraitor === true
      ? Math.max(1, value.traitors)
      : value.traitors;
  const bound = lspBound(n, f, value.m, value.signed);
  // OM(m) copes with f traitors when f ≤ m and N > 2f + m; the best m is f, which needs N > 3f.
  const most = Math.max(0, Math.floor((n - 1) / 3));

  const num = (id: string, text: ReactNode, v: number, onSet: (x: number) => void, opts: { min: number; max: number; step?: number }) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={opts.min}
        max={opts.max}
        step={opts.step ?? 1}
        value={v}
        onChange={(e) => {
          const x = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(x)) onSet(Math.min(opts.max, Math.max(opts.min, x)));
        }}
      />
    </div>
  );

  return (
    <fieldset className="byz-config plain-group" aria-label={t('byzantine.config.label')}>
      <fieldset>
        <legend>{t('byzantine.config.traitors')}</legend>
        <div className="row" role="radiogroup" aria-label={t('byzantine.config.how')}>
          <label className="check">
            <input type="radio" name="byz-mode" checked={!picking} onChange={() => set({ traitorIds: undefined })} />
            {t('byzantine.config.byNumber')}
          </label>
          <label className="check">
            <input type="radio" name="byz-mode" checked={picking} disabled={people.length === 0} onChange={() => set({ traitorIds: [] })} />
            {t('byzantine.config.pick')}
          </label>
        </div>
        {!picking ? (
          <div className="grid">
            {num('byz-f', t('byzantine.config.f'), value.traitors, (x) => set({ traitors: x }), { min: 0, max: Math.max(3, nodes - 1) })}
            <div className="field">
              <label htmlFor="byz-ct">{t('byzantine.config.commanderTraitor')}</label>
              <select
                id="byz-ct"
                value={chance ? 'chance' : value.commanderTraitor ? 'yes' : 'no'}
                onChange={(e) => set({ commanderTraitor: e.target.value === 'yes' ? true : e.target.value === 'no' ? false : 0.3 })}
              >
                <option value="no">{t('byzantine.config.no')}</option>
                <option value="yes">{t('byzantine.config.yes')}</option>
                <option value="chance">{t('byzantine.config.byChance')}</option>
              </select>
            </div>
            {chance &&
              num(
                'byz-chance',
                t('byzantine.config.chance'),
                Math.round((value.commanderTraitor as number) * 100),
                (x) => set({ commanderTraitor: x / 100 }),
                { min: 0, max: 100, step: 5 },
              )}
          </div>
        ) : (
          <div className="grid">
            {people.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={picked?.includes(p.id) ?? false}
                  onChange={(e) => {
                    const now = picked ?? [];
                    set({ traitorIds: e.target.checked ? [...now, p.id] : now.filter((id) => id !== p.id) });
                  }}
                />
                {p.nickname}
              </label>
            ))}
          </div>
        )}
        {picking && <p className="hint">{t('byzantine.config.pickHint')}</p>}
      </fieldset>
      {nodes < 3 ? (
        <div className="notice" role="status">
          {t('byzantine.config.threeNodes', { nodes })}
        </div>
      ) : (
        <>
          <BoundLine b={bound} preview />
          <p className="hint">
            {t('byzantine.config.most', { n, most })}
            {chance ? ` ${t('byzantine.config.chanceNote')}` : ''}
          </p>
        </>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="byz-commander">{t('byzantine.console.commander')}</label>
          <select id="byz-commander" value={value.commander ?? ''} onChange={(e) => set({ commander: e.target.value || undefined })}>
            <option value="">{t('byzantine.config.random')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.nickname}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="byz-order">{t('byzantine.console.advised')}</label>
          <select
            id="byz-order"
            value={value.order ?? ''}
            onChange={(e) => set({ order: (e.target.value || undefined) as Value | undefined })}
          >
            <option value="">{t('byzantine.config.random')}</option>
            <option value="attack">{t('byzantine.look.value.attack')}</option>
            <option value="retreat">{t('byzantine.look.value.retreat')}</option>
          </select>
        </div>
        {num('byz-phase', t('byzantine.config.phase'), Math.round(value.phaseMs / 1000), (x) => set({ phaseMs: x * 1000 }), {
          min: 1,
          max: 600,
        })}
        <div className="field wide">
          <label htmlFor="byz-strategy">{t('byzantine.config.strategy')}</label>
          <select id="byz-strategy" value={value.strategy} onChange={(e) => set({ strategy: e.target.value as Strategy })}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(STRATEGY_TEXT[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor="byz-m">{t('byzantine.config.m')}</label>
          <select id="byz-m" value={value.m} onChange={(e) => set({ m: Number(e.target.value) })}>
            {Array.from({ length: M_MAX }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {m > 1
                  ? t('byzantine.config.mBots', { alg: `${value.signed ? 'SM' : 'OM'}(${m})` })
                  : `${value.signed ? 'SM' : 'OM'}(${m})`}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={value.signed} onChange={(e) => set({ signed: e.target.checked })} />
          {t('byzantine.config.signed')}
        </label>
      </div>
      <p className="hint">
        {value.m > 1 ? t('byzantine.config.mHigh', { m: value.m }) : t('byzantine.config.mOne')}
        {!value.signed && n >= 3 && ` ${t('byzantine.config.omMessages', { m: value.m, n, messages: omMessages(n, value.m) })}`}
        {value.signed && ` ${t('byzantine.config.signedHint')}`}
      </p>
      <details>
        <summary>{t('gossip.config.more')}</summary>
        <div className="grid">
          {num('byz-bot-delay', t('byzantine.config.botDelay'), value.botDelayMs / 1000, (x) => set({ botDelayMs: Math.round(x * 1000) }), {
            min: 0,
            max: 60,
            step: 0.5,
          })}
          {num('byz-max', t('byzantine.config.maxGenerals'), value.maxGenerals, (x) => set({ maxGenerals: x }), { min: 3, max: 100 })}
        </div>
        <p className="hint">{t('byzantine.config.relayHint')}</p>
      </details>
    </fieldset>
  );
}
