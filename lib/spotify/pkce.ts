/** PKCE (RFC 7636) and the OAuth `state`, from `crypto.getRandomValues` as SPEC §3 asks. */

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** A random string over RFC 7636's unreserved characters, without modulo bias. */
export function randomUnreservedString(length: number): string {
  let result = '';
  while (result.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 66 characters: bytes of 198 and above would favour the first ones.
      if (byte < UNRESERVED.length * 3 && result.length < length) result += UNRESERVED[byte % UNRESERVED.length];
    }
  }
  return result;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export async function createPkcePair(verifierLength = 64): Promise<PkcePair> {
  const verifier = randomUnreservedString(verifierLength);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
