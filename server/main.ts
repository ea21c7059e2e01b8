// `npm start`: builds the client if needed, serves it and the socket server on one port,
// and prints where the instructor and the phones should go.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { createApplication, GAMES } from './app';
import { buildClientIfNeeded } from './build-client';
import { loadConfig } from './config';
import { stopOnSignals } from './lifecycle';
import { warmUpBeforeListening } from './warmup';
import { logger, logFn, logOptions } from './log';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = loadConfig(process.env, root);
  const json = logOptions().format === 'json';
  if (process.env.SKIP_CLIENT_BUILD !== '1') await buildClientIfNeeded(root, config.clientDir, logFn(), config.clientMode);
  const app = await createApplication(config);
  await warmUpBeforeListening(config, GAMES);
  const port = await app.listen();
  const local = `http://localhost:${port}`;
  const phones = app.joinUrl();
  const recordings = path.join(config.dataDir, 'recordings');
  logger.info({ console: `${local}/console`, phones, recordings }, 'Human Cluster is running');
  // The welcome with a QR code is for the person at the terminal, not for a log collector.
  if (!json) {
    const qr = await QRCode.toString(phones, { type: 'terminal', small: true });
    process.stdout.write(
      [
        '',
        `  Instructor console:  ${local}/console`,
        `  Phones open:         ${phones}`,
        `  Recordings in:       ${recordings}`,
        '',
        qr,
        'Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
  }
  stopOnSignals({
    log: logFn(),
    stop: async (reason) => {
      logger.info(`Stopping (${reason}): saving recordings…`);
      await app.close();
      logger.info('Stopped: recordings saved.');
    },
  });
}

// A class is running: log a bug and keep serving rather than drop thirty phones.
process.on('uncaughtException', (err) => logger.error({ err }, 'Unexpected error (the server keeps running)'));
process.on('unhandledRejection', (err) => logger.error({ err }, 'Unexpected rejection (the server keeps running)'));

main().catch((err) => {
  logger.fatal(`Human Cluster could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
