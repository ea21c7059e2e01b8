// The web server's answers, on a real server with a built client laid out as the build writes
// it (hashed assets with .br and .gz copies made by the build's own compression step):
// content negotiation, cache headers, 404s instead of the app shell, and security headers.

import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressFile } from '../../build/compress';
import { CODE_SLOT } from '../../build/joinShellNames';
import { startServer, type TestServer } from './harness';

const SCRIPT = `console.log(${JSON.stringify('a phone shell '.repeat(200))});\n`;
const ASSET = '/assets/index-Ab12Cd34.js';
const SHELL = '<!doctype html><html><head><title>Human Cluster</title></head><body><div id="root"></div></body></html>\n'.repeat(8);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function builtClient(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-client-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), SHELL);
  writeFileSync(path.join(dir, ASSET), SCRIPT);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The join pages in each language (build/joinShells.ts), told apart by a marker.
  for (const lang of ['en', 'es', 'fr']) {
    for (const kind of ['join', 'join-code', 'join-plain']) {
      const file = path.join(dir, `${kind}.${lang}.html`);
      writeFileSync(file, SHELL.replace('<title>', `<meta name="join-shell" content="${kind} ${lang}"><title>Join ${CODE_SLOT}`));
      await compressFile(file);
    }
  }
  await compressFile(path.join(dir, 'index.html'));
  await compressFile(path.join(dir, ASSET));
  return dir;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ clientDir: await builtClient() });
});
afterAll(async () => {
  await server.close();
});

describe('content negotiation', () => {
  it('sends the brotli copy to a browser that takes br, the gzip copy to one that takes only gzip, the file itself otherwise', async () => {
    const br = await get(server.url + ASSET, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);

    const gz = await get(server.url + ASSET, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0, identity']) {
      const plain = await get(server.url + ASSET, accept ? { 'Accept-Encoding': accept } : {});
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);
    }

    // q-values are honoured: gzip preferred, or brotli refused.
    expect((await get(server.url + ASSET, { 'Accept-Encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(server.url + ASSET, { 'Accept-Encoding': 'br;q=0, *' })).headers['content-encoding']).toBe('gzip');
  });

  it('keeps the type of the file and tells caches that the body depends on Accept-Encoding', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const a = await get(server.url + ASSET, { 'Accept-Encoding': accept });
      expect(a.headers['content-type']).toMatch(/^text\/javascript/);
      expect(a.headers.vary).toMatch(/Accept-Encoding/i);
    }
    const shell = await get(`${server.url}/console`, { 'Accept-Encoding': 'br' });
    expect(shell.headers['content-type']).toMatch(/^text\/html/);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(shell.body).toString()).toBe(SHELL);
  });

  it('serves the compressed copies only as encodings of their file, never as files of their own', async () => {
    expect((await get(`${server.url}${ASSET}.br`)).status).toBe(404);
    expect((await get(`${server.url}${ASSET}.gz`)).status).toBe(404);
  });
});

describe('cache headers', () => {
  it('hashed assets are cached for a year as immutable; the shell and unhashed files are checked each time', async () => {
    const asset = await get(server.url + ASSET, { 'Accept-Encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Never revalidated, so no validators: bytes a slow phone would download for nothing.
    expect(asset.headers.etag).toBeUndefined();
    expect(asset.headers['last-modified']).toBeUndefined();
    for (const page of ['/', '/join/K7QX3', '/console', '/replay/abc']) {
      const a = await get(server.url + page);
      expect(a.status, page).toBe(200);
      expect(a.headers['cache-control'], page).toBe('no-cache');
    }
    const icon = await get(`${server.url}/favicon.svg`);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers.etag).toBeTruthy();
    // A revalidation costs a round trip but no body.
    const again = await get(`${server.url}/favicon.svg`, { 'If-None-Match': String(icon.headers.etag) });
    expect(again.status).toBe(304);
  });
});

describe('the join page in the phone’s language', () => {
  const shellOf = (a: Answer) => /name="join-shell" content="[\w-]+ (\w+)"/.exec(a.body.toString())?.[1] ?? 'index';
  const kindOf = (a: Answer) => /name="join-shell" content="([\w-]+) \w+"/.exec(a.body.toString())?.[1] ?? 'index';
  it('preloads the words of the language the phone will most likely show: ?lang=, else Accept-Language by weight, else English', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/join/K7QX3', { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.8' }, 'fr'],
      ['/join', { 'Accept-Language': 'de-DE, en;q=0.3, es;q=0.7' }, 'es'],
      ['/join/K7QX3', { 'Accept-Language': 'de-DE,de;q=0.9' }, 'en'],
      ['/join/K7QX3', {}, 'en'],
      ['/join/K7QX3', { 'Accept-Language': 'es;q=0, fr;q=0.1' }, 'fr'],
      ['/join/K7QX3?lang=es', { 'Accept-Language': 'fr' }, 'es'],
      ['/join/K7QX3?lang=de', { 'Accept-Language': 'fr' }, 'fr'],
    ];
    for (const [page, headers, lang] of cases) {
      const a = await get(server.url + page, headers);
      expect(a.status, page).toBe(200);
      expect(shellOf(a), `${page} ${JSON.stringify(headers)}`).toBe(lang);
      expect(String(a.headers.vary), page).toMatch(/Accept-Language/i);
      expect(a.headers['cache-control'], page).toBe('no-cache');
    }
    // Compressed like every page.
    const br = await get(`${server.url}/join/K7QX3`, { 'Accept-Encoding': 'br', 'Accept-Language': 'es' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(shellOf({ ...br, body: brotliDecompressSync(br.body) })).toBe('es');
    // Step 1 without a code, step 2 with the link's code written in, no form for a phone that
    // holds a seat (it resumes), for a language the server does not ship (the tests' pseudo-locale),
    // or for an address that is not a code.
    const kinds: [string, Record<string, string>, string][] = [
      ['/join', {}, 'join'],
      ['/join/', {}, 'join'],
      ['/join/k7qx3', {}, 'join-code'],
      ['/join/K7QX3', { Cookie: 'theme=dark; hc-seat=1' }, 'join-plain'],
      ['/join/K7QX3', { Cookie: 'hc-seat=' }, 'join-code'],
      ['/join/K7QX3?lang=qps', {}, 'join-plain'],
      ['/join/%3Cscript%3E', {}, 'join-plain'],
      ['/join/%E0%A4%A', {}, 'join-plain'],
    ];
    for (const [page, headers, kind] of kinds) {
      const a = await get(server.url + page, headers);
      expect(a.status, page).toBe(200);
      expect(kindOf(a), `${page} ${JSON.stringify(headers)}`).toBe(kind);
      expect(String(a.headers.vary), page).toMatch(/Cookie/i);
    }
    const linked = await get(`${server.url}/join/k7-qx3`, { 'Accept-Encoding': 'gzip' });
    expect(linked.headers['content-encoding']).toBe('gzip');
    expect(linked.headers['cache-control']).toBe('no-cache');
    const text = gunzipSync(linked.body).toString();
    expect(text).toContain('<title>Join K7QX3');
    expect(text).not.toContain(CODE_SLOT);
    // Written once per code and encoding: each code gets its own page, every time; a rebuilt page is
    // written again.
    const page = async (code: string) =>
      brotliDecompressSync((await get(`${server.url}/join/${code}`, { 'Accept-Encoding': 'br' })).body).toString();
    for (let i = 0; i < 2; i++) {
      expect(await page('AB2CD')).toContain('<title>Join AB2CD');
      expect(await page('EF3GH')).toContain('<title>Join EF3GH');
    }
    const en = path.join(server.config.clientDir, 'join-code.en.html');
    writeFileSync(en, SHELL.replace('<title>', `<meta name="join-shell" content="join-code en"><title>Rebuilt ${CODE_SLOT}`));
    utimesSync(en, new Date(), new Date(Date.now() + 5000));
    expect(await page('AB2CD')).toContain('<title>Rebuilt AB2CD');
    writeFileSync(en, SHELL.replace('<title>', `<meta name="join-shell" content="join-code en"><title>Join ${CODE_SLOT}`));
    utimesSync(en, new Date(), new Date(Date.now() + 10_000));
    // The other pages keep the plain shell (they load every part of the catalogue anyway).
    for (const page of ['/', '/console', '/joinery', '/replay/abc'])
      expect(shellOf(await get(server.url + page, { 'Accept-Language': 'fr' })), page).toBe('index');
  });
});

describe('404 instead of the app shell', () => {
  it('answers 404 for a missing asset, /favicon.ico, a missing manifest and any path with a file extension', async () => {
    for (const p of [
      '/assets/index-OLDHASH.js',
      '/assets/missing',
      '/favicon.ico',
      '/manifest.webmanifest',
      '/join/K7QX3/logo.png',
      '/robots.txt',
    ]) {
      const a = await get(server.url + p);
      expect(a.status, p).toBe(404);
      expect(a.headers['content-type'], p).toMatch(/^text\/plain/);
      expect(a.body.toString(), p).not.toContain('<html');
    }
  });

  it('never serves a file outside the client folder', async () => {
    for (const p of ['/..%2f..%2fpackage.json', '/assets/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/hostname', '/.env']) {
      const a = await get(server.url + p);
      // A path with no extension outside assets/ is a page route: it may get the shell, nothing else.
      if (a.status !== 404) expect(a.body.toString(), p).toBe(SHELL);
    }
  });
});

describe('security headers', () => {
  const csp = (a: Answer) => String(a.headers['content-security-policy'] ?? '');

  it('are on HTML, assets, API answers, 404s and the socket server', async () => {
    const host = new URL(server.url).host;
    const answers = {
      html: await get(`${server.url}/join/K7QX3`),
      asset: await get(server.url + ASSET),
      api: await get(`${server.url}/api/info`),
      apiMissing: await get(`${server.url}/api/nope`),
      health: await get(`${server.url}/healthz`),
      missing: await get(`${server.url}/favicon.ico`),
    };
    for (const [name, a] of Object.entries(answers)) {
      expect(a.headers['x-content-type-options'], name).toBe('nosniff');
      expect(a.headers['referrer-policy'], name).toBe('no-referrer');
      expect(a.headers['x-frame-options'], name).toBe('DENY');
      const policy = csp(a);
      expect(policy, name).toContain("script-src 'self'");
      expect(policy, name).toContain("frame-ancestors 'none'");
      expect(policy, name).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(policy, name).toContain("object-src 'none'");
      expect(policy, name).not.toMatch(/unsafe-inline|unsafe-eval|upgrade-insecure-requests/);
    }
    const polling = await get(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(200);
    expect(polling.headers['x-content-type-options']).toBe('nosniff');
    expect(polling.headers['referrer-policy']).toBe('no-referrer');
  });

  it('a Host header that is not a plain host name stays out of the policy', async () => {
    const a = await get(`${server.url}/console`, { Host: "evil.example; script-src 'unsafe-inline'" });
    expect(csp(a)).not.toContain('unsafe-inline');
    expect(csp(a)).toContain("connect-src 'self'");
  });

  it('EMBED_ORIGINS lets only those sites frame the replay and the stage; everything else stays unframeable', async () => {
    const embedding = await startServer({ clientDir: server.config.clientDir, embedOrigins: ['https://lms.example.edu'] });
    try {
      for (const p of ['/replay', '/replay/abc123', '/stage']) {
        const a = await get(embedding.url + p);
        expect(csp(a), p).toContain('frame-ancestors https://lms.example.edu');
        expect(a.headers['x-frame-options'], p).toBeUndefined();
      }
      for (const p of ['/console', '/join/K7QX3', '/replayed', '/api/info']) {
        const a = await get(embedding.url + p);
        expect(csp(a), p).toContain("frame-ancestors 'none'");
        expect(a.headers['x-frame-options'], p).toBe('DENY');
      }
    } finally {
      await embedding.close();
    }
  });
});
