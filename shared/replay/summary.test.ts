import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../protocol/recordingFormat';
import { parseRecording } from '../session/recording';
import { RecordingIndex } from './recordingIndex';
import { RecordingSummarizer, summarizeRecording } from './summary';
import { GAMES } from '../../test/support/games';
import { synthesize } from '../../test/support/synthetic';

describe('the recording summary', () => {
  it('counts events, nodes that joined, rounds and games in order of first play, and the last event time', () => {
    const round = (index: number, game: string) => ({ index, game, config: {}, seed: 1, nodes: ['n1', 'n2'] });
    const events: SessionEvent[] = [
      { seq: 1, t: 0, type: 'node:joined', node: 'n1', nickname: 'Ada', kind: 'human' },
      { seq: 2, t: 3, type: 'node:joined', node: 'n2', nickname: 'Grace', kind: 'bot' },
      { seq: 3, t: 5, type: 'node:disconnected', node: 'n1' },
      { seq: 4, t: 9, type: 'round:started', round: round(1, 'gossip') },
      { seq: 5, t: 20, type: 'round:ended', index: 1, reason: 'stopped', result: null },
      { seq: 6, t: 21, type: 'round:started', round: round(2, 'election') },
      { seq: 7, t: 30, type: 'round:ended', index: 2, reason: 'stopped', result: null },
      { seq: 8, t: 31, type: 'round:started', round: round(3, 'gossip') },
    ];
    expect(summarizeRecording({ events, torn: true })).toEqual({
      events: 8,
      durationMs: 31,
      games: ['gossip', 'election'],
      nodes: 2,
      rounds: 3,
      torn: true,
    });
    expect(summarizeRecording({ events: [], torn: false })).toEqual({
      events: 0,
      durationMs: 0,
      games: [],
      nodes: 0,
      rounds: 0,
      torn: false,
    });
  });

  it('is what the replay index says, and the same whether given the events at once or one at a time', () => {
    const parsed = parseRecording(synthesize({ events: 2_000, nodes: 7, loss: 0.1, splitEveryMs: 300, seed: 5 }).text);
    const index = RecordingIndex.from(parsed, GAMES);
    const summary = summarizeRecording(parsed);
    expect(index.summary()).toEqual(summary);
    expect(summary).toMatchObject({ events: index.count, nodes: index.nodes.length, rounds: index.rounds.length, games: ['sandbox'] });
    expect(summary.durationMs).toBe(index.times[index.count - 1]);
    const oneByOne = new RecordingSummarizer();
    for (const e of parsed.events) oneByOne.add(e);
    expect(oneByOne.result(parsed.torn)).toEqual(summary);
  });
});
