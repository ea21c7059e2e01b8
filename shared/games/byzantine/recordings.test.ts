// Byzantine rounds recorded before the engine's relay rules changed — loyal lieutenants relayed
// by a server timer (`byzantine:relay:<node>`); now they press Send, in oral and in signed
// rounds — still fold, in the replay and after a restart, to the result they had when played.
// The fixture holds four bot rounds (OM(1) n=4, OM(2) n=7, SM(2) n=5 with a traitor commander,
// SM(2) n=7 with random traitors) recorded through the session core at commit d18bee6.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RecordingHeader, SessionEvent } from '../../protocol/recordingFormat';
import { fold } from '../../session/fold';
import { GAMES } from '../../../test/support/games';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/byzantine-rounds-d18bee6.jsonl');
const rounds = readFileSync(fixture, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { header: RecordingHeader; events: SessionEvent[]; result: unknown });

describe('Byzantine recordings made with the earlier relay rules', () => {
  it.each(rounds.map((r, i) => [i, r] as const))('round %i folds to the result it had when played', (_, r) => {
    // The old rounds did relay through the server's timer: the fixture really is of the old rules.
    const serverRelays = r.events.filter((e) => e.type === 'timer:fired' && e.key.startsWith('byzantine:relay:'));
    expect(serverRelays.length).toBeGreaterThan(0);
    const state = fold(r.header, r.events, GAMES);
    expect(state.rounds).toHaveLength(1);
    expect(state.rounds[0]?.result).toEqual(r.result);
  });
});
