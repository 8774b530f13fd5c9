import type { ImgHTMLAttributes } from "react";
import { photoSrcSet, uploadUrl } from "~/domain/media/photo-widths";

/**
 * A stored photo with its responsive widths. `sizes` says how wide it is shown; `priority` marks
 * the one image that is the page's largest paint (eager, fetchpriority high). Width and height
 * are always set so the page never jumps while photos load.
 */
export function Photo({
  path,
  width,
  height,
  sizes,
  priority = false,
  alt,
  ...rest
}: {
  path: string;
  width?: number | null;
  height?: number | null;
  sizes: string;
  priority?: boolean;
  alt: string;
} & Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "srcSet" | "width" | "height">) {
  return (
    <img
      src={uploadUrl(path)}
      srcSet={photoSrcSet(path, width)}
      sizes={sizes}
      width={width ?? 1200}
      height={height ?? 800}
      alt={alt}
      loading={priority ? "eager" : "lazy"}
      decoding={priority ? "auto" : "async"}
      // React 18 warns about the camelCase prop; the lower-case attribute reaches the HTML as is.
      {...{ fetchpriority: priority ? "high" : undefined }}
      {...rest}
    />
  );
}

/** `sizes` of a card in the listing grids (one column on a phone, up to four on a laptop). */
export const CARD_SIZES = "(min-width: 75rem) 290px, (min-width: 48rem) 45vw, 92vw";
