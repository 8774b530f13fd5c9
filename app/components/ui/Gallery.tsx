import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { uploadUrl } from "~/domain/media/photo-widths";
import { Photo } from "./Photo";

export type GalleryPhoto = { path: string; width?: number | null; height?: number | null };

const MOSAIC_SIZES = "(min-width: 75rem) 560px, (min-width: 48rem) 50vw, 100vw";
const SIDE_SIZES = "(min-width: 75rem) 280px, 25vw";

/**
 * A listing's photos. Without JavaScript: every photo as a link to its full-size file. With it:
 * a mosaic (one photo on a phone, five on a laptop) and a lightbox that opens on the photo
 * clicked — arrows, Escape, swipe, and focus back on that photo when it closes.
 */
export function Gallery({ photos, title }: { photos: GalleryPhoto[]; title: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const total = photos.length;
  const label = (index: number) => `${title}, vue ${index + 1} sur ${total}`;

  const show = (index: number, event: { preventDefault(): void; currentTarget: EventTarget }) => {
    event.preventDefault();
    opener.current = event.currentTarget as HTMLElement;
    setOpen(index);
  };
  const close = useCallback(() => {
    setOpen(null);
    // The element that opened the lightbox gets the focus back (after the dialog is gone).
    requestAnimationFrame(() => opener.current?.focus());
  }, []);

  if (!total) return null;
  const layout = total >= 5 ? "has-many" : total >= 2 ? "has-few" : "has-one";
  return (
    <section className={`mosaic ${layout}`} aria-label="Photos">
      <ul>
        {photos.map((photo, index) => (
          <li key={photo.path}>
            <a
              href={uploadUrl(photo.path)}
              onClick={(event) => show(index, event)}
              aria-label={`Agrandir : ${label(index)}`}
            >
              <Photo
                path={photo.path}
                width={photo.width}
                height={photo.height}
                sizes={index === 0 ? MOSAIC_SIZES : SIDE_SIZES}
                priority={index === 0}
                alt={label(index)}
              />
            </a>
          </li>
        ))}
      </ul>
      {total > 1 ? (
        <a className="mosaic-count" href={uploadUrl(photos[0].path)} onClick={(event) => show(0, event)}>
          Voir les {total} photos
        </a>
      ) : null}
      {open !== null ? <Lightbox photos={photos} index={open} onIndex={setOpen} onClose={close} label={label} /> : null}
    </section>
  );
}

function Lightbox({
  photos,
  index,
  onIndex,
  onClose,
  label,
}: {
  photos: GalleryPhoto[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  label: (index: number) => string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const swipeStart = useRef<number | null>(null);
  const total = photos.length;
  const go = (step: number) => onIndex((index + step + total) % total);

  useEffect(() => {
    const element = dialog.current;
    // showModal focuses the first button (Fermer), keeps Tab inside and makes the page inert.
    if (element && !element.open) element.showModal();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight") go(1);
    else if (event.key === "ArrowLeft") go(-1);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent) => {
    swipeStart.current = event.clientX;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (swipeStart.current === null) return;
    const distance = event.clientX - swipeStart.current;
    swipeStart.current = null;
    if (Math.abs(distance) > 40) go(distance < 0 ? 1 : -1);
  };
  const photo = photos[index];
  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label="Photos en grand"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="lightbox-bar">
        <p aria-live="polite">
          {index + 1} / {total}
        </p>
        <button type="button" className="lightbox-button" onClick={onClose}>
          Fermer<span className="visually-hidden"> les photos</span>
        </button>
      </div>
      <figure onPointerDown={onPointerDown} onPointerUp={onPointerUp}>
        <img
          src={uploadUrl(photo.path)}
          width={photo.width ?? 1200}
          height={photo.height ?? 800}
          alt={label(index)}
          draggable={false}
        />
      </figure>
      {total > 1 ? (
        <div className="lightbox-nav">
          <button type="button" className="lightbox-button" onClick={() => go(-1)} aria-label="Photo précédente">
            ←
          </button>
          <button type="button" className="lightbox-button" onClick={() => go(1)} aria-label="Photo suivante">
            →
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
