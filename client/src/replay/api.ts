// The recordings endpoints (docs/PROTOCOL.md, "Recordings"). The instructor keys stay in this
// browser (the console keeps them); a share token is the one secret a student's link carries.

import type { ErrorInfo } from '../../../shared/protocol/result';
import { savedRooms } from '../console/useConsoleSession';
import type { RecordingEntry } from '../../../shared/protocol/recordings';

export type { RecordingEntry };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

const SHARES_KEY = 'human-cluster:shares';

async function call<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, init);
    const body = (await res.json().catch(() => null)) as ApiResult<T> | null;
    if (body && typeof body === 'object' && 'ok' in body) return body;
    return { ok: false, error: { code: 'http', message: `The server answered ${res.status}.`, params: { status: res.status } } };
  } catch {
    return { ok: false, error: OFFLINE };
  }
}

const OFFLINE: ErrorInfo = { code: 'offline', message: 'The server cannot be reached. Check the Wi-Fi and try again.' };

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

/** The instructor keys this browser keeps (the console saved them when it created rooms). */
export function instructorKeys(): string[] {
  return savedRooms().map((r) => r.key);
}

/** The key of a recording's room, if this browser created it. */
export function keyForRoom(code: string): string | undefined {
  return savedRooms().find((r) => r.code === code)?.key;
}

export function listRecordings(keys: string[]): Promise<ApiResult<RecordingEntry[]>> {
  return call('/api/recordings/list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ keys }) });
}

export function deleteRecording(session: string, key: string): Promise<ApiResult<null>> {
  return call(`/api/recordings/${encodeURIComponent(session)}`, { method: 'DELETE', headers: bearer(key) });
}

export async function shareRecording(session: string, key: string): Promise<ApiResult<{ token: string; url: string; shares: number }>> {
  const r = await call<{ token: string; url: string; shares: number }>(`/api/recordings/${encodeURIComponent(session)}/share`, {
    method: 'POST',
    headers: bearer(key),
  });
  if (r.ok) rememberShare(session, r.data.url);
  return r;
}

export async function unshareRecording(session: string, key: string): Promise<ApiResult<null>> {
  const r = await call<null>(`/api/recordings/${encodeURIComponent(session)}/share`, { method: 'DELETE', headers: bearer(key) });
  if (r.ok) forgetShare(session);
  return r;
}

/** Share links this browser made (the server keeps only their hashes, so it cannot show them again). */
export function savedShares(): Record<string, string> {
  try {
    const data = JSON.parse(localStorage.getItem(SHARES_KEY) ?? '{}') as unknown;
    return data && typeof data === 'object' ? (data as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function rememberShare(session: string, url: string): void {
  localStorage.setItem(SHARES_KEY, JSON.stringify({ ...savedShares(), [session]: url }));
}

function forgetShare(session: string): void {
  const all = savedShares();
  delete all[session];
  localStorage.setItem(SHARES_KEY, JSON.stringify(all));
}

/**
 * Downloads a recording's file with a key or a share token, reporting progress. The answer
 * is kept as a Blob (outside the JS heap) so "Download" can save exactly these bytes.
 */
export async function fetchRecording(
  session: string,
  secret: string,
  onProgress: (received: number, total: number | null) => void,
): Promise<ApiResult<{ blob: Blob; access: 'owner' | 'share' }>> {
  let res: Response;
  try {
    res = await fetch(`/api/recordings/${encodeURIComponent(session)}`, { headers: bearer(secret) });
  } catch {
    return { ok: false, error: OFFLINE };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiResult<never> | null;
    return body && !body.ok
      ? body
      : { ok: false, error: { code: 'http', message: `The server answered ${res.status}.`, params: { status: res.status } } };
  }
  const total = Number(res.headers.get('content-length')) || null;
  const access = res.headers.get('x-recording-access') === 'owner' ? 'owner' : 'share';
  if (!res.body) return { ok: true, data: { blob: await res.blob(), access } };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  return { ok: true, data: { blob: new Blob(chunks as BlobPart[]), access } };
}

/** Saves bytes as a file through the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function recordingFileName(room: string, startedAt: string): string {
  return `human-cluster-${room}-${startedAt
    .slice(0, 16)
    .replace(/[^0-9T-]/g, '-')
    .replace('T', '_')}.jsonl`;
}
