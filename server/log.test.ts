import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createLogger, logOptions, requestLog } from './log';

function capture() {
  const lines: string[] = [];
  return { lines, out: { write: (s: string) => lines.push(s) === 0 } };
}

describe('the log', () => {
  it('as text: one line with the time, the level, the room code, the message and the other fields', () => {
    const { lines, out } = capture();
    const log = createLogger({ format: 'text', level: 'info' }, out);
    log.info({ room: 'K7QX3', nodes: 3, note: 'two words' }, 'restored room');
    log.info('no room here');
    log.debug('not at info level');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO {2}K7QX3 {2}restored room nodes=3 note="two words"\n$/);
    expect(lines[1]).toMatch(/ INFO {2}- {6}no room here\n$/);
  });

  it('as text: an error gives its message on the line and its stack below', () => {
    const { lines, out } = capture();
    createLogger({ format: 'text', level: 'info' }, out).error({ err: new Error('disk full'), room: 'K7QX3' }, 'recording: write failed');
    expect(lines[0]).toMatch(/ ERROR K7QX3 {2}recording: write failed\n {4}Error: disk full\n +at /);
  });

  it('as JSON (LOG_FORMAT=json): one object a line with level, time, room and message', () => {
    const { lines, out } = capture();
    createLogger(logOptions({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }), out).debug({ room: 'K7QX3' }, 'a round started');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 20, room: 'K7QX3', msg: 'a round started', time: expect.any(Number) });
  });

  it('refuses a LOG_FORMAT or LOG_LEVEL it does not know, naming the allowed ones', () => {
    expect(logOptions({})).toEqual({ format: 'text', level: 'info' });
    expect(() => logOptions({ LOG_FORMAT: 'xml' })).toThrow(/text or json/);
    expect(() => logOptions({ LOG_LEVEL: 'loud' })).toThrow(/debug/);
  });

  it('logs each HTTP request at debug level, without its query string (keys travel there)', async () => {
    for (const level of ['debug', 'info'] as const) {
      const { lines, out } = capture();
      const app = express();
      app.use(requestLog(createLogger({ format: 'json', level }, out)));
      app.get('/api/rooms/:code/recording', (_req, res) => void res.status(403).json({ ok: false }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/api/rooms/k7qx3/recording?key=SECRET-KEY`);
      await new Promise((r) => server.close(r));
      if (level === 'info') {
        expect(lines).toEqual([]);
        continue;
      }
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('SECRET-KEY');
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 20, room: 'K7QX3', status: 403, msg: 'GET /api/rooms/k7qx3/recording' });
    }
  });
});
