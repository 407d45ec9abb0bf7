import { describe, expect, it } from 'vitest';
import { describeUnavailableLibrary } from '../../../lib/library/library-unavailable';

describe('describeUnavailableLibrary', () => {
  it('sends a Firefox private window to a normal one: IndexedDB is not there, the library is', () => {
    const firefoxError = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    const described = describeUnavailableLibrary(firefoxError, true);
    expect(described.readableInNormalWindow).toBe(true);
    expect(described.message).toMatch(/private window/);
    expect(described.message).toMatch(/normal window/);
  });

  it.each([
    ['an error', new Error('The quota has been exceeded.'), 'The quota has been exceeded.'],
    ['anything else thrown', 'disk unplugged', 'disk unplugged'],
  ])('elsewhere, says what failed for %s, with no window to send the user to', (_, error, reason) => {
    expect(describeUnavailableLibrary(error, false)).toEqual({
      message: `Tracklight could not open the library saved on this device: ${reason}`,
      readableInNormalWindow: false,
    });
  });
});
