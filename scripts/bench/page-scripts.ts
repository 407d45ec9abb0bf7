/**
 * Functions the bench runs inside Chromium go there as source text (Playwright's `evaluate`).
 * tsx compiles this project with esbuild's `keepNames`, which wraps every inner function in
 * a `__name(fn, "name")` call; pages and the service worker have no `__name`, so each gets
 * this no-op before the bench's functions run in it.
 */
export const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

export interface Evaluates {
  evaluate(expression: string): Promise<unknown>;
}

export async function installNameHelper(target: Evaluates): Promise<void> {
  await target.evaluate(NAME_HELPER);
}
