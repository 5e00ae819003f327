/**
 * Finds the sub-schema at a field path of a zod schema (through optional/default/pipe wrappers,
 * objects, records, arrays and unions), to read its description or its known keys for messages.
 */
import { z } from 'zod';
import type { FieldPath } from '../yaml/field-path.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  /** An object's schema for the keys its shape does not name (`.catchall`). */
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema and every wrapper it is inside, outermost first, ending at the unwrapped one. */
function layers(schema: z.ZodType): z.ZodType[] {
  const out = [schema];
  for (let s = schema; ; ) {
    const def = defOf(s);
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!next) return out;
    out.push(next);
    s = next;
  }
}

function childOf(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  const inner = layers(schema).at(-1) as z.ZodType;
  const def = defOf(inner);
  if (def.type === 'object') return def.shape?.[String(segment)] ?? (def.catchall !== undefined && defOf(def.catchall).type !== 'unknown' ? def.catchall : undefined);
  if (def.type === 'record') return def.valueType;
  if (def.type === 'array') return def.element;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const child = childOf(option, segment);
      if (child) return child;
    }
  }
  return undefined;
}

export function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!s) return undefined;
    s = childOf(s, segment);
  }
  return s;
}

/** The first description found on the schema at `path` or its wrappers. */
export function describeSchemaAt(schema: z.ZodType, path: FieldPath): string | undefined {
  const s = schemaAt(schema, path);
  if (!s) return undefined;
  for (const layer of layers(s)) {
    const description = z.globalRegistry.get(layer)?.description;
    if (description) return description;
  }
  return undefined;
}

/** The field names an object schema at `path` accepts (of every object option of a union; empty when none). */
export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  return objectKeys(s);
}

/** Keys of an object schema, or of every object option of a union. */
function objectKeys(schema: z.ZodType): string[] {
  const def = defOf(layers(schema).at(-1) as z.ZodType);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap(objectKeys))];
  return [];
}
