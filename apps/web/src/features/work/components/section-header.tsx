import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A section's title with a one-line hint and its actions on the right. */
export function SectionHeader({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      <Flex gap={8} style={{ marginInlineStart: 'auto' }}>{children}</Flex>
    </Flex>
  );
}
