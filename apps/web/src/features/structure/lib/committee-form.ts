import type { Dayjs } from 'dayjs';
import { COMMITTEE_ROLES, type CommitteeRole } from '@wj/domain';
import type { CommitteeRecord, CommitteeSeat } from '@wj/domain/schemas';

export interface SeatValues {
  memberId?: number;
  role?: CommitteeRole;
  /** 兼任: roles held besides `role`. */
  alsoRoles?: CommitteeRole[];
  fullTime?: boolean;
  otherPosts?: number | null;
}

export interface CommitteeFormValues {
  electedDate?: Dayjs;
  termYears?: number | null;
  members?: (SeatValues | undefined)[];
}

/** 《中国共产党支部工作条例（试行）》第六章: 其他基层单位党支部委员会一般每届任期 3 年. */
export const DEFAULT_TERM_YEARS = 3;

/** Seats in the order of the roles (书记 first), as a committee list is read. */
export function sortSeats<T extends { role: CommitteeRole }>(seats: readonly T[]): T[] {
  return [...seats].sort((a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role));
}

/**
 * The form starts from the committee in office (an election often returns
 * most of it; an adjustment changes a seat or two), or a lone secretary seat.
 */
export function initialCommitteeValues(current: CommitteeRecord | null): CommitteeFormValues {
  if (!current) return { termYears: DEFAULT_TERM_YEARS, members: [{ role: 'secretary', fullTime: false, otherPosts: 0 }] };
  return {
    termYears: current.termYears,
    members: sortSeats(current.members).map((m) => ({
      memberId: m.memberId, role: m.role, alsoRoles: m.alsoRoles ?? [], fullTime: m.fullTime, otherPosts: m.otherPosts,
    })),
  };
}

/** Form rows → the API's seats; only a 书记 can be 专职, so the flag is dropped for other roles. */
export function toSeats(rows: CommitteeFormValues['members']): Partial<CommitteeSeat>[] {
  return (rows ?? []).map((r) => ({
    memberId: r?.memberId,
    role: r?.role,
    alsoRoles: (r?.alsoRoles ?? []).filter((x) => x !== r?.role) as CommitteeSeat['alsoRoles'],
    fullTime: r?.role === 'secretary' ? Boolean(r.fullTime) : false,
    otherPosts: r?.otherPosts ?? 0,
  }));
}

/** The roles chosen so far, for the live size rule. */
export function chosenRoles(rows: CommitteeFormValues['members']): CommitteeRole[] {
  return (rows ?? []).flatMap((r) => (r?.role ? [r.role] : []));
}

/** The roles held concurrently so far (兼任), for the live size rule. */
export function chosenAlsoRoles(rows: CommitteeFormValues['members']): CommitteeRole[] {
  return (rows ?? []).flatMap((r) => r?.alsoRoles ?? []);
}
