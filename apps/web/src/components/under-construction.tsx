import { Result } from 'antd';

interface UnderConstructionProps {
  /** Page title, e.g. 组织生活. */
  title: string;
  /** One sentence on what the page will hold. */
  description: string;
}

/** Stand-in for a page that later work replaces. */
export function UnderConstruction({ title, description }: UnderConstructionProps) {
  return <Result status="info" title={`${title}：该功能正在建设中`} subTitle={description} />;
}
