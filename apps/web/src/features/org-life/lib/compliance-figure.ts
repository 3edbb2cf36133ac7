import type { ComplianceItem } from './compliance';

/** What a 三会一课 tile shows: periods met against periods due, and apart from it the meetings held. */
export function figure(item: ComplianceItem): { value: string; caption: string } {
  if (item.key === 'attendance') {
    return { value: item.status === 'na' ? '—' : `${item.held}%`, caption: `达标线 ${item.due}%` };
  }
  if (item.status === 'na') return { value: '不考核', caption: `已召开 ${item.recorded} 次` };
  if (item.due === 0) return { value: `${item.recorded} 次`, caption: '已召开' };
  // Meetings held and periods met are different numbers: two 支委会 in one month meet one period.
  return { value: `${item.held} / ${item.due} 期`, caption: `达标期数 · 已召开 ${item.recorded} 次` };
}
