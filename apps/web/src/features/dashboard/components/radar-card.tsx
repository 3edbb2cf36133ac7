import { useState } from 'react';
import { Card, Select } from 'antd';
import type { Dashboard } from '@wj/domain/schemas';
import { DimensionRadar } from './lazy-charts';

/** 四强 radar: the commission average against a unit picked in the Select (the lowest-ranked one at first). */
export function RadarCard({ data }: { data: Dashboard }) {
  const weakest = data.unitRanking.at(-1)?.orgId;
  const [unitId, setUnitId] = useState<number | undefined>(weakest);
  const unit = data.unitDimensions.find((u) => u.orgId === unitId) ?? data.unitDimensions.find((u) => u.orgId === weakest);
  return (
    <Card
      title="四强维度对比"
      extra={
        <Select
          aria-label="对比单位"
          size="small"
          style={{ width: 200 }}
          value={unit?.orgId}
          options={data.unitDimensions.map((u) => ({ value: u.orgId, label: u.name }))}
          onChange={setUnitId}
          showSearch={{ optionFilterProp: 'label' }}
        />
      }
      style={{ height: '100%' }}
    >
      <DimensionRadar average={data.dimensionAverages} unit={unit} />
    </Card>
  );
}
