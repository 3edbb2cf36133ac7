import fp from 'fastify-plugin';
import { QualityService } from '../routes/quality/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    quality: QualityService;
  }
}

/**
 * Scores must never be stale: any write that succeeded (any non-GET answered
 * below 400) drops the cached scores, whatever route it came through. onSend
 * runs before the client has the answer, so its next read is fresh.
 */
export default fp(async (app) => {
  app.decorate('quality', new QualityService(app.db));
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) app.quality.invalidate();
    return payload;
  });
});
