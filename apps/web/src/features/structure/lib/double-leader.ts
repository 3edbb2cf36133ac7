import type { TitleLevel } from '@wj/domain';

const SENIOR_TITLES: readonly TitleLevel[] = ['senior', 'deputy_senior'];

/**
 * “双带头人”: a party leader who is also a professional leader — a 内设机构负责人
 * or holding a 副高 or higher title (《关于加强公立医院党的建设工作的意见》2018;
 * DESIGN.md, 支部班子强).
 */
export function isDoubleLeader(person: { isDeptHead: boolean; titleLevel: TitleLevel }): boolean {
  return person.isDeptHead || SENIOR_TITLES.includes(person.titleLevel);
}
