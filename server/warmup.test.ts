// The warm-up `npm start` plays before it listens: a real room, in memory only.

import { describe, expect, it } from 'vitest';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames } from '../shared/games/types';
import { loadConfig } from './config';
import { warmUp, warmUpBeforeListening } from './warmup';

describe('warmUp', () => {
  it('plays the messages it is asked for through a room, each answered ok, and the room sends views and patches', async () => {
    const r = await warmUp(createGames([sandboxGame]), { nodes: 5, messages: 120 });
    expect(r.messages).toBe(120);
    // The paths a class's messages take: receivers' view patches (a sender's rides in its answer),
    // and the console's patches and message events.
    expect(r.sent['node:patch']).toBeGreaterThan(24);
    expect(r.sent['console:patch']).toBeGreaterThan(0);
    expect(r.sent['console:events']).toBeGreaterThan(0);
  });

  it('fails loudly when the room refuses (a game it does not have)', async () => {
    await expect(warmUp(createGames([]), { nodes: 2, messages: 10 })).rejects.toThrow(/warm-up/);
  });

  it('does not stop the server from starting when it fails: it is reported and skipped', async () => {
    await expect(warmUpBeforeListening({ ...loadConfig({}), warmUpMessages: 10 }, createGames([]))).resolves.toBeUndefined();
  });

  it('is on by default and off with WARM_UP_MESSAGES=0', () => {
    expect(loadConfig({}).warmUpMessages).toBe(3000);
    expect(loadConfig({ WARM_UP_MESSAGES: '0' }).warmUpMessages).toBe(0);
    expect(() => loadConfig({ WARM_UP_MESSAGES: '1000000' })).toThrow(/WARM_UP_MESSAGES/);
  });
});
