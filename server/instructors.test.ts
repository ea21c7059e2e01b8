import { describe, expect, it } from 'vitest';
import { hashSecret } from './auth';
import { HANDOFF_MS, InstructorAccess } from './instructors';

function setup() {
  const clock = { t: 1_000_000 };
  const access = new InstructorAccess(hashSecret('the-room-key-0123456789'), () => clock.t);
  return { clock, access };
}

describe('instructor rights', () => {
  it('the room key is the owner; anything else is nobody', () => {
    const { access } = setup();
    expect(access.who('the-room-key-0123456789')).toEqual({ kind: 'owner' });
    expect(access.who('the-room-key-012345678X')).toBeNull();
  });

  it('a hand-off code gives a phone a key of its own, once', () => {
    const { access } = setup();
    const { token } = access.handoff();
    const first = access.claim(token, 'Ada’s phone');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(access.who(first.data.key)).toEqual({ kind: 'device', id: first.data.device.id });
    expect(access.list()).toEqual([{ id: first.data.device.id, label: 'Ada’s phone', since: 1_000_000 }]);
    // Used: a second scan (a student who photographed it) gets nothing.
    expect(access.claim(token, 'Eve')).toMatchObject({ ok: false, error: { code: 'handoff_invalid' } });
    expect(access.list()).toHaveLength(1);
  });

  it('an expired hand-off code gives nothing', () => {
    const { clock, access } = setup();
    const { token, expiresAt } = access.handoff();
    expect(expiresAt - clock.t).toBe(HANDOFF_MS);
    expect(HANDOFF_MS).toBeLessThanOrEqual(60_000);
    clock.t += HANDOFF_MS;
    expect(access.claim(token, 'late')).toMatchObject({ ok: false, error: { code: 'handoff_invalid' } });
    expect(access.list()).toEqual([]);
  });

  it('a guessed code gives nothing', () => {
    const { access } = setup();
    access.handoff();
    for (let i = 0; i < 50; i++) expect(access.claim(`guess-${i}-abcdefghijklmnop`, 'guess').ok).toBe(false);
    expect(access.list()).toEqual([]);
  });

  it('a revoked device loses its rights; the others keep theirs', () => {
    const { access } = setup();
    const a = access.claim(access.handoff().token, 'A');
    const b = access.claim(access.handoff().token, 'B');
    if (!a.ok || !b.ok) throw new Error('claims failed');
    expect(access.revoke(a.data.device.id)).toBe(true);
    expect(access.who(a.data.key)).toBeNull();
    expect(access.who(b.data.key)).toMatchObject({ kind: 'device' });
    expect(access.revoke(a.data.device.id)).toBe(false);
  });

  it('keeps at most three hand-off codes waiting: a fourth drops the oldest', () => {
    const { access } = setup();
    const first = access.handoff().token;
    access.handoff();
    access.handoff();
    const fourth = access.handoff().token;
    expect(access.claim(first, 'x').ok).toBe(false);
    expect(access.claim(fourth, 'y').ok).toBe(true);
  });
});
