import type { Plugin } from 'vite';

/**
 * Preact's one HTML sink, `dom.innerHTML = newHtml.__html` (dangerouslySetInnerHTML), minified
 * in dist/preact.mjs. It is the finding `web-ext lint` reports on every build (UNSAFE_VAR_ASSIGNMENT,
 * "Unsafe assignment to innerHTML") and AMO's reviewers read. Tracklight never sets HTML from a
 * string, so the build replaces the assignment with an error: no string can become markup.
 */
const INNER_HTML_SINK = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;

const REFUSAL = '(()=>{throw new TypeError("dangerouslySetInnerHTML is not supported: Tracklight writes no HTML from strings")})()';

/** Preact's bundle without its innerHTML sink; fails if the bundle has not exactly one. */
export function withoutInnerHtmlSink(code: string): string {
  const sinks = code.match(INNER_HTML_SINK) ?? [];
  if (sinks.length !== 1) {
    throw new Error(`Expected one innerHTML assignment in Preact's bundle, found ${sinks.length}: update scripts/vite/preact-without-inner-html.ts`);
  }
  return code.replace(INNER_HTML_SINK, REFUSAL);
}

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'tracklight:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0]!)) return null;
      return { code: withoutInnerHtmlSink(code), map: null };
    },
  };
}
