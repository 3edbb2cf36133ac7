import { Flex } from 'antd';
import { useMe } from '@/lib/auth';
import { canManageUnit } from '@/lib/write-access';
import { PlansSection } from './plans-section';
import { ResponsibilitySection } from './responsibility-section';
import { ReviewsSection } from './reviews-section';
import { WorkersSection } from './workers-section';

/**
 * A unit's 责任落实 records (DESIGN.md, unit indicators): the yearly plan, its
 * party workers, the secretary's 述职评议 grade and the responsibility list.
 * The unit keeps the first, second and fourth; the commission grades the third.
 */
export function UnitRecordsPanel({ orgId }: { orgId: number }) {
  const me = useMe();
  // orgId is a unit-level org: it is its own unit.
  const canWrite = canManageUnit(me.data, { id: orgId, parentId: null, unitId: orgId });
  const canGrade = me.data?.role === 'admin';
  return (
    <Flex vertical gap={16}>
      <PlansSection unitId={orgId} canWrite={canWrite} />
      <WorkersSection unitId={orgId} canWrite={canWrite} />
      <ReviewsSection unitId={orgId} canGrade={canGrade} />
      <ResponsibilitySection unitId={orgId} canWrite={canWrite} />
    </Flex>
  );
}
