import { useEffect, useRef, useSyncExternalStore } from "react";
import { useActionData, useFetcher, useNavigation } from "@remix-run/react";
import { formatInquiryDate } from "~/components/inquiries/InquiryStatus";

export type ConversationReply = {
  id: string;
  message: string;
  createdAt: string;
  author: { id: string; name: string };
};

/** The buyer's message, then every reply with its author (a colleague or "vous") and time, oldest first. */
export function Conversation({
  buyerName,
  buyerMessage,
  receivedAt,
  replies,
  currentMemberId,
}: {
  buyerName: string;
  buyerMessage: string | null;
  receivedAt: string;
  replies: ConversationReply[];
  /** The member looking at the page: their own replies say "(vous)". */
  currentMemberId: string;
}) {
  return (
    <section className="conversation" aria-labelledby="conversation-title" id="conversation">
      <h3 id="conversation-title">Échanges</h3>
      <ol className="conversation-list">
        <li className="conversation-item conversation-buyer">
          <p className="conversation-meta">
            <strong>{buyerName}</strong> · <time dateTime={receivedAt}>{formatInquiryDate(receivedAt)}</time>
          </p>
          <p className="conversation-message">{buyerMessage || "(pas de message)"}</p>
        </li>
        {replies.map((reply) => (
          <li key={reply.id} className="conversation-item conversation-reply" data-reply-id={reply.id}>
            <p className="conversation-meta">
              <strong>{reply.author.name}</strong>
              {reply.author.id === currentMemberId ? " (vous)" : null} ·{" "}
              <time dateTime={reply.createdAt}>{formatInquiryDate(reply.createdAt)}</time>
            </p>
            <p className="conversation-message">{reply.message}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

const subscribeNothing = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

type ReplyActionData = { errors?: Record<string, string[]>; message?: string; sent?: boolean } | undefined;

/**
 * The reply form. Without JavaScript it is a native form: the page's action answers with a redirect
 * (or the page again, with the field error and what was typed). With JavaScript it is sent by a
 * fetcher: a pending state, no navigation and no page jump; the conversation refreshes in place.
 */
export function ReplyForm({ action, sentNotice }: { action: string; sentNotice: boolean }) {
  const fetcher = useFetcher<ReplyActionData>();
  const pageData = useActionData<ReplyActionData>();
  const navigation = useNavigation();
  // false on the server and during hydration, true once the browser runs the component.
  const hydrated = useSyncExternalStore(subscribeNothing, clientSnapshot, serverSnapshot);
  const form = useRef<HTMLFormElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const data = fetcher.data ?? pageData;
  const error = data?.errors?.message?.[0];
  const pending =
    fetcher.state !== "idle" || (navigation.state === "submitting" && navigation.formData?.get("intent") === "reply");

  useEffect(() => {
    if (fetcher.state !== "idle") return;
    if (fetcher.data?.sent)
      form.current?.reset(); // a fresh, empty form
    else if (fetcher.data?.errors) textarea.current?.focus();
  }, [fetcher.state, fetcher.data]);

  return (
    <section className="reply-form card" aria-labelledby="reply-title">
      <h3 id="reply-title">Répondre</h3>
      {(fetcher.data?.sent || (!fetcher.data && sentNotice)) && !pending ? (
        <p className="notice notice-success" role="status">
          Réponse envoyée : l’acheteur la reçoit par e-mail et peut vous répondre directement.
        </p>
      ) : null}
      {/* Without JavaScript this is a plain <form method="post">; hydrated, the fetcher sends it in place. */}
      <fetcher.Form ref={form} method="post" action={action} preventScrollReset noValidate>
        <input type="hidden" name="intent" value="reply" />
        {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
        <div className="field">
          <label htmlFor="reply-message">Votre réponse</label>
          <p className="hint" id="reply-message-hint">
            Envoyée par e-mail à l’acheteur ; ses réponses arriveront dans votre boîte mail. 5 000 caractères au
            maximum.
          </p>
          <textarea
            ref={textarea}
            id="reply-message"
            name="message"
            rows={6}
            defaultValue={data?.errors ? (data.message ?? "") : ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "reply-message-error reply-message-hint" : "reply-message-hint"}
          />
          {error ? (
            <p className="field-error" id="reply-message-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Envoi…" : "Envoyer la réponse"}
        </button>
      </fetcher.Form>
    </section>
  );
}
