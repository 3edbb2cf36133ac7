/**
 * The HTTP client of exports.bench.ts, in a process of its own, so that the
 * server's main thread (in the bench's process) does only the server's work
 * and collects only the server's garbage. Started by exports.bench.ts with
 * child_process.fork; each message asks for one thing and is answered once:
 *
 *   { id, kind: 'download', base, cookie, paths }  → { id, ms: [each export's time] } (all at once)
 *   { id, kind: 'window', healthUrl, bareUrl, count?, exports? }
 *     → { id, health, bare, exportsMs? }: /api/health and the bare route called in two loops, one request after
 *       another, `count` requests each, or while `exports` ({ base, cookie, paths }) are downloaded at once;
 *       each loop's latencies summed up here (worst, p99, p50, count), the rest left in this process.
 *
 * A failure is answered { id, error }.
 */
import { get } from 'node:http';
import { ms, now, percentile } from './lib.js';

export interface Exports { base: string; cookie: string; paths: string[] }
export type ClientRequest =
  | { id: number; kind: 'download'; base: string; cookie: string; paths: string[] }
  | { id: number; kind: 'window'; healthUrl: string; bareUrl: string; count?: number; exports?: Exports };
/** One loop's latencies, ms. */
export interface Latencies { worst: number; p99: number; p50: number; n: number }
export type ClientReply = { id: number; error: string } | { id: number; ms: number[] } | { id: number; health: Latencies; bare: Latencies; exportsMs?: number[]; exportsBytes?: number[] };

/** Sequential GETs of `url` until `until` settles (or `count` requests): each one's latency in ms. */
async function loop(url: string, opts: { until?: Promise<unknown>; count?: number }): Promise<number[]> {
  let over = false;
  void opts.until?.finally(() => { over = true; });
  const times: number[] = [];
  while (!over && (opts.count === undefined || times.length < opts.count)) {
    const t = now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(ms(t));
  }
  return times;
}

/** The size of each export downloaded, bytes (printed by the bench once). */
const bytes: number[] = [];

/** One export downloaded (node:http: a province's report on a loaded machine can take longer than fetch's 300 s wait for headers). */
function download(base: string, cookie: string, path: string): Promise<number> {
  const t = now();
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
        else { bytes.push(chunks.reduce((n, c) => n + c.length, 0)); resolve(ms(t)); }
      });
    }).on('error', reject);
  });
}

const sum = (xs: number[]): Latencies => ({ worst: xs.reduce((m, x) => Math.max(m, x), 0), p99: percentile(xs, 99), p50: percentile(xs, 50), n: xs.length });

async function answer(m: ClientRequest): Promise<ClientReply> {
  if (m.kind === 'download') return { id: m.id, ms: await Promise.all(m.paths.map((p) => download(m.base, m.cookie, p))) };
  const x = m.exports;
  bytes.length = 0;
  const running = x ? Promise.all(x.paths.map((p) => download(x.base, x.cookie, p))) : undefined;
  const [health, bare, exportsMs] = await Promise.all([
    loop(m.healthUrl, running ? { until: running } : { count: m.count ?? 200 }),
    loop(m.bareUrl, running ? { until: running } : { count: m.count ?? 200 }),
    running,
  ]);
  return { id: m.id, health: sum(health), bare: sum(bare), ...(exportsMs ? { exportsMs, exportsBytes: bytes.splice(0) } : {}) };
}

process.on('message', (m: ClientRequest) => {
  answer(m).then(
    (r) => process.send!(r),
    (err: unknown) => process.send!({ id: m.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
// Leaves with its parent.
process.on('disconnect', () => process.exit(0));
