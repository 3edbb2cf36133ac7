import { Card, Col, Flex, Form, Row, Switch, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { DIMENSION_LABELS, type Dimension } from '@wj/domain/quality';
import { dimensionSections, type IndicatorSection } from '../../lib/rule-form';
import { RuleNumberField } from './rule-number-field';

/** One indicator: its name with the source as a tooltip, 启用, its points and its thresholds. */
function IndicatorBlock({ section }: { section: IndicatorSection }) {
  const { indicator, fields } = section;
  const enabled = Form.useWatch<boolean | undefined>(['indicators', indicator.code, 'enabled']);
  return (
    <Row gutter={16} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
      <Col xs={24} lg={6}>
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Flex gap={6} align="baseline">
            <Typography.Text strong>{indicator.name}</Typography.Text>
            <Tooltip title={<>依据：{indicator.source}</>}>
              <InfoCircleOutlined aria-label={`${indicator.name}的依据`} style={{ color: '#8c8c8c', cursor: 'help' }} />
            </Tooltip>
          </Flex>
          <Form.Item name={['indicators', indicator.code, 'enabled']} valuePropName="checked" noStyle>
            <Switch size="small" checkedChildren="考核" unCheckedChildren="不考核" aria-label={`${indicator.name}是否考核`} style={{ alignSelf: 'flex-start' }} />
          </Form.Item>
          {indicator.scope === 'branch' && (
            <Form.Item name={['indicators', indicator.code, 'appliesToRetired']} valuePropName="checked" noStyle>
              <Switch size="small" checkedChildren="含离退休支部" unCheckedChildren="离退休支部不考核" aria-label={`${indicator.name}是否考核离退休党支部`} style={{ alignSelf: 'flex-start' }} />
            </Form.Item>
          )}
        </Flex>
      </Col>
      {/* A switched-off indicator keeps its numbers (they return when it is switched on again), dimmed. */}
      <Col xs={24} lg={18} style={{ opacity: enabled === false ? 0.5 : 1 }}>
        <Row gutter={16}>
          {fields.map((f) => (
            <Col key={f.path} xs={24} md={12} xl={8}>
              <RuleNumberField field={f} label={f.path.startsWith('indicators.') ? '分值' : f.label} />
            </Col>
          ))}
        </Row>
      </Col>
    </Row>
  );
}

/** One dimension's indicators: points (relative within the dimension) and thresholds, each with its source. */
export function DimensionCard({ dimension }: { dimension: Dimension }) {
  const { indicators, loose } = dimensionSections(dimension);
  const title = dimension === 'responsibility' ? `${DIMENSION_LABELS[dimension]}（单位指标）` : DIMENSION_LABELS[dimension];
  return (
    <Card
      size="small"
      title={title}
      extra={<Typography.Text type="secondary">分值为本维度内各指标的相对权重，按适用指标折算为百分制</Typography.Text>}
    >
      {indicators.map((s) => (
        <IndicatorBlock key={s.indicator.code} section={s} />
      ))}
      {loose.length > 0 && (
        <Row gutter={16} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
          {loose.map((f) => (
            <Col key={f.path} xs={24} md={12} xl={8}>
              <RuleNumberField field={f} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
