// The browser's side of the protocol: a typed Socket.IO client and a request helper that
// always resolves to a Result (a lost connection becomes an error message, not a hang).

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events';
import type { Result } from '../../shared/protocol/result';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(): ClientSocket {
  return io({ reconnectionDelay: 500, reconnectionDelayMax: 4000, timeout: 10_000 });
}

type AckData<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (r: Result<infer T>) => void
  ? T
  : never;

/** Sends a request and waits for its answer (at most `timeoutMs`). */
export async function request<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 8000,
): Promise<Result<AckData<E>>> {
  if (!socket.connected) {
    return { ok: false, error: { code: 'offline', message: 'Not connected to the server yet. Check the Wi-Fi; it retries by itself.' } };
  }
  try {
    // The typed emitWithAck cannot see through the generic event name.
    const emit = socket.timeout(timeoutMs).emitWithAck as unknown as (e: string, p: unknown) => Promise<Result<AckData<E>>>;
    return await emit.call(socket.timeout(timeoutMs), event, payload);
  } catch {
    return { ok: false, error: { code: 'timeout', message: 'The server did not answer in time. Check the Wi-Fi and try again.' } };
  }
}
