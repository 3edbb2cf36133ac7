import { describe, expect, it } from 'vitest';
import type { CommitteeRecord } from '@wj/domain/schemas';
import { chosenRoles, initialCommitteeValues, toSeats } from './committee-form';

const seat = (memberId: number, role: CommitteeRecord['members'][number]['role'], fullTime = false) => ({
  memberId, role, fullTime, otherPosts: 0,
  name: `党员${memberId}`, birthDate: '1980-01-01', titleLevel: 'intermediate' as const, isDeptHead: false,
});

describe('committee form values', () => {
  it('starts from the committee in office with the 书记 first', () => {
    const current = {
      id: 1, orgId: 3, electedDate: '2024-01-01', termYears: 3, termEndsOn: '2027-01-01', endedDate: null,
      version: 2, updatedAt: '', updatedBy: null, members: [seat(5, 'organization'), seat(4, 'secretary', true)],
    } satisfies CommitteeRecord;
    const values = initialCommitteeValues(current);
    expect(values.members?.map((m) => m?.memberId)).toEqual([4, 5]);
    expect(values.termYears).toBe(3);
  });
  it('starts an empty branch with a lone secretary seat and a 3-year term', () => {
    expect(initialCommitteeValues(null)).toEqual({ termYears: 3, members: [{ role: 'secretary', fullTime: false, otherPosts: 0 }] });
  });
  it('keeps a seat\'s concurrent roles (书记兼纪检委员) and drops one equal to its own role', () => {
    expect(toSeats([{ memberId: 1, role: 'secretary', alsoRoles: ['discipline', 'secretary'] }])[0]!.alsoRoles).toEqual(['discipline']);
  });
  it('drops 专职 from every role but the 书记 and fills other posts with 0', () => {
    const seats = toSeats([{ memberId: 1, role: 'secretary', fullTime: true }, { memberId: 2, role: 'propaganda', fullTime: true, otherPosts: null }]);
    expect(seats).toEqual([
      { memberId: 1, role: 'secretary', alsoRoles: [], fullTime: true, otherPosts: 0 },
      { memberId: 2, role: 'propaganda', alsoRoles: [], fullTime: false, otherPosts: 0 },
    ]);
  });
  it('reads the roles chosen so far, skipping rows without one', () => {
    expect(chosenRoles([{ role: 'secretary' }, {}, undefined, { role: 'youth' }])).toEqual(['secretary', 'youth']);
  });
});
