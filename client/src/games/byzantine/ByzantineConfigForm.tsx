// The next round's settings: how many traitors (or exactly who), the commander, m, signed
// messages, the phase length and how traitor bots lie; with the bound (LSP 1982: OM(m) needs f ≤ m and N > 2f + m) shown live
// as the instructor changes f. The server parses and applies the settings ([B1], [B13]).

import type { ReactNode } from 'react';
import { M_MAX, omMessages, STRATEGIES, type ByzantineConfig, type Strategy, type Value } from '../../../../shared/games/byzantine/config';
import type { ConfigFormProps } from '../types';
import { lspBound } from '../../../../shared/games/byzantine/bound';
import { BoundLine } from './parts';
import './byzantine.css';

const STRATEGY_TEXT: Record<Strategy, string> = {
  flip: 'flip: say the opposite of what they were told',
  split: 'split: tell the first half Attack, the rest Retreat',
  random: 'random: a coin toss per recipient',
  collude: 'collude: the traitors know each other and lie to the same lieutenants',
};

type Patch = { [K in keyof ByzantineConfig]?: ByzantineConfig[K] | undefined };

export function ByzantineConfigForm({ value, onChange, nodes, roster }: ConfigFormProps<ByzantineConfig>) {
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
    <fieldset className="byz-config plain-group" aria-label="Byzantine generals settings">
      <fieldset>
        <legend>Traitors</legend>
        <div className="row" role="radiogroup" aria-label="How traitors are chosen">
          <label className="check">
            <input type="radio" name="byz-mode" checked={!picking} onChange={() => set({ traitorIds: undefined })} />A number, drawn at
            random
          </label>
          <label className="check">
            <input type="radio" name="byz-mode" checked={picking} disabled={people.length === 0} onChange={() => set({ traitorIds: [] })} />
            Pick them
          </label>
        </div>
        {!picking ? (
          <div className="grid">
            {num('byz-f', 'Number of traitors (f)', value.traitors, (x) => set({ traitors: x }), { min: 0, max: Math.max(3, nodes - 1) })}
            <div className="field">
              <label htmlFor="byz-ct">Commander a traitor?</label>
              <select
                id="byz-ct"
                value={chance ? 'chance' : value.commanderTraitor ? 'yes' : 'no'}
                onChange={(e) => set({ commanderTraitor: e.target.value === 'yes' ? true : e.target.value === 'no' ? false : 0.3 })}
              >
                <option value="no">No</option>
                <option value="yes">Yes</option>
                <option value="chance">By chance</option>
              </select>
            </div>
            {chance &&
              num(
                'byz-chance',
                'Chance (%)',
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
                    set({ traitorIds: e.target.checked ? [...now, p.id] : now.filter((t) => t !== p.id) });
                  }}
                />
                {p.nickname}
              </label>
            ))}
          </div>
        )}
        {picking && <p className="hint">Ticking the commander makes it a traitor. At least one lieutenant always stays loyal.</p>}
      </fieldset>
      {nodes < 3 ? (
        <div className="notice" role="status">
          The generals need at least 3 nodes; the room has {nodes}. Add bots or wait for phones.
        </div>
      ) : (
        <>
          <BoundLine b={bound} preview />
          <p className="hint">
            With {n} generals, oral messages cope with at most {most} traitor{most === 1 ? '' : 's'}: OM(m) with m = f needs N &gt; 3f.
            {chance ? ' The commander is a traitor only by chance: f may differ.' : ''}
          </p>
        </>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="byz-commander">Commander</label>
          <select id="byz-commander" value={value.commander ?? ''} onChange={(e) => set({ commander: e.target.value || undefined })}>
            <option value="">Drawn at random</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.nickname}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="byz-order">Advised order</label>
          <select
            id="byz-order"
            value={value.order ?? ''}
            onChange={(e) => set({ order: (e.target.value || undefined) as Value | undefined })}
          >
            <option value="">Drawn at random</option>
            <option value="attack">Attack</option>
            <option value="retreat">Retreat</option>
          </select>
        </div>
        {num('byz-phase', 'Phase length (s)', Math.round(value.phaseMs / 1000), (x) => set({ phaseMs: x * 1000 }), { min: 1, max: 600 })}
        <div className="field wide">
          <label htmlFor="byz-strategy">Traitor bots (and traitors out of time) lie by</label>
          <select id="byz-strategy" value={value.strategy} onChange={(e) => set({ strategy: e.target.value as Strategy })}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_TEXT[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor="byz-m">Relay rounds (m)</label>
          <select id="byz-m" value={value.m} onChange={(e) => set({ m: Number(e.target.value) })}>
            {Array.from({ length: M_MAX }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {value.signed ? 'SM' : 'OM'}({m}){m > 1 ? ': bots only' : ''}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={value.signed} onChange={(e) => set({ signed: e.target.checked })} />
          Signed messages (SM)
        </label>
      </div>
      <p className="hint">
        {value.m > 1
          ? `m = ${value.m} is for rounds where every node is a bot: phones choose relays for m = 1 only. `
          : 'Keep m = 1 with phones; m = 2 or 3 is for rounds where every node is a bot. '}
        {!value.signed && n >= 3 && `OM(${value.m}) among ${n} generals sends ${omMessages(n, value.m).toLocaleString()} messages. `}
        {value.signed && 'Signed: a traitor cannot change what it relays without the forgery being spotted.'}
      </p>
      <details>
        <summary>More settings</summary>
        <div className="grid">
          {num(
            'byz-relay-delay',
            'Loyal relays wait up to (s)',
            value.relayDelayMs / 1000,
            (x) => set({ relayDelayMs: Math.round(x * 1000) }),
            { min: 0, max: 60, step: 0.5 },
          )}
          {num('byz-bot-delay', 'Bots act after about (s)', value.botDelayMs / 1000, (x) => set({ botDelayMs: Math.round(x * 1000) }), {
            min: 0,
            max: 60,
            step: 0.5,
          })}
          {num('byz-max', 'At most this many generals', value.maxGenerals, (x) => set({ maxGenerals: x }), { min: 3, max: 100 })}
        </div>
        <p className="hint">
          Loyal relays leave after a random wait, so a traitor who takes time to choose is not given away by speaking last.
        </p>
      </details>
    </fieldset>
  );
}
