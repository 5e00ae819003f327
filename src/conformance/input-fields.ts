/**
 * Typed, path-aware reads of a vector's untyped JSON input; a wrong or missing field throws an
 * Error naming the field path and what was expected (the runner turns it into a FAIL line).
 */

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
}

/** A JSON object with the path it was found at, for messages. */
export class InputFields {
  private constructor(
    private readonly obj: Json,
    readonly path: string,
  ) {}

  /** Wraps `value`; throws unless it is a JSON object. */
  static of(value: unknown, path = 'input'): InputFields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${path}: expected an object, got ${describe(value)}`);
    }
    return new InputFields(value as Json, path);
  }

  /** True when the key is present and not null. */
  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  raw(key: string): unknown {
    return this.obj[key];
  }

  private fail(key: string, what: string): never {
    throw new Error(`${this.path}.${key}: expected ${what}, got ${describe(this.obj[key])}`);
  }

  number(key: string): number {
    const v = this.obj[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : this.fail(key, 'a number');
  }

  optNumber(key: string): number | undefined {
    return this.has(key) ? this.number(key) : undefined;
  }

  string(key: string): string {
    const v = this.obj[key];
    return typeof v === 'string' ? v : this.fail(key, 'a string');
  }

  optString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  boolean(key: string): boolean {
    const v = this.obj[key];
    return typeof v === 'boolean' ? v : this.fail(key, 'true or false');
  }

  optBoolean(key: string): boolean | undefined {
    return this.has(key) ? this.boolean(key) : undefined;
  }

  /** One of `choices`. */
  choice<T extends string>(key: string, choices: readonly T[]): T {
    const v = this.obj[key];
    return (choices as readonly unknown[]).includes(v) ? (v as T) : this.fail(key, `one of ${choices.join(', ')}`);
  }

  object(key: string): InputFields {
    return InputFields.of(this.obj[key], `${this.path}.${key}`);
  }

  optObject(key: string): InputFields | undefined {
    return this.has(key) ? this.object(key) : undefined;
  }

  /** An array of objects, each wrapped with its indexed path. */
  objects(key: string): InputFields[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) return this.fail(key, 'an array');
    return v.map((item, i) => InputFields.of(item, `${this.path}.${key}[${i}]`));
  }

  optObjects(key: string): InputFields[] | undefined {
    return this.has(key) ? this.objects(key) : undefined;
  }

  numbers(key: string): number[] {
    const v = this.obj[key];
    if (!Array.isArray(v) || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) return this.fail(key, 'an array of numbers');
    return v as number[];
  }
}
