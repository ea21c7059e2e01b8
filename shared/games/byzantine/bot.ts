// The autopilot ([B12]): a loyal general gives the advised order, passes on what it was told
// and confirms its majority; a traitor lies by its strategy. It sees only its own node's view, like a phone.

import type { BotCtx } from '../types';
import type { ByzantineAction, ByzantineConfig, Value } from './config';
import { chooseValues, collusion } from './strategies';
import type { ByzantineView } from './view';

export function bot(v: ByzantineView, ctx: BotCtx<ByzantineConfig>): ByzantineAction[] {
  if (v.role === 'observer') return [];
  const out: ByzantineAction[] = [];
  if (v.canOrder && !v.traitor && v.suggestedOrder) out.push({ type: 'order', value: v.suggestedOrder });
  const strategy = v.strategy ?? ctx.config.strategy;
  const plan = v.accomplices ? collusion(v.generals, v.commander, [v.you, ...v.accomplices]) : null;
  for (const p of v.pending) {
    const lie = plan ? { collusion: plan, signed: v.signed, level: p.level, m: v.m } : undefined;
    // A loyal lieutenant passes on what it was told ([B4]); a traitor lies by its strategy ([B12]).
    const chosen = v.traitor
      ? chooseValues(strategy, p.value, p.recipients, ctx.rng, lie)
      : Object.fromEntries(p.recipients.map((r) => [r, p.value]));
    const values: Record<string, Value> = {};
    for (const to of p.recipients) if (p.sent[to] === undefined && chosen[to]) values[to] = chosen[to];
    if (Object.keys(values).length === 0) continue;
    if (p.level === 1) out.push({ type: 'send', values });
    else if (p.path) out.push({ type: 'send', values, path: p.path });
  }
  const r = v.relay;
  if (r && r.sent === null) {
    // SM: one relay per level. A loyal lieutenant passes on what SM says ([B4]); a traitor lies
    // about its order by its strategy, one value per recipient ([B5], [B12]).
    if (!v.traitor) out.push({ type: 'relay', level: r.level, values: r.due });
    else {
      const lie = plan ? { collusion: plan, signed: true, level: r.level, m: v.m } : undefined;
      const chosen = chooseValues(strategy, v.order?.value ?? 'retreat', r.recipients, ctx.rng, lie);
      const values: Record<string, Value[]> = {};
      for (const to of r.recipients) if (chosen[to]) values[to] = [chosen[to]];
      out.push({ type: 'relay', level: r.level, values });
    }
  }
  if (v.canDecide && v.suggested) out.push({ type: 'decide', value: v.suggested });
  return out;
}
