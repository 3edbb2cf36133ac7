import type { GapLine } from '@wj/domain/schemas';
import { joinCn, ordinal } from './format.js';

/**
 * 三、存在问题 and 四、对策建议 from the gap catalogue. The gaps are grouped
 * the way the survey groups its 形势分析 (班子, 组织生活, 队伍, 作用发挥, 责任),
 * each group led by one sentence in its voice and listing its gaps as
 * 一是…二是…; groups and gaps within them follow the catalogue's order —
 * red (rule broken) before amber, then by how many organisations are affected.
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

/** Groups in order of their most pressing gap (the catalogue is sorted red first, then by count). */
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

/**
 * One gap as the survey would write it: the count in the dashboard's words,
 * how many break the rule outright, and the worst organisations by name with
 * what is missing at each.
 */
export function gapSentence(gap: GapLine, i: number, name: (orgId: number) => string): string {
  const noun = gap.level === 'unit' ? '家' : '个';
  let s = `${ordinal(i)}${gap.text}`;
  if (gap.red > 0 && gap.amber > 0) s += `（其中${gap.red}${noun}已违反规定，${gap.amber}${noun}存在风险）`;
  else if (gap.red === 0) s += '（均为预警，尚未违反规定）';
  const named = gap.orgs.slice(0, NAMED);
  const messages = [...new Set(named.map((o) => o.message))];
  // One shared reason is said once after the names; differing ones go in brackets behind each name.
  const worst = named.map((o) => (messages.length === 1 ? name(o.orgId) : `${name(o.orgId)}（${o.message}）`));
  if (worst.length) s += gap.count > worst.length ? `，如${joinCn(worst)}等` : `，即${joinCn(worst)}`;
  if (worst.length && messages.length === 1) s += `，${messages[0]}`;
  return `${s}。`;
}

/** The group's recommendations, each said once, in the order of its gaps. */
export function remedies(group: ProblemGroup): string[] {
  return [...new Set(group.gaps.map((g) => g.recommendation))];
}
