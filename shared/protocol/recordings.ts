// What the recordings list says about each recording (server/recordings.ts, client/src/replay).

export interface RecordingEntry {
  session: string;
  room: string;
  /** Wall-clock start (ISO 8601). */
  startedAt: string;
  bytes: number;
  events: number;
  /** Session time of the last event (ms). */
  durationMs: number;
  /** Games played, in order of first play. */
  games: string[];
  nodes: number;
  rounds: number;
  /** The room is still running (its recording grows). */
  live: boolean;
  /** The last line was cut off (the server stopped mid-write); the rest reads. */
  torn: boolean;
  /**
   * Its last lines are in the server's journal, which could not write them back into the file
   * at the start: it cannot be opened, shared or deleted until a start has (`recording_held`).
   */
  held: boolean;
  /** Share links that open it. */
  shares: number;
}
