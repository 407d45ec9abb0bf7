/**
 * A small line icon, decorative: the control around it carries the words. Drawn by CSS (a mask
 * in the popup's style.css) rather than inline SVG: each row has one, and an SVG's dozen
 * attributes per row were a measurable part of rendering a keystroke's rows.
 */
export function Icon({ name }: { name: 'link' | 'check' | 'search' }) {
  return <span class={`icon icon-${name}`} aria-hidden="true" />;
}
