import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, readMessages } from '../i18n-messages';

// WXT's fake browser has no i18n: the English messages, as Chromium serves them to an `en` browser,
// so tests read the English UI (a test may switch language with `useLocale`, test/unit/i18n/).
const english = await readMessages('en');
fakeBrowser.i18n.getMessage = getMessageFrom(english, 'en_US');
fakeBrowser.i18n.getUILanguage = () => 'en-US';
