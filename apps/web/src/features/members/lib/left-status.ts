import type { MemberStatus } from '@wj/domain';

/** How a record that left the roll reads in a sentence (“已转出”); the table's tag uses MEMBER_STATUS_LABELS. */
export const LEFT_PHRASES: Record<Exclude<MemberStatus, 'active'>, string> = {
  transferred_out: '已转出', deceased: '已去世', expelled: '已出党',
};

export const STATUS_TAG_COLORS: Record<MemberStatus, string> = {
  active: 'green', transferred_out: 'blue', deceased: 'default', expelled: 'red',
};
