import { describe, expect, it } from 'vitest';
import { formatRecovery, hashSecret, keyFromRecovery, newRecoveryCode, normaliseRecovery, secretMatches } from './auth';

describe('recovery codes', () => {
  it('are 20 characters of Crockford base32 (100 bits), shown in groups of five', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(formatRecovery(code)).toMatch(/^(\w{5}-){3}\w{5}$/);
    expect(new Set(Array.from({ length: 200 }, newRecoveryCode)).size).toBe(200);
  });

  it('read what a person typed: case, spaces and dashes do not matter, O is 0, I and L are 1', () => {
    const code = 'ABCDE0FGHJ1KMNPQRSTV';
    expect(normaliseRecovery('abcde-ofghj-lkmnp qrstv')).toBe(code);
    expect(normaliseRecovery('abcde-0fghj-ikmnp-qrstv')).toBe(code);
    expect(normaliseRecovery('ABCDE')).toBeNull();
    expect(normaliseRecovery('ABCDE-0FGHJ-1KMNP-QRSTU')).toBeNull();
  });

  it('give back the room key, of which the server keeps only the hash', () => {
    const code = newRecoveryCode();
    const key = keyFromRecovery(code);
    expect(key).toHaveLength(32);
    expect(keyFromRecovery(code)).toBe(key);
    expect(secretMatches(key, hashSecret(keyFromRecovery(normaliseRecovery(formatRecovery(code).toLowerCase()) ?? '')))).toBe(true);
    expect(keyFromRecovery(newRecoveryCode())).not.toBe(key);
  });
});
