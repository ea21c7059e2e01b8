// The script runner: a drill script ("at 0 s start the election, at 20 s isolate the leader,
// at 45 s heal") runs step by step on the session's own time, so pauses hold it too. Each
// step is recorded (`drill:step`, with the reason when it could not run), which is how the
// fold and a restarted server know how far a script got.

import { drillScript, orderedSteps, type ScriptAction } from '../net/script';
import { fail, formatIssues, ok, type Result } from '../protocol/result';
import type { Effect } from '../games/types';
import type { EventPayloads, EventType } from '../protocol/recordingFormat';
import type { SessionState } from './state';

/** What the runner needs of the session core. */
export interface ScriptHost {
  readonly state: SessionState;
  time(now: number): number;
  apply<K extends EventType>(now: number, type: K, payload: EventPayloads[K]): Effect[];
  /** Queues a wake-up at `at`; `advance` is then called with it. */
  wakeAt(at: number): void;
  /** Runs one step: the same verbs as the simulator's fault schedule. */
  runAction(now: number, action: ScriptAction): Result<unknown>;
}

export class ScriptRunner {
  constructor(private readonly host: ScriptHost) {}

  /** Starts a script (replacing a running one); its first step may run at once. */
  start(now: number, raw: unknown): Result<null> {
    const parsed = drillScript.safeParse(raw);
    if (!parsed.success) return fail('bad_script', formatIssues(parsed.error.issues, 'script'));
    const { state } = this.host;
    if (state.ended) return fail('room_ended', 'This session has ended.');
    if (state.drill) this.host.apply(now, 'drill:ended', { reason: 'replaced' });
    this.host.apply(now, 'drill:started', { script: parsed.data });
    this.queueNext();
    this.advance(now);
    return ok(null);
  }

  stop(now: number, reason: string): Result<null> {
    if (!this.host.state.drill) return fail('no_drill', 'No drill is running.');
    this.host.apply(now, 'drill:ended', { reason });
    return ok(null);
  }

  /** Queues the running script's next step (a restored session calls it once). */
  queueNext(): void {
    const at = this.host.state.drill?.nextAt;
    if (at != null) this.host.wakeAt(at);
  }

  /** Runs every step that is due, recording each, and ends the script after its last. */
  advance(now: number): void {
    const { state } = this.host;
    for (let d = state.drill; d && d.nextAt !== null && d.nextAt <= this.host.time(now); d = state.drill) {
      const index = d.next;
      const step = orderedSteps(d.script)[index];
      if (!step) throw new Error(`drill "${d.script.name}" has no step ${index}`);
      const r = this.host.runAction(now, step);
      this.host.apply(now, 'drill:step', {
        index,
        ...(r.ok ? {} : { failed: r.error.params ? { code: r.error.code, params: r.error.params } : { code: r.error.code } }),
      });
      if (state.drill?.nextAt === null) this.host.apply(now, 'drill:ended', { reason: 'finished' });
      else this.queueNext();
    }
  }
}
