import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Brand } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { useEditing } from '@/lib/use-editing';
import { useBrands } from '../api/get-brands';
import { useUpdateBrand } from '../api/save-brand';
import { BrandFormModal } from './brand-form-modal';
import { SectionHeader } from './section-header';

/** 支部品牌: the branch's brands, in use first; retiring keeps the brand on record. */
export function BrandsSection({ orgId, canEdit }: { orgId: number; canEdit: boolean }) {
  const brands = useBrands(orgId);
  const editing = useEditing<Brand>(() => brands.refetch());
  const update = useUpdateBrand();
  const saveError = useSaveError();
  const { message } = App.useApp();

  const setActive = (b: Brand, active: boolean) =>
    update.mutate(
      { id: b.id, input: { name: b.name, description: b.description, createdYear: b.createdYear, active, version: b.version } },
      {
        onSuccess: () => void message.success(active ? '品牌已重新启用' : '品牌已停用'),
        onError: (error) => saveError(error, { onReload: () => void brands.refetch() }),
      },
    );

  const list = [...(brands.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || b.createdYear - a.createdYear);
  return (
    <section aria-label="支部品牌">
      <SectionHeader title="支部品牌" hint="一个支部可有多个品牌；停用的品牌保留记录。">
        {canEdit && <Button icon={<PlusOutlined />} onClick={editing.openNew}>创建品牌</Button>}
      </SectionHeader>
      {brands.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : brands.isError ? (
        <QueryError error={brands.error} onRetry={() => void brands.refetch()} title="支部品牌加载失败" />
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未创建支部品牌" />
      ) : (
        <Row gutter={[16, 16]}>
          {list.map((b) => (
            <Col key={b.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                data-testid="brand-card"
                title={<span style={{ color: b.active ? undefined : 'rgba(0,0,0,0.45)' }}>{b.name}</span>}
                extra={b.active ? <Tag color="red">在用</Tag> : <Tag>已停用</Tag>}
                actions={canEdit ? [
                  <Button key="edit" type="link" size="small" onClick={() => editing.open(b)}>修改</Button>,
                  b.active ? (
                    <Popconfirm key="retire" title={`停用品牌“${b.name}”？`} description="停用后品牌保留记录，不再计入在用品牌。" okText="停用" cancelText="取消" onConfirm={() => setActive(b, false)}>
                      <Button type="link" size="small" danger>停用</Button>
                    </Popconfirm>
                  ) : (
                    <Button key="reactivate" type="link" size="small" onClick={() => setActive(b, true)}>重新启用</Button>
                  ),
                ] : undefined}
              >
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">创建于 {b.createdYear} 年</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 3, tooltip: b.description }} style={{ marginBottom: 0 }}>
                    {b.description ?? '暂无简介'}
                  </Typography.Paragraph>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {editing.isOpen && <BrandFormModal orgId={orgId} record={editing.record} onClose={editing.close} onReload={editing.reload} />}
    </section>
  );
}
