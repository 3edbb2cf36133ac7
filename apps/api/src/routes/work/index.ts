import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import brandRoutes from './brands.js';
import projectRoutes from './projects.js';
import vanguardRoutes from './vanguard.js';

/** A branch's 作用发挥 records: 支部品牌, 书记项目 (with milestones), 党员先锋岗. */
const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(brandRoutes);
  await app.register(projectRoutes);
  await app.register(vanguardRoutes);
};

export default routes;
