/**
 * The tab the popup treats as current: `?tab=TAB_ID` when given (SPEC §6: the library page and
 * tests use it), else the caller asks for the active tab. Null when the query names none.
 */
export function tabIdFromQuery(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d{1,10}$/.test(value)) return null;
  const tabId = Number(value);
  return Number.isSafeInteger(tabId) ? tabId : null;
}
