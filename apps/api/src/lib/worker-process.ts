import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * A worker as a child process of its own (WorkerPool's `isolation: 'process'`),
 * with the same face as a worker thread to the pool: postMessage, 'message' /
 * 'error' / 'exit', terminate, ref / unref. Messages travel over the IPC
 * channel with V8's serialisation (Buffers, typed arrays, Maps arrive as they
 * were sent); a transfer list has no meaning between processes and is ignored.
 *
 * Why a process and not a thread: the threads of one process share V8's GC
 * helper threads. Measured at 100× with four exports running
 * (bench/exports.bench.ts, session 8): the main thread's major collections
 * waited in a futex for helpers busy with the render workers' multi-gigabyte
 * heaps — 643 ms of event-loop stall. A child has its own heap, its own GC
 * helpers and its own priority (every thread of it at WORKER_NICE, set by
 * worker-port.ts in the child; the file's name does not end in -worker: scripts/build.mjs makes every NAME-worker file an entry point), so the server's collections wait for nobody.
 */
export class ChildWorker extends EventEmitter {
  private readonly child: ChildProcess;
  private exited = false;

  constructor(url: URL, opts: { heapMb: number; execArgv: string[]; nice: number }) {
    super();
    this.child = fork(fileURLToPath(url), [], {
      execArgv: [...opts.execArgv, `--max-old-space-size=${opts.heapMb}`],
      serialization: 'advanced',
      // Read by worker-port.ts: this process is a pool's worker (a test runner's forked process is not).
      env: { ...process.env, WJ_CHILD_WORKER: '1', WJ_CHILD_NICE: String(opts.nice) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m) => this.emit('message', m));
    this.child.on('error', (err) => this.emit('error', err));
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      // V8 aborts a process whose heap reached its limit (SIGABRT, or exit code 134 through a shell): the same
      // failure a worker thread reports as ERR_WORKER_OUT_OF_MEMORY, so the pool answers it the same way.
      if (signal === 'SIGABRT' || code === 134) {
        this.emit('error', Object.assign(new Error('worker process ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
      }
      this.emit('exit', code ?? 1);
    });
  }

  postMessage(value: unknown): void {
    if (this.exited || !this.child.connected) { this.emit('error', new Error('worker process is gone')); return; }
    this.child.send(value as never, (err) => { if (err) this.emit('error', err); });
  }

  /** Ends the process at once (a job cut off or cancelled: nothing of it is wanted). */
  terminate(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.once('exit', () => resolve());
      // An idle worker is unref'd: without this, a process with nothing else to do would end before hearing of the exit.
      this.ref();
      this.child.kill('SIGKILL');
    });
  }

  /** An idle worker never keeps the server's process alive; a busy one does. */
  ref(): void { this.child.ref(); this.child.channel?.ref(); }
  unref(): void { this.child.unref(); this.child.channel?.unref(); }
}
