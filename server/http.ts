// The HTTP side: health, server info, recordings (instructor key, or a share link for one
// recording, read-only), and the built client (phones, console, replay) with its single-page
// routes.

import { stat } from 'node:fs/promises';
import express, { type Request, type Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { keyFromRecovery, normaliseRecovery } from './auth';
import type { Config } from './config';
import { requestLog } from './log';
import { readMetrics } from './metrics';
import { RecordingStore } from './recordings';
import type { RecordingHeader } from '../shared/protocol/recordingFormat';
import type { Room } from './room';
import type { RoomRegistry } from './rooms';
import { securityHeaders } from './security';
import { serveClient } from './static';

export interface HttpDeps {
  config: Config;
  registry: RoomRegistry;
  joinUrl: () => string;
  startedAt: number;
}

/**
 * The secret a request carries: `Authorization: Bearer <secret>`, or `?key=` / `?share=` for a
 * plain link. It is an instructor key or a recording's share token.
 */
function keyOf(req: Request): string {
  const auth = req.get('authorization') ?? '';
  if (auth.startsWith('Bearer ')) return auth.slice(7).trim();
  if (typeof req.query.key === 'string') return req.query.key;
  return typeof req.query.share === 'string' ? req.query.share : '';
}

const STATUS: Record<string, number> = {
  bad_session: 400,
  bad_request: 400,
  forbidden: 403,
  recovery_invalid: 403,
  unknown_recording: 404,
  recording_live: 409,
  recording_held: 503,
  too_many_shares: 409,
};

function refuse(res: Response, error: { code: string; message: string }): void {
  res.status(STATUS[error.code] ?? 400).json({ ok: false, error });
}

const fileName = (room: string, startedAt: string) =>
  `human-cluster-${room}-${startedAt
    .slice(0, 16)
    .replace(/[^0-9T-]/g, '-')
    .replace('T', '_')}.jsonl`;

export function createHttpApp({ config, registry, joinUrl, startedAt }: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestLog());
  app.use(securityHeaders(config.embedOrigins));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, rooms: registry.size, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  app.get('/api/info', (_req, res) => {
    res.json({ joinBase: joinUrl() });
  });

  // Memory, CPU time and event-loop delay since the previous call (the benchmark reads it;
  // ?gc=1 collects garbage first where the process was started with --expose-gc).
  app.get('/api/metrics', (req, res) => {
    res.json(readMetrics(true, req.query.gc === '1'));
  });

  const store = new RecordingStore(config.dataDir, registry);

  /**
   * The room, if the request carries its instructor key; otherwise answers 403/404. Cluster
   * mode: a room another process owns is answered from its recording in the shared DATA_DIR.
   */
  const authorised = async (
    req: Request,
    res: Response,
  ): Promise<{ header: RecordingHeader; room: Room | null; ended: boolean } | null> => {
    const code = String(req.params.code ?? '').toUpperCase();
    const room = registry.anyRoom(code);
    const elsewhere = room ? null : await registry.elsewhere(code);
    if (!room && !elsewhere) {
      res.status(404).json({
        ok: false,
        error: { code: 'unknown_room', message: 'No such room on this server.', params: { code } },
      });
      return null;
    }
    const key = keyOf(req);
    const there = !room && elsewhere && key ? await store.access(elsewhere.session, key) : null;
    const owner = room ? room.checkKey(key)?.kind === 'owner' : there?.ok && there.data.access === 'owner';
    if (!key || !owner) {
      res.status(403).json({ ok: false, error: { code: 'forbidden', message: "This needs the room's instructor key." } });
      return null;
    }
    if (room) return { header: room.state.header, room, ended: room.state.ended };
    return there?.ok ? { header: there.data.header, room: null, ended: !!elsewhere?.ended } : null;
  };

  app.get('/api/rooms/:code/recordings', async (req, res) => {
    const found = await authorised(req, res);
    if (!found) return;
    if (found.room) return void res.json({ ok: true, data: await registry.recordingsOf(found.room) });
    const h = found.header;
    const bytes = (await stat(registry.fileFor(h.session))).size;
    res.json({ ok: true, data: [{ session: h.session, room: h.room, startedAt: h.startedAt, bytes, ended: found.ended }] });
  });

  app.get('/api/rooms/:code/recording', async (req, res) => {
    const found = await authorised(req, res);
    if (!found) return;
    const h = found.header;
    // Make sure what the class just did is in the file before it is sent (another process's
    // room: what it has acknowledged is already on disk).
    const text = (await found.room?.flushRecording()) ?? null;
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    if (text !== null) {
      res.attachment(fileName(h.room, h.startedAt));
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.send(text);
      return;
    }
    res.download(registry.fileFor(h.session), fileName(h.room, h.startedAt), (err) => {
      if (err && !res.headersSent) refuse(res, { code: 'unknown_recording', message: 'This recording has been deleted.' });
    });
  });

  // ---- recordings, across rooms (the replay's recordings page) ----
  const json = express.json({ limit: '16kb' });

  /** Checks the secret against a recording; answers the refusal itself. */
  const access = async (req: Request, res: Response, need: 'owner' | 'any') => {
    const r = await store.access(String(req.params.session ?? ''), keyOf(req));
    if (!r.ok) return void refuse(res, r.error);
    if (need === 'owner' && r.data.access !== 'owner') {
      return void refuse(res, {
        code: 'forbidden',
        message: 'Only the instructor who recorded it can do this; a share link only opens it.',
      });
    }
    return r.data;
  };

  // A recovery code gives back its room's key, on any browser: the rooms still open and the
  // recordings it opens come with it. Wrong codes are counted per address and soon refused.
  const recoverLimiter = new RateLimiterMemory({ points: 10, duration: 60 });
  app.post('/api/recover', json, async (req, res) => {
    try {
      await recoverLimiter.consume(req.ip ?? 'unknown');
    } catch {
      return void res.status(429).json({ ok: false, error: { code: 'rate_limited', message: 'Too many tries from here; wait a minute.' } });
    }
    const typed = (req.body as { recovery?: unknown } | undefined)?.recovery;
    const code = typeof typed === 'string' && typed.length <= 64 ? normaliseRecovery(typed) : null;
    const key = code ? keyFromRecovery(code) : null;
    const rooms = key ? registry.openedBy(key).map((r) => ({ code: r.code, session: r.state.header.session, ended: false })) : [];
    const recorded = key ? await store.list([key]) : [];
    for (const e of recorded)
      if (!rooms.some((r) => r.session === e.session)) rooms.push({ code: e.room, session: e.session, ended: !e.live });
    if (!key || rooms.length === 0) {
      return refuse(res, { code: 'recovery_invalid', message: 'That recovery code opens no room or recording on this server.' });
    }
    // Only wrong codes count against the address.
    await recoverLimiter.reward(req.ip ?? 'unknown');
    res.json({ ok: true, data: { key, rooms } });
  });

  // The instructor's browser sends the keys it keeps; the answer lists the recordings they open.
  app.post('/api/recordings/list', json, async (req, res) => {
    const keys = (req.body as { keys?: unknown } | undefined)?.keys;
    if (!Array.isArray(keys) || keys.length > 100 || !keys.every((k) => typeof k === 'string' && k.length <= 200)) {
      return refuse(res, { code: 'bad_request', message: 'Send {"keys": [...]}: at most 100 instructor keys.' });
    }
    res.json({ ok: true, data: await store.list(keys) });
  });

  app.get('/api/recordings/:session', async (req, res) => {
    const granted = await access(req, res, 'any');
    if (!granted) return;
    const found = await store.fileToSend(String(req.params.session), granted.header);
    if (!found.ok) return refuse(res, found.error);
    const sent = found.data;
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Recording-Access', granted.access);
    const name = fileName(granted.header.room, granted.header.startedAt);
    const done = (err?: Error) => {
      if (err && !res.headersSent) refuse(res, { code: 'unknown_recording', message: 'This recording has been deleted.' });
    };
    if ('text' in sent) {
      if (req.query.download !== undefined) res.attachment(name);
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.send(sent.text);
    } else if (req.query.download !== undefined) res.download(sent.file, name, done);
    else res.sendFile(sent.file, done);
  });

  app.delete('/api/recordings/:session', async (req, res) => {
    const granted = await access(req, res, 'owner');
    if (!granted) return;
    const r = await store.remove(String(req.params.session), granted.header);
    if (!r.ok) return refuse(res, r.error);
    res.json({ ok: true, data: null });
  });

  app.post('/api/recordings/:session/share', async (req, res) => {
    const granted = await access(req, res, 'owner');
    if (!granted) return;
    const session = String(req.params.session);
    const r = await store.share(session, granted.header);
    if (!r.ok) return refuse(res, r.error);
    const url = `${joinUrl()}/replay/${session}#share=${r.data.token}`;
    // The room's phones are offered the replay once the session is over (room:check).
    registry.setReplayLink(granted.header.room, url);
    res.json({ ok: true, data: { token: r.data.token, url, shares: r.data.shares } });
  });

  app.delete('/api/recordings/:session/share', async (req, res) => {
    const granted = await access(req, res, 'owner');
    if (!granted) return;
    await store.unshare(String(req.params.session));
    res.json({ ok: true, data: null });
  });

  // A body that is not JSON, or too big, is answered like every other refusal.
  app.use('/api/recordings', (err: Error & { status?: number }, _req: Request, res: Response, next: (err?: unknown) => void) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({
      ok: false,
      error:
        status === 500
          ? { code: 'internal', message: 'Something went wrong on the server.' }
          : { code: 'bad_request', message: 'Send {"keys": [...]} as JSON (at most 16 KB).' },
    });
  });

  app.use('/api', (_req, res) => {
    res.status(404).json({ ok: false, error: { code: 'not_found', message: 'No such API endpoint.' } });
  });

  const client = serveClient(config.clientDir);
  app.use(client.files);
  app.get(/^\/(?!api\/|socket\.io\/).*/, client.shell);

  return app;
}
