import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EDUCATION_LABELS, EDUCATIONS, GENDER_LABELS, GENDERS } from '@wj/domain';
import { ETHNICITIES, MASKED_ID_NUMBER, MASKED_PHONE } from '@wj/domain/schemas';
import type { MemberFormValues } from '../../lib/member-form-values';
import { optionsOf } from '../../lib/options';
import { schemaRule } from '../../lib/schema-rule';
import { IdNumberItem } from './id-number-item';

const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ value: e, label: e }));

/** 党章第一条: a member is at least 18; older than 110 is a mistyped century. */
const impossibleBirthDate = (d: Dayjs) => d.isAfter(dayjs().subtract(18, 'year'), 'day') || d.isBefore(dayjs().subtract(110, 'year'), 'day');

/** Who the member is: name, sex, 民族, birth, 公民身份号码, education, phone. */
export function MemberIdentityFields({ editing, initial }: { editing: boolean; initial: MemberFormValues }) {
  const masked = initial.idNumber && MASKED_ID_NUMBER.test(initial.idNumber) ? initial.idNumber : undefined;
  const phoneMasked = editing && Boolean(initial.phone && MASKED_PHONE.test(initial.phone));
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="name" rules={[schemaRule('name')]} label="姓名" required>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="gender" rules={[schemaRule('gender')]} label="性别" required>
          <Radio.Group options={optionsOf(GENDERS, GENDER_LABELS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="ethnicity" rules={[schemaRule('ethnicity')]} label="民族" required>
          <Select showSearch options={ETHNICITY_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={16}>
        <IdNumberItem editing={editing} maskedValue={masked} />
      </Col>
      <Col span={8}>
        <Form.Item name="birthDate" rules={[schemaRule('birthDate')]} label="出生日期" required
          extra={editing ? undefined : '填写身份号码后自动带出'}>
          <DatePicker style={{ width: '100%' }} disabledDate={impossibleBirthDate} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="education" rules={[schemaRule('education')]} label="学历" required>
          <Select options={optionsOf(EDUCATIONS, EDUCATION_LABELS)} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="phone" rules={[schemaRule('phone', editing)]} label="联系电话"
          extra={phoneMasked ? '号码已脱敏显示；不修改则保留原号码' : '11 位手机号或带区号的固定电话（如 0531-88886666）'}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
