import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from the zod 4 schemas the routes declare — the
 * shapes they actually use: objects (and `.and` intersections), strings with
 * min/max/regex, numbers with int/min/max (coerced ones for query strings),
 * enums, literals, booleans, arrays, optional/nullable/default, preprocess and
 * transform pipes, unions and lazy schemas. Refinements (`refine`,
 * `superRefine`) cannot be generated: callers keep the candidates the schema
 * itself accepts. `hint` may supply the arbitrary for a field by its name
 * (dates, ids, versions …) so that cross-field rules pass often enough.
 */
export type Hint = (key: string, schema: z.ZodType) => fc.Arbitrary<unknown> | undefined;

interface Def { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (s: unknown) => ((defOf(s).checks as unknown[] | undefined) ?? []).map((c) => defOf(c));

const TEXT = [...'党支部主题会议学习教育组织生活医院护理科室先锋岗项目品牌计划责任清单甲乙丙丁一二三', 'a', 'B', '1', '2', ' ', '（', '）', '·'];

function stringArb(s: z.ZodType): fc.Arbitrary<string> {
  let min = 0, max = 40;
  let pattern: RegExp | null = null;
  for (const c of checksOf(s)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    if (c.check === 'length_equals') min = max = c.length as number;
    if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern as RegExp;
  }
  if (pattern) return fc.stringMatching(pattern).filter((v) => v.length >= min && v.length <= Math.max(max, min));
  return fc.string({ unit: fc.constantFrom(...TEXT), minLength: min, maxLength: Math.max(min, Math.min(max, min + 30)) })
    .filter((v) => v.trim().length >= min);
}

function numberArb(s: z.ZodType): fc.Arbitrary<number> {
  let min = -1e6, max = 1e6, int = false;
  for (const c of checksOf(s)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
    if (c.check === 'greater_than') min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : int ? 1 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : int ? 1 : 1e-9));
  }
  if (int) return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
  return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values shaped like `schema` (`key` is the field's name, for hints). */
export function arbitraryOf(schema: z.ZodType, hint: Hint = () => undefined, key = '', depth = 0): fc.Arbitrary<unknown> {
  const hinted = key ? hint(key, schema) : undefined;
  if (hinted) return hinted;
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => arbitraryOf(s as z.ZodType, hint, k, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v, k)])))
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'string': return stringArb(schema);
    case 'number': return def.coerce ? numberArb(schema).map(String) : numberArb(schema);
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal': return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      let min = 0, max = 4;
      for (const c of checksOf(schema)) {
        if (c.check === 'min_length') min = c.minimum as number;
        if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
      }
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'optional': return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'default': return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable': return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    // A preprocess pipe (transform → schema) is generated from its target; a transform pipe from its input.
    case 'pipe': return defOf(def.in).type === 'transform' ? inner(def.out) : inner(def.in);
    case 'union': return fc.oneof(...(def.options as z.ZodType[]).map((o) => inner(o)));
    case 'lazy': return depth > 6 ? fc.constant(null) : inner((def.getter as () => z.ZodType)());
    case 'null': return fc.constant(null);
    default: return fc.jsonValue({ maxDepth: 1 });
  }
}

/** The field names of an object schema (through intersections and pipes): where a single mutation can go. */
export function fieldsOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'intersection') return [...fieldsOf(def.left as z.ZodType), ...fieldsOf(def.right as z.ZodType)];
  if (def.type === 'pipe') return fieldsOf(def.in as z.ZodType);
  return [];
}

/** What one mutated field gets instead of its valid value. */
export const hostileField = fc.oneof(
  fc.constantFrom(
    undefined, null, '', ' ', '\u0000', '\u200B\u200B', 'a\uD800b', '2026-02-30', '0123', '+12', '1e2', ' 12', '0x1f', -1, 0, 1.5,
    2 ** 53, 1e309, true, [], {}, ['x'], JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{}}}') as unknown, "'; drop table members; --", '<script>alert(1)</script>',
    '第一行\n第二行', '𠀀'.repeat(300), 'x'.repeat(30000), [[[[[[[[[[]]]]]]]]]], { a: { b: { c: { d: [{ e: null }] } } } },
  ),
  fc.string({ maxLength: 8 }), fc.integer(), fc.double(),
);
