import { describe, expect, it } from 'vitest';
import { foldText, tokenizeQuery } from '../../../lib/search/fold';

describe('foldText', () => {
  it.each([
    ['Beyoncé', 'beyonce'],
    ['Sigur Rós', 'sigur ros'],
    ['e\u0301clair (decomposed accent)', 'eclair decomposed accent'],
    ['ＡＢＣ　ｄｅｆ', 'abc def'],
    ['ﬁre ﬂy', 'fire fly'],
    ['Ⅻ ① ²', 'xii 1 2'],
    ['AC/DC', 'acdc'],
    ["Don't", 'dont'],
    ['Don’t', 'dont'],
    ['P!nk', 'pnk'],
    ['R.E.M.', 'rem'],
    ['Hello - World (Live)', 'hello world live'],
    ['  lots   of\tspace\n', 'lots of space'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Øystein Mø', 'oystein mo'],
    ['Æther Œuvre', 'aether oeuvre'],
    ['Łódź', 'lodz'],
    ['Đorđe', 'dorde'],
    ['Þórr Óðinn', 'thorr odinn'],
    ['Işık İstanbul', 'isik istanbul'],
    ['Кино Ёлка Йога', 'кино елка иога'],
    ['ΣΟΦΟΣ σοφος', 'σοφοσ σοφοσ'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['が', 'か'],
    ['坂本龍一', '坂本龍一'],
    ['zero\u200bwidth soft\u00adhyphen', 'zerowidth softhyphen'],
    ['control\u0001char\u0003s', 'controlchars'],
    ['🔥 Fire 🔥', 'fire'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('decomposes Hangul syllables into jamo, as an IME composes them', () => {
    expect(foldText('한')).toBe('\u1112\u1161\u11ab');
    // The compatibility jamo an IME shows mid-syllable folds to the same leading consonant.
    expect(foldText('ㅎ')).toBe('\u1112');
  });

  it('never leaves a control character, so search keys can use them as markers', () => {
    const leaking: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test looks for
      if (/[\u0000-\u001f\u007f]/.test(foldText(character))) leaking.push(character);
    }
    expect(leaking).toEqual([]);
  });
});

describe('tokenizeQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['!!! ---', []],
    ['Beyoncé HALO', ['beyonce', 'halo']],
    ['AC/DC back in black', ['acdc', 'back', 'in', 'black']],
    ['la la land', ['la', 'land']],
    ['  sigur   rós ', ['sigur', 'ros']],
    ['坂本 龍一', ['坂本', '龍一']],
  ])('%j → %j', (query, tokens) => {
    expect(tokenizeQuery(query)).toEqual(tokens);
  });
});
