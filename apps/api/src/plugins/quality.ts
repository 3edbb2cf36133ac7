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
  // Scores are kept in the database (modules/quality/score-store.ts), so the next start reads them instead of scoring again.
  app.decorate('quality', new QualityService(app.db, { keep: true }));
  // The rows still being written are finished before the database closes.
  app.addHook('preClose', async () => { await app.quality.flush(); });
});
