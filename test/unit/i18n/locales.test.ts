import { describe, expect, it } from 'vitest';
import { LOCALES, readMessages } from '../../i18n-messages';

/** What a translation must keep: its `{substitutions}` and its `<part/>` slots. */
function slots(message: string): string[] {
  return [...message.matchAll(/\{[A-Za-z0-9_]+\}|<[a-zA-Z]+\/>/g)].map(([slot]) => slot).sort();
}

describe('locales/*.yml', async () => {
  const english = await readMessages('en');

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every English message, with the same substitutions and parts', async (locale) => {
    const translated = await readMessages(locale);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(english)) {
      // Each plural form of a message holds the same slots; Chinese writes one form.
      const englishSlots = slots(message.split(' | ').at(-1)!);
      expect({ key, slots: slots(translated[key]!) }).toEqual({ key, slots: englishSlots });
      expect({ key, bold: translated[key]!.split('<b>').length }).toEqual({ key, bold: translated[key]!.split('</b>').length });
    }
  });

  it.each(LOCALES)('%s names its language as a tag Intl knows', async (locale) => {
    const tag = (await readMessages(locale)).meta_locale!;
    expect(Intl.NumberFormat.supportedLocalesOf([tag])).toEqual([tag]);
  });
});
