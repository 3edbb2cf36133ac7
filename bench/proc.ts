// What the benches read of this process from Linux's /proc: the main thread's time on a CPU and waiting for one, a
// thread's state sampled from a worker, and the memory of this process's child processes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The main thread's time on a CPU and waiting in the run queue so far, ms (/proc/self/task/<pid>/schedstat); NaN where there is none. */
export function schedstat(): [number, number] {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [ran! / 1e6, waited! / 1e6];
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

/**
 * Samples one thread of this process (default: the main thread) about every
 * `everyMs` from a worker thread of its own (Linux: /proc/self/task/<tid>/stat,
 * wchan and syscall): its scheduler state (R running or runnable, S sleeping,
 * D uninterruptible), the kernel function it sleeps in and the system call it
 * is in. `summary(windows)` counts the samples that fall inside the given
 * [start, end] windows (absolute ms: performance.timeOrigin + performance.now())
 * by "state wchan syscall", most first — what the thread was doing or waiting
 * on in an event loop's stalls. `stop()` ends the worker. Null where /proc is not there.
 */
export async function threadSampler(everyMs = 1, tid = process.pid): Promise<{ summary(windows: [number, number][]): Promise<[string, number][]>; stop(): Promise<void> } | null> {
  if (!existsSync(`/proc/self/task/${tid}/syscall`)) return null;
  const { Worker } = await import('node:worker_threads');
  const code = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const dir = '/proc/self/task/' + workerData.tid + '/';
const SYS = { 0: 'read', 1: 'write', 7: 'poll', 9: 'mmap', 10: 'mprotect', 11: 'munmap', 17: 'pread64', 18: 'pwrite64', 28: 'madvise', 74: 'fsync', 75: 'fdatasync', 202: 'futex', 232: 'epoll_wait', 281: 'epoll_pwait', 435: 'clone3', 441: 'epoll_pwait2' };
const keys = new Map(); const names = [];
const times = []; const ids = [];
const sleep = new Int32Array(new SharedArrayBuffer(4));
let on = true;
parentPort.on('message', (m) => {
  if (m === 'stop') { on = false; return; }
  const counts = new Map();
  let w = 0;
  for (let i = 0; i < times.length; i++) {
    while (w < m.length && m[w][1] < times[i]) w++;
    if (w >= m.length) break;
    if (times[i] >= m[w][0]) counts.set(names[ids[i]], (counts.get(names[ids[i]]) ?? 0) + 1);
  }
  parentPort.postMessage([...counts].sort((a, b) => b[1] - a[1]));
});
function tick() {
  if (!on) { parentPort.close(); return; }
  for (let n = 0; n < 20; n++) {
    let key;
    try {
      const state = readFileSync(dir + 'stat', 'latin1').split(') ')[1].split(' ')[0];
      const sc = readFileSync(dir + 'syscall', 'latin1').split(' ')[0].trim();
      key = state === 'R' ? 'R' : state + ' ' + readFileSync(dir + 'wchan', 'latin1') + ' ' + (SYS[sc] ?? sc);
    } catch { key = '?'; }
    let id = keys.get(key);
    if (id === undefined) { id = names.length; keys.set(key, id); names.push(key); }
    times.push(performance.timeOrigin + performance.now()); ids.push(id);
    Atomics.wait(sleep, 0, 0, workerData.everyMs);
  }
  setImmediate(tick);
}
tick();`;
  const w = new Worker(code, { eval: true, workerData: { tid, everyMs } });
  w.unref();
  return {
    summary: (windows) => new Promise((res) => { w.once('message', res); w.postMessage([...windows].sort((a, b) => a[0] - b[0])); }),
    stop: async () => { w.postMessage('stop'); await w.terminate(); },
  };
}

/**
 * The resident memory of this process's own child processes (the render pool's workers, which write the exports in a
 * process of their own and stay warm for a minute after a job), MB, read from /proc; 0 where there is none.
 */
export function childProcessesRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch { /* gone meanwhile */ }
  }
  return Math.round(kb / 1024);
}
