import { fieldLabel, valueLabel } from './field-labels';
import { formatDateTime } from './format-time';

/** What the audit log writes for a sensitive field (apps/api/src/lib/audit.ts). */
export const MASKED = '***';

export interface DiffRow {
  path: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Nested objects (a rule set) become dot paths; arrays and scalars stay whole. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    if (value !== undefined && value !== null && prefix === '') out.set('值', value);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(v) && Object.keys(v).length > 0) for (const [p, inner] of flatten(v, path)) out.set(p, inner);
    else out.set(path, v);
  }
  return out;
}

/** Names an org id where the caller knows the tree. */
export type OrgNameOf = (id: number) => string | undefined;

const ORG_ID_FIELD = /(^|\.)(orgId|unitId|parentId|scopeOrgId|movedTo)$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatValue(path: string, value: unknown, orgName?: OrgNameOf): string {
  if (value === undefined) return '';
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? formatDateTime(value, true) : valueLabel(path, value);
  if (typeof value === 'number') {
    const name = ORG_ID_FIELD.test(path) ? orgName?.(value) : undefined;
    return name ? `${name}（${value}）` : String(value);
  }
  return JSON.stringify(value);
}

/**
 * Before/after of one audit row as readable rows: every field either side
 * has, marked when its value differs. A create has only `after`, a delete
 * only `before`; masked values stay masked.
 */
export function auditDiff(before: unknown, after: unknown, orgName?: OrgNameOf): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.map((path) => {
    const bv = b.get(path);
    const av = a.get(path);
    // A field only one side recorded (a view adds a name, a row keeps a hash) is not a change.
    const changed = b.has(path) && a.has(path) && JSON.stringify(bv ?? null) !== JSON.stringify(av ?? null);
    return {
      path,
      label: fieldLabel(path),
      before: formatValue(path, bv, orgName),
      after: formatValue(path, av, orgName),
      changed,
    };
  });
}
