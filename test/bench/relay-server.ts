// The baseline for `npm run bench`: a bare Socket.IO relay (client → server → client) with no
// rooms, no game, no network model and no recording, on the same machine and the same run.

import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { readMetrics } from '../../server/metrics';

const port = Number(process.env.PORT ?? 0);
const http = createServer((req, res) => {
  if (req.url?.startsWith('/api/metrics')) {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(readMetrics(true, req.url.includes('gc=1'))));
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('relay:join', (p: { id: string }, ack?: () => void) => {
    void socket.join(p.id);
    ack?.();
  });
  socket.on('relay:send', (p: { to: string[]; text: string; from: string }, ack?: (r: unknown) => void) => {
    for (const to of p.to) io.to(to).emit('relay:msg', { from: p.from, text: p.text });
    ack?.({ ok: true });
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`relay listening on ${typeof address === 'object' && address ? address.port : port}`);
});
