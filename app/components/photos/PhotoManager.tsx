import { Form, Link, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { photoUrl } from "~/kit";
import { MAX_PHOTOS } from "~/domain/photos/rules";

export type ManagedPhoto = { id: string; path: string; width: number; height: number };

/** French messages for the upload errors (the JSON codes and the `photoError` query parameter). */
export const PHOTO_ERROR_MESSAGES: Record<string, string> = {
  INVALID_IMAGE:
    "Un des fichiers n’est pas une image valide (JPEG, PNG, WebP…) ou elle est trop grande : aucune photo n’a été ajoutée.",
  TOO_MANY_PHOTOS: `${MAX_PHOTOS} photos au maximum : aucune photo n’a été ajoutée.`,
  PAYLOAD_TOO_LARGE: "Une photo dépasse 10 Mo : aucune photo n’a été ajoutée.",
  VALIDATION_ERROR: "Choisissez au moins une photo.",
  NOT_FOUND: "Cette fiche n’existe plus.",
  INSUFFICIENT_STORAGE: "Le serveur manque d’espace disque : aucune photo n’a été ajoutée. Réessayez plus tard.",
  SERVICE_UNAVAILABLE:
    "Le service est momentanément surchargé : aucune photo n’a été ajoutée. Réessayez dans un instant.",
  INTERNAL: "L’envoi a échoué. Réessayez dans un instant.",
};

/** French notices of the photo intents (the edit pages' `?notice=`). */
export const PHOTO_NOTICES: Record<string, string> = {
  "photo-removed": "Photo supprimée.",
  cover: "Photo de couverture modifiée.",
  "photo-moved": "Ordre des photos modifié.",
  "photos-added": "Photos ajoutées.",
};

/**
 * The one photo manager of properties, vehicles and programmes: upload (several files at once),
 * cover choice, reordering and removal with a confirmation. Every action is a native form posted
 * to the edit page (`intent`), so it all works without JavaScript; the upload posts natively to
 * the photos endpoint, which redirects back. With JavaScript the upload goes through
 * XMLHttpRequest to show a progress bar, and photos can also be reordered by drag and drop.
 *
 * `pagePath` is the edit page; `confirmRemove` the id of the photo whose removal awaits
 * confirmation (the page's `?removePhoto=` parameter).
 */
export function PhotoManager({
  pagePath,
  uploadAction,
  photos,
  confirmRemove,
}: {
  pagePath: string;
  uploadAction: string;
  photos: ManagedPhoto[];
  confirmRemove?: string | null;
}) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const room = MAX_PHOTOS - photos.length;

  function onDrop(event: DragEvent<HTMLLIElement>, targetId: string) {
    event.preventDefault();
    const from = dragged;
    setDragged(null);
    if (!from || from === targetId) return;
    const order = photos.map((p) => p.id).filter((id) => id !== from);
    order.splice(order.indexOf(targetId), 0, from);
    submit({ intent: "reorder-photos", order: order.join(",") }, { method: "post", action: pagePath });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const data = new FormData(form);
    const count = data.getAll("photos").filter((f) => f instanceof File && f.name).length;
    if (count === 0) {
      setMessage({ kind: "error", text: PHOTO_ERROR_MESSAGES.VALIDATION_ERROR });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", uploadAction);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener("load", () => {
      setProgress(null);
      if (xhr.status >= 200 && xhr.status < 300) {
        formRef.current?.reset();
        setMessage({ kind: "success", text: count > 1 ? `${count} photos ajoutées.` : "Photo ajoutée." });
        revalidator.revalidate();
        return;
      }
      let code = xhr.status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL";
      let detail: string | undefined;
      try {
        const body = JSON.parse(xhr.responseText);
        code = body?.error?.code ?? code;
        detail = body?.error?.details?.[0]?.message;
      } catch {
        // not JSON: keep the status-based code
      }
      setMessage({
        kind: "error",
        text:
          detail && code !== "PAYLOAD_TOO_LARGE"
            ? `${detail} Aucune photo n’a été ajoutée.`
            : (PHOTO_ERROR_MESSAGES[code] ?? PHOTO_ERROR_MESSAGES.INTERNAL),
      });
    });
    xhr.addEventListener("error", () => {
      setProgress(null);
      setMessage({ kind: "error", text: PHOTO_ERROR_MESSAGES.INTERNAL });
    });
    setMessage(null);
    setProgress(0);
    xhr.send(data);
  }

  const busyPhoto = navigation.state !== "idle" ? navigation.formData?.get("photoId") : null;

  return (
    <section aria-labelledby="photos-title" className="card photo-manager">
      <h2 id="photos-title">
        Photos ({photos.length}/{MAX_PHOTOS})
      </h2>
      {message ? (
        <div className={`notice notice-${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      {photos.length === 0 ? (
        <p className="muted">Aucune photo pour le moment. La première photo sert de couverture.</p>
      ) : null}
      {photos.length > 0 ? (
        <>
          <p className="hint">
            La première photo sert de couverture. Avec JavaScript, vous pouvez aussi faire glisser une photo pour la
            déplacer.
          </p>
          <ul className="photo-list">
            {photos.map((photo, index) => (
              <li
                key={photo.id}
                aria-busy={busyPhoto === photo.id || undefined}
                draggable
                onDragStart={() => setDragged(photo.id)}
                onDragOver={(event) => event.preventDefault()}
                onDrop={(event) => onDrop(event, photo.id)}
                className={dragged === photo.id ? "dragging" : undefined}
              >
                <img
                  src={photoUrl(photo.path)}
                  alt={`Vue ${index + 1}`}
                  width={photo.width}
                  height={photo.height}
                  loading="lazy"
                />
                {confirmRemove === photo.id ? (
                  <div role="alert" className="photo-confirm">
                    <p>
                      <strong>{`Supprimer définitivement la photo ${index + 1} ?`}</strong>
                    </p>
                    <Form method="post" action={pagePath} className="actions">
                      <input type="hidden" name="photoId" value={photo.id} />
                      <button type="submit" name="intent" value="remove-photo" className="button-danger button-small">
                        Oui, supprimer
                      </button>
                      <Link to={pagePath} preventScrollReset>
                        Annuler
                      </Link>
                    </Form>
                  </div>
                ) : (
                  <div className="actions">
                    {index === 0 ? (
                      <span className="badge badge-active">Photo de couverture</span>
                    ) : (
                      <Form method="post" action={pagePath} className="inline-form">
                        <input type="hidden" name="photoId" value={photo.id} />
                        <button type="submit" name="intent" value="cover" className="button-secondary button-small">
                          Choisir comme couverture<span className="visually-hidden"> (photo {index + 1})</span>
                        </button>
                      </Form>
                    )}
                    {index > 0 ? (
                      <Form method="post" action={pagePath} className="inline-form">
                        <input type="hidden" name="photoId" value={photo.id} />
                        <input type="hidden" name="direction" value="up" />
                        <button
                          type="submit"
                          name="intent"
                          value="move-photo"
                          className="button-secondary button-small"
                        >
                          <span aria-hidden="true">↑</span> Avant
                          <span className="visually-hidden"> (photo {index + 1})</span>
                        </button>
                      </Form>
                    ) : null}
                    {index < photos.length - 1 ? (
                      <Form method="post" action={pagePath} className="inline-form">
                        <input type="hidden" name="photoId" value={photo.id} />
                        <input type="hidden" name="direction" value="down" />
                        <button
                          type="submit"
                          name="intent"
                          value="move-photo"
                          className="button-secondary button-small"
                        >
                          <span aria-hidden="true">↓</span> Après
                          <span className="visually-hidden"> (photo {index + 1})</span>
                        </button>
                      </Form>
                    ) : null}
                    <Link
                      to={`${pagePath}?removePhoto=${encodeURIComponent(photo.id)}`}
                      className="button button-danger button-small"
                      preventScrollReset
                      aria-label={`Supprimer la photo ${index + 1}…`}
                    >
                      Supprimer…
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {room > 0 ? (
        <form
          ref={formRef}
          method="post"
          action={uploadAction}
          encType="multipart/form-data"
          onSubmit={onSubmit}
          className="photo-upload"
        >
          <div className="field">
            <label htmlFor="field-photos">Ajouter des photos</label>
            <p className="hint" id="field-photos-hint">
              Plusieurs fichiers à la fois (JPEG, PNG, WebP…), 10 Mo au maximum chacun, {room} encore possible
              {room > 1 ? "s" : ""}. Les photos sont redimensionnées et leurs métadonnées (dont la position GPS)
              supprimées.
            </p>
            <input
              id="field-photos"
              name="photos"
              type="file"
              multiple
              accept="image/*"
              aria-describedby="field-photos-hint"
            />
          </div>
          {progress !== null ? (
            <div className="upload-progress">
              <label htmlFor="upload-progress">Envoi en cours : {progress} %</label>
              <progress id="upload-progress" max={100} value={progress} />
            </div>
          ) : null}
          <button type="submit" disabled={progress !== null} aria-busy={progress !== null || undefined}>
            {progress !== null ? "Envoi…" : "Envoyer les photos"}
          </button>
        </form>
      ) : (
        <p className="muted">Le nombre maximal de photos est atteint.</p>
      )}
    </section>
  );
}
