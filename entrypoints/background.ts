import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAccountController } from '../lib/background/account';
import { createStatusStore } from '../lib/background/status-store';
import { spotifyConfig } from '../lib/config';
import { createMessageListener } from '../lib/messaging/server';
import { createAuth } from '../lib/spotify/auth';
import { indexedDbSessionStore } from '../lib/spotify/session-store';

export default defineBackground(() => {
  const status = createStatusStore();
  const auth = createAuth({
    accountsBase: spotifyConfig.accountsBase,
    apiBase: spotifyConfig.apiBase,
    scopes: spotifyConfig.scopes,
    identity: browser.identity,
    store: indexedDbSessionStore,
  });
  const account = createAccountController(auth, status);

  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        signIn: () => account.signIn(),
        signOut: async () => {
          await account.signOut();
          return null;
        },
      },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    ),
  );

  void account.restore();
});
