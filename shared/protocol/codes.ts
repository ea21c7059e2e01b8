// Room codes and nicknames as people type them: plain functions with no schema library, so the
// phone's join page can check them without loading zod (./ids re-exports them for everyone else).

/** Room codes avoid characters that look alike on a projector: no 0/O, 1/I/L. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 5;

/** Normalises what a student typed ("abc d2 " → "ABCD2"); returns null if it cannot be a code. */
export function normaliseRoomCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== ROOM_CODE_LENGTH) return null;
  for (const ch of code) if (!ROOM_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export const NICKNAME_MAX = 20;

/**
 * Characters that draw nothing or reorder what follows: zero-width spaces and joiners, the
 * bidirectional marks, embeddings, overrides and isolates (U+202E would turn the rest of a
 * roster backwards), word joiners and invisible operators, the byte-order mark, soft hyphens
 * and the Mongolian vowel separator. They are taken out of every nickname.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** Why a nickname cannot be used: `empty` (nothing visible is left), `too_long` (over NICKNAME_MAX characters), `control` (a control character). */
export type NicknameProblem = 'empty' | 'too_long' | 'control';

/** How many characters a nickname counts as (code points of its cleaned form): what the phone's counter shows. */
export function nicknameLength(input: string): number {
  return [...cleanNickname(input)].length;
}

/** NFC, without invisible and bidirectional control characters, trimmed, spaces collapsed. */
export function cleanNickname(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/**
 * The nickname a node gets, or why not. The name is cleaned (`cleanNickname`) before the
 * length and the uniqueness checks, so "Zoë" typed with a combining diaeresis and "Zoë" typed
 * as one letter are the same name, and a name of only invisible characters is empty.
 */
export function checkNickname(input: string): { ok: true; name: string } | { ok: false; problem: NicknameProblem } {
  const name = cleanNickname(input);
  if (name.length < 1) return { ok: false, problem: 'empty' };
  if ([...name].length > NICKNAME_MAX) return { ok: false, problem: 'too_long' };
  // Control characters (U+0000–U+001F, U+007F–U+009F) would break the roster and the terminal output.
  for (const c of name) {
    const code = c.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { ok: false, problem: 'control' };
  }
  return { ok: true, name };
}

/** The cleaned nickname (see `checkNickname`), or null when it cannot be used. */
export function normaliseNickname(input: string): string | null {
  const r = checkNickname(input);
  return r.ok ? r.name : null;
}
