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

/** Trims and collapses spaces; null when the result is empty or too long. */
export function normaliseNickname(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || [...name].length > NICKNAME_MAX) return null;
  // Control characters (U+0000–U+001F, U+007F) would break the roster and the terminal output.
  for (const c of name) {
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return null;
  }
  return name;
}
