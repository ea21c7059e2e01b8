// Who holds instructor rights in a room. The room key (the browser that created the room, or
// any browser its recovery code was typed into) always does. A phone gets rights of its own by
// scanning a hand-off QR code: single-use, valid for HANDOFF_MS; the phone is then a "device"
// with its own secret, listed on the console and revocable there. Only hashes are kept. Devices
// live as long as the server process: after a restart the room key still works, phones scan again.

import { fail, ok, type Result } from '../shared/protocol/result';
import { hashSecret, newSecret, secretMatches } from './auth';

/** How long a hand-off QR code can be claimed (ms). */
export const HANDOFF_MS = 60_000;
/** Hand-off codes waiting at once; an older one is dropped for a new one. */
const HANDOFFS_MAX = 3;
/** Devices a room lets hold rights besides its key. */
const DEVICES_MAX = 10;

import type { InstructorDevice } from '../shared/protocol/views';

/** Who a key belongs to: the room key's holder, or a device. */
export type Holder = { kind: 'owner' } | { kind: 'device'; id: string };

export class InstructorAccess {
  private readonly handoffs = new Map<string, number>();
  private readonly devices = new Map<string, InstructorDevice & { hash: string }>();
  private next = 1;

  constructor(
    private readonly keyHash: string,
    private readonly now: () => number,
  ) {}

  who(key: string): Holder | null {
    if (secretMatches(key, this.keyHash)) return { kind: 'owner' };
    for (const d of this.devices.values()) if (secretMatches(key, d.hash)) return { kind: 'device', id: d.id };
    return null;
  }

  /** A new single-use hand-off code. */
  handoff(): { token: string; expiresAt: number } {
    this.prune();
    while (this.handoffs.size >= HANDOFFS_MAX) {
      const oldest = this.handoffs.keys().next().value;
      if (oldest === undefined) break;
      this.handoffs.delete(oldest);
    }
    const token = newSecret();
    const expiresAt = this.now() + HANDOFF_MS;
    this.handoffs.set(hashSecret(token), expiresAt);
    return { token, expiresAt };
  }

  /** A phone claims a hand-off code: it becomes a device with a key of its own. Used or expired: refused. */
  claim(token: string, label: string): Result<{ device: InstructorDevice; key: string }> {
    this.prune();
    const hash = hashSecret(token);
    if (!this.handoffs.has(hash))
      return fail('handoff_invalid', 'This code has expired or was already used. Ask for a new one on the console.');
    this.handoffs.delete(hash);
    if (this.devices.size >= DEVICES_MAX)
      return fail('handoff_invalid', 'Too many devices hold instructor rights in this room: revoke one first.');
    const key = newSecret();
    const device = { id: `d${this.next++}`, label: label.trim().slice(0, 40) || 'Phone', since: this.now() };
    this.devices.set(device.id, { ...device, hash: hashSecret(key) });
    return ok({ device, key });
  }

  revoke(id: string): boolean {
    return this.devices.delete(id);
  }

  list(): InstructorDevice[] {
    return [...this.devices.values()].map(({ id, label, since }) => ({ id, label, since }));
  }

  private prune(): void {
    const now = this.now();
    for (const [hash, at] of this.handoffs) if (at <= now) this.handoffs.delete(hash);
  }
}
