/**
 * Confirmation messages after a favorite form post. The action redirects to `?notice=<key>` so a
 * reload never re-submits (JavaScript on or off).
 */
export const FAVORITE_NOTICES = {
  "programme-ajoute": { tone: "success", text: "Programme ajouté à vos favoris" },
  "lot-ajoute": { tone: "success", text: "Lot ajouté à vos favoris" },
  "programme-retire": { tone: "success", text: "Programme retiré de vos favoris" },
  "lot-retire": { tone: "success", text: "Lot retiré de vos favoris" },
  "deja-favori": { tone: "warning", text: "Cet élément est déjà dans vos favoris" },
  "favori-introuvable": { tone: "warning", text: "Ce favori n’existe plus" },
  "cible-introuvable": { tone: "warning", text: "Ce programme ou ce lot n’existe plus" },
} as const;

export type FavoriteNoticeKey = keyof typeof FAVORITE_NOTICES;

export function favoriteNotice(url: URL) {
  const key = url.searchParams.get("notice");
  return key && key in FAVORITE_NOTICES ? FAVORITE_NOTICES[key as FavoriteNoticeKey] : null;
}

export function withNotice(path: string, key: FavoriteNoticeKey) {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${key}`;
}
