/**
 * What a handler answers, before it is written to the socket: handlers stay plain functions
 * and the server decides about latency and faults in one place.
 */
import type { ErrorResponse } from './spotify-types';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Text, or bytes (cover images). */
  body: string | Buffer;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return jsonTextReply(status, JSON.stringify(value), headers);
}

/** For JSON serialized already (see page-json.ts). */
export function jsonTextReply(status: number, json: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: json };
}

/** Spotify's Web API error: `{ "error": { "status": 401, "message": "..." } }`. */
export function apiErrorReply(status: number, message: string, extra: { reason?: string; headers?: Record<string, string> } = {}): Reply {
  const error: ErrorResponse['error'] = { status, message };
  if (extra.reason !== undefined) error.reason = extra.reason;
  return jsonReply(status, { error }, extra.headers);
}

/** The accounts service's OAuth error: `{ "error": "invalid_grant", "error_description": "..." }`. */
export function oauthErrorReply(error: string, description: string): Reply {
  return jsonReply(400, { error, error_description: description });
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location }, body: '' };
}

export function emptyReply(status: number): Reply {
  return { status, headers: {}, body: '' };
}

/** Escapes text for HTML; the pages echo client ids and redirect URIs from the query. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
