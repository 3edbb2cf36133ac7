import { maskIdNumber, maskPhone } from '@wj/domain';
import { MASKED_ID_NUMBER, MASKED_PHONE, type MemberInput, type MemberLeave, type MemberTransfer, type MemberUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db } from '../../db/index.js';
import { members } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import {
  assertActive, assertBranchTarget, assertIdNumberFree, assertNotOnCommittee, getMember, type MemberRow,
} from './rules.js';

export const MEMBER_ENTITY = 'member';

/** Creates one member in a branch; the caller has checked write access to the branch. */
export async function createMember(db: Db, user: SessionUser, orgId: number, input: MemberInput): Promise<number> {
  return db.transaction(async (tx) => {
    await assertBranchTarget(tx, orgId);
    await assertIdNumberFree(tx, user, input.idNumber);
    const [row] = await tx.insert(members).values({ ...input, orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: MEMBER_ENTITY, entityId: row!.id, orgId, after: row });
    return row!.id;
  });
}

/**
 * Below admin the form was shown masked values; sending them back keeps the
 * stored ones. Anything else masked-looking is a half-typed number.
 */
function unmask(before: MemberRow, input: MemberUpdate): { idNumber: string; phone: string | null } {
  let { idNumber, phone } = input;
  if (MASKED_ID_NUMBER.test(idNumber)) {
    if (idNumber !== maskIdNumber(before.idNumber)) {
      throw badRequest('公民身份号码不完整，请填写完整的 18 位号码', [{ field: 'idNumber', message: '公民身份号码不完整，请填写完整的 18 位号码' }]);
    }
    idNumber = before.idNumber;
    // The schema could not compare a masked number with the dates; do it against the stored one.
    const idBirth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    if (idBirth !== input.birthDate) {
      const message = `出生日期与公民身份号码中的出生日期（${idBirth}）不一致`;
      throw badRequest(message, [{ field: 'birthDate', message }]);
    }
    if ((Number(idNumber[16]) % 2 === 1) !== (input.gender === 'male')) {
      const message = '性别与公民身份号码第 17 位（奇数为男、偶数为女）不符';
      throw badRequest(message, [{ field: 'gender', message }]);
    }
  }
  if (phone && MASKED_PHONE.test(phone)) {
    if (!before.phone || phone !== maskPhone(before.phone)) {
      throw badRequest('联系电话不完整，请填写完整号码', [{ field: 'phone', message: '联系电话不完整，请填写完整号码' }]);
    }
    phone = before.phone;
  }
  return { idNumber, phone };
}

export async function updateMember(db: Db, user: SessionUser, id: number, input: MemberUpdate): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMember(tx, id);
    assertActive(before);
    const { version, ...values } = input;
    const clear = unmask(before, input);
    await assertIdNumberFree(tx, user, clear.idNumber, id);
    await updateVersioned(tx, members, id, version, { ...values, ...clear }, user.username);
    await recordAudit(tx, user, { action: 'update', entityType: MEMBER_ENTITY, entityId: id, orgId: before.orgId, before, after: await getMember(tx, id) });
  });
}

/**
 * 组织关系转接 inside the commission. The route has checked write access to the
 * member's branch; the handler checks the destination (assertOrgAccess).
 */
export async function transferMember(db: Db, user: SessionUser, id: number, input: MemberTransfer): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMember(tx, id);
    assertActive(before);
    if (input.toOrgId === before.orgId) {
      throw badRequest('该党员已在此党支部', [{ field: 'toOrgId', message: '请选择另一个党支部' }]);
    }
    await assertBranchTarget(tx, input.toOrgId, 'toOrgId');
    await assertNotOnCommittee(tx, before);
    await updateVersioned(tx, members, id, input.version, { orgId: input.toOrgId }, user.username);
    await recordAudit(tx, user, { action: 'transfer', entityType: MEMBER_ENTITY, entityId: id, orgId: before.orgId, before, after: await getMember(tx, id) });
  });
}

/** 转出 / 死亡 / 出党: the row stays with its status and date; it no longer counts anywhere. */
export async function leaveMember(db: Db, user: SessionUser, id: number, input: MemberLeave): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMember(tx, id);
    assertActive(before);
    if (input.leftDate < before.joinDate) {
      throw badRequest('离开日期不能早于入党日期', [{ field: 'leftDate', message: `离开日期不能早于入党日期（${before.joinDate}）` }]);
    }
    await assertNotOnCommittee(tx, before);
    const { version, ...values } = input;
    await updateVersioned(tx, members, id, version, values, user.username);
    await recordAudit(tx, user, { action: 'leave', entityType: MEMBER_ENTITY, entityId: id, orgId: before.orgId, before, after: await getMember(tx, id) });
  });
}

