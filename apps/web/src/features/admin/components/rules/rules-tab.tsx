import { useEffect, useState } from 'react';
import { Alert, Button, Col, Descriptions, Row } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { useCurrentRules, type RuleSetVersion } from '../../api/get-rules';
import { formatDateTime } from '../../lib/format-time';
import { RuleHistory } from './rule-history';
import { RulesForm } from './rules-form';

/**
 * 评分规则: the version in force and a form to save a new one. The form stays
 * on the version it was opened at (`base`) even if a newer one arrives in
 * the background — the user is told and reloads on purpose, and a save
 * against an old base gets 409 rather than overwriting.
 */
export function RulesTab() {
  const current = useCurrentRules();
  const [base, setBase] = useState<RuleSetVersion | null>(null);
  useEffect(() => {
    if (!base && current.data) setBase(current.data);
  }, [base, current.data]);

  const reload = async () => {
    const { data } = await current.refetch();
    if (data) setBase(data);
  };

  if (current.isPending || (!base && current.data)) return <PageSkeleton rows={12} />;
  if (current.isError || !base) return <QueryError error={current.error} onRetry={() => void current.refetch()} title="评分规则加载失败" />;
  const newer = current.data && current.data.version > base.version ? current.data : null;
  const inForce = newer ?? base;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label="现行版本">第 {inForce.version} 版</Descriptions.Item>
          <Descriptions.Item label="保存人">{inForce.createdBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="保存时间">{formatDateTime(inForce.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="说明">{inForce.note || '—'}</Descriptions.Item>
        </Descriptions>
      </Col>
      {newer && (
        <Col xs={24}>
          <Alert
            type="warning"
            showIcon
            title={`评分规则已被 ${newer.createdBy ?? '其他管理员'} 更新为第 ${newer.version} 版`}
            description="当前表单基于旧版本，保存会被拒绝。请重新加载后再修改。"
            action={<Button onClick={() => void reload()}>重新加载</Button>}
          />
        </Col>
      )}
      <Col xs={24}>
        <RuleHistory currentVersion={inForce.version} />
      </Col>
      <Col xs={24}>
        {/* A new base (saved or reloaded) starts a fresh form. */}
        <RulesForm key={base.version} base={base} onSaved={setBase} onReload={() => void reload()} />
      </Col>
    </Row>
  );
}
