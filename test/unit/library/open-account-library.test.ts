import { describe, expect, it, vi } from 'vitest';
import { openAccountLibrary, type AccountLibraryState } from '../../../lib/library/open-account-library';
import type { LibraryDb } from '../../../lib/library/store';

/** An open that the test settles, and a database that records being closed. */
function controlledOpen() {
  const db = { close: vi.fn() } as unknown as LibraryDb;
  let settle: { resolve: (db: LibraryDb) => void; reject: (error: unknown) => void } | undefined;
  const open = vi.fn((_accountKey: string) => new Promise<LibraryDb>((resolve, reject) => (settle = { resolve, reject })));
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { db, open, resolve: () => settle!.resolve(db), reject: (error: unknown) => settle!.reject(error), flush };
}

describe('openAccountLibrary', () => {
  it('opens the account’s database and hands it over, closing it on cancel', async () => {
    const { db, open, resolve, flush } = controlledOpen();
    const heard: AccountLibraryState[] = [];
    const cancel = openAccountLibrary('account-1', (state) => heard.push(state), { inPrivateWindow: false, open });
    expect(open).toHaveBeenCalledWith('account-1');
    resolve();
    await flush();
    expect(heard).toEqual([{ db, unavailable: null }]);
    expect(db.close).not.toHaveBeenCalled();
    cancel();
    expect(db.close).toHaveBeenCalledOnce();
  });

  it('closes a database that opens after the cancel, and says nothing', async () => {
    const { db, open, resolve, flush } = controlledOpen();
    const heard: AccountLibraryState[] = [];
    openAccountLibrary('account-1', (state) => heard.push(state), { inPrivateWindow: false, open })();
    resolve();
    await flush();
    expect(heard).toEqual([]);
    expect(db.close).toHaveBeenCalledOnce();
  });

  it.each([
    [false, false],
    [true, true],
  ])('says why it cannot be opened (in a private window: %s)', async (inPrivateWindow, readableInNormalWindow) => {
    const { open, reject, flush } = controlledOpen();
    const heard: AccountLibraryState[] = [];
    openAccountLibrary('account-1', (state) => heard.push(state), { inPrivateWindow, open });
    reject(new DOMException('no IndexedDB here', 'InvalidStateError'));
    await flush();
    expect(heard).toEqual([{ db: null, unavailable: { message: expect.stringMatching(/./), readableInNormalWindow } }]);
  });

  it('says nothing of a failure after the cancel', async () => {
    const { open, reject, flush } = controlledOpen();
    const heard: AccountLibraryState[] = [];
    openAccountLibrary('account-1', (state) => heard.push(state), { inPrivateWindow: false, open })();
    reject(new Error('blocked'));
    await flush();
    expect(heard).toEqual([]);
  });
});
