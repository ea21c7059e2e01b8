// A node written by a student: joins a Human Cluster room by its code and prints everything it
// receives. In a sandbox round it also answers each message it gets.
//
//   npm install socket.io-client
//   node node.mjs http://192.168.1.20:3000 K7QX3 "Ada's program"
//
// Any language with a Socket.IO client can do the same: see docs/PROTOCOL.md.

import { io } from 'socket.io-client';

const [url = 'http://localhost:3000', code, nickname = 'program'] = process.argv.slice(2);
if (!code) {
  console.error('usage: node node.mjs <server url> <room code> [nickname]');
  process.exit(2);
}

const socket = io(url, { transports: ['websocket'] });
let me = null;
let token = null;
const answered = new Set();

socket.on('connect', async () => {
  // Join the first time; after a lost connection, resume as the same node with the token.
  const reply = token
    ? await socket.emitWithAck('room:resume', { code, token })
    : await socket.emitWithAck('room:join', { code, nickname });
  if (!reply.ok) {
    console.error(`could not join: ${reply.error.message}`);
    process.exit(1);
  }
  ({ node: me, token } = reply.data);
  console.log(`joined room ${code} as node ${me} (${nickname})`);
  onView(reply.data.view);
});

socket.on('room:roster', (roster) => console.log(`room now has ${roster.count} nodes`));
socket.on('node:view', onView);
socket.on('node:removed', (notice) => {
  console.log(`removed: ${notice.message}`);
  process.exit(0);
});
socket.on('disconnect', (reason) => console.log(`disconnected (${reason}); reconnecting…`));

function onView(view) {
  if (!view.round) return console.log('in the lobby, waiting for a round');
  if (view.round.game !== 'sandbox' || !view.game) return console.log(`round ${view.round.index}: ${view.round.title}`);
  for (const m of view.game.inbox) {
    if (answered.has(m.id)) continue;
    answered.add(m.id);
    console.log(`message ${m.id} from ${m.from}: "${m.text}" (Lamport ${m.lamport})`);
    if (!m.text.startsWith('echo: ')) {
      socket.emit('node:act', { action: { type: 'send', to: [m.from], text: `echo: ${m.text}`.slice(0, 140) } }, (r) => {
        if (!r.ok) console.log(`reply refused: ${r.error.message}`);
      });
    }
  }
}
