import { describe, expect, it } from 'vitest';
import { HttpError, parseErrorBody, RefusedError, refusalError, refusalOf } from '../../../lib/spotify/errors';

const PREMIUM_REQUIRED =
  'Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.';
const NOT_REGISTERED = 'User not registered in the Developer Dashboard';

describe('parseErrorBody', () => {
  it.each<[string, string, ReturnType<typeof parseErrorBody>]>([
    ['the Web API error object', JSON.stringify({ error: { status: 403, message: NOT_REGISTERED } }), { message: NOT_REGISTERED, reason: null }],
    [
      'a reason beside the message',
      JSON.stringify({ error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } }),
      { message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' },
    ],
    ['a reason at the top level', JSON.stringify({ reason: 'QUOTA_EXCEEDED' }), { message: null, reason: 'QUOTA_EXCEEDED' }],
    [
      'an OAuth error',
      JSON.stringify({ error: 'invalid_client', error_description: 'Invalid client' }),
      { message: 'Invalid client', reason: 'invalid_client' },
    ],
    ['plain text', `${PREMIUM_REQUIRED}\n`, { message: PREMIUM_REQUIRED, reason: null }],
    ['an HTML page', '<!doctype html><html><body>Oops</body></html>', { message: null, reason: null }],
    ['nothing', '', { message: null, reason: null }],
    ['JSON of another shape', JSON.stringify({ error: { status: 'no', message: 42 } }), { message: null, reason: null }],
    ['a number', '403', { message: null, reason: null }],
  ])('reads %s', (_, body, expected) => {
    expect(parseErrorBody(body)).toEqual(expected);
  });
});

describe('refusalOf', () => {
  it.each<[string, number, string, ReturnType<typeof refusalOf>]>([
    ['premium required', 403, PREMIUM_REQUIRED, 'premium-required'],
    ['premium required, worded a little differently', 403, 'Active Premium subscription required for the owner of the app.', 'premium-required'],
    ['a user not registered', 403, NOT_REGISTERED, 'user-not-registered'],
    ['another 403', 403, 'Insufficient client scope', null],
    ['the same words with another status', 400, NOT_REGISTERED, null],
  ])('tells %s', (_, status, message, expected) => {
    expect(refusalOf(status, { message, reason: null })).toBe(expected);
  });

  it('types other refusals as HttpError with Spotify’s message, or the status when there is none', () => {
    expect(refusalError(403, { message: NOT_REGISTERED, reason: null })).toEqual(new RefusedError('user-not-registered'));
    expect(refusalError(400, { message: 'Invalid limit', reason: null })).toEqual(new HttpError(400, 'Invalid limit'));
    expect(refusalError(404, { message: null, reason: null }).message).toBe('Spotify refused the request (HTTP 404)');
  });
});
