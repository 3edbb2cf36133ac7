import fp from 'fastify-plugin';
import type { Db } from '../db/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** Makes the opened database available to routes as `app.db`; closes it with the app. */
export default fp<{ db: Db }>(async (app, opts) => {
  app.decorate('db', opts.db);
  app.addHook('onClose', async () => {
    await opts.db.close();
  });
});
