// The contract every game implements. A game is plain data plus deterministic functions:
// the session hands it inputs (a node's action, a delivered envelope, a fired timer, a fault
// change) and applies the effects it returns (envelopes to send through the simulated network,
// timers, notices). Engines never read the clock or Math.random: `ctx.now` is the time and the
// game's own seeded Rng state lives inside its state.
//
// State ownership: `init` returns a fresh state; every other function receives the state the
// session owns and may change it in place (that keeps a 100,000-node gossip linear). `check`
// and the view functions must not change it. To keep a snapshot, clone it first.
//
// A game is handed to the session core, never looked up: each game's folder exports one
// definition (`defineGame`), the composition roots (the server's app, the simulator's command
// line, the client, the tests) list them, and `createGames` makes the registry they pass in.
// docs/ADDING_A_GAME.md walks through every function below.

import type { z } from 'zod';
import type { VectorClock } from '../net/clocks';
import type { Faults } from '../net/faults';
import type { NodeId } from '../protocol/ids';
import type { Notice } from '../protocol/notice';
import type { NetStats } from '../protocol/views';
import type { Rng } from '../rng';
import type { SimPlugin } from '../sim/plugin';

export interface Envelope<B = unknown> {
  /** "m1", "m2"… in send order within the session. */
  id: string;
  from: NodeId;
  to: NodeId;
  /** Namespaced by game: "sandbox:text", "election:vote-request"… */
  kind: string;
  body: B;
  /** Session time (ms) it was sent. */
  sentAt: number;
  /** The sender's clocks at the send event. */
  lamport: number;
  /** Only when the replay folds a recording: a live room keeps no vector clocks (SessionState.vectors). */
  vector?: VectorClock;
}

/** Valid for the duration of one call only: the session reuses the object. */
export interface EngineCtx {
  /** ms since the session started. */
  now: number;
  /** The nodes taking part in this round, in seat order. */
  nodes: readonly NodeId[];
  faults: Faults;
  /** Crashed by the instructor, or gone from the room (kicked, left). */
  isDown(node: NodeId): boolean;
  /**
   * Optional: true when the host knows that no node of the round is down (isDown is false for
   * every one), so a game need not ask each. The simulator's fast path says so; absent, ask.
   */
  everyoneUp?: boolean;
}

export interface InitCtx extends EngineCtx {
  /** The round's seed: the engine derives all of its randomness from it. */
  seed: number;
}

export type Effect =
  /** Send an envelope through the simulated network. */
  | { type: 'send'; from: NodeId; to: NodeId; kind: string; body: unknown }
  /** (Re)arm the timer `key` to fire after `delay` ms; a key names one timer. */
  | { type: 'timer'; key: string; delay: number; node?: NodeId }
  | { type: 'cancel'; key: string }
  /** These nodes' views changed: refresh their phones, let their bots think. */
  | { type: 'changed'; nodes: readonly NodeId[] | 'all' }
  /** A state transition worth a mark on the timeline (`election.mark.leader` {node, term}): data, worded by the client. */
  | { type: 'mark'; node?: NodeId; notice: Notice; data?: unknown }
  /** The game is over: the session ends the round and records the result. */
  | { type: 'end'; reason: string };

/**
 * Why an action is refused: a code (the protocol's error code, e.g. `timer_running`) and its
 * parameters. The client words it (`error.<game>.<code>`, else `error.<code>`); no sentence here.
 */
export interface Rejection {
  code: string;
  params?: Notice['params'];
}

export interface BotCtx<Config> {
  node: NodeId;
  /** The round's nodes, so a bot can pick peers without its view listing everyone. */
  nodes: readonly NodeId[];
  now: number;
  rng: Rng;
  config: Config;
}

/**
 * What one round's network did, kept by the session for every game's analysis. Declared with
 * the views that show it (the protocol); named here too because `result` takes it.
 */
export type { NetStats };

/**
 * One game's rules as a reducer. `Config` is a round's settings, `State` the game's state,
 * `Action` what a node may ask to do, `View` what one node's phone is sent, `ConsoleView` what
 * the projector is sent and `Result` the round's analysis.
 */
export interface GameEngine<Config, State, Action, View, ConsoleView, Result> {
  readonly id: string;
  readonly title: string;
  /** Parses a round's settings; `parse({})` gives the defaults. */
  readonly config: z.ZodType<Config>;
  /** Parses one action from a node (the phone, a bot, a student's program). */
  readonly action: z.ZodType<Action>;
  readonly minNodes: number;
  init(config: Config, ctx: InitCtx): { state: State; effects: Effect[] };
  /** Why `node` may not do `action` now, or null. Must not change the state. */
  check(state: State, node: NodeId, action: Action, ctx: EngineCtx): Rejection | null;
  /** Applies an action that `check` accepted. */
  act(state: State, node: NodeId, action: Action, ctx: EngineCtx): Effect[];
  deliver(state: State, env: Envelope, ctx: EngineCtx): Effect[];
  timer(state: State, key: string, ctx: EngineCtx): Effect[];
  /** The instructor changed the faults (crashes and restarts matter to most games). */
  faultsChanged?(state: State, prev: Faults, next: Faults, ctx: EngineCtx): Effect[];
  /** What `node` may know, and nothing more: this is all its phone receives. */
  view(state: State, node: NodeId): View;
  /** What the instructor's console shows. May include secrets (roles, cards). */
  consoleView(state: State): ConsoleView;
  /**
   * What the projector stage shows the whole class: nothing a phone keeps from another (roles,
   * secret words, cards) unless `revealed` (the instructor's reveal, for the debrief). Also
   * called on a finished round's state, for its verdict. A game without one shows the class its
   * map only.
   */
  stageView?(state: State, revealed: boolean): unknown;
  /** The round's analysis, recorded when the round ends (`ctx.now` is the end). */
  result(state: State, net: NetStats, ctx?: EngineCtx): Result;
  /**
   * Optional: what every phone of the round is told about the whole class once it has ended,
   * worked out from `result` (a phone's personal ending: "the class sent 12 messages, 10
   * arrived"). Only counts anyone may know (the projector shows them too), never a node's
   * secret (a role, a card): a game whose result holds secrets leaves it out.
   */
  classRecap?(result: Result): unknown;
  /** The autopilot: actions a bot takes given only what its node may know. */
  bot(view: View, ctx: BotCtx<Config>): Action[];
  /**
   * Optional, for big simulations: true when `bot(view(state, node), …)` would surely take no
   * action now, so the simulator need not build the view. It must never say true when the bot
   * would act (the simulator's equivalence test catches a wrong answer).
   */
  botIdle?(state: State, node: NodeId): boolean;
  /**
   * Optional, for big simulations: the actions `bot(view(state, node), ctx)` takes, worked out
   * from the state without building the view (drawing the same random numbers). The simulator's
   * fast path uses it; its equivalence test, which plays the same seeds through the view and
   * the bot, catches any difference.
   */
  botAct?(state: State, node: NodeId, ctx: BotCtx<Config>): Action[];
  /** How long a bot waits after its view changes before it acts (ms). */
  botDelay(state: State, rng: Rng): number;
  /**
   * Optional, for big simulations: the game's messages and autopilot over seats (see
   * SeatRules), for the round whose state this is and whose nodes are `nodes`; null where the
   * game keeps to envelopes (the simulator then does). Its equivalence test plays the same
   * seeds through both and catches any difference.
   */
  seats?(state: State, nodes: readonly NodeId[]): SeatRules | null;
  /** The node a drill means by "the leader", if the game has one. */
  leader?(state: State): NodeId | null;
}

/**
 * A game's messages and autopilot over seats (a node's index in the round's nodes), for the
 * simulator's fast path, where nothing is recorded and nobody reads an envelope: the same
 * transitions as `deliver`, and as `bot` then `check` then `act`, on the same state, with a
 * message as two seats and a small number (its kind) instead of an envelope object.
 *
 * A game whose messages carry bodies (the election) keeps its envelopes but hands its effects
 * to SeatOut as they come instead of returning them in a list: `deliverEnvelope` and `timer`
 * are its `deliver` and `timer`, their effects in the same order. Each part is optional: what
 * a game leaves out, the simulator plays through the engine.
 */
export interface SeatRules {
  /** What `deliver` does with a message of `kind` (an integer from 0 to 15, the game's own) from seat to seat. */
  deliver?(from: number, to: number, kind: number, ctx: EngineCtx, out: SeatOut): void;
  /**
   * The autopilot of `seat` takes its turn: what `botIdle`/`botAct` (or `bot` on the view)
   * would take, applied as `act` applies it. The action is the game's own, made within the
   * rules `check` enforces, so it is neither parsed by the action schema nor checked again.
   */
  botTurn?(seat: number, rng: Rng, out: SeatOut): void;
  /** For a game without botTurn: `botIdle` for the node at `seat`. */
  botIdle?(seat: number): boolean;
  /**
   * What `deliver` does with an envelope `post` sent, its effects handed to `out`. The
   * envelope is the simulator's own (nothing else holds it): the game may keep it as it is.
   * `to` is the receiver's seat.
   */
  deliverEnvelope?(env: Envelope, ctx: EngineCtx, out: SeatOut, to: number): void;
  /**
   * What `timer` does, its effects handed to `out`. `id` is the simulator's number for the key
   * (the same key has the same number for the whole trial), for a game that keeps what it made
   * of a key by number.
   */
  timer?(key: string, ctx: EngineCtx, out: SeatOut, id: number): void;
  /**
   * Writes into the state what the seat rules keep aside for speed (counters by seat). The
   * simulator calls it before anything but the seat rules reads the state: any other engine
   * call, the result, the trial's goal.
   */
  settle?(): void;
}

/** What SeatRules hand back to the session, in the order the engine's effects would come. */
export interface SeatOut {
  /** A `send` effect: a message of `kind` (0…15) from seat to seat. */
  send(from: number, to: number, kind: number): void;
  /** A `changed` effect for one seat (its bot gets a turn). */
  changed(seat: number): void;
  /** The bot's action was taken (the session's clock moves, as for any accepted action). */
  accept(): void;
  /** Effects as the engine returns them (the rare ones: marks, timers, the end). */
  apply(effects: Effect[]): void;
  /** A `send` effect with its envelope's fields (a game whose messages carry bodies). */
  post(from: NodeId, to: NodeId, kind: string, body: unknown): void;
  /** A `timer` effect. */
  timer(key: string, delay: number): void;
  /** A `cancel` effect. */
  cancel(key: string): void;
  /** The simulator's number for a timer key (the same for the whole trial; `timer` hands it back), for arm and disarm. */
  timerNumber(key: string): number;
  /** A `timer` effect for the key numbered `id` (timerNumber). */
  arm(id: number, delay: number): void;
  /** A `cancel` effect for the key numbered `id`. */
  disarm(id: number): void;
  /** A `mark` effect (a trial records nothing: the session's clock moves). */
  mark(): void;
}

/** What a game's folder exports (its index.ts): the engine, and how the simulator runs it. */
export interface GameDefinition<Config, State, Action, View, ConsoleView, Result, Trial extends Record<string, unknown>> {
  readonly engine: GameEngine<Config, State, Action, View, ConsoleView, Result>;
  /** Games without one cannot be simulated. */
  readonly sim?: SimPlugin<Config, State, Result, Trial>;
}

/**
 * A game with its types erased: the one place they are. A registry holds games of different
 * types, and the session core passes each engine only what that engine made (its own state,
 * actions its own schema parsed, its own view to its own bot), so the erasure is safe.
 */
export type AnyGame = GameDefinition<unknown, unknown, unknown, unknown, unknown, unknown, Record<string, unknown>>;
export type AnyEngine = AnyGame['engine'];

/** A game's definition, with its engine and plug-in checked against each other, ready for a registry. */
export function defineGame<Config, State, Action, View, ConsoleView, Result, Trial extends Record<string, unknown>>(
  game: GameDefinition<Config, State, Action, View, ConsoleView, Result, Trial>,
): AnyGame {
  return game;
}

/** The games a host offers, by id: what it hands to the session core, the fold, the views and the replay. */
export type Games = ReadonlyMap<string, AnyGame>;

export function createGames(list: readonly AnyGame[]): Games {
  const games = new Map<string, AnyGame>();
  for (const game of list) {
    if (games.has(game.engine.id)) throw new Error(`Two games have the id "${game.engine.id}".`);
    games.set(game.engine.id, game);
  }
  return games;
}
