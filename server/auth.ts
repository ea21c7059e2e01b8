// Secrets: the instructor key and the nodes' resume tokens. Only their sha-256 is stored or
// recorded; comparisons are constant-time.

import { createHash, timingSafeEqual } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../shared/protocol/ids';

export const newRoomCode = customAlphabet(ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH);
export const newSecret = (): string => nanoid(32);
export const newSessionId = (): string => nanoid(12);

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Two sha-256 hashes (hex) compared in constant time; anything that is not such a hash is unequal. */
export function hashesEqual(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(a) || !/^[0-9a-f]{64}$/i.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** True when `secret` hashes to `expectedHash`, compared in constant time. */
export function secretMatches(secret: string, expectedHash: string): boolean {
  return hashesEqual(hashSecret(secret), expectedHash);
}
