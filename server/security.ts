// Security headers on every HTTP response (helmet). The client is built with no inline script
// or style, so the policy can forbid both; everything the pages need comes from this server
// (DESIGN.md section 6: no CDN, no fonts from elsewhere).

import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Pages a teacher may embed in another site (a course page) when EMBED_ORIGINS names it. */
const EMBEDDABLE = /^\/(replay|stage)(\/|$)/;

/** A Host header that is a plain host[:port], safe to repeat inside the policy. */
const PLAIN_HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0] ?? '/';

/** May this response be shown inside a frame of another site? */
const framedBy = (req: IncomingMessage, embedOrigins: readonly string[]) => embedOrigins.length > 0 && EMBEDDABLE.test(pathOf(req));

export function securityHeaders(embedOrigins: readonly string[] = []): RequestHandler {
  const csp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      // QR codes and the map are drawn in SVG and canvas; downloads are blob: links (not images).
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      // 'self' covers ws: in CSP 3, but older phone browsers want the socket's origin spelled out.
      connectSrc: [
        "'self'",
        (req) => {
          const host = req.headers.host ?? '';
          return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
        },
      ],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: [(req) => (framedBy(req, embedOrigins) ? embedOrigins.join(' ') : "'none'")],
    },
  });
  const rest = helmet({
    contentSecurityPolicy: false,
    xFrameOptions: false,
    // Plain HTTP on a classroom LAN: browsers ignore both there, and Chrome logs an error for
    // COOP on an untrustworthy origin. Behind an HTTPS proxy, the proxy sets HSTS.
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req, res, next) => {
    // X-Frame-Options for browsers that do not know frame-ancestors; it cannot name origins.
    if (!framedBy(req, embedOrigins)) res.setHeader('X-Frame-Options', 'DENY');
    csp(req, res, (err) => (err ? next(err) : rest(req, res, next)));
  };
}

/** The few headers that matter on Socket.IO's own HTTP answers (polling), which bypass express. */
export const SOCKET_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;
