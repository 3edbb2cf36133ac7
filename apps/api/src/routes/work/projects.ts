import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamSchema, MilestoneWriteSchema, ProjectInputSchema, ProjectListQuerySchema, ProjectSchema, ProjectUpdateSchema,
} from '@wj/domain/schemas';
import { byParamOrg, byRecord, errors, withConflict } from './access.js';
import {
  addMilestone, createProject, listProjects, milestoneOrgId, projectOrgId, updateMilestone, updateProject,
} from '../../modules/work/project-service.js';

const tags = ['书记项目'];

const routes: FastifyPluginAsyncZod = async (app) => {
  const byProject = byRecord((id) => projectOrgId(app.db, id));

  app.get('/orgs/:id/projects', {
    config: { access: byParamOrg },
    schema: { tags, summary: '支部书记项目（含节点和逾期节点数）', params: IdParamSchema, querystring: ProjectListQuerySchema, response: { 200: z.array(ProjectSchema), ...errors } },
  }, async (req) => await listProjects(app.db, req.params.id, req.query));

  app.post('/orgs/:id/projects', {
    config: { access: byParamOrg },
    schema: { tags, summary: '立项书记项目（至少一个节点）', params: IdParamSchema, body: ProjectInputSchema, response: { 201: ProjectSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createProject(app.db, req.user!, req.params.id, req.body)));

  app.put('/projects/:id', {
    config: { access: byProject },
    schema: { tags, summary: '修改书记项目、更新进度或结项', params: IdParamSchema, body: ProjectUpdateSchema, response: { 200: ProjectSchema, ...withConflict } },
  }, async (req) => await updateProject(app.db, req.user!, req.params.id, req.body));

  app.post('/projects/:id/milestones', {
    config: { access: byProject },
    schema: { tags, summary: '增加项目节点（携带项目版本号）', params: IdParamSchema, body: MilestoneWriteSchema, response: { 201: ProjectSchema, ...withConflict } },
  }, async (req, reply) => reply.code(201).send(await addMilestone(app.db, req.user!, req.params.id, req.body)));

  app.put('/milestones/:id', {
    config: { access: byRecord((id) => milestoneOrgId(app.db, id)) },
    schema: { tags, summary: '修改项目节点或登记完成日期（携带项目版本号）', params: IdParamSchema, body: MilestoneWriteSchema, response: { 200: ProjectSchema, ...withConflict } },
  }, async (req) => await updateMilestone(app.db, req.user!, req.params.id, req.body));
};

export default routes;
