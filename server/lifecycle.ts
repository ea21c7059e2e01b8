// Stopping cleanly, whichever process is told to stop. `npm start` runs npm → sh → node: a
// SIGTERM to npm is passed to sh, and sh (dash, Debian's /bin/sh) dies without passing it on,
// which left the server running as an orphan. So the server stops on its own signals and also
// when the npm script that started it goes away.

export interface StopOptions {
  /** Saves and closes everything; the process exits when it resolves. */
  stop(reason: string): Promise<void>;
  log(line: string): void;
  /** How often to look for the parent (ms). */
  watchMs?: number;
}

export function stopOnSignals({ stop, log, watchMs = 250 }: StopOptions): void {
  let stopping = false;
  const run = (reason: string) => {
    if (stopping) {
      // A second Ctrl+C: the person wants out now.
      log('Stopping now, without waiting for the save.');
      process.exit(1);
    }
    stopping = true;
    stop(reason).then(
      () => process.exit(0),
      (err) => {
        log(`Could not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => run(signal));

  // Started by an npm script (npm sets npm_lifecycle_event): the parent is npm's shell, and when
  // it is gone npm was stopped. Run any other way (nohup, a service manager), the parent may go
  // and the server must stay.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(timer);
        run('the npm script that started the server stopped');
      }
    }, watchMs);
    timer.unref();
  }
}
