// What a game adds to the screens: a phone view and a console panel, each drawn from the
// game's own view types in shared/games/<game>/.

import type { ComponentType } from 'react';
import type { MessageKey, Translator } from '../i18n/translate';
import type { Faults } from '../../../shared/net/faults';
import type { MapNode } from '../map/draw';
import type { Roster } from '../../../shared/protocol/events';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { ConsoleSnapshot, NodeView, RosterEntry, RoundSummary, StageSnapshot } from '../../../shared/protocol/views';

export interface PhoneGameProps<View = unknown> {
  /** The game's view for this node. */
  view: View;
  /** The whole node view (your id, timers, room state). */
  node: NodeView;
  roster: Roster;
  /** Sends an action; resolves to the server's refusal, or null when it was accepted. */
  act(action: unknown): Promise<ErrorInfo | null>;
}

export interface ConsoleGameProps<View = unknown> {
  view: View;
  snapshot: ConsoleSnapshot;
}

export interface StageGameProps<StageView = unknown> {
  /** The game's stage view (shared/games/<game>/stage.ts): secrets only once revealed. */
  view: StageView;
  /** The stage's picture (names, the round's timers, pause, whether revealed). */
  snapshot: StageSnapshot;
  /** The round is over: `view` is its final state, shown as the verdict. */
  ended: boolean;
}

export interface ConfigFormProps<Config = unknown> {
  value: Config;
  onChange(config: Config): void;
  /** How many nodes are in the room now (some settings depend on it). */
  nodes: number;
  /** The room's faults now (a form can warn when its timings cannot work with this latency). */
  faults?: Faults;
  /** The nodes in the room now, for settings that name nodes (a commander, the traitors). */
  roster?: readonly RosterEntry[];
}

/** How the map draws a node in this game (its card, its role colour, a badge). */
export type NodeDecoration = Partial<Pick<MapNode, 'label' | 'short' | 'ink' | 'fill' | 'badge' | 'alert'>>;

export interface ResultProps<Result = unknown> {
  result: Result;
  /** Node id → nickname, to name nodes in the analysis. */
  names: Map<string, string>;
  /** The session's rounds so far, where the screen has them (the console): for a debrief across rounds. */
  rounds?: readonly RoundSummary[];
}

/**
 * What a game adds to the screens, typed by the game's own types: the node's view, the
 * console's view, the round's result and its settings (from shared/games/<game>/).
 */
export interface GameUi<View, ConsoleView, Result, Config, StageView = unknown> {
  /** One line for the game picker, in the reader's language. */
  blurb(t: Translator): string;
  Phone: ComponentType<PhoneGameProps<View>>;
  Console: ComponentType<ConsoleGameProps<ConsoleView>>;
  /** Settings for the next round; without one the round starts with the game's defaults. */
  ConfigForm?: ComponentType<ConfigFormProps<Config>>;
  /** The map's look for each node, from the game's console view. */
  decorate?(view: ConsoleView, t: Translator): Record<string, NodeDecoration>;
  /** Colour and short label of each message kind on the map (others get a default). */
  kinds?: Record<string, KindLook>;
  /** A label from the message's content ("Attack"), in place of the kind's label. */
  messageLabel?(kind: string, body: unknown, t: Translator): string | null;
  /** What a message carries, in words (the replay's message panel and hover card). */
  messageBody?: MessageBodyWords;
  /** The projector stage's panel: large type, what the class may see (the game's stage view). */
  Stage?: ComponentType<StageGameProps<StageView>>;
  /** The stage map's look of each node, from the game's stage view (badges worded by `t`). */
  decorateStage?(view: StageView, t: Translator): Record<string, NodeDecoration>;
  /** The round's analysis, shown at round end and in the replay. */
  Result?: ComponentType<ResultProps<Result>>;
  /**
   * The settings a round starts with from this screen: a game fills in, in the reader's language,
   * what its engine would otherwise draw from an English list (the gossip rumour's word).
   */
  startConfig?(config: Config, t: Translator): Config;
  /** One line for the session's results table; `nameOf` names a node by its nickname (a person is never a card or an id there). */
  summary?(result: Result, t: Translator, nameOf: (id: string) => string): string;
}

/**
 * A message's body as a person reads it: one line per part, in the reader's language, every node
 * named by `name` (its nickname, never its id). Null when the body is not one of the game's.
 */
export type MessageBodyWords = (
  kind: string,
  body: unknown,
  t: Translator,
  name: (id: string) => string,
  env: { from: string; to: string },
) => string[] | null;

/** A message kind's colour and the catalogue's word for it (drawn on the map and the diagram). */
export interface KindLook {
  color: string;
  label: MessageKey;
}

/** A game's screens as the registry keeps them (./index.ts erases each game's types once). */
export type AnyGameUi = GameUi<unknown, unknown, unknown, unknown, unknown>;

/** Short vibration where the phone allows it (a new message, an expired timer). */
export function buzz(pattern: number | number[] = 80): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // Some browsers throw when vibration is not allowed yet; it is only a hint.
  }
}
