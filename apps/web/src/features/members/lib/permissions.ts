import { useMe } from '@/lib/auth';

/**
 * What the signed-in user may do with the members they see. Reads are already
 * scoped by the API (a secretary sees only their unit or branch), so anyone
 * but the read-only 委领导 may edit what is shown. 组织关系转接 needs write
 * access to the destination too, which a branch secretary never has.
 */
export function useMemberPermissions() {
  const role = useMe().data?.role;
  return {
    canWrite: role !== undefined && role !== 'viewer',
    canTransfer: role === 'admin' || role === 'unit_secretary',
    isAdmin: role === 'admin',
  };
}
