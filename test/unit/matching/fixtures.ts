import { parseHTML } from 'linkedom';
import { fixtureHtml } from '../../fixtures/sites/site-fixtures';

export { SITE_FIXTURES } from '../../fixtures/sites/site-fixtures';

/** A fixture page as a DOM (linkedom: no scripts run, as for a page before its app starts). */
export function fixtureDocument(file: string): Document {
  return parseHTML(fixtureHtml(file)).document as unknown as Document;
}
