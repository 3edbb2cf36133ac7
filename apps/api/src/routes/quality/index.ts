import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BranchScoreDetailSchema, BranchScoreListSchema, DashboardSchema, ErrorBodySchema, GapCatalogueSchema, IdParamSchema,
  QualityQuerySchema, RuleSetResponseSchema, RuleSetUpdateSchema, UnitScoreDetailSchema, UnitScoreListSchema,
} from '@wj/domain/schemas';
import { notFound } from '../../lib/errors.js';
import { sendKept } from '../../lib/kept-json.js';
import { keptQueryValidator } from '../../lib/kept-query.js';
import { today } from '../../lib/today.js';
import type { ChangeSignal } from '../../modules/quality/change-signal.js';
import { dashboardJson } from '../../modules/quality/dashboard-json.js';
import { currentRules, ruleHistory, saveRules } from '../../modules/quality/rules-store.js';
import { AsOfBudget } from '../../modules/quality/as-of-budget.js';
import { resolvePeriod } from '../../modules/quality/service.js';
import { branchRow, dashboard, gapLines, unitDimensions, unitRow, visible, withNames } from '../../modules/quality/views.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema };
const tags = ['质量评价'];
/** How year and asOf are read (the API description of every score route). */
const description = 'year、asOf 的取值：不带 asOf 时，往年按全年、本年按截至今天计分；asOf 晚于今天按今天计，晚于所选年度年末按年末（或今天，取其早者）计；'
  + 'asOf 早于所选年度则拒绝（400）。默认日期之外的截至日期，每分钟最多新计算 4 个，其余按已计算的同年最近日期作答（以响应中的 asOf 为准），该年尚无可用日期时返回 429。';

const routes: FastifyPluginAsyncZod = async (app) => {
  // The caller's period, clamped into its year and to today (resolvePeriod), then held to the budget of dates (as-of-budget.ts).
  const budget = new AsOfBudget();
  /**
   * The period a query resolves to, kept per (today, change signal, year, asOf): while neither today nor the
   * data moved, the years and the clamping are what they were. The budget is asked again on every request
   * (its window slides with time).
   */
  type Period = { years: number[]; year: number; asOf: string; free: string | null };
  let periods = { today: '', signal: '', byQuery: new Map<string, Period>() };
  const periodOf = async (signal: ChangeSignal, day: string, key: string, q: { year?: number; asOf?: string }): Promise<Period> => {
    const years = await app.quality.dataYears(signal);
    const { year, asOf } = resolvePeriod(years, q, day);
    const thisYear = Number(day.slice(0, 4));
    const free = year === thisYear || years.includes(year) ? resolvePeriod(years, { year }, day).asOf : null;
    const period = { years, year, asOf, free };
    // Only if nothing moved while the years were read (another request may have started a new memo).
    if (periods.signal === signal && periods.today === day && periods.byQuery.size < 64) periods.byQuery.set(key, period);
    return period;
  };
  const answer = (signal: ChangeSignal, period: Period) => ({ years: period.years, signal, year: period.year, asOf: budget.pick(period.year, period.asOf, period.free) });
  /** Synchronous when the signal was read already and the period is kept (the usual cached read): no promise. */
  const when = (q: { year?: number; asOf?: string }, readSignal?: ChangeSignal | null): ReturnType<typeof answer> | Promise<ReturnType<typeof answer>> => {
    // One read of the change signal per request (on SQLite the one the session check read: plugins/auth.ts):
    // unmoved, the years and the scores come from memory (service.ts).
    if (readSignal == null) return Promise.resolve(app.quality.signal()).then((signal) => when(q, signal));
    const day = today();
    if (periods.today !== day || periods.signal !== readSignal) periods = { today: day, signal: readSignal, byQuery: new Map() };
    const key = `${q.year}|${q.asOf}`;
    const period = periods.byQuery.get(key);
    return period ? answer(readSignal, period) : periodOf(readSignal, day, key, q).then((p) => answer(readSignal, p));
  };
  const yearScores = async (q: { year?: number; asOf?: string }, readSignal: ChangeSignal | null) => {
    const { signal, year, asOf } = await when(q, readSignal);
    return app.quality.scores(year, asOf, signal);
  };
  const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

  app.get('/quality/dashboard', {
    config: { access: {} },
    validatorCompiler: keptQueryValidator,
    schema: {
      tags, summary: '总览：关键指标、得分分布、单位排名、四强维度、问题清单、同比', description, querystring: QualityQuerySchema,
      response: { 200: DashboardSchema, 304: z.null().describe('总览未变（If-None-Match）'), ...errors },
    },
  }, async (req, reply) => {
    const period = when(req.query, req.dataVersion);
    const { year, asOf, years, signal } = period instanceof Promise ? await period : period;
    // The subtotals (kept ones after a start, without the branch details behind them); a branch's dashboard needs its branch's scores.
    const read = (y: number, d: string) => (req.scope.branchId !== null ? app.quality.scores(y, d, signal) : app.quality.parts(y, d, signal));
    const ys = await read(year, asOf);
    const previous = years.includes(year - 1) ? await read(year - 1, `${year - 1}-12-31`) : null;
    const scopeKey = `dash|${req.scope.all}|${req.scope.unitId}|${req.scope.branchId}|${previous?.serial ?? 0}|${years.join(',')}`;
    // Serialized once per state of the scores and scope, then sent as kept (lib/kept-json.ts): at province size the
    // dashboard's JSON is large, and checking and serializing it on every read was most of a cached request's work.
    const body = app.quality.view(ys, scopeKey, () => dashboardJson(dashboard(ys, req.scope, years, previous)));
    return sendKept(req, reply as unknown as FastifyReply, body);
  });

  app.get('/quality/branches', {
    config: { access: {} },
    validatorCompiler: keptQueryValidator,
    schema: { tags, summary: '各支部得分（按权限范围，可按单位筛选）', description, querystring: QualityQuerySchema, response: { 200: BranchScoreListSchema, ...errors } },
  }, async (req) => {
    const ys = await yearScores(req.query, req.dataVersion);
    const { branches } = visible(ys, req.scope, req.query.unitId);
    return { year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, items: branches.map((b) => branchRow(ys, b)).sort((a, b) => a.total - b.total) };
  });

  app.get('/quality/branches/:id', {
    config: { access: byParamOrg },
    validatorCompiler: keptQueryValidator,
    schema: { tags, summary: '一个支部的得分明细：每项指标、每处失分及依据', params: IdParamSchema, description, querystring: QualityQuerySchema, response: { 200: BranchScoreDetailSchema, ...errors } },
  }, async (req) => {
    const ys = await yearScores(req.query, req.dataVersion);
    const s = ys.branches.find((b) => b.orgId === req.params.id);
    if (!s) throw notFound('该组织不是在册党支部，没有支部得分');
    return { ...branchRow(ys, s), year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, passLine: ys.rules.rules.passLine, indicators: withNames(s.indicators), gaps: s.gaps };
  });

  app.get('/quality/units', {
    config: { access: {} },
    validatorCompiler: keptQueryValidator,
    schema: { tags, summary: '各单位得分（含责任落实）', description, querystring: QualityQuerySchema, response: { 200: UnitScoreListSchema, ...errors } },
  }, async (req) => {
    const ys = await yearScores(req.query, req.dataVersion);
    const { units } = visible(ys, req.scope);
    return { year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, items: units.map((u) => unitRow(ys, u)).sort((a, b) => b.total - a.total) };
  });

  app.get('/quality/units/:id', {
    config: { access: byParamOrg },
    validatorCompiler: keptQueryValidator,
    schema: { tags, summary: '一个单位的得分明细、责任落实指标及所属支部得分', params: IdParamSchema, description, querystring: QualityQuerySchema, response: { 200: UnitScoreDetailSchema, ...errors } },
  }, async (req) => {
    const ys = await yearScores(req.query, req.dataVersion);
    const s = ys.units.find((u) => u.orgId === req.params.id);
    if (!s) throw notFound('该组织不是直属单位党组织');
    const branches = (ys.groups.get(s.orgId)?.branches ?? []).map((b) => branchRow(ys, b)).sort((a, b) => a.total - b.total);
    return { ...unitRow(ys, s), year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, passLine: ys.rules.rules.passLine, indicators: withNames(s.indicators), gaps: s.gaps, dimensions: unitDimensions(ys, s), branches };
  });

  app.get('/quality/gaps', {
    config: { access: {} },
    validatorCompiler: keptQueryValidator,
    schema: { tags, summary: '问题清单：每类问题涉及的支部（单位）数及名单', description, querystring: QualityQuerySchema, response: { 200: GapCatalogueSchema, ...errors } },
  }, async (req) => {
    const ys = await yearScores(req.query, req.dataVersion);
    const { branches, units } = visible(ys, req.scope, req.query.unitId);
    return { year: ys.year, asOf: ys.asOf, items: gapLines(ys, branches, units) };
  });

  app.get('/quality/rules', {
    config: { access: {} },
    schema: { tags, summary: '现行评分规则（版本、权重、阈值、频次）', response: { 200: RuleSetResponseSchema, 401: ErrorBodySchema } },
  }, async () => await currentRules(app.db));

  app.get('/quality/rules/history', {
    config: { access: { roles: ['admin'] } },
    schema: { tags, summary: '评分规则历史版本', response: { 200: z.array(RuleSetResponseSchema), 401: ErrorBodySchema, 403: ErrorBodySchema } },
  }, async () => await ruleHistory(app.db));

  app.put('/quality/rules', {
    config: { access: { roles: ['admin'] } },
    schema: { tags, summary: '修改评分规则（保存为新版本，立即生效）', body: RuleSetUpdateSchema, response: { 200: RuleSetResponseSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await saveRules(app.db, req.user!, req.body));
  await app.register(import('./years.js')); // 历年对比 (GET /quality/years)
};

export default routes;
