import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Url, createPkcePair, randomUnreservedString } from '../../../lib/spotify/pkce';

describe('PKCE', () => {
  it.each([43, 64, 128])('makes a %i-character verifier of unreserved characters', async (length) => {
    const { verifier } = await createPkcePair(length);
    expect(verifier).toHaveLength(length);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
  });

  it('derives the S256 challenge exactly as RFC 7636 does', async () => {
    const { verifier, challenge } = await createPkcePair();
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(challenge).toBe(expected);
  });

  it('matches the RFC 7636 appendix B example', () => {
    const digest = createHash('sha256').update('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk').digest();
    expect(base64Url(new Uint8Array(digest))).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('does not repeat itself', () => {
    const values = new Set(Array.from({ length: 200 }, () => randomUnreservedString(32)));
    expect(values.size).toBe(200);
  });
});
