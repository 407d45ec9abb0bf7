/**
 * The columns Tracklight reads from an Exportify CSV (github.com/watsonbox/exportify), by the
 * header names Exportify writes. Since August 2024 Exportify writes them in the user's
 * language (src/i18n/locales/*\/translation.json, `track.*`; copied from commit 2c226ea, April
 * 2026). Before that they were English, and before 2018 the URI column was "Spotify URI" and
 * before 2021 "Artist Name" was singular. Every cell is quoted, rows end with `\n`, and artist
 * names are joined with ", " after each comma inside a name became `\,`.
 *
 *   "Track URI","Track Name","Artist URI(s)","Artist Name(s)","Album URI","Album Name",
 *   "Album Artist URI(s)","Album Artist Name(s)","Album Release Date","Album Image URL",
 *   "Disc Number","Track Number","Track Duration (ms)","Track Preview URL","Explicit",
 *   "Popularity","ISRC","Added By","Added At"
 */
export const EXPORTIFY_COLUMNS = {
  uri: [
    'Track URI',
    'Spotify URI',
    'رابط الأغنية (URI)',
    'Track-URI',
    'URI κομματιού',
    'URI de la canción',
    'URI du titre',
    'URI della traccia',
    'トラックURI',
    'Nummer URI',
    'URI da faixa',
    'Låtens URI',
    'Parça URI',
  ],
  name: [
    'Track Name',
    'اسم الأغنية',
    'Track-Name',
    'Όνομα κομματιού',
    'Nombre de la canción',
    'Nom du titre',
    'Nome della traccia',
    'トラック名',
    'Nummernaam',
    'Nome da faixa',
    'Låtens namn',
    'Parça Adı',
  ],
  artists: [
    'Artist Name(s)',
    'Artist Name',
    'أسماء الفنانين',
    'Künstlername(n)',
    'Όνομα/τα καλλιτέχνη',
    'Nombre(s) del artista',
    "Nom(s) de l'artiste",
    "Nome dell'artista",
    'アーティスト名',
    'Naam van artiest',
    'Nome(s) do artista',
    'Artistens namn',
    'Sanatçı Adı',
  ],
  addedAt: [
    'Added At',
    'أضيف في',
    'Hinzugefügt am',
    'Προστέθηκε στις',
    'Añadido en',
    'Ajouté le',
    'Aggiunto il',
    '追加日時',
    'Toegevoegd op',
    'Adicionado em',
    'Tillagd vid',
    'Eklenme Tarihi',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Exportify's "Artist Name(s)" cell: names joined with ", ", commas inside a name as `\,`. */
export function splitExportifyArtists(cell: string): string[] {
  if (cell === '') return [];
  return cell.split(/(?<!\\), /).map((name) => name.replaceAll('\\,', ','));
}
