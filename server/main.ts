// `npm start`: builds the client if needed, serves it and the socket server on one port,
// and prints where the instructor and the phones should go.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { createApplication } from './app';
import { buildClientIfNeeded } from './build-client';
import { loadConfig } from './config';
import { stopOnSignals } from './lifecycle';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = loadConfig(process.env, root);
  if (process.env.SKIP_CLIENT_BUILD !== '1') await buildClientIfNeeded(root, config.clientDir, console.log);
  const app = await createApplication(config);
  const port = await app.listen();
  const local = `http://localhost:${port}`;
  const phones = app.joinUrl();
  const qr = await QRCode.toString(phones, { type: 'terminal', small: true });
  console.log(
    [
      '',
      'Human Cluster is running.',
      `  Instructor console:  ${local}/console`,
      `  Phones open:         ${phones}`,
      `  Recordings in:       ${path.join(config.dataDir, 'recordings')}`,
      '',
      qr,
      'Stop with Ctrl+C.',
    ].join('\n'),
  );
  stopOnSignals({
    log: console.log,
    stop: async (reason) => {
      console.log(`Stopping (${reason}): saving recordings…`);
      await app.close();
    },
  });
}

// A class is running: log a bug and keep serving rather than drop thirty phones.
process.on('uncaughtException', (err) => console.error('Unexpected error (the server keeps running):', err));
process.on('unhandledRejection', (err) => console.error('Unexpected rejection (the server keeps running):', err));

main().catch((err) => {
  console.error(`Human Cluster could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
