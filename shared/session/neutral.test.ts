// The recording is language-neutral: what it keeps are codes, params and operations, never a
// sentence, so a session recorded in one language replays in another. Recordings made before
// that (an English `text` on fault changes and drill steps, English end reasons) still fold.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import { PRESET_SCRIPTS } from '../net/script';
import type { SessionEvent } from '../protocol/recordingFormat';
import { SessionCore } from './core';
import { fold } from './fold';
import { makeHeader } from './header';
import { serializeEvent, serializeHeader } from './recording';

function session() {
  const events: SessionEvent[] = [];
  const header = makeHeader({ capacity: 10 });
  const core = SessionCore.create(header, GAMES, (e) => events.push(structuredClone(e)));
  return { core, events, header };
}

/** Every string in a value, with where it is. */
function strings(v: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([at, v]);
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) strings(x, `${at}[${i}]`, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${at}.${k}`, out);
  return out;
}

describe('the recording', () => {
  it('keeps codes, params and operations, never a sentence (faults, drills, script steps, end reasons)', () => {
    const { core, events, header } = session();
    for (const name of ['Ana', 'Ben', 'Chloé', 'Dan']) core.join(0, name);
    expect(core.startRound(10, 'sandbox').ok).toBe(true);
    core.changeFaults(20, {
      op: 'split',
      groups: [
        ['n1', 'n2'],
        ['n3', 'n4'],
      ],
    });
    core.changeFaults(21, { op: 'loss', rate: 0.25 });
    expect(core.drill(30, 'heal').ok).toBe(true);
    // A sandbox has no leader: the script's "crash the leader" step fails, and says why as a code.
    const script = {
      id: 'x',
      name: 'Mine',
      steps: [
        { at: 0, do: 'crash', who: 'leader' },
        { at: 0, do: 'drill', name: 'halves' },
        { at: 0, do: 'stop' },
      ],
    };
    expect(core.startScript(40, script).ok).toBe(true);
    core.startRound(50, 'sandbox');
    core.startRound(60, 'sandbox');
    core.endRound(70);
    core.end(80);

    // The script's own words (its name) and the nicknames are the only text in the file.
    const allowed = new Set(['Ana', 'Ben', 'Chloé', 'Dan', 'Mine']);
    const sentences = events
      .filter((e) => e.type !== 'node:joined' && e.type !== 'drill:started')
      .flatMap((e) => strings(e, `${e.seq} ${e.type}`))
      .filter(([, s]) => /\s/.test(s) && !allowed.has(s));
    expect(sentences).toEqual([]);

    const faults = events.filter((e) => e.type === 'fault:changed');
    expect(faults.map((e) => ('drill' in e ? e.drill : null))).toEqual([null, null, 'heal', 'halves']);
    expect(faults.every((e) => !('text' in e))).toBe(true);
    expect(events.filter((e) => e.type === 'drill:step')).toMatchObject([
      { index: 0, failed: { code: 'no_leader' } },
      { index: 1 },
      { index: 2 },
    ]);
    const reasons = events.flatMap((e) => ('reason' in e && typeof e.reason === 'string' ? [`${e.type}:${e.reason}`] : []));
    expect(reasons).toEqual([
      'round:ended:drill',
      'drill:ended:finished',
      'round:ended:replaced',
      'round:ended:instructor',
      'session:ended:instructor',
    ]);

    // The fold words nothing either: the fault log carries the notices (English text only for logs).
    const state = fold(header, events, GAMES);
    expect(state.faultLog.map((e) => e.notice?.code ?? null)).toEqual([
      'net.fault.split',
      'net.fault.loss',
      'net.fault.heal',
      'net.step.crash_leader',
      'net.fault.split',
      'net.step.drill',
      'net.step.stop',
    ]);
    expect(state.faultLog[0]?.notice?.params).toEqual({ groups: ['A (2)', 'B (2)'], open: 0 });
    expect(state.faultLog[3]).toMatchObject({ step: { index: 0, of: 3 }, failed: { code: 'no_leader' } });
    expect(state.faultLog[4]).toMatchObject({ drill: 'halves' });
    // For logs and programs, an English line as before (a drill's with its name).
    expect(state.faultLog[2]?.text).toBe('Heal partitions: healed every partition');
  });

  it('ships presets with ids, so their names are worded by the reader', () => {
    expect(PRESET_SCRIPTS.every((s) => s.id && /^[a-z0-9-]+$/.test(s.id))).toBe(true);
    expect(new Set(PRESET_SCRIPTS.map((s) => s.id)).size).toBe(PRESET_SCRIPTS.length);
  });

  it('of an older version (English text on fault changes and drill steps) still folds, its text kept and the notice derived', () => {
    const header = makeHeader({ capacity: 4 });
    const lines = [
      serializeHeader(header),
      ...[
        { seq: 1, t: 0, type: 'node:joined', node: 'n1', nickname: 'Ana', kind: 'human' },
        { seq: 2, t: 0, type: 'node:joined', node: 'n2', nickname: 'Ben', kind: 'human' },
        {
          seq: 3,
          t: 5,
          type: 'fault:changed',
          op: { op: 'split', groups: [['n1'], ['n2']] },
          faults: { ...header.faults, partition: { groups: { n2: 'B' }, open: [] } },
          text: 'Split in halves: split into A(1) | B(1)',
        },
        { seq: 4, t: 6, type: 'drill:started', script: { name: 'Old', steps: [{ at: 0, do: 'crash', who: 'leader' }] } },
        { seq: 5, t: 6, type: 'drill:step', index: 0, text: 'crash the leader', error: 'There is no leader to crash right now.' },
        { seq: 6, t: 6, type: 'drill:ended', reason: 'finished' },
      ].map((e) => serializeEvent(e as SessionEvent)),
    ];
    const state = fold(
      header,
      lines.slice(1).map((l) => JSON.parse(l) as SessionEvent),
      GAMES,
    );
    expect(state.faultLog[0]).toMatchObject({ text: 'Split in halves: split into A(1) | B(1)', notice: { code: 'net.fault.split' } });
    expect(state.faultLog[1]).toMatchObject({
      text: 'Drill step 1/1: crash the leader — There is no leader to crash right now.',
      notice: { code: 'net.step.crash_leader' },
      step: { index: 0, of: 1 },
    });
  });
});
