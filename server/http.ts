// The HTTP side: health, server info, a room's recordings (instructor key only), and the
// built client (phones, console, replay) with its single-page routes.

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import type { Config } from './config';
import { readMetrics } from './metrics';
import type { RoomRegistry } from './rooms';

export interface HttpDeps {
  config: Config;
  registry: RoomRegistry;
  joinUrl: () => string;
  startedAt: number;
}

/** The instructor key from `Authorization: Bearer <key>` (or `?key=` for a plain download link). */
function keyOf(req: Request): string {
  const auth = req.get('authorization') ?? '';
  if (auth.startsWith('Bearer ')) return auth.slice(7).trim();
  return typeof req.query.key === 'string' ? req.query.key : '';
}

export function createHttpApp({ config, registry, joinUrl, startedAt }: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, rooms: registry.size, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  app.get('/api/info', (_req, res) => {
    res.json({ joinBase: joinUrl() });
  });

  // Memory and event-loop delay since the previous call (the benchmark reads it).
  app.get('/api/metrics', (_req, res) => {
    res.json(readMetrics());
  });

  /** The room, if the request carries its instructor key; otherwise answers 403/404. */
  const authorised = (req: Request, res: Response) => {
    const room = registry.anyRoom(String(req.params.code ?? '').toUpperCase());
    if (!room) {
      res.status(404).json({ ok: false, error: { code: 'unknown_room', message: 'No such room on this server.' } });
      return null;
    }
    const key = keyOf(req);
    if (!key || !room.checkKey(key)) {
      res.status(403).json({ ok: false, error: { code: 'forbidden', message: 'This needs the room\'s instructor key.' } });
      return null;
    }
    return room;
  };

  app.get('/api/rooms/:code/recordings', async (req, res) => {
    const room = authorised(req, res);
    if (!room) return;
    res.json({ ok: true, data: await registry.recordingsOf(room) });
  });

  app.get('/api/rooms/:code/recording', async (req, res) => {
    const room = authorised(req, res);
    if (!room) return;
    const h = room.state.header;
    // Make sure what the class just did is in the file before it is sent.
    await room.flushRecording();
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.download(registry.fileFor(h.session), `human-cluster-${h.room}-${h.startedAt.slice(0, 10)}.jsonl`);
  });

  app.use('/api', (_req, res) => {
    res.status(404).json({ ok: false, error: { code: 'not_found', message: 'No such API endpoint.' } });
  });

  const index = path.join(config.clientDir, 'index.html');
  app.use(
    express.static(config.clientDir, {
      index: false,
      setHeaders: (res, file) => {
        // Vite puts a content hash in asset names: they never change.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm start` (it builds it) or `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  return app;
}
