import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FAVORITE_NOTICES, type FavoriteNoticeKey } from "./favorite-notices";

/**
 * "Sauvegarder" / "Retirer" as a native form post (works without JavaScript). `context` completes
 * the accessible name, e.g. "Sauvegarder le lot A12", so every button on a page is distinct.
 */
export function FavoriteButton({
  action,
  intent,
  field,
  value,
  context,
  className,
}: {
  action: string;
  intent: "save-programme" | "save-lot" | "remove";
  /** Hidden field naming the target: programmeId, lotId or favoriteId. */
  field: string;
  value: string;
  context: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    navigation.formData?.get(field) === value;
  const removing = intent === "remove";
  return (
    <Form method="post" action={action} className="inline-form favorite-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={value} />
      <button
        type="submit"
        className={className ?? (removing ? "button-secondary button-small" : "button-small")}
        disabled={pending}
        aria-busy={pending || undefined}
      >
        {pending ? (removing ? "Retrait…" : "Enregistrement…") : removing ? "Retirer" : "Sauvegarder"}
        <span className="visually-hidden"> {context}</span>
      </button>
    </Form>
  );
}

export function FavoriteNotice({ notice }: { notice: { tone: string; text: string } | null }): ReactNode {
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role="status">
      {notice.text}
    </div>
  );
}

export type { FavoriteNoticeKey };
export { FAVORITE_NOTICES };
