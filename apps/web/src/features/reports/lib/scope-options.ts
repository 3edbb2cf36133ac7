import { orgNameMatches } from '@wj/domain/schemas';
import type { NextPage, ReportScopes, ReportUnit } from '../api/get-report-units';

/** The scope selector's values besides the units' ids (org ids are positive). */
export const ALL = 0;
/** 显示更多 (or its retry): loads the next page, selects nothing. */
export const MORE = -1;
/** A search's note that more units match than it shows. */
export const HINT = -2;

export interface ScopeOption {
  value: number;
  label: string;
  /** The unit's full name (the option's tooltip). */
  title?: string;
  disabled?: boolean;
}

interface ScopeOptionsArgs {
  scopes: ReportScopes;
  allowCommission: boolean;
  next: NextPage;
  /** The server's answer while the user searches it, else undefined (the loaded units are offered). */
  found?: { units: ReportUnit[]; more: number };
}

const unitOption = (u: ReportUnit): ScopeOption => ({ value: u.id, label: u.label, title: u.name });

/**
 * What the scope selector lists: 全委 for those who may report on it, then
 * the units — the loaded ones, headed by the chosen one when it is not among
 * them, and 显示更多 while some are not loaded — or, while searching the
 * server, the units it found.
 */
export function scopeOptions({ scopes, allowCommission, next, found }: ScopeOptionsArgs): ScopeOption[] {
  const head = allowCommission ? [{ value: ALL, label: `全委（${scopes.rootName}）` }] : [];
  if (found) {
    const hint = found.more > 0 ? [{ value: HINT, label: `另有 ${found.more} 个单位匹配，请输入更完整的名称`, disabled: true }] : [];
    return [...head, ...found.units.map(unitOption), ...hint];
  }
  const { selected, units, remaining } = scopes;
  const chosen = selected && !units.some((u) => u.id === selected.id) ? [unitOption(selected)] : [];
  const tail =
    remaining === 0 ? []
    : next === 'loading' ? [{ value: MORE, label: '正在加载更多单位…', disabled: true }]
    : next === 'error' ? [{ value: MORE, label: '更多单位加载失败，点击重试' }]
    : [{ value: MORE, label: `显示更多（还有 ${remaining} 个）` }];
  return [...head, ...chosen, ...units.map(unitOption), ...tail];
}

/** While the server's answer is on its way, the options shown are narrowed as the server matches (the unit's name), or by what they show. */
export function matchesTyped(typed: string, option: ScopeOption | undefined): boolean {
  if (!option || option.value === MORE) return false;
  if (option.value === HINT) return true;
  return orgNameMatches(option.label, typed) || orgNameMatches(option.title ?? '', typed);
}
