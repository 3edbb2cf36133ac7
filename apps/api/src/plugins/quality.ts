import fp from 'fastify-plugin';
import { QualityService } from '../modules/quality/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    quality: QualityService;
  }
}

/**
 * One quality service per app. It keeps scores fresh itself: every write
 * leaves an audit row, and each read first recomputes the units written since
 * (modules/quality/service.ts), so no route has to remember to invalidate.
 */
export default fp(async (app) => {
  app.decorate('quality', new QualityService(app.db));
});
