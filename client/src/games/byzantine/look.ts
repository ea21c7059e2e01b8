// How the Byzantine round looks on the live map and in the results table: role colours with
// a badge word (never colour alone), the two message kinds, one summary line.

import type { ByzantineResult } from '../../../../shared/games/byzantine/analysis';
import type { ByzantineConsoleView } from '../../../../shared/games/byzantine/console';
import type { Value } from '../../../../shared/games/byzantine/config';
import { KINDS } from '../../../../shared/games/byzantine/config';
import type { KindLook, NodeDecoration } from '../types';
import type { Translator } from '../../i18n/translate';

/** An order in the reader's language ("Attack", "Retreat"). */
export function valueWord(t: Translator, v: Value): string {
  return v === 'attack' ? t('byzantine.look.value.attack') : t('byzantine.look.value.retreat');
}

/** Role fills; the badge says the same in words. Dark ink stays readable on each (AA). */
export const FILLS = { traitor: '#f4a39b', commander: '#b9cdfb', lieutenant: '#dfe6f5', watching: '#eef0f5' } as const;

/** Generals only: nodes that watch the round (beyond maxGenerals) keep the map's defaults. */
export function decorate(view: ByzantineConsoleView, t: Translator): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  const traitors = new Set(view.traitors);
  const rows = new Map(view.rows.map((r) => [r.node, r]));
  for (const g of view.generals) {
    const traitor = traitors.has(g);
    const row = rows.get(g);
    const words: string[] = [];
    if (traitor) words.push(t('byzantine.look.badge.traitor'));
    if (g === view.commander) {
      words.push(t('byzantine.look.badge.commander'));
      const [order, ...others] = new Set(Object.values(view.orders));
      if (order && others.length === 0) words.push(t('byzantine.look.badge.ordered', { value: valueWord(t, order) }));
      else if (order) words.push(t('byzantine.look.badge.mixed'));
    } else if (row?.decision) {
      words.push(t('byzantine.look.badge.decided', { value: valueWord(t, row.decision) }));
    } else if (row?.crashed) {
      words.push(t('byzantine.look.badge.decidedNothing'));
    } else if (row?.order) {
      words.push(
        row.order.missing ? t('byzantine.look.badge.noOrder') : t('byzantine.look.badge.got', { value: valueWord(t, row.order.value) }),
      );
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

export const KIND_STYLES: Record<string, KindLook> = {
  [KINDS.order]: { color: '#1f4fbf', label: 'byzantine.look.kind.order' },
  [KINDS.relay]: { color: '#8a1c7c', label: 'byzantine.look.kind.relay' },
};

/** Orders and relays on the map say what they carry: "order: Attack", "relay: Retreat". */
export function messageLabel(kind: string, body: unknown, t: Translator): string | null {
  const value = (body as { value?: unknown } | null)?.value;
  if (value !== 'attack' && value !== 'retreat') return null;
  const style = KIND_STYLES[kind];
  return style ? t('byzantine.look.carries', { kind: t(style.label), value: valueWord(t, value) }) : null;
}

const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');

export function summary(r: ByzantineResult, t: Translator): string {
  const alg = `${r.signed ? 'SM' : 'OM'}(${r.m})`;
  const bound = r.bound.guaranteed ? t('byzantine.look.summary.guaranteed') : t('byzantine.look.summary.notGuaranteed');
  const ic2 =
    r.ic2 === null ? ` (${r.commanderLoyal ? t('byzantine.look.summary.noOrder') : t('byzantine.look.summary.traitorCommander')})` : '';
  const tail = !r.complete ? ` · ${t('byzantine.look.summary.stopped')}` : !r.reliable ? ` · ${t('byzantine.look.summary.lost')}` : '';
  return `IC1 ${mark(r.ic1)} · IC2 ${mark(r.ic2)}${ic2} · ${alg}, N = ${r.n}, f = ${r.f}: ${bound}${tail}`;
}
