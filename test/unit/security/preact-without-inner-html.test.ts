import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutInnerHtmlSink } from '../../../scripts/vite/preact-without-inner-html';

const require = createRequire(import.meta.url);
const preactBundle = readFileSync(require.resolve('preact'), 'utf8');

describe('Preact without its innerHTML sink (web-ext lint: UNSAFE_VAR_ASSIGNMENT)', () => {
  it('leaves the bundle with no assignment to innerHTML, and refuses dangerouslySetInnerHTML instead', () => {
    expect(preactBundle).toMatch(/\.innerHTML=/);
    const built = withoutInnerHtmlSink(preactBundle);
    expect(built).not.toMatch(/\.innerHTML\s*=/);
    expect(built).toContain('dangerouslySetInnerHTML is not supported');
    expect(built.length - preactBundle.length).toBeLessThan(200);
  });

  it.each([
    ['none', 'e.textContent=t'],
    ['two', 'a.innerHTML=b.__html;c.innerHTML=d.__html'],
  ])('stops the build when the bundle has %s', (_, code) => {
    expect(() => withoutInnerHtmlSink(code)).toThrow(/Expected one innerHTML assignment/);
  });
});
