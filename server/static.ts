// The built client: files as the build wrote them, in the smallest encoding the browser takes
// (the build writes .br and .gz copies beside each file), and the app shell for the page routes.
// A stale phone asking for /assets/index-OLDHASH.js must get a 404, not the shell as script.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CODE_SLOT, joinShellFile, type JoinShell } from '../build/joinShellNames';
import { normaliseRoomCode } from '../shared/protocol/codes';
import { isLanguage, type Language } from '../shared/protocol/languages';

/** Encodings the build writes beside a file, best first, with the suffix of each copy. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

type Encoding = (typeof ENCODINGS)[number]['name'];

/** Vite puts a content hash in every name under assets/: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (the shell, the manifest, icons) is checked with the server each time (ETag). */
const REVALIDATE = 'no-cache';

/**
 * The weight (q) the browser gives each encoding in `Accept-Encoding` (RFC 9110 12.5.3).
 * Brotli wins a tie: browsers list gzip first but brotli files are smaller.
 */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  let best: Encoding | null = null;
  for (const { name } of ENCODINGS) if (weight(name) > 0 && (best === null || weight(name) > weight(best))) best = name;
  return best;
}

/**
 * The language a phone's join page will most likely show (client/src/i18n/language.ts: `?lang=`,
 * else the first of the browser's languages we ship): the first of Accept-Language by weight.
 * A phone whose student chose another language on this device fetches that one as well.
 */
export function pickLanguage(query: unknown, header: string | undefined): Language {
  if (isLanguage(query)) return query;
  const tags = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.map((p) => /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p)).find(Boolean);
      return { primary: tag.split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const t of tags) if (isLanguage(t.primary)) return t.primary;
  return 'en';
}

const underJoin = (urlPath: string) => urlPath === '/join' || urlPath.startsWith('/join/');

/** Set by the phone while it holds a seat in a room (client/src/phone/usePhoneSession.ts): it resumes, it does not join. */
export const SEAT_COOKIE = 'hc-seat';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Which join page a request gets: the form of step 1 (no code yet), of step 2 (a link with a
 * code), or none (a phone that holds a seat, a pseudo-locale, an address that is not a code).
 */
export function joinShellOf(req: Request): { kind: JoinShell; lang: Language; code: string | null } {
  const asked = req.query.lang;
  const lang = pickLanguage(asked, req.get('accept-language'));
  const seated = (req.get('cookie') ?? '').split(';').some((c) => c.trim().startsWith(`${SEAT_COOKIE}=1`));
  // A language the server does not ship (the tests' pseudo-locale): the script words the page.
  if (seated || (asked !== undefined && !isLanguage(asked))) return { kind: 'join-plain', lang, code: null };
  const rest = req.path.replace(/^\/join\/?/, '');
  if (!rest) return { kind: 'join', lang, code: null };
  let code: string | null = null;
  try {
    code = normaliseRoomCode(decodeURIComponent(rest));
  } catch {
    code = null;
  }
  return code ? { kind: 'join-code', lang, code } : { kind: 'join-plain', lang, code: null };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The request path as a file below `root`, or null when it is not a plain relative path there. */
function fileFor(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.split('/').some((seg) => seg === '..' || seg.startsWith('.'))) return null;
  const file = path.join(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

/** A path that names a file (has an extension in its last segment) or lies under assets/. */
const looksLikeFile = (urlPath: string) => urlPath.startsWith('/assets/') || /\.[^/]*$/.test(urlPath);

export interface ClientFiles {
  /** Serves a built file, or answers 404 for a path that names a file that is not there. */
  files: RequestHandler;
  /** The app shell (index.html) for every page route. */
  shell: RequestHandler;
}

export function serveClient(clientDir: string): ClientFiles {
  const root = path.resolve(clientDir);
  const index = path.join(root, 'index.html');

  /** Sends `file` (which exists), compressed when the browser takes it and the build made a copy. */
  const send = async (req: Request, res: Response, file: string, cacheControl: string) => {
    const encoding = pickEncoding(req.get('accept-encoding'));
    let sent = file;
    for (const e of ENCODINGS) {
      if (e.name === encoding && (await isFile(file + e.suffix))) {
        sent = file + e.suffix;
        res.setHeader('Content-Encoding', e.name);
        break;
      }
    }
    // The same URL has several bodies; caches must key on the encoding asked for.
    res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', cacheControl);
    // The type of the file itself, not of its .br copy (send() keeps a type already set).
    res.type(path.extname(file));
    // Relative to the root, so a checkout under a dot-folder (~/.local/…) is no hidden file.
    if (cacheControl === IMMUTABLE) return sendImmutable(req, res, sent);
    res.sendFile(path.relative(root, sent), { root, cacheControl: false }, (err) => {
      if (err && !res.headersSent) res.status(404).type('text').send('Not found.');
    });
  };

  /**
   * A hashed asset: never revalidated (cached as immutable), so it goes out without ETag,
   * Last-Modified or Accept-Ranges (express's sendFile always adds them): bytes a phone on a
   * slow link would fetch for nothing, about 100 per script before the join page works.
   */
  const sendImmutable = async (req: Request, res: Response, file: string) => {
    res.setHeader('Content-Length', (await stat(file)).size);
    if (req.method === 'HEAD') return void res.end();
    pipeline(createReadStream(file), res).catch(() => res.destroy());
  };

  /**
   * The step-2 join pages already written, by file, code and encoding: a class scans the room's QR
   * code within the same minute, and each phone would otherwise read and compress the same page.
   * A rebuilt page (another mtime) is written again; the oldest go first past `PAGES_KEPT`.
   */
  const written = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>();
  const PAGES_KEPT = 256;
  const writePage = async (file: string, code: string, encoding: Encoding | null): Promise<Buffer> => {
    const body = Buffer.from((await readFile(file, 'utf8')).replaceAll(CODE_SLOT, code));
    if (encoding === 'br')
      return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    if (encoding === 'gzip') return gz(body);
    return body;
  };

  /** The step-2 join page with the room's code written in (letters and digits: nothing to escape). */
  const sendWithCode = async (req: Request, res: Response, file: string, code: string) => {
    const encoding = pickEncoding(req.get('accept-encoding'));
    const { mtimeMs } = await stat(file);
    const key = `${file}\0${code}\0${encoding ?? ''}`;
    let page = written.get(key);
    if (!page || page.mtimeMs !== mtimeMs) {
      const fresh = { mtimeMs, body: writePage(file, code, encoding) };
      // A failed read or compression is not kept: the next request tries again.
      fresh.body.catch(() => {
        if (written.get(key) === fresh) written.delete(key);
      });
      written.delete(key);
      written.set(key, fresh);
      page = fresh;
      if (written.size > PAGES_KEPT) written.delete(written.keys().next().value as string);
    }
    const body = await page.body;
    res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', REVALIDATE);
    res.type('html');
    if (encoding === 'br') res.setHeader('Content-Encoding', 'br');
    if (encoding === 'gzip') res.setHeader('Content-Encoding', 'gzip');
    res.send(body);
  };

  const files: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileFor(root, req.path);
    // The compressed copies are not resources of their own.
    if (file && !/\.(br|gz)$/.test(file) && (await isFile(file))) {
      return send(req, res, file, req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    }
    if (looksLikeFile(req.path)) {
      res.setHeader('Cache-Control', 'no-store');
      return void res.status(404).type('text').send('Not found.');
    }
    next();
  };

  const shell: RequestHandler = async (req, res) => {
    if (!(await isFile(index))) {
      res.status(503).type('text').send('The client is not built yet: run `npm start` (it builds it) or `npm run build`.');
      return;
    }
    if (underJoin(req.path)) {
      // The join page in the language it will most likely show, with its form (build/joinShells.ts).
      res.vary('Accept-Language');
      res.vary('Cookie');
      const { kind, lang, code } = joinShellOf(req);
      const page = path.join(root, joinShellFile(kind, lang));
      if (code === null && (await isFile(page))) return send(req, res, page, REVALIDATE);
      if (code !== null && (await isFile(page))) return sendWithCode(req, res, page, code);
    }
    await send(req, res, index, REVALIDATE);
  };

  return { files, shell };
}
