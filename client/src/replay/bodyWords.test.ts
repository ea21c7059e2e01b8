// What the replay shows of a message's body: for every kind each game sends, in every
// language, words with nicknames — never a node id, never raw data. Bodies come from real
// rounds played by bots on virtual time (the session core, as a recording has them).

import { describe, expect, it } from 'vitest';
import { GAMES } from '../../../test/support/games';
import { makeHeader } from '../../../shared/session/header';
import { SessionCore } from '../../../shared/session/core';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';
import en from '../i18n/messages/en';
import es from '../i18n/messages/es';
import fr from '../i18n/messages/fr';
import { createTranslator } from '../i18n/translate';
import { GAME_UIS } from '../games';
import { bodyLines } from './bodyWords';

/** Node ids as the protocol names them: never in words a person reads (as the e2e scan). */
const NODE_ID = /\bn\d+\b/;

/** A game, its settings, and whether its raw bodies hold node ids (paths, writers, counters' shares): then the words must have replaced them. */
const ROUNDS: [string, Record<string, unknown>, boolean][] = [
  ['sandbox', { chatterMs: 100, botDelayMs: 10 }, false],
  ['election', { pace: 'fast' }, false],
  ['gossip', { mode: 'push', roundMs: 300, botDelayMs: 10, botJitterMs: 10 }, false],
  ['gossip', { mode: 'push-pull', roundMs: 300, botDelayMs: 10, botJitterMs: 10 }, false],
  ['gossip', { mode: 'highest-card', roundMs: 300, botDelayMs: 10, botJitterMs: 10 }, false],
  ['byzantine', { m: 1, traitors: 1, phaseMs: 500, botDelayMs: 10 }, true],
  ['byzantine', { m: 2, signed: true, traitors: 2, commanderTraitor: true, phaseMs: 500, botDelayMs: 10 }, true],
  ['cart', { mode: 'lww', botEveryMs: 200, botJitterMs: 100, syncMs: 300 }, true],
  ['cart', { mode: 'crdt', botEveryMs: 200, botJitterMs: 100, syncMs: 300 }, true],
  ['cart', { mode: 'quorum', botEveryMs: 200, botJitterMs: 100, syncMs: 300, quorumTimeoutMs: 200 }, false],
];

/** At most this many envelopes of each kind are worded (a round sends thousands of the same shape). */
const PER_KIND = 60;

/** Plays a round of `game` with six bots for up to 10 virtual seconds; returns the envelopes sent and the nicknames. */
function play(game: string, config: Record<string, unknown>) {
  const events: SessionEvent[] = [];
  const core = SessionCore.create(makeHeader({ seed: 3 }), GAMES, (e) => events.push(e));
  core.addBots(0, 6);
  core.changeFaults(0, { op: 'loss', rate: 0.1 });
  const r = core.startRound(0, game, config);
  if (!r.ok) throw new Error(r.error.message);
  for (let at = core.nextWakeAt(); at !== null && at <= 10_000 && core.state.round; at = core.nextWakeAt()) core.advance(at);
  const names = new Map(Object.values(core.state.nodes).map((n) => [n.id, n.nickname]));
  const perKind = new Map<string, number>();
  const sent = events.flatMap((e) => {
    if (e.type !== 'envelope:sent') return [];
    const n = perKind.get(e.env.kind) ?? 0;
    perKind.set(e.env.kind, n + 1);
    return n < PER_KIND ? [e.env] : [];
  });
  return { sent, names };
}

describe('replay: a message body in words', () => {
  for (const [game, config, rawIds] of ROUNDS) {
    it(`${game} ${JSON.stringify(config)}: every kind sent is worded in en, es and fr, with nicknames and no node id`, () => {
      const { sent, names } = play(game, config);
      const kinds = new Set(sent.map((e) => e.kind));
      expect(sent.length).toBeGreaterThan(5);
      // Not vacuous: where the bodies themselves hold node ids, the words must have named them otherwise.
      if (rawIds) expect(JSON.stringify(sent.map((e) => e.body))).toMatch(NODE_ID);
      for (const [lang, messages] of [
        ['en', en],
        ['es', es],
        ['fr', fr],
      ] as const) {
        const t = createTranslator(lang, messages);
        for (const env of sent) {
          const words = GAME_UIS[game]?.messageBody?.(env.kind, env.body, t, (id) => names.get(id) ?? '?', env);
          expect(words, `${lang} ${env.kind} ${JSON.stringify(env.body)}`).not.toBeNull();
          const lines = bodyLines(t, env, names);
          for (const line of lines) {
            expect(line, `${lang} ${env.kind} ${JSON.stringify(env.body)}`).not.toMatch(NODE_ID);
            expect(line).not.toMatch(/undefined|NaN|\{|\}|"/);
          }
          expect(lines.join('').length).toBeGreaterThan(3);
        }
      }
      expect(kinds.size).toBeGreaterThan(0);
    });
  }

  it('a body no game words is shown as data, with every node id (as a value or a key) replaced by its nickname', () => {
    const t = createTranslator('en', en);
    const names = new Map([
      ['n1', 'Ana'],
      ['n2', 'Ben'],
    ]);
    const [line = ''] = bodyLines(t, { kind: 'future:thing', from: 'n1', to: 'n2', body: { who: 'n2', votes: { n1: 3 } } }, names);
    expect(line).toContain('"who": "Ben"');
    expect(line).toContain('"Ana": 3');
    expect(line).not.toMatch(NODE_ID);
  });

  it("[S7] the sandbox words a bot's hello and its echoes by nickname, in the reader's language", () => {
    const names = new Map([
      ['n1', 'Ana'],
      ['n2', 'Ben'],
    ]);
    const words = (lang: 'en' | 'fr', body: unknown, from = 'n1', to = 'n2') =>
      bodyLines(createTranslator(lang, lang === 'en' ? en : fr), { kind: 'sandbox:text', from, to, body }, names);
    expect(words('en', { text: 'hello', bot: 'hello' })).toEqual(['Text: “Hello from Ana!”']);
    expect(words('en', { text: 'echo: hello', bot: 'echo-hello' }, 'n2', 'n1')).toEqual(['Text: “echo: Hello from Ana!”']);
    expect(words('fr', { text: 'echo: hi', bot: 'echo' })).toEqual(['Texte : « écho : hi »']);
  });
});
