// Identifiers shared by every layer.

/** A node's id in its room: "n1", "n2"… in join order, stable for the whole session. */
export type NodeId = string;

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
  // Control characters would break the roster and the terminal output.
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}
