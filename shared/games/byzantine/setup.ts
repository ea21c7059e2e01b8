// A round's cast: who plays a general, who commands, who betrays ([B1], [B13]). Every draw
// comes from the round's seed, so a replay casts the same roles.

import type { NodeId } from '../../protocol/ids';
import { createRng, deriveSeed, type Rng } from '../../rng';
import type { Effect, InitCtx } from '../types';
import { feasibleM, MESSAGES_MAX, omMessages, VALUES, type ByzantineConfig } from './config';
import { advance, startPhase } from './phases';
import type { ByzantineState, General } from './state';
import { notice, type Notice } from '../../protocol/notice';

function newGeneral(traitor: boolean): General {
  return {
    traitor,
    held: {},
    inbox: [],
    received: 0,
    late: 0,
    forged: 0,
    live: { attack: 0, retreat: 0 },
    accepted: [],
    firstChain: {},
    smRelayed: {},
    sentTo: {},
    sentByLevel: [],
    relayed: null,
    tally: null,
    suggested: null,
    decision: null,
    decidedBy: null,
    decidedAt: null,
    crashed: false,
  };
}

/** In seat order: the nodes the instructor named, then seeded picks up to the cap. */
function pickGenerals(config: ByzantineConfig, nodes: readonly NodeId[], rng: Rng): NodeId[] {
  if (nodes.length <= config.maxGenerals) return [...nodes];
  const named = new Set([config.commander, ...(config.traitorIds ?? [])].filter((n): n is NodeId => !!n && nodes.includes(n)));
  const chosen = new Set([...named].slice(0, config.maxGenerals));
  const rest = nodes.filter((n) => !chosen.has(n));
  for (const n of rng.sample(rest, config.maxGenerals - chosen.size)) chosen.add(n);
  return nodes.filter((n) => chosen.has(n));
}

function pickTraitors(config: ByzantineConfig, generals: NodeId[], commander: NodeId, rng: Rng, notes: Notice[]): NodeId[] {
  const lts = generals.filter((g) => g !== commander);
  // At least one loyal lieutenant, or there is nobody whose agreement could be judged.
  const maxLts = lts.length - 1;
  const named = config.traitorIds;
  if (named) {
    const unknown = named.filter((t) => !generals.includes(t));
    if (unknown.length) notes.push(notice('byzantine.note.not_generals', { ids: unknown }));
    let ltTraitors = lts.filter((l) => named.includes(l));
    if (ltTraitors.length > maxLts) {
      notes.push(notice('byzantine.note.traitors_kept', { count: ltTraitors.length, kept: maxLts }));
      ltTraitors = ltTraitors.slice(0, maxLts);
    }
    const traitorCommander = named.includes(commander);
    return generals.filter((g) => ltTraitors.includes(g) || (traitorCommander && g === commander));
  }
  const chance = config.commanderTraitor === true ? 1 : config.commanderTraitor === false ? 0 : config.commanderTraitor;
  let f = config.traitors;
  const commanderTraitor = rng.chance(chance);
  if (commanderTraitor && f === 0) {
    notes.push(notice('byzantine.note.commander_traitor'));
    f = 1;
  }
  let ltCount = f - (commanderTraitor ? 1 : 0);
  if (ltCount > maxLts) {
    notes.push(notice('byzantine.note.traitors_capped', { asked: f, generals: generals.length, max: maxLts + (commanderTraitor ? 1 : 0) }));
    ltCount = maxLts;
  }
  const ltTraitors = new Set(rng.sample(lts, ltCount));
  return generals.filter((g) => ltTraitors.has(g) || (commanderTraitor && g === commander));
}

export function setup(config: ByzantineConfig, ctx: InitCtx): { state: ByzantineState; effects: Effect[] } {
  const rng = createRng(deriveSeed(ctx.seed, 'byzantine'));
  const notes: Notice[] = [];
  const generals = pickGenerals(config, ctx.nodes, rng);
  const observers = ctx.nodes.length - generals.length;
  if (observers > 0) notes.push(notice('byzantine.note.observers', { generals: generals.length, observers, max: config.maxGenerals }));
  let commander: NodeId;
  if (config.commander && generals.includes(config.commander)) commander = config.commander;
  else {
    if (config.commander) notes.push(notice('byzantine.note.commander_drawn', { id: config.commander }));
    commander = rng.pick(generals);
  }
  const traitors = pickTraitors(config, generals, commander, rng, notes);
  const m = config.signed ? config.m : feasibleM(generals.length, config.m);
  if (m < config.m) {
    notes.push(
      notice('byzantine.note.m_reduced', {
        asked: config.m,
        generals: generals.length,
        messages: omMessages(generals.length, config.m),
        limit: MESSAGES_MAX,
        m,
      }),
    );
  }
  const suggestedOrder = config.order ?? rng.pick(VALUES);
  const state: ByzantineState = {
    config,
    generals,
    observers,
    commander,
    traitors,
    m,
    signed: config.signed,
    suggestedOrder,
    notes,
    rng: rng.state,
    step: 1,
    closing: false,
    phaseEndsAt: null,
    phases: [],
    nodes: Object.fromEntries(generals.map((g) => [g, newGeneral(traitors.includes(g))])),
    travelling: [],
    messages: [],
    sigs: {},
    counts: { sent: 0, arrived: 0, late: 0, forged: 0, duplicates: 0, dropped: 0, lost: 0 },
    outcome: null,
  };
  const effects: Effect[] = [];
  for (const note of notes) effects.push({ type: 'mark', notice: note });
  startPhase(state, ctx, effects);
  advance(state, ctx, effects);
  return { state, effects };
}
