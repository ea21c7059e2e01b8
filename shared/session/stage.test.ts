// What the projector stage is sent holds no secret until the instructor reveals it: no round
// settings, no message contents, no marks, no roles, words or cards. Whole rounds are played
// with bots, and the stage's picture and event stream are checked after every step.

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import type { SessionEvent } from '../protocol/recordingFormat';
import type { StageSnapshot } from '../protocol/views';
import { SessionCore } from './core';
import { makeHeader } from './header';
import { stageEvents, stageSnapshot } from './stage';

/** Keys that name roles, carry the console's tables or a round's settings. */
const FORBIDDEN = new Set([
  'traitors',
  'traitor',
  'commanderTraitor',
  'ic2',
  'decisions',
  'config',
  'word',
  'topCard',
  'rows',
  'orders',
  'votedFor',
]);

function leaks(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(FORBIDDEN.has(k) ? [`${path}.${k}`] : []), ...leaks(v, `${path}.${k}`)]);
}

/**
 * Plays a round of `game` with bots to its end (or ends it at `until` ms); calls `check` after
 * every step with what was recorded in it.
 */
function play(
  game: string,
  config: Record<string, unknown>,
  bots: number,
  check: (snap: StageSnapshot, events: SessionEvent[], core: SessionCore) => void,
  until = 600_000,
) {
  const recorded: SessionEvent[] = [];
  const core = SessionCore.create(makeHeader({ seed: 7 }), GAMES, (e) => recorded.push(structuredClone(e)));
  core.addBots(0, bots);
  core.changeFaults(0, { op: 'latency', base: 20, jitter: 40 });
  const started = core.startRound(0, game, config);
  if (!started.ok) throw new Error(started.error.message);
  let steps = 0;
  for (let at = core.nextWakeAt(); at !== null && at < until && core.state.round; at = core.nextWakeAt()) {
    core.advance(at);
    check(stageSnapshot(core.state, GAMES, false, at), stageEvents(recorded.splice(0)), core);
    steps++;
  }
  if (core.state.round) {
    core.endRound(until);
    check(stageSnapshot(core.state, GAMES, false, until), stageEvents(recorded.splice(0)), core);
  }
  expect(core.state.round, 'the round ended').toBeNull();
  return { core, steps };
}

function checkEvents(events: SessionEvent[]) {
  for (const e of events) {
    expect(['envelope:sent', 'envelope:delivered', 'envelope:dropped', 'net:paused', 'net:resumed', 'round:ended']).toContain(e.type);
    if (e.type === 'envelope:sent') expect(e.env.body).toBeNull();
    if (e.type === 'round:ended') expect(e.result).toBeNull();
  }
}

describe('the projector stage', () => {
  it('Byzantine: no traitor, decision or IC2 reaches the stage before the reveal; the reveal shows them', () => {
    const { core, steps } = play(
      'byzantine',
      { traitors: 2, commanderTraitor: true, strategy: 'split', phaseMs: 2_000, botDelayMs: 10 },
      6,
      (snap, events) => {
        expect(leaks(snap)).toEqual([]);
        expect((snap.round?.view ?? snap.verdict?.view) as { secret: unknown }).toMatchObject({ secret: null });
        checkEvents(events);
      },
    );
    expect(steps).toBeGreaterThan(20);
    const hidden = stageSnapshot(core.state, GAMES, false);
    expect(hidden.verdict?.view).toMatchObject({ game: 'byzantine', ic1: expect.any(Boolean), secret: null });
    const shown = stageSnapshot(core.state, GAMES, true);
    const traitors = (core.state.lastRound?.engineState as { traitors: string[] } | undefined)?.traitors;
    expect(traitors).toHaveLength(2);
    expect(shown.verdict?.view).toMatchObject({ secret: { traitors, commanderTraitor: true } });
  });

  it('gossip: the secret word is on no stage picture or message before the reveal', () => {
    const word = 'pineapple';
    const { core } = play('gossip', { word, roundMs: 500, botDelayMs: 10, botJitterMs: 10 }, 8, (snap, events) => {
      expect(JSON.stringify(snap)).not.toContain(word);
      expect(JSON.stringify(events)).not.toContain(word);
      expect(leaks(snap)).toEqual([]);
      checkEvents(events);
    });
    expect(JSON.stringify(stageSnapshot(core.state, GAMES, true))).toContain(word);
  });

  it("gossip, highest card: nobody's card is on the stage before the reveal", () => {
    play('gossip', { mode: 'highest-card', roundMs: 500, botDelayMs: 10, botJitterMs: 10 }, 6, (snap) => {
      const view = (snap.round?.view ?? snap.verdict?.view) as { perNode: Record<string, { best: string | null }>; secret: unknown };
      for (const n of Object.values(view.perNode)) expect(n.best).toBeNull();
      expect(view.secret).toBeNull();
    });
  });

  it('election: roles and terms show (they are the lesson), votes and settings do not', () => {
    const { steps } = play(
      'election',
      { pace: 'fast' },
      5,
      (snap, events) => {
        expect(leaks(snap)).toEqual([]);
        checkEvents(events);
      },
      3_000,
    );
    expect(steps).toBeGreaterThan(20);
  });

  it('lists active nodes only, and the verdict only while no round runs', () => {
    const core = SessionCore.create(makeHeader({ seed: 1 }), GAMES, () => {});
    core.addBots(0, 3);
    core.kick(0, 'n3');
    expect(stageSnapshot(core.state, GAMES, false).nodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    core.startRound(1, 'sandbox', {});
    expect(stageSnapshot(core.state, GAMES, false)).toMatchObject({ verdict: null, round: { game: 'sandbox', index: 1 } });
    core.endRound(2);
    expect(stageSnapshot(core.state, GAMES, false)).toMatchObject({ round: null, verdict: { game: 'sandbox', index: 1 }, rounds: 1 });
  });
});
