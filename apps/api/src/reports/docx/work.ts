import { REVIEW_GRADE_LABELS } from '@wj/domain/labels';
import { REVIEW_GRADES } from '@wj/domain';
import type { ReportContext } from '../context.js';
import { joinCn, mdCn, pct, quoted } from '../format.js';
import type { WorkFigures } from '../work-figures.js';
import type { DraftWriter } from '../draft.js';
import { caption, h1, table, type Paragraph, type Table } from './kit.js';

const EXAMPLES = 3;

/** 二、工作成效: 组织生活 held against due, brands, 书记项目 and their results, 先锋岗, recruitment, 责任落实. */
export function workSection(ctx: ReportContext, w: WorkFigures, draft: DraftWriter): (Paragraph | Table)[] {
  const until = `截至${ctx.year}年${mdCn(ctx.cutoff)}`;
  const whole = ctx.target.unitId === null;
  const out: (Paragraph | Table)[] = [h1('二、工作成效')];
  draft.part();

  out.push(draft.h2('（一）“三会一课”等组织生活'));
  const due = w.orgLife.totals.filter((t) => t.due > 0);
  const later = w.orgLife.totals.filter((t) => t.branches > 0 && t.due === 0);
  const parts = due.map((t) => `应召开${t.kind.label}${t.due}次，按期召开${t.onTime}次，按期完成率${pct(t.onTime, t.due)}`);
  out.push(...draft.para('work', 'work.orgLife',
    `各党支部落实“三会一课”、主题党日、组织生活会和民主评议党员等制度。${until}，${parts.join('；') || '尚无到期的组织生活'}。`
    + (later.length ? `${joinCn(later.map((t) => t.kind.label))}每年一次、年底前完成，目前${later.map((t) => `${t.kind.label}已进行${t.held}次`).join('，')}。` : '')
    + `开展谈心谈话${w.orgLife.heartTalks}次${w.orgLife.attendance === null ? '' : `，组织生活平均到会率${pct(w.orgLife.attendance, 1)}`}。`,
  ));
  out.push(caption('表1  组织生活落实情况'));
  out.push(table(
    [
      { header: '会议类型', width: 1700 }, { header: '应开展支部（个）', width: 1250, numeric: true }, { header: '应召开（次）', width: 1150, numeric: true },
      { header: '实际召开（次）', width: 1250, numeric: true }, { header: '按期召开（次）', width: 1250, numeric: true },
      { header: '按期完成率', width: 1050, numeric: true }, { header: '全部按期的支部（个）', width: 1150, numeric: true },
    ],
    w.orgLife.totals.filter((t) => t.branches > 0).map((t) => [
      // A yearly meeting of the current year is due only at its end: nothing to measure on time yet.
      t.kind.label, t.branches, t.due || '年底到期', t.held, t.due ? t.onTime : null, t.due ? pct(t.onTime, t.due) : null, t.due ? t.compliant : null,
    ]),
  ));

  out.push(draft.h2('（二）支部品牌建设'));
  const b = w.brands;
  out.push(...draft.para('work', 'work.brands', b.total === 0 ? '尚未创建支部党建品牌。' : (
    `大力推进支部品牌建设，现有支部党建品牌${b.total}个，覆盖${b.branches}个党支部，占${ctx.branches.length}个党支部的${pct(b.branches, ctx.branches.length)}${b.newThisYear ? `，其中本年度新创建${b.newThisYear}个` : ''}。`
    + `创建了${b.named.map((n) => `${n.branch}${quoted(n.name)}`).join('、')}${b.total > b.named.length ? `等${b.total}个` : ''}特色支部品牌，以品牌建设促进支部活力。`
  )));

  out.push(draft.h2('（三）书记项目'));
  const p = w.projects;
  out.push(...draft.para('work', 'work.projects', p.total === 0 ? `${ctx.year}年尚未确定书记项目。` : (
    `${p.branches}个党支部确定${ctx.year}年度书记项目${p.total}个，紧扣医院中心工作选题。${until}，`
    + ([p.completed && `已完成${p.completed}个`, p.inProgress && `推进中${p.inProgress}个`, p.planned && `未启动${p.planned}个`].filter(Boolean).join('、') || '各项目均已确定')
    + `${p.lagging ? `，${p.lagging}个支部的书记项目推进滞后` : ''}。`
    + (p.results.length ? `已完成项目的成效如下（全部见附表3）：` : '')
  )));
  for (const [i, r] of p.results.slice(0, EXAMPLES).entries()) out.push(...draft.para('work', `work.result-${i + 1}`, /[。！；.]$/.test(r.review) ? r.review : `${r.review}。`, { lead: `${r.branch}${quoted(r.title)}——` }));

  out.push(draft.h2('（四）党员先锋岗'));
  out.push(...draft.para('work', 'work.posts', w.posts.total === 0 ? `${ctx.year}年尚未设立党员先锋岗。` : (
    `在急难险重任务一线设立党员先锋岗${w.posts.total}个，覆盖${w.posts.branches}个党支部，${w.posts.members}人次党员在岗位上亮身份、作表率。`
  )));

  out.push(draft.h2('（五）发展党员'));
  const r = w.recruits;
  out.push(...draft.para('work', 'work.recruits',
    `${until}，新接收入党申请${r.applied}人，新确定入党积极分子${r.activists}名、发展对象${r.candidates}名，`
    + `发展党员（接收预备党员）${r.admitted}名${r.admittedTalents ? `，其中高层次人才${r.admittedTalents}名` : ''}${r.converted ? `；预备党员按期转正${r.converted}名` : ''}。`
    + `目前在培养的入党申请人、积极分子、发展对象和预备党员共${r.pipeline}人，其中高层次人才${r.pipelineTalents}人。`,
  ));

  out.push(draft.h2('（六）党建责任落实'));
  const s = w.responsibility;
  const grades = REVIEW_GRADES.filter((g) => s.grades[g] > 0).map((g) => `“${REVIEW_GRADE_LABELS[g]}”${s.grades[g]}家`).join('、');
  out.push(...draft.para('work', 'work.responsibility', whole ? (
    `${s.units}家单位中，${s.plansOnTime}家按期制定年度党建工作计划${s.plansLate ? `，${s.plansLate}家逾期提交` : ''}；`
    + `在岗专职党务干部${s.fullTimeWorkers}名，${s.unitsWithWorker}家单位已配备；`
    + `党组织书记抓基层党建述职评议${grades ? `等次为${grades}` : '尚未评定等次'}；`
    + `主体责任清单共${s.itemsTotal}项，已完成${s.itemsDone}项，完成率${pct(s.itemsDone, s.itemsTotal)}。`
  ) : (
    `本单位${s.plansOnTime ? '按期制定了' : s.plansLate ? '逾期提交了' : '尚未制定'}年度党建工作计划；在岗专职党务干部${s.fullTimeWorkers}名；`
    + `党组织书记抓基层党建述职评议${grades ? `等次为${grades.replace(/\d+家/, '')}` : '尚未评定等次'}；`
    + `主体责任清单共${s.itemsTotal}项，已完成${s.itemsDone}项，完成率${pct(s.itemsDone, s.itemsTotal)}。`
  )));
  out.push(...draft.added('work'));
  return out;
}
