import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden } from '../lib/errors.js';

/**
 * Security headers on every answer and a cross-site request check on every
 * write (OWASP Secure Headers; CSRF: verifying origin with standard headers).
 *
 * CSP: the built SPA loads only its own scripts; antd injects its CSS-in-JS
 * as <style> elements, hence 'unsafe-inline' for styles only. The Swagger UI
 * under /api/docs ships inline scripts and keeps its own relaxed policy.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Set as one object per kind of answer: every request pays these, so they are built once (names in lower case, as
// Fastify keeps them), with and without Cache-Control: an API answer whose route chose its own keeps it.
const APP_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin', 'content-security-policy': CSP };
const API_HEADERS = { ...APP_HEADERS, 'cache-control': 'no-store' };
const DOCS_HEADERS = { ...API_HEADERS, 'content-security-policy': "frame-ancestors 'none'" };
const { 'cache-control': _api, ...API_CHOSEN } = API_HEADERS;
const { 'cache-control': _docs, ...DOCS_CHOSEN } = DOCS_HEADERS;

export default fp(async (app) => {
  // Callback-style hooks (no promise per request): they do no I/O.
  app.addHook('onSend', (req, reply, payload, done) => {
    const url = req.url;
    if (!url.startsWith('/api/')) reply.headers(APP_HEADERS);
    // An API answer is no-store unless its route chose otherwise (the org tree, the dashboard: private, revalidated by ETag).
    else if (url.startsWith('/api/docs')) reply.headers(reply.hasHeader('cache-control') ? DOCS_CHOSEN : DOCS_HEADERS);
    else reply.headers(reply.hasHeader('cache-control') ? API_CHOSEN : API_HEADERS);
    done(null, payload);
  });

  // Session cookies are SameSite=Strict already; this refuses a write whose
  // browser says it comes from another site, whatever cookies it carries.
  app.addHook('onRequest', (req, _reply, done) => {
    if (!UNSAFE.has(req.method)) { done(); return; }
    try { checkSameSite(req); done(); } catch (err) { done(err as Error); }
  });
});

/** Refuses a write whose browser names another site (Sec-Fetch-Site, or an Origin that is not this host). */
function checkSameSite(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw forbidden('拒绝跨站请求');
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    // Compare as URLs so that a default port written out (localhost:80) still matches.
    let same = false;
    try {
      const from = new URL(origin);
      same = from.host === new URL(`${from.protocol}//${req.headers.host ?? ''}`).host;
    } catch { /* unparsable: refused below */ }
    if (!same) throw forbidden('拒绝跨站请求');
  } else if (origin === 'null') {
    throw forbidden('拒绝跨站请求');
  }
}
