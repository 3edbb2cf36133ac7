import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, type TransferListItem } from 'node:worker_threads';

/**
 * The worker side of a WorkerPool job channel, the same whether the worker
 * runs as a thread (parentPort) or as a child process of its own (the IPC
 * channel: lib/worker-process.ts). Null when the module is imported by other
 * code (the main thread imports worker modules' types and helpers).
 */
export interface JobPort {
  on(event: 'message', listener: (value: any) => void): unknown;
  postMessage(value: unknown, transfer?: readonly TransferListItem[]): void;
}

function childPort(): JobPort | null {
  // A test runner's forked process has an IPC channel too: only a process a pool started is a worker.
  if (process.env.WJ_CHILD_WORKER !== '1' || !process.send) return null;
  lowerPriority(Number(process.env.WJ_CHILD_NICE ?? 10));
  // The server went away (closed, crashed, killed): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  return {
    on: (_event, listener) => process.on('message', listener),
    postMessage: (value) => { process.send!(value as never); },
  };
}

/**
 * Every thread of this process at `nice` (on Linux each thread has its own; V8's GC and compiler helpers were started
 * before this runs, and threads started later — libuv's pool — take the value of the thread that starts them).
 */
function lowerPriority(nice: number) {
  try {
    for (const tid of readdirSync('/proc/self/task')) setPriority(Number(tid), nice);
  } catch { /* not Linux: the process runs at the server's priority */ }
}

export const jobPort: JobPort | null = parentPort ?? childPort();
