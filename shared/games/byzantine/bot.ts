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
    else if (v.signed) out.push({ type: 'send', values, level: p.level });
    else if (p.path) out.push({ type: 'send', values, path: p.path });
  }
  if (v.canDecide && v.suggested) out.push({ type: 'decide', value: v.suggested });
  return out;
}
