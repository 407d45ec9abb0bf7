import { type ComponentChildren, Fragment } from 'preact';

const MARKS = /<b>(.*?)<\/b>|<([a-zA-Z]+)\/>/g;

/**
 * A translated sentence with what sits inside it: `<b>…</b>` is emphasis (a button or field name
 * the user looks for), `<name/>` is `parts[name]` (a link, a name from data). Translators move
 * them as the language needs. Only these two forms are read, and only in the message: data goes
 * in through `parts`, so a track or account name is always plain text.
 */
export function Rich({ text, parts = {} }: { text: string; parts?: Record<string, ComponentChildren> }) {
  const out: ComponentChildren[] = [];
  let cursor = 0;
  for (const match of text.matchAll(MARKS)) {
    if (match.index > cursor) out.push(text.slice(cursor, match.index));
    out.push(match[1] !== undefined ? <strong key={match.index}>{match[1]}</strong> : <Fragment key={match.index}>{parts[match[2]!]}</Fragment>);
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) out.push(text.slice(cursor));
  return <>{out}</>;
}
