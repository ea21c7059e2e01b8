// Cluster mode: a room's owner runs every request of the room's sockets, wherever they are
// connected. For each such socket it keeps a stand-in (a ghost) that the ordinary handlers
// (server/transport.ts) take for the socket: it holds the socket's data, and what the
// handlers do to it (join or leave a channel, emit to it, let it go) travels to the process
// the socket is connected to, which does it to the real socket. The owner's directory of
// ghosts answers the handlers' and the room's questions about channels (who else plays this
// node, how many consoles take patches) for the whole cluster.

import type { SocketData, SocketDirectory, Sock } from '../transport';

/** What a ghost asks of the socket's own process, in order. */
export type GhostOp =
  | { op: 'join'; ch: string[] }
  | { op: 'leave'; ch: string }
  | { op: 'emit'; e: string; a: unknown[] }
  | { op: 'disconnect' };

type Listener = (...args: unknown[]) => unknown;

export class Ghost {
  data: SocketData = {};
  readonly handshake: { address: string };
  private readonly listeners = new Map<string, Listener[]>();
  private readonly any: Listener[] = [];
  gone = false;

  constructor(
    readonly id: string,
    /** The process the real socket is connected to. */
    readonly origin: string,
    address: string,
    private readonly directory: GhostDirectory,
    private readonly send: (op: GhostOp) => void,
  ) {
    this.handshake = { address };
  }

  join(channels: string | string[]): void {
    const list = typeof channels === 'string' ? [channels] : channels;
    for (const c of list) this.directory.add(c, this.id);
    this.send({ op: 'join', ch: list });
  }

  leave(channel: string): void {
    if (!this.directory.remove(channel, this.id)) return;
    this.send({ op: 'leave', ch: channel });
  }

  emit(event: string, ...args: unknown[]): boolean {
    this.send({ op: 'emit', e: event, a: args });
    return true;
  }

  /** The handlers let the socket go (another screen took its node): it is closed where it is. */
  disconnect(): this {
    this.send({ op: 'disconnect' });
    this.end();
    return this;
  }

  on(event: string, fn: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(fn);
    this.listeners.set(event, list);
    return this;
  }

  onAny(fn: Listener): this {
    this.any.push(fn);
    return this;
  }

  /** An event the real socket received, as Socket.IO would hand it to the handlers. */
  dispatch(event: string, args: unknown[]): void {
    for (const fn of this.any) fn(event, ...args);
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }

  /** The real socket went away: the handlers detach it, then the ghost is forgotten. */
  end(): void {
    if (this.gone) return;
    this.gone = true;
    for (const fn of this.listeners.get('disconnect') ?? []) fn('gone');
    this.directory.forget(this);
  }

  /** This process lost the room: the ghost is forgotten without touching the room. */
  drop(): void {
    this.gone = true;
    this.directory.forget(this);
  }
}

export class GhostDirectory implements SocketDirectory {
  private readonly channels = new Map<string, Set<string>>();
  private readonly ghosts = new Map<string, Ghost>();
  private readonly joined = new Map<string, Set<string>>();

  /** `self`: this process's id, the origin of the ghosts of sockets connected here. */
  constructor(private readonly self: string) {}

  /**
   * Whether every socket in the channel is connected to this process: then what the room
   * broadcasts to it is emitted here alone, instead of going through Redis to every process
   * (where each would read it and find no socket of its own). A room's console is usually
   * connected to the process that created the room, which owns it.
   */
  onlyHere(channel: string): boolean {
    for (const id of this.channels.get(channel) ?? []) if (this.ghosts.get(id)?.origin !== this.self) return false;
    return true;
  }

  members(channel: string): ReadonlySet<string> | undefined {
    return this.channels.get(channel);
  }

  get(id: string): Sock | undefined {
    // The handlers use a ghost as they use a socket: the part of Socket's surface they touch.
    return this.ghosts.get(id) as unknown as Sock | undefined;
  }

  ghost(id: string): Ghost | undefined {
    return this.ghosts.get(id);
  }

  all(): IterableIterator<Ghost> {
    return this.ghosts.values();
  }

  get size(): number {
    return this.ghosts.size;
  }

  register(ghost: Ghost): void {
    this.ghosts.set(ghost.id, ghost);
  }

  add(channel: string, id: string): void {
    const set = this.channels.get(channel) ?? new Set<string>();
    this.channels.set(channel, set);
    set.add(id);
    const mine = this.joined.get(id) ?? new Set<string>();
    this.joined.set(id, mine);
    mine.add(channel);
  }

  remove(channel: string, id: string): boolean {
    const set = this.channels.get(channel);
    if (!set?.delete(id)) return false;
    if (!set.size) this.channels.delete(channel);
    this.joined.get(id)?.delete(channel);
    return true;
  }

  forget(ghost: Ghost): void {
    if (this.ghosts.get(ghost.id) !== ghost) return;
    this.ghosts.delete(ghost.id);
    for (const c of this.joined.get(ghost.id) ?? []) {
      const set = this.channels.get(c);
      set?.delete(ghost.id);
      if (set && !set.size) this.channels.delete(c);
    }
    this.joined.delete(ghost.id);
  }
}
