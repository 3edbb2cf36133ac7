import { useState } from 'react';
import { App, Button, Card, Divider, Flex, Skeleton, Typography } from 'antd';
import type { ReportDraft, ReportSection } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { useSaveReportParagraph } from '../api/report-draft';
import { DraftParagraph } from './draft-paragraph';
import { ParagraphEditor } from './paragraph-editor';

interface ReportDraftCardProps {
  year: number;
  /** null: the commission's report. */
  unitId: number | null;
  draft: ReportDraft | undefined;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  /** Admin and a unit's secretary write; the committee's leaders read. */
  canEdit: boolean;
}

/** What is being edited: a paragraph by key, or a new paragraph at the end of a part. */
type Editing = { key: string } | { newIn: ReportSection } | null;

/**
 * 报告草稿: the report's text part by part as the Word file will print it. The
 * office rewrites a generated paragraph or adds its own (思想站位, 理论学习,
 * 正风肃纪, 双报到 … that no record measures); the export uses them.
 */
export function ReportDraftCard({ year, unitId, draft, pending, error, onReload, canEdit }: ReportDraftCardProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const save = useSaveReportParagraph(year, unitId);
  const saveError = useSaveError();
  const { message } = App.useApp();
  if (error && !draft) return <QueryError error={error} onRetry={onReload} title="报告草稿加载失败" />;

  const submit = (body: { section: ReportSection; key: string | null; text: string | null; version: number }, done: string) => {
    save.mutate(body, {
      onSuccess: () => { setEditing(null); void message.success(done); },
      onError: (e) => saveError(e, { onReload: () => { setEditing(null); onReload(); } }),
    });
  };

  return (
    <Card title="报告草稿" role="region" aria-label="报告草稿"
      extra={<Typography.Text type="secondary">修改和补充的段落按年度、按范围保存，导出 Word 时使用</Typography.Text>}>
      {pending && !draft ? <Skeleton active paragraph={{ rows: 6 }} /> : draft && (
        <Flex vertical gap={8}>
          <Typography.Title level={4} style={{ textAlign: 'center', margin: 0 }}>{draft.title}</Typography.Title>
          {draft.sections.map((s) => (
            <section key={s.section} aria-label={s.label}>
              {s.section !== 'intro' && <Divider titlePlacement="start" style={{ marginBlock: 12 }}><Typography.Text strong>{s.label}</Typography.Text></Divider>}
              <Flex vertical gap={10}>
                {s.paragraphs.map((p, i) => (
                  <div key={p.key}>
                    {p.heading && p.heading !== s.paragraphs[i - 1]?.heading && <Typography.Text strong type="secondary">{p.heading}</Typography.Text>}
                    <DraftParagraph
                      paragraph={p} canEdit={canEdit} saving={save.isPending}
                      editing={editing !== null && 'key' in editing && editing.key === p.key}
                      onEdit={() => setEditing({ key: p.key })} onCancel={() => setEditing(null)}
                      onSave={(text) => submit({ section: s.section, key: p.key, text, version: p.version },
                        text === null ? (p.origin === 'added' ? '已删除补充段落' : '已恢复生成内容') : '段落已保存')}
                    />
                  </div>
                ))}
                {canEdit && (editing !== null && 'newIn' in editing && editing.newIn === s.section ? (
                  <ParagraphEditor initial="" okText="添加" saving={save.isPending} onCancel={() => setEditing(null)}
                    onSave={(text) => submit({ section: s.section, key: null, text, version: 0 }, '段落已添加')} />
                ) : (
                  <div><Button size="small" type="dashed" onClick={() => setEditing({ newIn: s.section })}>在“{s.label}”中添加段落</Button></div>
                ))}
              </Flex>
            </section>
          ))}
        </Flex>
      )}
    </Card>
  );
}
