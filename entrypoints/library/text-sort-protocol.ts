import type { SortIndex } from '../../lib/library-view/sort-index';

/** Page → text sort worker. */
export interface TextSortRequest {
  id: number;
  texts: readonly string[];
}

/** Worker → page: the index, its buffers transferred, or why it failed. */
export type TextSortResponse = { id: number; index: SortIndex } | { id: number; error: string };
