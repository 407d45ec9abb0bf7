import { SAVED_TRACKS_PAGE_SIZE } from '../spotify/saved-tracks';
import { CHUNK_SLOTS, type FullSyncCheckpoint, type StagedPageRecord } from './db';
import { fetchPage, keysOf, type FetchedPage } from './fetched-page';
import {
  discardFullSync,
  dropOtherGenerations,
  publishGeneration,
  readStagedPages,
  stagePages,
  writeChunk,
} from './generation-writer';
import { readCheckpoint, readLibraryMeta, saveCheckpoint } from './meta-records';
import { runPagePool } from './page-pool';
import { judgePass } from './reconcile';
import { SerialQueue } from './serial-queue';
import { slotListOf, slotsOf, type Slot, type SlotList } from './slots';
import { StorageFullError } from './storage-errors';
import type { SyncContext } from './sync-context';
import { LibraryKeptChangingError } from './sync-errors';
import { decodeList, encodeList } from './track-rows';

/** Passes per run before giving up on a list that keeps changing (see reconcile.ts). */
const MAX_PASSES = 3;
const PAGES_PER_CHUNK = CHUNK_SLOTS / SAVED_TRACKS_PAGE_SIZE;

export interface FullSyncSummary {
  added: number;
  removed: number;
  total: number;
  skipped: number;
}

/**
 * Reads the whole list into a new generation and publishes it (see db.ts, reconcile.ts).
 *
 * Every fetched page is staged with the checkpoint in one transaction, so a service worker
 * stopped at any point resumes here from IndexedDB alone and refetches nothing it staged.
 * Pages are assembled into chunks as soon as all pages of a chunk are in; the very first sync
 * shows those chunks at once, marked partial.
 *
 * `opening` is a page 0 the caller has just read (an incremental sync falling back to this),
 * saving one request.
 */
export async function runFullSync(context: SyncContext, opening?: FetchedPage): Promise<FullSyncSummary> {
  const { db } = context;
  let checkpoint = (await readCheckpoint(db)) ?? (await newCheckpoint(context));
  let nextOpening = checkpoint.phase === 'starting' ? opening : undefined;
  try {
    for (let passes = 1; ; passes++) {
      if (checkpoint.phase === 'starting') checkpoint = await openPass(context, checkpoint, nextOpening);
      if (checkpoint.phase === 'fetching') {
        checkpoint = await fetchPass(context, checkpoint);
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
      return await finishPass(context, checkpoint);
    }
  } catch (error) {
    // Free the space the staged pages took; the published library is untouched.
    if (error instanceof StorageFullError) await discardFullSync(db, checkpoint).catch(() => undefined);
    throw error;
  }
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

async function openPass(
  context: SyncContext,
  checkpoint: FullSyncCheckpoint,
  opening?: FetchedPage,
): Promise<FullSyncCheckpoint> {
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
  return assembleReadyChunks(context, opened, new Map([[0, slotListOf(page.slots)]]));
}

/** Fetches the pages of the pass not staged yet; resolves with the checkpoint that has them all. */
async function fetchPass(context: SyncContext, start: FullSyncCheckpoint): Promise<FullSyncCheckpoint> {
  let checkpoint = start;
  const fetched = new Map<number, SlotList>();
  const writes = new SerialQueue();
  const missing = checkpoint.pageTotals.flatMap((total, index) => (total === null ? [index * SAVED_TRACKS_PAGE_SIZE] : []));
  report(context, checkpoint, 'fetching');
  await runPagePool(
    context,
    missing,
    (offset) => fetchPage(context, offset),
    (page) =>
      writes.run(async () => {
        const index = page.offset / SAVED_TRACKS_PAGE_SIZE;
        const pageTotals = checkpoint.pageTotals.with(index, page.total);
        const staged: FullSyncCheckpoint = { ...checkpoint, pageTotals };
        await stagePages(context.db, [stagedRecord(staged, page)], staged);
        fetched.set(index, slotListOf(page.slots));
        checkpoint = await assembleReadyChunks(context, staged, fetched);
        report(context, checkpoint, 'fetching');
      }),
  );
  return checkpoint;
}

/** Writes every chunk whose pages are all staged, in order (partial results of the first sync). */
async function assembleReadyChunks(
  context: SyncContext,
  start: FullSyncCheckpoint,
  fetched: Map<number, SlotList>,
): Promise<FullSyncCheckpoint> {
  let checkpoint = start;
  const pageCount = checkpoint.pageTotals.length;
  for (;;) {
    const first = checkpoint.assembledChunks * PAGES_PER_CHUNK;
    const end = Math.min(first + PAGES_PER_CHUNK, pageCount);
    if (first >= end || checkpoint.pageTotals.slice(first, end).some((total) => total === null)) return checkpoint;
    const pages: SlotList[] = [];
    for (let index = first; index < end; index++) {
      const inMemory = fetched.get(index);
      pages.push(inMemory ?? (await readStagedList(context, checkpoint.gen, index)));
      fetched.delete(index);
    }
    checkpoint = { ...checkpoint, assembledChunks: checkpoint.assembledChunks + 1 };
    await writeChunk(context.db, checkpoint.gen, checkpoint.assembledChunks - 1, concatenate(pages), checkpoint);
  }
}

async function finishPass(context: SyncContext, checkpoint: FullSyncCheckpoint): Promise<FullSyncSummary> {
  const assembled = await assembleReadyChunks(context, checkpoint, new Map());
  return publish(context, assembled, assembled.startTotal);
}

/** A repaired list (reconcile.ts case 2) goes straight into chunks. */
async function publishSlots(
  context: SyncContext,
  current: FullSyncCheckpoint,
  slots: readonly Slot[],
  total: number,
): Promise<FullSyncSummary> {
  // If the worker stops before publishing, the staged pages are not this list: start a new pass.
  const checkpoint: FullSyncCheckpoint = { ...current, phase: 'starting', pass: current.pass + 1, assembledChunks: 0 };
  await saveCheckpoint(context.db, checkpoint);
  const chunkCount = Math.ceil(slots.length / CHUNK_SLOTS);
  for (let seq = 0; seq < chunkCount; seq++) {
    const list = slotListOf(slots.slice(seq * CHUNK_SLOTS, (seq + 1) * CHUNK_SLOTS));
    await writeChunk(context.db, checkpoint.gen, seq, list, checkpoint);
  }
  return publish(context, { ...checkpoint, assembledChunks: chunkCount }, total);
}

async function publish(context: SyncContext, checkpoint: FullSyncCheckpoint, serverTotal: number): Promise<FullSyncSummary> {
  report(context, checkpoint, 'saving');
  const { meta, added, removed } = await publishGeneration(context.db, {
    gen: checkpoint.gen,
    chunkCount: checkpoint.assembledChunks,
    serverTotal,
    syncedAt: context.now(),
  });
  return { added, removed, total: meta.total, skipped: meta.serverTotal - meta.total };
}

async function readPassPages(context: SyncContext, checkpoint: FullSyncCheckpoint): Promise<FetchedPage[]> {
  const records = await readStagedPages(context.db, checkpoint.gen, 0, Infinity);
  return records
    .filter((record) => record.pass === checkpoint.pass)
    .map((record) => ({ offset: record.offset, total: record.total, slots: slotsOf(decodeList(record)) }));
}

async function readStagedList(context: SyncContext, gen: number, index: number): Promise<SlotList> {
  const offset = index * SAVED_TRACKS_PAGE_SIZE;
  const [record] = await readStagedPages(context.db, gen, offset, offset + 1);
  if (!record) throw new Error(`Staged page at offset ${offset} is missing.`);
  return decodeList(record);
}

function stagedRecord(checkpoint: FullSyncCheckpoint, page: FetchedPage): StagedPageRecord {
  const { gen, pass } = checkpoint;
  return { gen, offset: page.offset, pass, total: page.total, ...encodeList(slotListOf(page.slots)) };
}

function concatenate(pages: readonly SlotList[]): SlotList {
  return slotListOf(pages.flatMap((page) => slotsOf(page)));
}

function report(context: SyncContext, checkpoint: FullSyncCheckpoint, phase: 'fetching' | 'reconciling' | 'saving'): void {
  const total = checkpoint.startTotal;
  const done = checkpoint.pageTotals.reduce<number>(
    (sum, pageTotal, index) =>
      pageTotal === null ? sum : sum + Math.max(0, Math.min(SAVED_TRACKS_PAGE_SIZE, total - index * SAVED_TRACKS_PAGE_SIZE)),
    0,
  );
  context.onProgress?.({ done, total, phase });
}
