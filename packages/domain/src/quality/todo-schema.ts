import { z } from 'zod';
import { MEETING_TYPES, RECRUIT_STAGES } from '../enums.js';
import { idText, IsoDateSchema } from '../schemas/common.js';
import { INDICATOR_CODES } from './catalogue.js';
import { TODO_KINDS } from './todo-types.js';

/** GET /api/todos: the caller's 待办 (and, for the commission, a drill-down into one unit). */
export const TodoQuerySchema = z.object({
  unitId: idText('unitId').optional(),
  asOf: IsoDateSchema.optional(),
});
export type TodoQuery = z.infer<typeof TodoQuerySchema>;

const orgId = z.number().int();
export const TodoTargetSchema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('meeting'), orgId, meetingType: z.enum(MEETING_TYPES), date: z.string() }),
  z.object({ form: z.literal('meeting_edit'), orgId, meetingId: z.number().int() }),
  z.object({ form: z.literal('committee'), orgId }),
  z.object({ form: z.literal('recruit'), orgId, recruitId: z.number().int().nullable(), toStage: z.enum(RECRUIT_STAGES).nullable(), date: z.string() }),
  z.object({ form: z.literal('project'), orgId }),
  z.object({ form: z.literal('members'), orgId, filter: z.enum(['incomplete', 'study']) }),
  z.object({ form: z.enum(['unit_plan', 'party_workers', 'responsibility']), orgId }),
]);

export const TodoItemSchema = z.object({
  key: z.string(),
  kind: z.enum(TODO_KINDS),
  orgId,
  orgName: z.string(),
  title: z.string(),
  detail: z.string(),
  dueDate: z.string(),
  status: z.enum(['overdue', 'due']),
  rule: z.string(),
  gapCode: z.enum(INDICATOR_CODES as [string, ...string[]]).nullable(),
  target: TodoTargetSchema,
});
export type TodoItemView = z.infer<typeof TodoItemSchema>;

export const TodoUnitGroupSchema = z.object({
  unitId: orgId,
  unitName: z.string(),
  count: z.number().int(),
  overdue: z.number().int(),
  items: z.array(TodoItemSchema),
});

export const TodoListSchema = z.object({
  asOf: z.string(),
  /** branch: one branch's items; unit: a unit's own and its branches'; commission: overdue items of every unit. */
  scope: z.enum(['branch', 'unit', 'commission']),
  count: z.number().int(),
  overdue: z.number().int(),
  units: z.array(TodoUnitGroupSchema),
});
export type TodoList = z.infer<typeof TodoListSchema>;
