import type { GapLine } from '@wj/domain/schemas';
import { joinCn, ordinal } from './format.js';

/**
 * 三、存在问题 and 四、对策建议 from the gap catalogue. The lines are grouped
 * first by tier — 涉及违反党内法规制度的问题, 未达到本委工作要求的问题, then the
 * reminders — so that no heading claims more than its own lines; within a
 * tier by the survey's themes (班子, 组织生活, 队伍, 作用发挥, 责任), each
 * listing its lines as 一是…二是…, in the catalogue's order.
 */
interface Theme {
  dimension: string;
  problem: string;
  remedy: string;
}

const THEMES: readonly Theme[] = [
  { dimension: 'responsibility', problem: '党建主体责任压得还不够实', remedy: '压紧压实管党治党责任，配齐配强党务工作力量' },
  { dimension: 'leadership', problem: '支部班子建设还有短板', remedy: '选优配强支部班子，夯实基层组织基础' },
  { dimension: 'political', problem: '组织生活还不够规范', remedy: '严格党内组织生活，增强支部政治功能' },
  { dimension: 'team', problem: '党员队伍建设有待加强', remedy: '加强党员教育管理，建强党员队伍' },
  { dimension: 'role', problem: '党建引领作用发挥还不够充分', remedy: '创新党建工作载体，推动党建与业务深度融合' },
];

export interface ProblemGroup {
  theme: Theme;
  gaps: GapLine[];
}

/** Groups in order of their most pressing line (the catalogue is sorted by tier, then red first, then by count). */
export function problemGroups(gaps: GapLine[]): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  for (const gap of gaps) {
    const theme = THEMES.find((t) => t.dimension === gap.dimension);
    if (!theme) continue;
    let group = groups.find((g) => g.theme === theme);
    if (!group) groups.push((group = { theme, gaps: [] }));
    group.gaps.push(gap);
  }
  return groups;
}

const NAMED = 3;
/** The survey names an organisation as an example at most this often in the whole text. */
export const MAX_MENTIONS = 2;

/** Counts how often each organisation has been named as an example so far. */
export type Mentions = Map<number, number>;

/**
 * One line as the survey would write it (`i`: its place for 一是…二是…, null
 * when it stands alone): the count in the dashboard's words
 * and up to three organisations by name with what is missing at each — the
 * worst ones not yet named twice elsewhere in the report.
 */
export function gapSentence(gap: GapLine, i: number | null, name: (orgId: number) => string, mentions: Mentions = new Map()): string {
  let s = `${i === null ? '' : ordinal(i)}${gap.text}`;
  const named = gap.orgs.filter((o) => (mentions.get(o.orgId) ?? 0) < MAX_MENTIONS).slice(0, NAMED);
  for (const o of named) mentions.set(o.orgId, (mentions.get(o.orgId) ?? 0) + 1);
  // A message goes in brackets behind a name: its own brackets become commas, so brackets never nest.
  const messages = [...new Set(named.map((o) => unbracket(o.message)))];
  // One shared reason is said once after the names; differing ones go in brackets behind each name.
  const worst = named.map((o) => (messages.length === 1 ? name(o.orgId) : `${name(o.orgId)}（${unbracket(o.message)}）`));
  if (worst.length) s += gap.count > worst.length ? `，如${joinCn(worst)}等` : `，即${joinCn(worst)}`;
  if (worst.length && messages.length === 1) s += `，${messages[0]}`;
  return `${s}。`;
}

/** “仅开展8次（1、9、10月未开展）” → “仅开展8次，1、9、10月未开展”. */
export const unbracket = (message: string): string => message.replace(/（([^（）]*)）/g, '，$1');

/** The group's recommendations, each said once, in the order of its lines. */
export function remedies(group: ProblemGroup): string[] {
  return [...new Set(group.gaps.map((g) => g.recommendation))];
}
