import * as v from 'valibot';

/**
 * The shape of `GET /me/tracks` as Tracklight relies on it, checked where the JSON enters.
 *
 * The OpenAPI description marks no field of TrackObject as required, and real answers bear
 * that out: local files come with null ids and empty albums, tracks pulled from the catalog
 * lose their album image or ISRC. So only the page itself (`total`, `items`) and a track's
 * identity (`uri`, or an `id` to build it from) are required; every other field falls back
 * to a placeholder instead of failing the page. `v.object` also drops everything else
 * (`available_markets` is ~185 strings per track and album), so nothing bulky travels on.
 */

const nullableString = v.fallback(v.nullable(v.string()), null);

const ImageSchema = v.object({
  url: v.string(),
  width: v.fallback(v.nullable(v.number()), null),
  height: v.fallback(v.nullable(v.number()), null),
});

const ArtistSchema = v.object({
  id: nullableString,
  name: v.fallback(v.string(), ''),
});

/** An artist or image that is not even an object is dropped, not the whole track. */
function lenientArray<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((values) =>
        values.flatMap((value) => {
          const parsed = v.safeParse(item, value);
          return parsed.success ? [parsed.output as v.InferOutput<TSchema>] : [];
        }),
      ),
    ),
    [],
  );
}

const AlbumSchema = v.object({
  id: nullableString,
  name: v.fallback(v.string(), ''),
  images: lenientArray(ImageSchema),
  release_date: nullableString,
});

const EMPTY_ALBUM: v.InferOutput<typeof AlbumSchema> = { id: null, name: '', images: [], release_date: null };

export const TrackSchema = v.object({
  id: nullableString,
  uri: nullableString,
  name: v.fallback(v.string(), ''),
  artists: lenientArray(ArtistSchema),
  album: v.fallback(AlbumSchema, EMPTY_ALBUM),
  duration_ms: v.fallback(v.pipe(v.number(), v.finite()), 0),
  explicit: v.fallback(v.boolean(), false),
  external_ids: v.fallback(v.object({ isrc: nullableString }), { isrc: null }),
  is_local: v.fallback(v.boolean(), false),
  /** Only sent when Spotify applied track relinking; absent means unknown, not playable. */
  is_playable: v.fallback(v.nullable(v.boolean()), null),
});

export type TrackJson = v.InferOutput<typeof TrackSchema>;

export const SavedTrackItemSchema = v.object({
  added_at: v.fallback(v.string(), ''),
  track: v.unknown(),
});

/**
 * More saved tracks than anyone has: SPEC's largest library is 100,000, and Spotify documents
 * no limit. A `total` beyond it is Spotify misbehaving, and believing it would send the sync
 * through `total / 50` page requests (20 million for a billion) before noticing.
 */
export const MAX_SAVED_TRACKS = 10_000_000;

/** The envelope must be right: a wrong `total` or `items` would corrupt positions, not one row. */
export const SavedTracksPageSchema = v.object({
  total: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SAVED_TRACKS)),
  items: v.array(v.unknown()),
});
