import { Card, Col, Form, Row, Typography } from 'antd';
import type { RuleSet } from '@wj/domain/quality';
import { GRADING_FIELDS, OTHER_WEIGHT_FIELDS, WEIGHT_FIELDS, weightSum } from '../../lib/rule-form';
import { RuleNumberField } from './rule-number-field';

/** 四维度权重 with their live sum (red until it is 100), the unit's 责任落实 share and the grade lines. */
export function WeightsCard() {
  // Undefined until the form has mounted its fields.
  const sum = Form.useWatch((values: RuleSet | undefined) => (values ? weightSum(values) : undefined));
  const ok = sum === undefined || sum === 100;
  return (
    <Card size="small" title="四维度权重与等级线">
      <Row gutter={16}>
        {WEIGHT_FIELDS.map((f) => (
          <Col key={f.path} xs={24} sm={12} xl={6}>
            <RuleNumberField field={f} showHint={false} />
          </Col>
        ))}
      </Row>
      <div role="status" aria-live="polite" style={{ marginTop: -8, marginBottom: 16 }}>
        {ok ? (
          <Typography.Text type="success">四个维度权重之和为 100</Typography.Text>
        ) : (
          <Typography.Text type="danger" strong>各维度权重之和应为 100，当前为 {sum}</Typography.Text>
        )}
      </div>
      <Row gutter={16}>
        {[...OTHER_WEIGHT_FIELDS, ...GRADING_FIELDS].map((f) => (
          <Col key={f.path} xs={24} sm={12} xl={8}>
            <RuleNumberField field={f} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
