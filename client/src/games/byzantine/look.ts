// How the Byzantine round looks on the live map and in the results table: role colours with
// a badge word (never colour alone), the two message kinds, one summary line.

import type { ByzantineResult } from '../../../../shared/games/byzantine/analysis';
import type { ByzantineConsoleView } from '../../../../shared/games/byzantine/console';
import type { Value } from '../../../../shared/games/byzantine/config';
import { KINDS } from '../../../../shared/games/byzantine/config';
import type { KindStyle } from '../../map/draw';
import type { NodeDecoration } from '../types';

const WORD: Record<Value, string> = { attack: 'Attack', retreat: 'Retreat' };

/** Role fills; the badge says the same in words. Dark ink stays readable on each (AA). */
export const FILLS = { traitor: '#f4a39b', commander: '#b9cdfb', lieutenant: '#dfe6f5', watching: '#eef0f5' } as const;

/** Generals only: nodes that watch the round (beyond maxGenerals) keep the map's defaults. */
export function decorate(view: ByzantineConsoleView): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  const traitors = new Set(view.traitors);
  const rows = new Map(view.rows.map((r) => [r.node, r]));
  for (const g of view.generals) {
    const traitor = traitors.has(g);
    const row = rows.get(g);
    const words: string[] = [];
    if (traitor) words.push('TRAITOR');
    if (g === view.commander) {
      words.push('commander');
      const [order, ...others] = new Set(Object.values(view.orders));
      if (order && others.length === 0) words.push(`ordered ${WORD[order]}`);
      else if (order) words.push('mixed orders');
    } else if (row?.decision) {
      words.push(`decided ${WORD[row.decision]}`);
    } else if (row?.crashed) {
      words.push('decided nothing');
    } else if (row?.order) {
      words.push(row.order.missing ? 'no order' : `got ${WORD[row.order.value]}`);
    }
    out[g] = {
      short: g === view.commander ? 'C' : 'L',
      fill: traitor ? FILLS.traitor : g === view.commander ? FILLS.commander : FILLS.lieutenant,
      badge: words.join(' · '),
      alert: !!row?.againstMajority,
    };
  }
  return out;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  [KINDS.order]: { color: '#1f4fbf', label: 'order' },
  [KINDS.relay]: { color: '#8a1c7c', label: 'relay' },
};

/** Orders and relays on the map say what they carry: "order: Attack", "relay: Retreat". */
export function messageLabel(kind: string, body: unknown): string | null {
  const value = (body as { value?: unknown } | null)?.value;
  if (typeof value !== 'string') return null;
  const style = KIND_STYLES[kind];
  return style ? `${style.label}: ${value.charAt(0).toUpperCase()}${value.slice(1)}` : null;
}

const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');

export function summary(r: ByzantineResult): string {
  const alg = `${r.signed ? 'SM' : 'OM'}(${r.m})`;
  const bound = r.bound.guaranteed ? 'guaranteed' : 'not guaranteed';
  const ic2 = r.ic2 === null ? ` (${r.commanderLoyal ? 'no order' : 'traitor commander'})` : '';
  const tail = !r.complete ? ' · stopped early' : !r.reliable ? ' · messages lost' : '';
  return `IC1 ${mark(r.ic1)} · IC2 ${mark(r.ic2)}${ic2} · ${alg}, N = ${r.n}, f = ${r.f}: ${bound}${tail}`;
}
