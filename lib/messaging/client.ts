import { t } from '../i18n';
import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType, ResponseMap } from './protocol';

/** The pages' only way to ask the background for something. Throws the background's message. */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(t('errors.noAnswer'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The shape of `sendRequest`, so components can be given a fake in tests. */
export type SendRequest = typeof sendRequest;
