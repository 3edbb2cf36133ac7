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

export default fp(async (app) => {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!req.url.startsWith('/api/docs')) reply.header('Content-Security-Policy', CSP);
    else reply.header('Content-Security-Policy', "frame-ancestors 'none'");
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Session cookies are SameSite=Strict already; this refuses a write whose
  // browser says it comes from another site, whatever cookies it carries.
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE.has(req.method)) return;
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
  });
});
