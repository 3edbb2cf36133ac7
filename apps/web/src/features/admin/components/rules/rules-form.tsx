import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Space, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { RuleSet } from '@wj/domain/quality';
import type { RuleSetVersion } from '../../api/get-rules';
import { useSaveRules } from '../../api/save-rules';
import { useSaveError } from '@/components/use-save-error';
import { fieldFor, placeFieldErrors, type FieldIssue } from '@/lib/form-errors';
import { checkRules, isRuleFormField, RULE_DIMENSIONS } from '../../lib/rule-form';
import { DimensionCard } from './dimension-card';
import { SaveNoteModal } from './save-note-modal';
import { WeightsCard } from './weights-card';

interface RulesFormProps {
  /** The version the form edits; saving sends it as baseVersion. */
  base: RuleSetVersion;
  onSaved: (saved: RuleSetVersion) => void;
  /** Fetch the newest version and start over from it (after a 409). */
  onReload: () => void;
}

/** The whole rule set as one form generated from RULE_FIELDS; 保存为新版本 checks it with RuleSetSchema first. */
export function RulesForm({ base, onSaved, onReload }: RulesFormProps) {
  const [form] = Form.useForm<RuleSet>();
  const { message } = App.useApp();
  const save = useSaveRules();
  const onSaveError = useSaveError();
  const [dirty, setDirty] = useState(false);
  const [noteOpen, setNoteOpen] = useState(false);
  // Reasons that belong to no single input (e.g. 每个维度至少启用一项指标).
  const [formIssues, setFormIssues] = useState<string[]>([]);

  const refuse = (issues: readonly FieldIssue[]) => {
    setFormIssues(placeFieldErrors(form, issues, isRuleFormField));
    // Bring the first refused field into view (centred, clear of the sticky save bar).
    const first = issues.map((i) => fieldFor(i.path, isRuleFormField)).find((name) => name !== null);
    if (first) form.scrollToField(first, { block: 'center', behavior: 'smooth' });
    message.error(`评分规则有误，未保存：${issues.map((i) => i.message).join('；')}`);
  };

  const askNote = () => {
    const checked = checkRules(form.getFieldsValue(true) as RuleSet);
    if (!checked.ok) return refuse(checked.issues);
    setFormIssues([]);
    setNoteOpen(true);
  };

  const submit = async (note: string) => {
    const checked = checkRules(form.getFieldsValue(true) as RuleSet);
    if (!checked.ok) return refuse(checked.issues);
    try {
      const saved = await save.mutateAsync({ rules: checked.rules, note: note.trim() || undefined, baseVersion: base.version });
      setNoteOpen(false);
      message.success(`已保存为第 ${saved.version} 版并立即生效，各支部和单位的得分已按新规则重新计算`, 6);
      onSaved(saved);
    } catch (error) {
      setNoteOpen(false);
      onSaveError(error, { form, isField: isRuleFormField, onReload });
    }
  };

  return (
    <Form<RuleSet>
      form={form}
      layout="vertical"
      initialValues={base.rules}
      onValuesChange={() => {
        setDirty(true);
        // The next save checks again; a stale reason should not linger once the user edits.
        setFormIssues([]);
      }}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        {/* Stays under the app header while the long form scrolls, so saving is always in reach. */}
        <Flex gap={12} align="center" wrap style={{ position: 'sticky', top: 64, zIndex: 5, background: '#fff', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type={dirty ? 'warning' : 'secondary'}>
            {dirty ? '有尚未保存的修改' : `正在查看第 ${base.version} 版，修改后保存为新版本`}
          </Typography.Text>
          <Space style={{ marginInlineStart: 'auto' }}>
            <Button
              icon={<UndoOutlined />}
              disabled={!dirty}
              onClick={() => {
                form.resetFields();
                setFormIssues([]);
                setDirty(false);
              }}
            >
              撤销修改
            </Button>
            <Button type="primary" icon={<SaveOutlined />} onClick={askNote} loading={save.isPending}>
              保存为新版本
            </Button>
          </Space>
        </Flex>
        {formIssues.length > 0 && (
          <Alert type="error" showIcon title="评分规则有误" description={formIssues.map((m) => <div key={m}>{m}</div>)} />
        )}
        <WeightsCard />
        {RULE_DIMENSIONS.map((d) => (
          <DimensionCard key={d} dimension={d} />
        ))}
      </Flex>
      <SaveNoteModal open={noteOpen} saving={save.isPending} nextVersion={base.version + 1} onCancel={() => setNoteOpen(false)} onSave={(note) => void submit(note)} />
    </Form>
  );
}
