// The server's log: one line per event with its time, level and, when it concerns a room, the
// room code. Plain text for the person at the terminal; JSON (pino's, one object a line) with
// LOG_FORMAT=json for tools. LOG_LEVEL picks how much: debug adds a line per HTTP request.

import type { Writable } from 'node:stream';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';

export type { Logger };

/** What a log line may say besides its message; `room` is the room code it concerns. */
export interface LogFields {
  room?: string;
  err?: unknown;
  [key: string]: unknown;
}

/** A log call that fits where a `(line) => void` used to be. */
export type LogFn = (line: string, fields?: LogFields) => void;

export const LOG_FORMATS = ['text', 'json'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LogOptions {
  format: (typeof LOG_FORMATS)[number];
  level: (typeof LOG_LEVELS)[number];
}

/** LOG_FORMAT and LOG_LEVEL, checked; a wrong value is an error that names the allowed ones. */
export function logOptions(env: NodeJS.ProcessEnv = process.env): LogOptions {
  const format = (env.LOG_FORMAT || 'text').toLowerCase();
  const level = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_FORMATS as readonly string[]).includes(format))
    throw new Error(`LOG_FORMAT must be ${LOG_FORMATS.join(' or ')} (got "${format}").`);
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}").`);
  return { format: format as LogOptions['format'], level: level as LogOptions['level'] };
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OWN_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'room', 'err']);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const show = (v: unknown) => (typeof v === 'string' && /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v));

/**
 * One of pino's JSON lines as text: `2026-12-02 09:15:02.114 INFO  K7QX3  restored room …`,
 * then any other fields as key=value. An error's stack follows on indented lines.
 */
export function formatLine(json: string): string {
  const o = JSON.parse(json) as Record<string, unknown>;
  const level = (LEVEL_NAMES[o.level as number] ?? String(o.level)).padEnd(5);
  const room = typeof o.room === 'string' ? o.room.padEnd(6) : '-'.padEnd(6);
  const extra = Object.entries(o)
    .filter(([k]) => !OWN_KEYS.has(k))
    .map(([k, v]) => ` ${k}=${show(v)}`)
    .join('');
  const err = o.err as { message?: string; stack?: string } | undefined;
  const stack = err?.stack ? `\n${err.stack.replace(/^/gm, '    ')}` : err?.message ? ` err=${show(err.message)}` : '';
  return `${localTime(o.time as number)} ${level} ${room} ${o.msg ?? ''}${extra}${stack}\n`;
}

export function createLogger(options: LogOptions, out: Pick<Writable, 'write'> = process.stdout): Logger {
  if (options.format === 'json') return pino({ level: options.level }, out as Writable);
  // pino writes its JSON line to any object with write(); this one turns it into text first.
  return pino({ level: options.level, base: null }, { write: (line: string) => out.write(formatLine(line)) } as unknown as Writable);
}

/** A wrong LOG_FORMAT or LOG_LEVEL logs as text at info level here; main.ts refuses to start on it. */
function defaultLogger(): Logger {
  try {
    return createLogger(logOptions());
  } catch {
    return createLogger({ format: 'text', level: 'info' });
  }
}

/** The process's logger, set up from LOG_FORMAT and LOG_LEVEL. */
export const logger: Logger = defaultLogger();

/** A LogFn writing to `to` at info level (or error when the fields carry one). */
export function logFn(to: Logger = logger): LogFn {
  return (line, fields) => (fields?.err ? to.error(fields, line) : to.info(fields ?? {}, line));
}

/** Room code in an API path (/api/rooms/K7QX3/…), for the request log's room field. */
const ROOM_IN_PATH = /^\/api\/rooms\/([A-Za-z0-9]{5})(\/|$)/;

/**
 * One debug line per HTTP request when it is answered: method, path, status, time, bytes. The
 * query string is left out: it can carry an instructor key or a share token.
 */
export function requestLog(to: Logger = logger): RequestHandler {
  return (req, res, next) => {
    if (!to.isLevelEnabled('debug')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const room = ROOM_IN_PATH.exec(req.path)?.[1]?.toUpperCase();
      to.debug(
        {
          ...(room ? { room } : {}),
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0),
        },
        `${req.method} ${req.path}`,
      );
    });
    next();
  };
}
