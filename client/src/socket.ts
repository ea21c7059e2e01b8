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
  /**
   * Runs on the answer as it arrives, in order with the events around it (a promise's
   * continuation may run after events that came later in the same batch, on the polling
   * transport): for an answer that carries a view patch.
   */
  onAnswer?: (r: Result<AckData<E>>) => void,
): Promise<Result<AckData<E>>> {
  if (!socket.connected) {
    return { ok: false, error: { code: 'offline', message: 'Not connected to the server yet. Check the Wi-Fi; it retries by itself.' } };
  }
  return new Promise((resolve) => {
    // The typed emit cannot see through the generic event name.
    const emit = socket.timeout(timeoutMs).emit as unknown as (
      e: string,
      p: unknown,
      ack: (err: unknown, r: Result<AckData<E>>) => void,
    ) => void;
    emit.call(socket.timeout(timeoutMs), event, payload, (err, r) => {
      if (err) {
        resolve({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time. Check the Wi-Fi and try again.' } });
        return;
      }
      onAnswer?.(r);
      resolve(r);
    });
  });
}
