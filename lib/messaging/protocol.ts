import * as v from 'valibot';
import type { AccountRef } from '../settings';

/**
 * The one contract between the extension's pages and its background. Every request is
 * validated by the background before anything runs (SPEC §9); responses are typed per request.
 */

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('signIn') }),
  v.strictObject({ type: v.literal('signOut') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface ResponseMap {
  signIn: AccountRef;
  signOut: null;
}

export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };
