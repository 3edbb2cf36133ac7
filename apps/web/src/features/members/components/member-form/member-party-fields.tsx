import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EMPLOYMENT_LABELS, EMPLOYMENTS, JOB_CATEGORIES, JOB_CATEGORY_LABELS, MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS,
  TITLE_LEVEL_LABELS, TITLE_LEVELS,
} from '@wj/domain';
import type { MemberFormValues } from '../../lib/member-form-values';
import { optionsOf } from '../../lib/options';
import { schemaRule } from '../../lib/schema-rule';

const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/**
 * Party membership and work. 转正日期 exists only for a 正式党员; the dates
 * offered exclude what cannot be (the future, joining before 18, 转正 before 入党).
 */
export function MemberPartyFields() {
  const form = Form.useFormInstance<MemberFormValues>();
  const category = Form.useWatch('category', form);
  const birthDate = Form.useWatch('birthDate', form);
  const joinDate = Form.useWatch('joinDate', form);
  const adult = birthDate ? birthDate.add(18, 'year') : null;

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="joinDate" rules={[schemaRule('joinDate')]} label="入党日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => afterToday(d) || Boolean(adult && d.isBefore(adult, 'day'))} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="category" rules={[schemaRule('category')]} label="党员类别" required>
          <Radio.Group options={optionsOf(MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        {category !== 'probationary' && (
          <Form.Item name="fullDate" label="转正日期" required
            rules={[{ required: true, message: '正式党员请填写转为正式党员日期' }, schemaRule('fullDate')]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => afterToday(d) || Boolean(joinDate && d.isBefore(joinDate, 'day'))} />
          </Form.Item>
        )}
      </Col>
      <Col span={8}>
        <Form.Item name="employment" rules={[schemaRule('employment')]} label="在职/离退休" required>
          <Radio.Group options={optionsOf(EMPLOYMENTS, EMPLOYMENT_LABELS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="jobCategory" rules={[schemaRule('jobCategory')]} label="岗位类别">
          <Select allowClear placeholder="请选择" options={optionsOf(JOB_CATEGORIES, JOB_CATEGORY_LABELS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="titleLevel" rules={[schemaRule('titleLevel')]} label="职称" required>
          <Select options={optionsOf(TITLE_LEVELS, TITLE_LEVEL_LABELS)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="department" rules={[schemaRule('department')]} label="科室">
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="position" rules={[schemaRule('position')]} label="职务">
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label="标识">
          <Form.Item name="isTalent" valuePropName="checked" noStyle>
            <Checkbox>高层次人才</Checkbox>
          </Form.Item>
          <Form.Item name="isDeptHead" valuePropName="checked" noStyle>
            <Checkbox>内设机构负责人</Checkbox>
          </Form.Item>
        </Form.Item>
      </Col>
    </Row>
  );
}
