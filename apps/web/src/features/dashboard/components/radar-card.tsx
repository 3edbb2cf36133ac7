import { useState } from 'react';
import { Card, Select, Skeleton } from 'antd';
import type { Dashboard } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useUnitDimensions } from '../api/get-unit-dimensions';
import { DimensionRadar } from './lazy-charts';

/**
 * 四强 radar: the commission average against a unit picked in the Select (the lowest-ranked one at first). The
 * unit's averages come with its score detail, fetched for the unit picked.
 */
export function RadarCard({ data }: { data: Dashboard }) {
  const weakest = data.unitRanking.at(-1)?.orgId;
  const [unitId, setUnitId] = useState<number | undefined>(weakest);
  const picked = data.unitRanking.some((u) => u.orgId === unitId) ? unitId : weakest;
  const unit = useUnitDimensions(picked, data.year);
  return (
    <Card
      title="四强维度对比"
      extra={
        <Select
          aria-label="对比单位"
          size="small"
          style={{ width: 200 }}
          value={picked}
          options={data.unitRanking.map((u) => ({ value: u.orgId, label: u.institutionName ?? u.name }))}
          onChange={setUnitId}
          showSearch={{ optionFilterProp: 'label' }}
        />
      }
      style={{ height: '100%' }}
    >
      {unit.isError
        ? <QueryError error={unit.error} onRetry={() => void unit.refetch()} title="单位四强得分加载失败" />
        : unit.isPending && picked !== undefined
          ? <Skeleton active paragraph={{ rows: 6 }} />
          : <DimensionRadar average={data.dimensionAverages} unit={unit.data && { name: unit.data.name, ...unit.data.dimensions }} />}
    </Card>
  );
}
