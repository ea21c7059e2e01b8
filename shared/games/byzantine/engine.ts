// The Byzantine generals round (lying rounds): a commander orders, lieutenants relay, loyal
// lieutenants decide by majority, and the class checks IC1 and IC2 against what the paper proves (bound.ts).
// Rules are in README.md beside this file; each part lives in its own file:
// config (settings, actions), setup (roles), messages and phases, rules (check),
// view (phones), console (the projector), bot, outcome and analysis (the result), sim (the simulator),
// index (the definition that pairs engine and simulator).

import type { Effect, GameEngine } from '../types';
import { analyse, type ByzantineResult } from './analysis';
import { bot } from './bot';
import { byzantineAction, byzantineConfig, type ByzantineAction, type ByzantineConfig, type Value } from './config';
import { receive, sendOmRelays, sendOrders, sendSmRelay } from './messages';
import { advance, onGraceTimer, onPhaseTimer } from './phases';
import { check } from './rules';
import { setup } from './setup';
import { general, graceTimerKey, lieutenants, phaseTimerKey, type ByzantineState } from './state';
import { consoleView, type ByzantineConsoleView } from './console';
import { stageView } from './stage';
import { nodeView, type ByzantineView } from './view';
import { nodeParam, notice } from '../../protocol/notice';

export const byzantine: GameEngine<ByzantineConfig, ByzantineState, ByzantineAction, ByzantineView, ByzantineConsoleView, ByzantineResult> =
  {
    id: 'byzantine',
    title: 'Byzantine generals: lying rounds',
    config: byzantineConfig,
    action: byzantineAction,
    minNodes: 3,

    init: setup,
    check,

    act(s, node, action, ctx) {
      const fx: Effect[] = [];
      switch (action.type) {
        case 'order': {
          const values: Record<string, Value> = {};
          for (const l of lieutenants(s)) values[l] = action.value;
          sendOrders(s, ctx, fx, values);
          break;
        }
        case 'send':
          if (node === s.commander) sendOrders(s, ctx, fx, action.values);
          else sendOmRelays(s, ctx, fx, node, action.path ?? [s.commander], action.values);
          break;
        case 'relay':
          sendSmRelay(s, ctx, fx, node, action.level, action.values);
          break;
        case 'decide': {
          const g = general(s, node);
          g.decision = action.value;
          g.decidedBy = 'node';
          g.decidedAt = ctx.now;
          const against = g.suggested !== null && g.suggested !== action.value;
          fx.push({
            type: 'mark',
            node,
            notice: notice('byzantine.mark.decided', { node: nodeParam(node), value: action.value, against }),
            data: { node, value: action.value, majority: g.suggested },
          });
          break;
        }
      }
      fx.push({ type: 'changed', nodes: [node] });
      advance(s, ctx, fx);
      return fx;
    },

    deliver(s, env, ctx) {
      const fx = receive(s, env, ctx);
      advance(s, ctx, fx);
      return fx;
    },

    timer(s, key, ctx) {
      const fx: Effect[] = [];
      // Keys carry their step, so a timer left over from an earlier phase does nothing.
      if (key === phaseTimerKey(s.step) && !s.closing) onPhaseTimer(s, ctx, fx);
      else if (key === graceTimerKey(s.step) && s.closing) onGraceTimer(s, ctx, fx);
      return fx;
    },

    faultsChanged(s, _prev, _next, ctx) {
      // A crash can leave a phase with nobody left to wait for.
      const fx: Effect[] = [];
      advance(s, ctx, fx);
      return fx;
    },

    view: nodeView,
    consoleView,
    stageView,
    result: analyse,
    bot,

    botDelay(s, rng) {
      const d = s.config.botDelayMs;
      // Spread out, as people are, rather than every bot in the same instant.
      return d === 0 ? 0 : rng.between(Math.ceil(d / 2), Math.ceil((d * 3) / 2));
    },

    /** Drills that isolate "the leader" aim at the commander. */
    leader: (s) => s.commander,
  };
