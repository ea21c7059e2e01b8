// What a recording holds, in a few figures: the recordings list on the server and the replay
// viewer's title both say it from here, from the parsed events (never from the file's text).

import type { SessionEvent } from '../protocol/recordingFormat';

export interface RecordingSummary {
  events: number;
  /** Session time of the last event (ms). */
  durationMs: number;
  /** Games played, in order of first play. */
  games: string[];
  /** Nodes that ever joined. */
  nodes: number;
  rounds: number;
  /** The last line was cut off and skipped. */
  torn: boolean;
}

/** Summarises events one at a time (the server pauses between them on a big recording). */
export class RecordingSummarizer {
  private events = 0;
  private durationMs = 0;
  private rounds = 0;
  private readonly games = new Set<string>();
  private readonly nodes = new Set<string>();

  add(e: SessionEvent): void {
    this.events++;
    // Times never run backwards in a recording the server wrote; a hand-edited file might.
    this.durationMs = Math.max(this.durationMs, e.t);
    if (e.type === 'node:joined') this.nodes.add(e.node);
    else if (e.type === 'round:started') {
      this.rounds++;
      this.games.add(e.round.game);
    }
  }

  result(torn: boolean): RecordingSummary {
    const { events, durationMs, rounds } = this;
    return { events, durationMs, games: [...this.games], nodes: this.nodes.size, rounds, torn };
  }
}

export function summarizeRecording({ events, torn }: { events: readonly SessionEvent[]; torn: boolean }): RecordingSummary {
  const summary = new RecordingSummarizer();
  for (const e of events) summary.add(e);
  return summary.result(torn);
}
