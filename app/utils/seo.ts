import type { MetaDescriptor } from "@remix-run/node";

/**
 * The tags every public page wants: title, description, canonical link, Open Graph and Twitter
 * card (with the cover photo when there is one). `origin` is the site's public address (APP_URL,
 * from the root loader), so that links and images are absolute as crawlers require.
 */
export function seoMeta({
  origin,
  path,
  title,
  description,
  image,
  type = "website",
  noindex = false,
}: {
  origin: string;
  path: string;
  title: string;
  description: string;
  image?: string | null;
  type?: "website" | "article" | "product";
  noindex?: boolean;
}): MetaDescriptor[] {
  const url = new URL(path, origin).toString();
  const imageUrl = image ? new URL(image, origin).toString() : null;
  return [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: "Vitrine" },
    { property: "og:locale", content: "fr_FR" },
    { property: "og:type", content: type },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    ...(imageUrl ? [{ property: "og:image", content: imageUrl }] : []),
    { name: "twitter:card", content: imageUrl ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
    ...(imageUrl ? [{ name: "twitter:image", content: imageUrl }] : []),
    ...(noindex ? [{ name: "robots", content: "noindex" }] : []),
  ];
}

/** The root loader's data as meta functions see it (`matches`). */
export function siteOrigin(matches: { id: string; data?: unknown }[]) {
  const root = matches.find((match) => match.id === "root")?.data as { origin?: string } | undefined;
  return root?.origin ?? "http://localhost";
}

/** A description cut at a word boundary, at most `max` characters, on one line. */
export function excerpt(text: string, max = 160) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  let end = Math.max(cut.lastIndexOf(" "), max - 30);
  while (end > 0 && " ,.;:!?—-".includes(cut[end - 1])) end--;
  return `${cut.slice(0, end)}…`;
}
