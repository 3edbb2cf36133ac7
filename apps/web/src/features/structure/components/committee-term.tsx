import { Space, Tag } from 'antd';
import type { CommitteeRecord } from '@wj/domain/schemas';
import { formatDate, isPast } from '@/lib/format';

/**
 * When the committee was elected and when its term ends; past the end a red
 * tag (《关于党的基层组织任期的意见》2018: 党支部每届任期 3 年, 到期应按时换届).
 */
export function CommitteeTerm({ committee }: { committee: CommitteeRecord }) {
  const ended = committee.endedDate !== null;
  const expired = !ended && isPast(committee.termEndsOn);
  return (
    <Space size={12} wrap>
      <span>选举日期 {formatDate(committee.electedDate)}</span>
      <span>任期 {committee.termYears} 年</span>
      <span>任期届满 {formatDate(committee.termEndsOn)}</span>
      {ended && <span>换届（结束）于 {formatDate(committee.endedDate)}</span>}
      {!ended && (expired ? <Tag color="error">任期已届满</Tag> : <Tag color="success">任期内</Tag>)}
    </Space>
  );
}
