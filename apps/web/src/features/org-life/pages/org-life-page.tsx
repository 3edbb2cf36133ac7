import { UnderConstruction } from '@/components/under-construction';

export function OrgLifePage() {
  return (
    <UnderConstruction
      title="组织生活"
      description="这里将登记各支部的三会一课、主题党日、组织生活会和民主评议党员，并核对是否按期召开、出席率是否达标。"
    />
  );
}
