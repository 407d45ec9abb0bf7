import { vi } from 'vitest';

type StoreMethod = 'get' | 'getAll' | 'put';

/**
 * Records each call of these methods on one object store from now on, whoever makes it (the
 * sync engine, readers): for tests of what the engine reads back or writes. Undone by
 * `vi.restoreAllMocks()`.
 */
export function recordStoreCalls(storeName: string, methods: readonly StoreMethod[] = ['get', 'getAll']): StoreMethod[] {
  const calls: StoreMethod[] = [];
  for (const method of methods) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === storeName) calls.push(method);
      return original.apply(this, args);
    } as never);
  }
  return calls;
}
