import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the write-ahead log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;

export interface WalCheckpointer {
  /** Runs a last checkpoint, closes the background connection and waits for its thread to end. */
  stop(): Promise<void>;
}

// The thread's whole program. It has its own connection, so its checkpoints (each ending in a flush to disk) never
// hold up the requests on the main thread. PASSIVE takes no lock: writers and readers carry on meanwhile.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    // The main connection takes the checkpoints back; this thread only waits to be stopped.
    clearInterval(timer);
    parentPort.postMessage({ failed: String(error && error.message) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    checkpoint();
  } finally {
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Checkpoints the SQLite database at `file` from a thread of its own. The main connection then turns its own
 * automatic checkpoint into a distant backstop: done inline, every 1,000 pages of log, the checkpoint's flushes took
 * half of each write's time. `onFailure` is told (once) if the thread stops on its own, so the caller can take the
 * checkpoints back.
 */
export function startWalCheckpointer(file: string, onFailure: (reason: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  // A thread that only keeps the log short must never keep the process alive.
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (reason: string) => {
    if (failed || stopping) return;
    failed = true;
    onFailure(reason);
  };
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed !== undefined) fail(message.failed);
  });
  worker.on('error', (error) => fail(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => fail('the checkpoint thread ended'));
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
