import { spotifyTimestamp } from '../format';
import type { LibraryDb, RemovedTrackRecord } from './db';
import { LibraryEditor } from './library-editor';
import type { StoredTrack } from '../tracks/stored-track';
import { EDIT_STORES, inWriteTransaction } from './write-transaction';

/** What an optimistic Save put in, so a failed call can take it out and leave things as they were. */
export interface LocalSave {
  uri: string;
  /** The track's entry in the history of removals, which the save took out of it. */
  displaced: RemovedTrackRecord | null;
}

/** What an optimistic Remove took out, so a failed call can put it back where it was. */
export interface LocalRemoval {
  track: StoredTrack;
  /** The slot that followed it, or null when it was the last of its chunk. */
  nextKey: string | null;
}

/**
 * Save made in the extension: the track is in the cache at once (SPEC §4), placed by its
 * `addedAt` — now, for a fresh save — and out of the history of removals. Undo with
 * `undoLocalSave`. The next sync replaces it with Spotify's own copy, which costs one request:
 * its `added_at` may differ by a second, and the sync sees that as one save replaced by
 * another at the head.
 *
 * Returns null when nothing changed: no complete library to edit, or the track is already in.
 */
export function applyLocalSave(db: LibraryDb, track: StoredTrack): Promise<LocalSave | null> {
  return inWriteTransaction(db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    if (!editor?.complete || (await editor.chunkOfUri(track.uri)) !== undefined) return null;
    const displaced = (await transaction.objectStore('removedTracks').get(track.uri)) ?? null;
    await editor.insertTrack(track);
    await editor.commit();
    return { uri: track.uri, displaced };
  });
}

/** Takes out what `applyLocalSave` put in (the Save call failed), and puts its history entry back. */
export function undoLocalSave(db: LibraryDb, save: LocalSave): Promise<boolean> {
  return inWriteTransaction(db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    const seq = editor?.complete ? await editor.chunkOfUri(save.uri) : undefined;
    if (!editor || seq === undefined || !(await editor.removeTrackOfUri(save.uri, seq))) return false;
    await editor.commit();
    if (save.displaced) await transaction.objectStore('removedTracks').put(save.displaced);
    return true;
  });
}

/**
 * Remove made in the extension, written down in the history of removals at `at` (epoch ms).
 * Returns what to pass to `undoLocalRemove`, or null if it was not cached.
 */
export function applyLocalRemove(db: LibraryDb, uri: string, at: number): Promise<LocalRemoval | null> {
  return inWriteTransaction(db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    const seq = editor?.complete ? await editor.chunkOfUri(uri) : undefined;
    if (!editor || seq === undefined) return null;
    const removed = await editor.removeTrackOfUri(uri, seq);
    if (!removed?.slot.track) return null;
    await editor.commit({ removals: { at: spotifyTimestamp(at), by: 'tracklight' } });
    return { track: removed.slot.track, nextKey: removed.nextKey };
  });
}

/** Puts back what `applyLocalRemove` took out, in its old place (the Remove call failed); it leaves the history. */
export function undoLocalRemove(db: LibraryDb, removal: LocalRemoval): Promise<boolean> {
  return inWriteTransaction(db, EDIT_STORES, async (transaction) => {
    const editor = await LibraryEditor.open(transaction);
    if (!editor?.complete || (await editor.chunkOfUri(removal.track.uri)) !== undefined) return false;
    await editor.insertTrack(removal.track, removal.nextKey);
    await editor.commit();
    return true;
  });
}
