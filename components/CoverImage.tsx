import { useState } from 'preact/hooks';

interface CoverImageProps {
  src: string | null;
  size: number;
}

/**
 * An album cover, or a neutral placeholder when there is none or it cannot load (offline).
 * Decorative: the row's text already names the album.
 */
export function CoverImage({ src, size }: CoverImageProps) {
  const [failed, setFailed] = useState(false);
  const style = { width: `${size}px`, height: `${size}px` };
  if (!src || failed) return <span class="cover cover-placeholder" style={style} aria-hidden="true" />;
  return (
    <img
      class="cover"
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
