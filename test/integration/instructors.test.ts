// Instructor rights over real sockets and HTTP: the hand-off code gives a phone rights once,
// guesses get nothing and are soon rate-limited, a revoked phone is cut off at once, and the
// recovery code gives the room key back on a fresh browser (the server keeping neither).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask, connect, startServer, until, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function createRoom() {
  const socket = await connect(server.url);
  const r = await ask(socket, 'console:create', {});
  if (!r.ok) throw new Error(r.error.message);
  return { socket, code: r.data.code as string, key: r.data.key as string, recovery: r.data.recovery as string };
}

// biome-ignore lint/suspicious/noExplicitAny: each answer's data is read as its event's reply
function dataOf(r: { ok: boolean; data?: any; error?: { message: string } }): any {
  if (!r.ok) throw new Error(r.error?.message);
  return r.data;
}

const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';

describe('the instructor’s phone', () => {
  it('a hand-off code gives one phone instructor rights, once; that phone can pause the network', async () => {
    const { socket: console_, code } = await createRoom();
    const handoff = dataOf(await ask(console_, 'console:handoff', {}));
    expect(handoff.url).toMatch(new RegExp(`/remote#room=${code}&token=`));
    expect(handoff.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    const token = tokenOf(handoff.url);

    const phone = await connect(server.url);
    const claimed = await ask(phone, 'remote:claim', { code, token, label: 'Ada’s phone' });
    expect(claimed).toMatchObject({ ok: true, data: { device: 'd1', snapshot: { room: { code } } } });
    expect(await ask(phone, 'console:pause', { paused: true })).toMatchObject({ ok: true });

    // The same code again (a student who photographed the QR code) gets nothing.
    const student = await connect(server.url);
    expect(await ask(student, 'remote:claim', { code, token, label: 'Eve' })).toMatchObject({
      ok: false,
      error: { code: 'handoff_invalid' },
    });
    expect(await ask(student, 'console:pause', { paused: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const s of [console_, phone, student]) s.disconnect();
  });

  it('guessed codes and keys get nothing, and after ten a minute nothing is even checked', async () => {
    const { socket: console_, code, key } = await createRoom();
    await ask(console_, 'console:handoff', {});
    const student = await connect(server.url);
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await ask(student, 'remote:claim', { code, token: `guess-${i}-0123456789abcdef` });
      answers.push(r.ok ? 'ok' : r.error.code);
    }
    expect(answers.slice(0, 9)).toEqual(Array(9).fill('handoff_invalid'));
    expect(answers.slice(10)).toEqual(['rate_limited', 'rate_limited']);
    // Even the right key is not checked from that address for the rest of the minute.
    expect(await ask(student, 'console:attach', { code, key })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    console_.disconnect();
    student.disconnect();
  });

  it('a revoked phone is cut off at once, and its key opens nothing', async () => {
    const { socket: console_, code } = await createRoom();
    let snapshot: { instructors?: { id: string; label: string }[] } | null = null;
    console_.on('console:snapshot', (s) => (snapshot = s));
    const handoff = dataOf(await ask(console_, 'console:handoff', {}));
    const phone = await connect(server.url);
    let revoked = false;
    phone.on('console:revoked', () => (revoked = true));
    const claimed = dataOf(await ask(phone, 'remote:claim', { code, token: tokenOf(handoff.url), label: 'Ada’s phone' }));
    await until(() => snapshot?.instructors?.length === 1, [console_]);
    expect(snapshot).toMatchObject({ instructors: [{ id: 'd1', label: 'Ada’s phone' }] });

    expect(await ask(console_, 'console:revoke', { device: 'd1' })).toMatchObject({ ok: true });
    await until(() => revoked, [phone]);
    expect(await ask(phone, 'console:pause', { paused: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(phone, 'console:attach', { code, key: claimed.key })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(console_, 'console:revoke', { device: 'd1' })).toMatchObject({ ok: false, error: { code: 'unknown_device' } });
    await until(() => snapshot?.instructors?.length === 0, [console_]);
    console_.disconnect();
    phone.disconnect();
  });
});

describe('the recovery code', () => {
  it('gives the room key back on any browser, as typed by a person', async () => {
    const { socket: console_, code, key, recovery } = await createRoom();
    expect(recovery).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}$/);
    const typed = recovery.toLowerCase().replace(/-/g, ' ');
    const res = await fetch(`${server.url}/api/recover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recovery: typed }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { key: string; rooms: { code: string; ended: boolean }[] } };
    expect(body.data.key).toBe(key);
    expect(body.data.rooms).toContainEqual(expect.objectContaining({ code, ended: false }));
    const fresh = await connect(server.url);
    expect(await ask(fresh, 'console:attach', { code, key: body.data.key })).toMatchObject({ ok: true });
    console_.disconnect();
    fresh.disconnect();
  });

  it('a wrong code opens nothing, and guessing is soon refused', async () => {
    await createRoom();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${server.url}/api/recover`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recovery: `ABCDE-FGHJK-MNPQR-STV${String.fromCharCode(65 + (i % 20))}${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
