import { useState } from 'preact/hooks';

interface CoverImageProps {
  src: string | null;
  size: number;
  /**
   * `lazy` (the default) loads it once it is near the screen. `eager` for rows that are on
   * screen when they are rendered: a lazy image waits for a layout to find out that it is.
   */
  loading?: 'lazy' | 'eager';
}

/**
 * An album cover, or a neutral placeholder when there is none or it cannot load (offline).
 * Decorative: the row's text already names the album.
 */
export function CoverImage({ src, size, loading = 'lazy' }: CoverImageProps) {
  // The source that failed: a row reused for another track (the popup's result rows) must
  // try that track's cover, not keep the placeholder.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const style = { width: `${size}px`, height: `${size}px` };
  if (!src || failedSrc === src) return <span class="cover cover-placeholder" style={style} aria-hidden="true" />;
  return (
    <img
      class="cover"
      src={src}
      alt=""
      width={size}
      height={size}
      loading={loading}
      decoding="async"
      referrerpolicy="no-referrer"
      onError={() => setFailedSrc(src)}
    />
  );
}
