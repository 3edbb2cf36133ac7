import { Collapse, Table } from 'antd';
import { ROSTER_COLUMNS, type RosterColumn } from '@wj/domain/schemas';

/** How to fill in each column: the same list the template's 填写说明 sheet is built from. */
export function RosterColumnHints() {
  return (
    <Collapse
      size="small"
      items={[{
        key: 'hints',
        label: '填写说明（各列要求；列按列名识别，顺序不限）',
        children: (
          <Table<RosterColumn>
            rowKey="header"
            size="small"
            pagination={false}
            dataSource={[...ROSTER_COLUMNS]}
            columns={[
              { title: '列名', dataIndex: 'header', width: 130 },
              { title: '必填', dataIndex: 'required', width: 56, render: (r: boolean) => (r ? '是' : '否') },
              { title: '来源', dataIndex: 'national', width: 110, render: (n: boolean) => (n ? '全国系统' : '本平台') },
              { title: '填写要求', dataIndex: 'hint' },
              { title: '文件中没有此列时', dataIndex: 'absent', width: 200, render: (a?: string) => a ?? '—' },
            ]}
          />
        ),
      }]}
    />
  );
}
