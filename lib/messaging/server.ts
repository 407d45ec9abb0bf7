import { t } from '../i18n';
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { SiteTrackMessageSchema, RequestSchema, type SiteTrackMessage, type Reply, type RequestOf, type RequestType, type ResponseMap } from './protocol';

export type RequestHandlers = {
  [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseMap[T]>;
};

type MessageSender = Browser.runtime.MessageSender;

/**
 * Handlers that become available once `ready` resolves: the listener must be added at once
 * (the message that woke the worker is delivered immediately), the handlers need async setup.
 */
export function deferredHandlers(ready: Promise<RequestHandlers>): RequestHandlers {
  const defer = <T extends RequestType>(type: T) =>
    (async (request: RequestOf<T>) => {
      const handlers = await ready;
      return (handlers[type] as (request: RequestOf<T>) => Promise<ResponseMap[T]>)(request);
    }) as RequestHandlers[T];
  return {
    signIn: defer('signIn'),
    signOut: defer('signOut'),
    syncNow: defer('syncNow'),
    popupOpened: defer('popupOpened'),
    deleteLocalData: defer('deleteLocalData'),
    getTabTrack: defer('getTabTrack'),
    setTrackSaved: defer('setTrackSaved'),
    getPageMatch: defer('getPageMatch'),
    rejectPageMatch: defer('rejectPageMatch'),
    checkImport: defer('checkImport'),
    restoreFromFile: defer('restoreFromFile'),
    restoreRemoved: defer('restoreRemoved'),
    pauseRestore: defer('pauseRestore'),
    resumeRestore: defer('resumeRestore'),
    cancelRestore: defer('cancelRestore'),
    dismissRestore: defer('dismissRestore'),
    getRestoreStatus: defer('getRestoreStatus'),
  };
}

/**
 * Only this extension's own pages may talk to the background. Messages from web pages and
 * other extensions arrive through `onMessageExternal`, which is never listened to; content
 * scripts (which run in web pages) are refused here too: they carry a tab and a web URL.
 */
export function isOwnExtensionPage(sender: MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export function createMessageListener(
  handlers: RequestHandlers,
  runtimeId: string,
  extensionOrigin: string,
): (message: unknown, sender: MessageSender) => Promise<Reply<RequestType>> | undefined {
  return (message, sender) => {
    // No reply at all: an untrusted sender learns nothing, not even that we are here.
    if (!isOwnExtensionPage(sender, runtimeId, extensionOrigin)) return undefined;
    const parsed = v.safeParse(RequestSchema, message);
    if (!parsed.success) return Promise.resolve({ ok: false, error: t('errors.malformedRequest') });
    return dispatch(handlers, parsed.output);
  };
}

async function dispatch<T extends RequestType>(handlers: RequestHandlers, request: RequestOf<T>): Promise<Reply<T>> {
  try {
    const handler = handlers[request.type] as (request: RequestOf<T>) => Promise<ResponseMap[T]>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Where a content script's message came from, as the browser (not the page) says. */
export interface SiteTrackSender {
  tabId: number;
  url: string;
}

export type SiteTrackHandler = (sender: SiteTrackSender, track: SiteTrackMessage['track']) => Promise<void>;

/**
 * Our content script in the top frame of a web page tab: our id, a tab, frame 0, an https URL
 * that is not an extension page. Everything here comes from the browser, not from the page.
 */
function contentScriptSender(sender: MessageSender, runtimeId: string, extensionOrigin: string): SiteTrackSender | null {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (sender.id !== runtimeId || sender.frameId !== 0 || typeof tabId !== 'number' || tabId < 0) return null;
  if (typeof url !== 'string' || url.startsWith(extensionOrigin) || !url.startsWith('https://')) return null;
  return { tabId, url };
}

/**
 * The content scripts' narrow door (SPEC §9): one message, `pageTrack`, taken only from a tab
 * whose URL is on a site the user switched on, and answered with nothing — the result goes to
 * that tab's badge. Extension pages are left to `createMessageListener`; a content script can
 * reach none of its requests.
 */
export function createSiteTrackListener(
  handle: SiteTrackHandler,
  runtimeId: string,
  extensionOrigin: string,
  isOnEnabledSite: (url: string) => Promise<boolean>,
): (message: unknown, sender: MessageSender) => Promise<undefined> | undefined {
  return (message, sender) => {
    const from = contentScriptSender(sender, runtimeId, extensionOrigin);
    if (!from) return undefined;
    const parsed = v.safeParse(SiteTrackMessageSchema, message);
    if (!parsed.success) return undefined;
    return (async () => {
      if (await isOnEnabledSite(from.url)) await handle(from, parsed.output.track).catch(() => undefined);
      return undefined;
    })();
  };
}
