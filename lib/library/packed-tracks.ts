import { slotKeyOf, unavailableKeyOf, type Hole, type SlotList } from './slots';
import type { StoredTrack } from '../tracks/stored-track';

/**
 * A packed track: a track as chunks and staged pages store it, a tuple, not an object. The
 * structured clone of an object repeats every property name, ~130 of the ~450 bytes a track
 * took at 10,000 tracks; with the URI left out when it is just `spotify:track:` + id and Spotify's image host
 * left out of cover URLs, a track takes ~250 (SPEC §8: at most 700 per track in all).
 * Readers get StoredTrack objects back; turning 100,000 rows into objects takes milliseconds.
 */
export type PackedTrack = [
  id: string | null,
  /** Null when it is `spotify:track:<id>`. */
  uri: string | null,
  name: string,
  /** Artist ids and names, alternating. */
  artists: Array<string | null>,
  albumId: string | null,
  albumName: string,
  /** Without SPOTIFY_IMAGE_BASE when it starts with it. */
  albumImage: string | null,
  releaseDate: string | null,
  durationMs: number,
  flags: number,
  isrc: string | null,
  addedAt: string,
];

/**
 * Packed tracks, skipped items beside them: the stored form of a SlotList. The field keeps its
 * name `rows`: it is in every user's database.
 */
export interface PackedList {
  rows: PackedTrack[];
  holes: Hole[];
}

const SPOTIFY_IMAGE_BASE = 'https://i.scdn.co/image/';
const EXPLICIT = 1;
const LOCAL = 2;
const PLAYABLE = 4;
const NOT_PLAYABLE = 8;

export function encodeTrack(track: StoredTrack): PackedTrack {
  const image = track.album.image;
  return [
    track.id,
    track.id !== null && track.uri === `spotify:track:${track.id}` ? null : track.uri,
    track.name,
    track.artists.flatMap((artist) => [artist.id, artist.name]),
    track.album.id,
    track.album.name,
    image?.startsWith(SPOTIFY_IMAGE_BASE) ? image.slice(SPOTIFY_IMAGE_BASE.length) : image,
    track.album.releaseDate,
    track.durationMs,
    (track.explicit ? EXPLICIT : 0) | (track.isLocal ? LOCAL : 0) | (track.isPlayable === true ? PLAYABLE : track.isPlayable === false ? NOT_PLAYABLE : 0),
    track.isrc,
    track.addedAt,
  ];
}

export function decodeTrack(row: PackedTrack): StoredTrack {
  const [id, , name, artists, albumId, albumName, image, releaseDate, durationMs, flags, isrc, addedAt] = row;
  const artistList: StoredTrack['artists'] = [];
  for (let index = 0; index + 1 < artists.length; index += 2) {
    artistList.push({ id: artists[index] ?? null, name: artists[index + 1] ?? '' });
  }
  return {
    id,
    uri: uriOfPacked(row),
    name,
    artists: artistList,
    album: {
      id: albumId,
      name: albumName,
      // Cover URLs always have a scheme: anything without one is a shortened Spotify URL.
      image: image === null || /^[a-z]+:/i.test(image) ? image : SPOTIFY_IMAGE_BASE + image,
      releaseDate,
    },
    durationMs,
    explicit: (flags & EXPLICIT) !== 0,
    isrc,
    addedAt,
    isLocal: (flags & LOCAL) !== 0,
    isPlayable: flags & PLAYABLE ? true : flags & NOT_PLAYABLE ? false : null,
  };
}

export function uriOfPacked(row: PackedTrack): string {
  return row[1] ?? `spotify:track:${row[0]}`;
}

export function encodeList(list: SlotList): PackedList {
  return { rows: list.tracks.map(encodeTrack), holes: list.holes };
}

export function decodeList(list: PackedList): SlotList {
  return { tracks: list.rows.map(decodeTrack), holes: list.holes };
}

/** Slot keys in order, straight from the rows: the removal search needs no track objects. */
export function slotKeysOfPacked(list: PackedList): string[] {
  const keys: string[] = [];
  const keyOfHole = (hole: Hole) => (hole.unavailable ? unavailableKeyOf(hole.addedAt) : slotKeyOf('', hole.addedAt));
  let hole = 0;
  list.rows.forEach((row, index) => {
    while (hole < list.holes.length && list.holes[hole]!.before <= index) keys.push(keyOfHole(list.holes[hole++]!));
    keys.push(slotKeyOf(uriOfPacked(row), row[11]));
  });
  while (hole < list.holes.length) keys.push(keyOfHole(list.holes[hole++]!));
  return keys;
}
