import { Form, InputNumber } from 'antd';
import type { RuleField } from '@wj/domain/quality';
import { fromPercent, toPercent } from '../../lib/rule-form';

interface RuleNumberFieldProps {
  field: RuleField;
  /** A shorter label where the context already names the indicator (e.g. 分值). */
  label?: string;
  /** Off where one line above the fields already says it (the weights' sum). */
  showHint?: boolean;
}

/** One number of the rule set: its label, unit, allowed range and hint, as RULE_FIELDS describes it. */
export function RuleNumberField({ field, label = field.label, showHint = true }: RuleNumberFieldProps) {
  const scale = field.percent ? 100 : 1;
  const range = `${field.min * scale}–${field.max * scale}${field.unit === '%' ? '%' : ` ${field.unit}`}`;
  return (
    <Form.Item
      name={field.path.split('.')}
      label={label}
      extra={!showHint ? undefined : field.hint ? `${field.hint}（范围 ${range}）` : `范围 ${range}`}
      // Percentages are stored 0–1 and edited as 0–100.
      {...(field.percent ? { getValueProps: (v: unknown) => ({ value: toPercent(v) }), normalize: fromPercent } : {})}
    >
      <InputNumber
        min={field.min * scale}
        max={field.max * scale}
        precision={field.integer ? 0 : undefined}
        suffix={field.unit}
        aria-label={field.label}
        style={{ width: '100%', maxWidth: 220 }}
      />
    </Form.Item>
  );
}
