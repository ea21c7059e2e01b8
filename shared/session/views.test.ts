import { describe, expect, it } from 'vitest';
import { GAMES } from '../../test/support/games';
import { SessionCore } from './core';
import { makeHeader } from './header';
import { consoleSnapshot, nodeView } from './views';

describe('views share what did not change', () => {
  it("a node's you, room and round parts, and a console's lines, are the same frozen objects until what they show changes", () => {
    const core = SessionCore.create(makeHeader({}), GAMES, () => {});
    core.join(0, 'Ada');
    core.join(0, 'Grace');
    expect(core.startRound(1, 'sandbox', {})).toMatchObject({ ok: true });
    const a = nodeView(core.state, 'n1', GAMES)!;
    const b = nodeView(core.state, 'n1', GAMES)!;
    const grace = nodeView(core.state, 'n2', GAMES)!;
    expect(b.you).toBe(a.you);
    expect(b.room).toBe(a.room);
    expect(grace.room).toBe(a.room);
    expect(b.round).toBe(a.round);
    expect(grace.round).toBe(a.round);
    expect(Object.isFrozen(a.you) && Object.isFrozen(a.room) && Object.isFrozen(a.round)).toBe(true);
    const s1 = consoleSnapshot(core.state, GAMES);
    expect(consoleSnapshot(core.state, GAMES).nodes[0]).toBe(s1.nodes[0]);
    // A change shows at once, in a new object; the others stay shared.
    core.setAutopilot(2, 'n1', true);
    core.lock(3, true);
    core.connected(4, 'n1', false);
    const c = nodeView(core.state, 'n1', GAMES)!;
    expect(c.you).not.toBe(a.you);
    expect(c.you).toEqual({ ...a.you, autopilot: true });
    expect(c.room).toEqual({ ...a.room, locked: true });
    expect(a.room.locked).toBe(false);
    expect(nodeView(core.state, 'n2', GAMES)!.you).toBe(grace.you);
    const s2 = consoleSnapshot(core.state, GAMES);
    expect(s2.nodes[0]).toMatchObject({ id: 'n1', autopilot: true, connected: false, since: 4 });
    expect(s2.nodes[1]).toBe(s1.nodes[1]);
    // The sandbox's counters in the console's picture: shared until they change.
    const view = (s: ReturnType<typeof consoleSnapshot>) => s.round?.view as { perNode: Record<string, object> };
    expect(view(s2).perNode.n2).toBe(view(s1).perNode.n2);
    core.act(5, 'n2', { type: 'send', to: ['n1'], text: 'hi' });
    const s3 = consoleSnapshot(core.state, GAMES);
    expect(view(s3).perNode.n2).toEqual({ sent: 1, received: 0 });
    expect(view(s3).perNode.n1).toBe(view(s1).perNode.n1);
  });
});
