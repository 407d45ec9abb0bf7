import { expect } from 'vitest';
import type { LoggedRequest } from '../stand-in/request-log';
import type { StandIn } from '../stand-in/server';
import type { TestWorld } from './fixtures';
import { cachedLibrary, serverLibrary } from './library-snapshot';
import type { PopupPage } from './pages/popup-page';

/** What the sync tests of the built extension share: its requests seen by the stand-in, its cache, signing in. */

export const tracksRequests = (standIn: StandIn) => standIn.requests.filter((request) => request.path === '/v1/me/tracks');

/** `GET /me/tracks` requests after the first `k` from now. */
export function tracksAfter(standIn: StandIn, k: number): (request: LoggedRequest) => boolean {
  const base = tracksRequests(standIn).length;
  return (request) => request.path === '/v1/me/tracks' && tracksRequests(standIn).length - base > k;
}

export const accountKey = (w: TestWorld) => w.standIn.user.account_id!;

export async function expectCacheExact(w: TestWorld): Promise<void> {
  expect(await cachedLibrary(w, accountKey(w))).toEqual(serverLibrary(w));
}

export async function signIn(w: TestWorld): Promise<PopupPage> {
  const popup = await w.openPopup();
  await popup.signIn();
  return popup;
}
