import { describe, expect, it } from 'vitest';
import { Ghost, GhostDirectory } from './ghosts';

describe('GhostDirectory.onlyHere', () => {
  const setup = () => {
    const dir = new GhostDirectory('me');
    const ghost = (id: string, origin: string) => {
      const g = new Ghost(id, origin, '127.0.0.1', dir, () => {});
      dir.register(g);
      return g;
    };
    return { dir, ghost };
  };

  it('is true for a channel whose sockets are all connected to this process, or that has none', () => {
    const { dir, ghost } = setup();
    expect(dir.onlyHere('c:ROOM')).toBe(true);
    ghost('s1', 'me').join('c:ROOM');
    ghost('s2', 'me').join(['c:ROOM', 'r:ROOM']);
    expect(dir.onlyHere('c:ROOM')).toBe(true);
    expect(dir.onlyHere('r:ROOM')).toBe(true);
  });

  it('is false once one socket of the channel is connected to another process, and true again when it leaves', () => {
    const { dir, ghost } = setup();
    ghost('s1', 'me').join('r:ROOM');
    const far = ghost('s2', 'other');
    far.join('r:ROOM');
    expect(dir.onlyHere('r:ROOM')).toBe(false);
    far.leave('r:ROOM');
    expect(dir.onlyHere('r:ROOM')).toBe(true);
    far.join('r:ROOM');
    far.end();
    expect(dir.onlyHere('r:ROOM')).toBe(true);
  });
});
