/**
 * Which input fields an adapter read: the runner hands the adapter a proxy of the vector's `input`
 * that records every key looked up, then lists the keys nobody looked at. A field an adapter cannot
 * honour (a misspelling, a rule it does not model) is reported instead of silently ignored.
 */

type Json = Record<string, unknown>;

function isContainer(value: unknown): value is Json | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** A read-recording view of a JSON value, and afterwards the paths of the keys never read. */
export class ReadTracker {
  private readonly reads = new WeakMap<object, Set<string>>();
  private readonly proxies = new WeakMap<object, object>();
  readonly view: unknown;

  constructor(private readonly root: unknown) {
    this.view = this.wrap(root);
  }

  private wrap(value: unknown): unknown {
    if (!isContainer(value)) return value;
    const known = this.proxies.get(value);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    this.reads.set(value, seen);
    const proxy = new Proxy(value, {
      get: (target, key, receiver) => {
        if (typeof key === 'string') seen.add(key);
        return this.wrap(Reflect.get(target, key, receiver));
      },
      has: (target, key) => {
        if (typeof key === 'string') seen.add(key);
        return Reflect.has(target, key);
      },
    });
    this.proxies.set(value, proxy);
    return proxy;
  }

  /**
   * Paths (`pods[2].cpuInit`, `controllerConfig.workers`) of object keys the adapter never looked up.
   * Below a key that was read, object keys are checked again; array elements are walked, an array
   * or object that was never reached is reported once by its own key.
   */
  unread(): string[] {
    const out: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (!isContainer(value)) return;
      const seen = this.reads.get(value);
      if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, `${path}[${i}]`));
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (seen === undefined || !seen.has(key)) out.push(childPath);
        else walk(child, childPath);
      }
    };
    walk(this.root, '');
    return out;
  }
}
