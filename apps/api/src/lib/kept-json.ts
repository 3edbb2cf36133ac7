import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';

const gzipAsync = promisify(gzip);

/**
 * An answer serialized once and sent many times: a big read (the org tree, the
 * dashboard) that stays the same until the data moves is checked against its
 * response schema and turned into JSON once per version (the caller memoises
 * it on that version), instead of on every request; its gzip is made off the
 * event loop, once, when a caller first takes it.
 */
export interface KeptJson {
  json: string;
  /** The JSON's UTF-8 bytes, encoded once when first sent (a string reply is encoded again on every send). */
  bytes: () => Buffer;
  /** A strong validator of exactly this body (RFC 9110 §8.8.3): equal only when the JSON is. */
  etag: string;
  gzip: () => Promise<Buffer>;
  /** The gzip once made (after `gzip()` has settled): sent without waiting on the promise again. */
  gzipped?: Buffer;
}

/** Parsed by the route's response schema (unknown keys dropped, as the typed serializer would), then serialized. */
export function keptJson<T>(schema: ZodType<T>, value: T): KeptJson {
  return keptFromJson(JSON.stringify(schema.parse(value)));
}

/** A kept answer of JSON already checked against its schema (e.g. assembled from checked parts). */
export function keptFromJson(json: string): KeptJson {
  let zipped: Promise<Buffer> | undefined;
  let bytes: Buffer | undefined;
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  const kept: KeptJson = {
    json, etag, bytes: () => (bytes ??= Buffer.from(json)),
    gzip: () => (zipped ??= gzipAsync(json, { level: 6 }).then((b) => (kept.gzipped = b))),
  };
  return kept;
}

/** Whether the caller takes gzip (RFC 9110 §12.5.3: listed, and not with q=0). */
export function takesGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return parseTakesGzip(header);
  // Callers send few distinct headers: each is parsed once.
  let known = gzipByHeader.get(header);
  if (known === undefined) {
    if (gzipByHeader.size >= 64) gzipByHeader.clear();
    gzipByHeader.set(header, (known = parseTakesGzip(header)));
  }
  return known;
}
const gzipByHeader = new Map<string, boolean>();

function parseTakesGzip(header: string | string[] | undefined): boolean {
  return [header ?? ''].flat().join(',').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (coding !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** If-None-Match lists this tag, or `*` (RFC 9110 §13.1.2; weak comparison). */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => { const v = t.trim(); return v === '*' || v === etag || v === `W/${etag}`; });
}

const KEPT_HEADERS = { 'cache-control': 'private, no-cache', vary: 'Accept-Encoding, Cookie' };

/**
 * Sends a kept answer as it is, past the route's typed serializer (it is
 * already the schema's JSON): 304 when the caller holds this version, gzip when
 * it takes it. The browser keeps it and asks again each time (no-cache), so an
 * unchanged answer costs a 304. The tag is of this caller's own answer (their
 * scope), checked after the session: another user's copy never matches theirs
 * by accident (and Vary: Cookie keeps shared caches from mixing them).
 */
export function sendKept(req: FastifyRequest, reply: FastifyReply, body: KeptJson): FastifyReply | Promise<FastifyReply> {
  reply.headers(KEPT_HEADERS).header('etag', body.etag);
  if (matches(req.headers['if-none-match'], body.etag)) return reply.code(304).send();
  reply.header('content-type', 'application/json; charset=utf-8');
  if (takesGzip(req.headers['accept-encoding'])) {
    reply.header('content-encoding', 'gzip');
    return body.gzipped ? reply.send(body.gzipped) : body.gzip().then((zipped) => reply.send(zipped));
  }
  return reply.send(body.bytes());
}
