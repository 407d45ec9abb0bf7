import { foldText } from '../../search/fold';

/**
 * Artist names reduced to what two pages agree on: folded as in search, a leading "The"
 * dropped, spaces removed — "The Beatles" = "Beatles", "AC/DC" = "AC DC", "JAY-Z" = "Jay Z".
 * Distinct artists that differ only in spacing are rare enough to accept.
 */
export function artistKey(name: string): string {
  return foldText(withoutChannelDecorations(name)).replace(/^the /, '').replaceAll(' ', '');
}

/**
 * YouTube's names for an artist's channel: "Adele - Topic" (auto-generated), "AdeleVEVO",
 * "Queen Official", "Artist (Official)".
 */
function withoutChannelDecorations(name: string): string {
  return name
    .replace(/\s*[-–]\s*topic$/i, '')
    .replace(/\s*vevo$/i, '')
    .replace(/\s*(?:\(official\)|official(?:\s+(?:youtube\s+)?(?:artist\s+)?channel)?)$/i, '')
    .trim();
}

/** Where one credit names several artists: "A & B", "A, B", "A x B", "A feat. B", "A vs. B". */
const CREDIT_BREAK = /\s*(?:[,;&+/×]|\s(?:x|feat\.?|ft\.?|featuring|with|vs\.?|and)\s)\s*/i;

/** The keys a credit may stand for: the whole credit first ("Simon & Garfunkel"), then each name in it. */
export function creditKeys(credit: string): string[] {
  return [...new Set([artistKey(credit), ...namesInCredit(credit)].filter(Boolean))];
}

/** The key of each name a credit lists: "Daddy Yankee & Justin Bieber" → two keys. */
export function namesInCredit(credit: string): string[] {
  return [...new Set(credit.split(CREDIT_BREAK).map(artistKey).filter(Boolean))];
}
