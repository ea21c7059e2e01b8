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

/**
 * Recovery codes: 20 characters of Crockford's base32 (100 random bits), shown in groups of five
 * for the instructor to write down. The room's instructor key is derived from its recovery code
 * (`keyFromRecovery`), so the server stores neither: only the key's sha-256, as for every room.
 * Whoever types the code gets the key back (on any browser); guessing 100 bits is hopeless, and
 * the server rate-limits tries anyway.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newRecoveryCode = customAlphabet(CROCKFORD, 20);

/** What a person typed, as the code: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export function normaliseRecovery(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(code) ? code : null;
}

/** "ABCDE-FGHJK-MNPQR-STVWX" */
export function formatRecovery(code: string): string {
  return code.replace(/(.{5})(?=.)/g, '$1-');
}

/** The room's instructor key, from its recovery code (normalised). */
export function keyFromRecovery(code: string): string {
  return createHash('sha256').update(`human-cluster instructor key:${code}`, 'utf8').digest('base64url').slice(0, 32);
}
