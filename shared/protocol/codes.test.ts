import { describe, expect, it } from 'vitest';
import { checkNickname, nicknameLength, NICKNAME_MAX, normaliseRoomCode } from './codes';

describe('nicknames', () => {
  it('are trimmed, spaces collapsed, NFC-normalised', () => {
    expect(checkNickname('  Ada   Lovelace ')).toEqual({ ok: true, name: 'Ada Lovelace' });
    // "Zoë" with a combining diaeresis becomes the one-letter ë.
    expect(checkNickname('Zoe\u0308')).toEqual({ ok: true, name: 'Zo\u00eb' });
  });

  it('lose invisible and bidirectional control characters; nothing visible left is empty', () => {
    expect(checkNickname('\u202e')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNickname('\u200b\u200d \ufeff\u2066')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNickname('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkNickname('Ana\u202eniam')).toEqual({ ok: true, name: 'Ananiam' });
    expect(checkNickname('Bo\u00adb')).toEqual({ ok: true, name: 'Bob' });
  });

  it(`over ${NICKNAME_MAX} characters is refused as too long, not cut`, () => {
    expect(checkNickname('a'.repeat(NICKNAME_MAX))).toMatchObject({ ok: true });
    expect(checkNickname('Maximilianoxavierjuan')).toEqual({ ok: false, problem: 'too_long' });
    expect(checkNickname('a'.repeat(25))).toEqual({ ok: false, problem: 'too_long' });
    // Characters are code points: 20 emoji fit, invisible ones do not count.
    expect(checkNickname('😀'.repeat(20))).toMatchObject({ ok: true });
    expect(nicknameLength(`${'b'.repeat(20)}\u200b`)).toBe(20);
  });

  it('refuses control characters', () => {
    expect(checkNickname('a\u0007b')).toEqual({ ok: false, problem: 'control' });
    expect(checkNickname('a\u0085b')).toEqual({ ok: false, problem: 'control' });
  });
});

describe('room codes', () => {
  it('are read as typed', () => {
    expect(normaliseRoomCode(' k7qx3 ')).toBe('K7QX3');
    expect(normaliseRoomCode('K7-QX3')).toBe('K7QX3');
    expect(normaliseRoomCode('K0QX3')).toBeNull();
  });
});
