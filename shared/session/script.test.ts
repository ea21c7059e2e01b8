import { describe, expect, it } from 'vitest';
import { canReach } from '../net/network';
import type { SessionEvent } from '../protocol/recordingFormat';
import { SessionCore } from './core';
import { fold } from './fold';
import { makeHeader } from './header';
import { POST_GAMES as GAMES } from '../../test/support/postGame';

function session() {
  const events: SessionEvent[] = [];
  const header = makeHeader({ seed: 4 });
  const core = SessionCore.create(header, GAMES, (e) => events.push(structuredClone(e)));
  const runUntil = (t: number) => {
    for (let at = core.nextWakeAt(); at !== null && at <= t; at = core.nextWakeAt()) core.advance(at);
  };
  return { core, events, header, runUntil };
}

const script = {
  name: 'split and heal',
  steps: [
    { at: 0, do: 'start', game: 'post' },
    { at: 20, do: 'drill', name: 'halves' },
    { at: 45, do: 'drill', name: 'heal', note: 'heal everything' },
  ],
};

describe('scripted drills', () => {
  it('runs each step at its moment, records it, and ends after the last', () => {
    const { core, events, header, runUntil } = session();
    core.addBots(0, 4);
    expect(core.startScript(1000, script)).toEqual({ ok: true, data: null });
    expect(core.state.round?.spec.game).toBe('post');
    expect(core.state.drill).toMatchObject({ next: 1, nextAt: 21_000 });
    runUntil(20_999);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(true);
    runUntil(21_000);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(false);
    runUntil(46_000);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(true);
    expect(core.state.drill).toBeNull();
    const steps = events.filter((e) => e.type === 'drill:step');
    // The step is recorded by its index (the script says what it is); the fault log words it.
    expect(steps.map((e) => [e.t, e.type === 'drill:step' && e.index])).toEqual([
      [1000, 0],
      [21_000, 1],
      [46_000, 2],
    ]);
    expect(core.state.faultLog.filter((e) => e.step).map((e) => e.notice?.code ?? e.step?.note)).toEqual([
      'net.step.start',
      'net.step.drill',
      'heal everything',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'drill:ended', reason: 'finished' });
    expect(fold(header, events, GAMES)).toEqual(core.state);
  });

  it('marks the noted step of a preset with its id, so that each screen words the note in its language', () => {
    const { core, runUntil } = session();
    core.addBots(0, 4);
    expect(core.startScript(1000, { ...script, id: 'test-preset' })).toEqual({ ok: true, data: null });
    runUntil(46_000);
    const steps = core.state.faultLog.flatMap((e) => (e.step ? [e.step] : []));
    expect(steps.map((s) => s.script ?? null)).toEqual([null, null, 'test-preset']);
    expect(steps.at(-1)).toMatchObject({ index: 2, note: 'heal everything' });
  });

  it('waits while the network is paused, and can be stopped', () => {
    const { core, runUntil } = session();
    core.addBots(0, 4);
    core.startScript(0, script);
    core.pause(10_000);
    runUntil(60_000);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(true);
    core.resume(30_000);
    expect(core.state.drill?.nextAt).toBe(40_000);
    runUntil(40_000);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(false);
    expect(core.stopScript(41_000)).toEqual({ ok: true, data: null });
    runUntil(100_000);
    expect(canReach(core.state.faults, 'n1', 'n4')).toBe(false);
  });

  it('records a step that cannot run, with the reason, and goes on', () => {
    const { core, events, runUntil } = session();
    core.addBots(0, 3);
    core.startScript(0, {
      name: 'x',
      steps: [
        { at: 0, do: 'start', game: 'post' },
        { at: 1, do: 'crash', who: 'leader' },
        { at: 2, do: 'crash', who: 1 },
      ],
    });
    runUntil(5000);
    const steps = events.filter((e) => e.type === 'drill:step');
    expect(steps[1]).toMatchObject({ failed: { code: 'no_leader' } });
    expect(core.state.faults.crashed).toHaveLength(1);
  });

  it('refuses a malformed script and changes nothing', () => {
    const { core, events } = session();
    expect(core.startScript(0, { name: 'x', steps: [{ at: -1, do: 'explode' }] })).toMatchObject({
      ok: false,
      error: { code: 'bad_script' },
    });
    expect(events).toEqual([]);
  });
});
