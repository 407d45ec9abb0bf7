/**
 * Ranks texts for the library page's sort off the page's thread: 100k distinct titles take
 * ~300 ms (see `textSortIndex`), which on the page would freeze scrolling and typing.
 */
import { defaultCollator, textSortIndex } from '../../lib/library-view/sort-index';
import type { TextSortRequest, TextSortResponse } from './text-sort-protocol';

const collator = defaultCollator();

addEventListener('message', (event: MessageEvent<TextSortRequest>) => {
  const { id, texts } = event.data;
  let response: TextSortResponse;
  try {
    response = { id, index: textSortIndex(texts, collator) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  const transfer = 'index' in response ? [response.index.order.buffer, response.index.tiesPrevious.buffer, response.index.missing.buffer] : [];
  postMessage(response, { transfer });
});
