import { Collapse, Table } from 'antd';
import { ROSTER_COLUMNS, type RosterColumn } from '@wj/domain/schemas';

/** How to fill in each column: the same list the template's 填写说明 sheet is built from. */
export function RosterColumnHints() {
  return (
    <Collapse
      size="small"
      items={[{
        key: 'hints',
        label: '填写说明（各列要求）',
        children: (
          <Table<RosterColumn>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={[...ROSTER_COLUMNS]}
            columns={[
              { title: '列名', dataIndex: 'header', width: 140 },
              { title: '必填', dataIndex: 'required', width: 60, render: (r: boolean) => (r ? '是' : '否') },
              { title: '填写要求', dataIndex: 'hint' },
            ]}
          />
        ),
      }]}
    />
  );
}
