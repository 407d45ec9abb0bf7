import { t } from '../i18n';
import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import {
  CHUNK_SLOTS,
  placesOf,
  type FullSyncCheckpoint,
  type LibraryDb,
  type LibraryPlaces,
  type StagedPageRecord,
  type TrackChunkRecord,
} from '../library/db';
import { fetchPage, keysOf, type FetchedPage } from './fetched-page';
import { GenerationIndex } from '../library/generation-index';
import { discardFullSync, dropOtherGenerations, publishGeneration, readStagedPages, stagePages, writeChunk } from '../library/generation-writer';
import { readCheckpoint, readLibraryMeta, saveCheckpoint } from '../library/store';
import { runPagePool } from './page-pool';
import { judgePass } from './reconcile';
import { slotListOf, slotsOf, type Slot, type SlotList } from '../library/slots';
import { StorageFullError } from '../library/write-transaction';
import type { SyncContext } from './sync-context';
import { decodeList, encodeList } from '../library/packed-tracks';

/** Passes per run before giving up on a list that keeps changing (see reconcile.ts). */
const MAX_PASSES = 3;
const PAGES_PER_CHUNK = CHUNK_SLOTS / SAVED_TRACKS_PAGE_SIZE;

export interface FullSyncSummary extends LibraryPlaces {
  added: number;
  removed: number;
}

/**
 * Reads the whole list into a new generation and publishes it (see db.ts, reconcile.ts).
 *
 * Every fetched page is staged with its total in one transaction, so a service worker stopped
 * at any point resumes here from IndexedDB alone (readFullSyncCheckpoint) and refetches
 * nothing it staged.
 * Pages are assembled into chunks as soon as all pages of a chunk are in (their staged copies
 * go with that write); the very first sync shows those chunks at once, marked partial. What
 * publishing needs besides the chunks (GenerationIndex) is built as they are written.
 *
 * `opening` is a page 0 the caller has just read (an incremental sync falling back to this),
 * saving one request.
 */
export async function runFullSync(context: SyncContext, opening?: FetchedPage): Promise<FullSyncSummary> {
  const { db } = context;
  let checkpoint = (await readFullSyncCheckpoint(db)) ?? (await newCheckpoint(context));
  let nextOpening = checkpoint.phase === 'starting' ? opening : undefined;
  // Chunks of this pass written before a stop are read back into it when it needs them.
  let index = new GenerationIndex(checkpoint.gen);
  try {
    for (let passes = 1; ; passes++) {
      if (checkpoint.phase === 'starting') {
        index = new GenerationIndex(checkpoint.gen);
        checkpoint = await openPass(context, checkpoint, index, nextOpening);
      }
      if (checkpoint.phase === 'fetching') {
        checkpoint = await fetchPass(context, checkpoint, index);
        const current = checkpoint;
        report(context, current, 'reconciling');
        const verdict = await judgePass(context, current, () => readPassPages(context, current));
        if (verdict.kind === 'repaired') return await publishSlots(context, current, verdict.slots, verdict.total);
        if (verdict.kind === 'changed') {
          checkpoint = { ...current, phase: 'starting', pass: current.pass + 1 };
          await saveCheckpoint(db, checkpoint);
          if (passes >= MAX_PASSES) throw new LibraryKeptChangingError(passes);
          nextOpening = verdict.opening;
          continue;
        }
        checkpoint = { ...current, phase: 'assembling' };
        await saveCheckpoint(db, checkpoint);
      }
      return await finishPass(context, checkpoint, index);
    }
  } catch (error) {
    // Free the space the staged pages took; the published library is untouched.
    if (error instanceof StorageFullError) await discardFullSync(db, checkpoint).catch(() => undefined);
    throw error;
  }
}

/**
 * The full sync in progress as a restarted service worker resumes it: the checkpoint record,
 * with the totals of the pages staged since it was last written (it is written with each chunk,
 * a page on its own).
 */
export async function readFullSyncCheckpoint(db: LibraryDb): Promise<FullSyncCheckpoint | undefined> {
  const checkpoint = await readCheckpoint(db);
  if (checkpoint?.phase !== 'fetching') return checkpoint;
  const pageTotals = [...checkpoint.pageTotals];
  for (const record of await readStagedPages(db, checkpoint.gen, checkpoint.assembledChunks * CHUNK_SLOTS, Infinity)) {
    const page = record.offset / SAVED_TRACKS_PAGE_SIZE;
    if (record.pass === checkpoint.pass && page < pageTotals.length) pageTotals[page] = record.total;
  }
  return { ...checkpoint, pageTotals };
}

async function newCheckpoint(context: SyncContext): Promise<FullSyncCheckpoint> {
  const meta = await readLibraryMeta(context.db);
  await dropOtherGenerations(context.db, meta ? [meta.generation] : []);
  const checkpoint: FullSyncCheckpoint = {
    key: 'checkpoint',
    gen: (meta?.generation ?? 0) + 1,
    visible: !meta?.complete,
    pass: 1,
    phase: 'starting',
    startTotal: 0,
    startHead: [],
    pageTotals: [],
    assembledChunks: 0,
  };
  await saveCheckpoint(context.db, checkpoint);
  return checkpoint;
}

async function openPass(context: SyncContext, checkpoint: FullSyncCheckpoint, index: GenerationIndex, opening?: FetchedPage): Promise<FullSyncCheckpoint> {
  const page = opening ?? (await fetchPage(context, 0));
  const pageCount = Math.max(1, Math.ceil(page.total / SAVED_TRACKS_PAGE_SIZE));
  const opened: FullSyncCheckpoint = {
    ...checkpoint,
    phase: 'fetching',
    startTotal: page.total,
    startHead: keysOf(page.slots),
    pageTotals: [page.total, ...new Array<null>(pageCount - 1).fill(null)],
    assembledChunks: 0,
  };
  await stagePages(context.db, [stagedRecord(opened, page)], opened);
  return assembleReadyChunks(context, opened, new Map([[0, slotListOf(page.slots)]]), index);
}

/** Fetches the pages of the pass not staged yet; resolves with the checkpoint that has them all. */
async function fetchPass(context: SyncContext, start: FullSyncCheckpoint, index: GenerationIndex): Promise<FullSyncCheckpoint> {
  let checkpoint = start;
  const fetched = new Map<number, SlotList>();
  const writes = new SerialQueue();
  const missing = checkpoint.pageTotals.flatMap((total, page) => (total === null ? [page * SAVED_TRACKS_PAGE_SIZE] : []));
  report(context, checkpoint, 'fetching');
  await runPagePool(
    context,
    missing,
    (offset) => fetchPage(context, offset),
    (page) =>
      writes.run(async () => {
        const pageIndex = page.offset / SAVED_TRACKS_PAGE_SIZE;
        const pageTotals = checkpoint.pageTotals.with(pageIndex, page.total);
        const staged: FullSyncCheckpoint = { ...checkpoint, pageTotals };
        await stagePages(context.db, [stagedRecord(staged, page)]);
        fetched.set(pageIndex, slotListOf(page.slots));
        checkpoint = await assembleReadyChunks(context, staged, fetched, index);
        report(context, checkpoint, 'fetching');
      }),
  );
  return checkpoint;
}

/**
 * Writes every chunk whose pages are all staged, in order (partial results of the first sync),
 * and adds it to `index`. Pages come from memory, or after a stop from their staged copies.
 */
async function assembleReadyChunks(
  context: SyncContext,
  start: FullSyncCheckpoint,
  fetched: Map<number, SlotList>,
  index: GenerationIndex,
): Promise<FullSyncCheckpoint> {
  let checkpoint = start;
  const pageCount = checkpoint.pageTotals.length;
  for (;;) {
    const first = checkpoint.assembledChunks * PAGES_PER_CHUNK;
    const end = Math.min(first + PAGES_PER_CHUNK, pageCount);
    if (first >= end || checkpoint.pageTotals.slice(first, end).some((total) => total === null)) return checkpoint;
    const pages = await pagesOfChunk(context, checkpoint.gen, first, end, fetched);
    const seq = checkpoint.assembledChunks;
    const list = concatenate(pages);
    const slots = slotsOf(list);
    await index.catchUp(context.db, seq);
    checkpoint = { ...checkpoint, assembledChunks: seq + 1 };
    const stagedPages = { from: first * SAVED_TRACKS_PAGE_SIZE, to: end * SAVED_TRACKS_PAGE_SIZE };
    await writeChunk(context.db, { gen: checkpoint.gen, seq, list, slots, stagedPages }, checkpoint);
    index.add(seq, list, slots);
  }
}

/** Pages [first, end) of the pass: from memory, else (a resumed sync) their staged copies in one read. */
async function pagesOfChunk(context: SyncContext, gen: number, first: number, end: number, fetched: Map<number, SlotList>): Promise<SlotList[]> {
  const pages: Array<SlotList | undefined> = [];
  for (let page = first; page < end; page++) {
    pages.push(fetched.get(page));
    fetched.delete(page);
  }
  if (pages.every((page) => page !== undefined)) return pages;
  const records = await readStagedPages(context.db, gen, first * SAVED_TRACKS_PAGE_SIZE, end * SAVED_TRACKS_PAGE_SIZE);
  const staged = new Map(records.map((record) => [record.offset, record]));
  return pages.map((page, index) => {
    if (page) return page;
    const record = staged.get((first + index) * SAVED_TRACKS_PAGE_SIZE);
    if (!record) throw new Error(`Staged page at offset ${(first + index) * SAVED_TRACKS_PAGE_SIZE} is missing.`);
    return decodeList(record);
  });
}

async function finishPass(context: SyncContext, checkpoint: FullSyncCheckpoint, index: GenerationIndex): Promise<FullSyncSummary> {
  const assembled = await assembleReadyChunks(context, checkpoint, new Map(), index);
  return publish(context, assembled, assembled.startTotal, index);
}

/** A repaired list (reconcile.ts case 2) goes straight into chunks. */
async function publishSlots(context: SyncContext, current: FullSyncCheckpoint, slots: readonly Slot[], total: number): Promise<FullSyncSummary> {
  // If the worker stops before publishing, the staged pages are not this list: start a new pass.
  const checkpoint: FullSyncCheckpoint = { ...current, phase: 'starting', pass: current.pass + 1, assembledChunks: 0 };
  await saveCheckpoint(context.db, checkpoint);
  const chunkCount = Math.ceil(slots.length / CHUNK_SLOTS);
  const index = new GenerationIndex(checkpoint.gen);
  for (let seq = 0; seq < chunkCount; seq++) {
    const chunkSlots = slots.slice(seq * CHUNK_SLOTS, (seq + 1) * CHUNK_SLOTS);
    const list = slotListOf(chunkSlots);
    await writeChunk(context.db, { gen: checkpoint.gen, seq, list, slots: chunkSlots }, checkpoint);
    index.add(seq, list, chunkSlots);
  }
  return publish(context, { ...checkpoint, assembledChunks: chunkCount }, total, index);
}

async function publish(context: SyncContext, checkpoint: FullSyncCheckpoint, serverTotal: number, index: GenerationIndex): Promise<FullSyncSummary> {
  report(context, checkpoint, 'saving');
  await index.catchUp(context.db, checkpoint.assembledChunks);
  const { meta, added, removed } = await publishGeneration(context.db, { index, serverTotal, syncedAt: context.now() });
  return { added, removed, ...placesOf(meta) };
}

/**
 * The pages of the pass as they were read, for reconcile.ts to repair the list from. Assembled
 * chunks are cut back into their pages (whose staged copies went with the chunk's write): a
 * page read at total t holds min(50, t − offset) slots, since fetchSavedTracksPage refuses
 * fewer. Undefined when a chunk does not cut that way (a page longer than its total allows):
 * then the pass cannot be repaired and starts again.
 */
async function readPassPages(context: SyncContext, checkpoint: FullSyncCheckpoint): Promise<FetchedPage[] | undefined> {
  const { gen, pass, pageTotals, assembledChunks } = checkpoint;
  const pages: FetchedPage[] = [];
  const chunks = await context.db.getAll('trackChunks', IDBKeyRange.bound([gen, 0], [gen, assembledChunks], false, true));
  for (const chunk of chunks) {
    const cut = cutIntoPages(chunk, pageTotals);
    if (!cut) return undefined;
    pages.push(...cut);
  }
  const firstStaged = assembledChunks * CHUNK_SLOTS;
  for (const record of await readStagedPages(context.db, gen, firstStaged, Infinity)) {
    if (record.pass !== pass) continue;
    pages.push({ offset: record.offset, total: record.total, slots: slotsOf(decodeList(record)) });
  }
  return pages;
}

function cutIntoPages(chunk: TrackChunkRecord, pageTotals: ReadonlyArray<number | null>): FetchedPage[] | undefined {
  const slots = slotsOf(decodeList(chunk));
  const pages: FetchedPage[] = [];
  const first = chunk.seq * PAGES_PER_CHUNK;
  const end = Math.min(first + PAGES_PER_CHUNK, pageTotals.length);
  let at = 0;
  for (let page = first; page < end; page++) {
    const total = pageTotals[page];
    if (total === null || total === undefined) return undefined;
    const offset = page * SAVED_TRACKS_PAGE_SIZE;
    const count = Math.max(0, Math.min(SAVED_TRACKS_PAGE_SIZE, total - offset));
    pages.push({ offset, total, slots: slots.slice(at, at + count) });
    at += count;
  }
  return at === slots.length ? pages : undefined;
}

function stagedRecord(checkpoint: FullSyncCheckpoint, page: FetchedPage): StagedPageRecord {
  const { gen, pass } = checkpoint;
  return { gen, offset: page.offset, pass, total: page.total, ...encodeList(slotListOf(page.slots)) };
}

function concatenate(pages: readonly SlotList[]): SlotList {
  const list: SlotList = { tracks: [], holes: [] };
  for (const page of pages) {
    for (const hole of page.holes) list.holes.push({ ...hole, before: list.tracks.length + hole.before });
    for (const track of page.tracks) list.tracks.push(track);
  }
  return list;
}

function report(context: SyncContext, checkpoint: FullSyncCheckpoint, phase: 'fetching' | 'reconciling' | 'saving'): void {
  const total = checkpoint.startTotal;
  const done = checkpoint.pageTotals.reduce<number>(
    (sum, pageTotal, index) => (pageTotal === null ? sum : sum + Math.max(0, Math.min(SAVED_TRACKS_PAGE_SIZE, total - index * SAVED_TRACKS_PAGE_SIZE))),
    0,
  );
  context.onProgress?.({ done, total, phase });
}

/** Runs async tasks one after another: concurrent pages share one checkpoint, so their writes take turns. */
class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<Result>(task: () => Promise<Result>): Promise<Result> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Spotify's list kept changing under every pass of a full sync (see reconcile.ts). Nothing
 * inexact was published; the checkpoint stays, so the next sync carries on from it.
 */
export class LibraryKeptChangingError extends Error {
  override name = 'LibraryKeptChangingError';
  constructor(passes: number) {
    super(t('errors.keptChanging', { passes }));
  }
}
