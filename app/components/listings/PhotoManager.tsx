import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { photoUrl } from "~/domain/listings/format";
import { MAX_PHOTOS_PER_PROPERTY } from "~/domain/listings/rules";

export type ManagedPhoto = { id: string; path: string; width: number; height: number };

/** French messages for the upload errors (the JSON codes and the `photoError` query parameter). */
export const PHOTO_ERROR_MESSAGES: Record<string, string> = {
  INVALID_IMAGE:
    "Un des fichiers n’est pas une image valide (JPEG, PNG, WebP…) ou elle est trop grande : aucune photo n’a été ajoutée.",
  TOO_MANY_PHOTOS: `Une annonce peut avoir ${MAX_PHOTOS_PER_PROPERTY} photos au maximum : aucune photo n’a été ajoutée.`,
  PAYLOAD_TOO_LARGE: "Une photo dépasse 10 Mo : aucune photo n’a été ajoutée.",
  VALIDATION_ERROR: "Choisissez au moins une photo.",
  NOT_FOUND: "Cette annonce n’existe plus.",
  INTERNAL: "L’envoi a échoué. Réessayez dans un instant.",
};

/**
 * Upload (several files at once), removal and cover choice. Without JavaScript the upload form
 * posts natively to the photos endpoint, which redirects back here. With JavaScript the same form
 * is sent with XMLHttpRequest so that a progress bar can follow the upload.
 */
export function PhotoManager({ propertyId, photos }: { propertyId: string; photos: ManagedPhoto[] }) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const uploadAction = `/pro/properties/${propertyId}/photos`;
  const room = MAX_PHOTOS_PER_PROPERTY - photos.length;

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
        Photos ({photos.length}/{MAX_PHOTOS_PER_PROPERTY})
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
        <ul className="photo-list">
          {photos.map((photo, index) => (
            <li key={photo.id} aria-busy={busyPhoto === photo.id || undefined}>
              <img
                src={photoUrl(photo.path)}
                alt={`Vue ${index + 1}`}
                width={photo.width}
                height={photo.height}
                loading="lazy"
              />
              <div className="actions">
                {index === 0 ? (
                  <span className="badge badge-active">Photo de couverture</span>
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="photoId" value={photo.id} />
                    <button type="submit" name="intent" value="cover" className="button-secondary button-small">
                      Choisir comme couverture<span className="visually-hidden"> (photo {index + 1})</span>
                    </button>
                  </Form>
                )}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="photoId" value={photo.id} />
                  <button type="submit" name="intent" value="remove-photo" className="button-danger button-small">
                    Supprimer<span className="visually-hidden"> la photo {index + 1}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
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
