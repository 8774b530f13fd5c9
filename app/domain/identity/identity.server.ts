import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { z } from "zod";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/http.server";
import { MAX_INPUT_PIXELS } from "~/utils/images.server";
import { createLimiter } from "~/utils/rate-limit.server";
import { discardTempFiles, parseMultipart } from "~/utils/uploads.server";

export const MAX_IDENTITY_BYTES = 10 * 1024 * 1024;

/** Identity uploads per address: each one is decoded, the most expensive thing a new account can ask. */
export const identityUploadsByIp = createLimiter({ keyPrefix: "identity-ip", points: 20, durationSeconds: 3600 });

/**
 * At most two documents are decoded at once, whatever the number of uploads in flight: with the
 * pixel cap and streamed decoding below, that bounds the memory identity checks can take.
 */
const MAX_CONCURRENT_DECODES = 2;
let decoding = 0;
const waiting: (() => void)[] = [];

async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= MAX_CONCURRENT_DECODES) await new Promise<void>((resolve) => waiting.push(resolve));
  else decoding += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else decoding -= 1;
  }
}

type DocumentKind = { mime: string; ext: string };

/**
 * What a file really is, from its bytes: a JPEG, PNG or WebP that decodes completely, or a PDF
 * with its header and end-of-file marker. The file name and the declared type are never trusted.
 */
export async function identifyDocument(file: string): Promise<DocumentKind | null> {
  const handle = await fs.promises.open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(16, size));
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, 5).toString("latin1") === "%PDF-") {
      const tailLength = Math.min(2048, size);
      const tail = Buffer.alloc(tailLength);
      await handle.read(tail, 0, tailLength, size - tailLength);
      return tail.toString("latin1").includes("%%EOF") ? { mime: "application/pdf", ext: "pdf" } : null;
    }
  } finally {
    await handle.close();
  }
  try {
    // The photo pipeline's bounds: a pixel cap checked from the header, then a streamed decode.
    const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated" as const, sequentialRead: true };
    const { format, width, height } = await sharp(file, options).metadata();
    const kinds: Record<string, DocumentKind> = {
      jpeg: { mime: "image/jpeg", ext: "jpg" },
      png: { mime: "image/png", ext: "png" },
      webp: { mime: "image/webp", ext: "webp" },
    };
    const kind = format ? kinds[format] : undefined;
    if (!kind || !width || !height || width * height > MAX_INPUT_PIXELS) return null;
    // Decoding every pixel is what proves the image is whole; shrinking as it streams keeps only a
    // few lines of it in memory instead of the whole bitmap.
    await withDecodeSlot(() =>
      sharp(file, { ...options, pages: 1 })
        .resize({ width: 64, height: 64, fit: "inside" })
        .raw()
        .toBuffer(),
    );
    return kind;
  } catch {
    return null;
  }
}

function privateRoot() {
  return path.resolve(env().PRIVATE_DIR);
}

/** Private folders are the server user's alone (0700), whatever the umask or their earlier mode. */
async function privateFolder(folder: string) {
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  await fs.promises.chmod(folder, 0o700);
  return folder;
}

/**
 * Stores a pro's identity document and puts their identity in review. All or nothing: a refused
 * or failed upload leaves no file and no change; a replaced document's file is removed.
 */
export async function submitIdentityDocument(proId: string, request: Request) {
  const root = await privateFolder(privateRoot());
  const { files } = await parseMultipart(request, {
    tempDir: await privateFolder(path.join(root, "tmp")),
    maxFileBytes: MAX_IDENTITY_BYTES,
    maxFiles: 1,
  });
  let stored: string | null = null;
  try {
    const file = files[0];
    if (!file)
      throw new DomainError("VALIDATION_ERROR", "Choisissez un fichier.", [
        { field: "document", message: "Choisissez un fichier." },
      ]);
    const kind = await identifyDocument(file.path);
    if (!kind) {
      throw new DomainError("INVALID_IMAGE", "Le fichier doit être une image JPEG, PNG, WebP ou un PDF valide.", [
        { field: "document", message: "Le fichier doit être une image JPEG, PNG, WebP ou un PDF valide." },
      ]);
    }
    const relative = path.join("identity", proId, `${randomUUID()}.${kind.ext}`);
    await privateFolder(path.join(root, "identity"));
    await privateFolder(path.join(root, "identity", proId));
    await fs.promises.chmod(file.path, 0o600);
    await fs.promises.rename(file.path, path.join(root, relative));
    stored = relative;
    const previous = await db.pro.findUniqueOrThrow({ where: { id: proId }, select: { identityDocPath: true } });
    await db.pro.update({
      where: { id: proId },
      data: {
        identityStatus: "pending",
        identityDocPath: relative,
        identityDocMime: kind.mime,
        identitySubmittedAt: new Date(),
        identityReviewedAt: null,
        identityReviewedById: null,
        identityRejectionReason: null,
      },
    });
    stored = null;
    if (previous.identityDocPath) await fs.promises.rm(path.join(root, previous.identityDocPath), { force: true });
  } finally {
    await discardTempFiles(files);
    if (stored) await fs.promises.rm(path.join(root, stored), { force: true });
  }
}

export function listPendingIdentities() {
  return db.pro.findMany({
    where: { identityStatus: "pending", role: "pro" },
    orderBy: { identitySubmittedAt: "asc" },
    select: {
      id: true,
      name: true,
      companyName: true,
      email: true,
      kind: true,
      identitySubmittedAt: true,
      identityDocMime: true,
    },
  });
}

export function recentIdentityReviews() {
  return db.pro.findMany({
    where: { identityStatus: { in: ["verified", "rejected"] }, identityReviewedAt: { not: null } },
    orderBy: { identityReviewedAt: "desc" },
    take: 20,
    select: {
      id: true,
      companyName: true,
      identityStatus: true,
      identityReviewedAt: true,
      identityRejectionReason: true,
    },
  });
}

/** The document file of a pro, for an administrator only (the route checks the role). */
export async function identityDocumentFile(proId: string) {
  const pro = await db.pro.findUnique({
    where: { id: proId },
    select: { identityDocPath: true, identityDocMime: true },
  });
  if (!pro?.identityDocPath || !pro.identityDocMime) return null;
  const root = privateRoot();
  const full = path.resolve(root, pro.identityDocPath);
  if (!full.startsWith(root + path.sep)) return null;
  return { path: full, mime: pro.identityDocMime };
}

export const ReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), proId: z.string().uuid() }),
  z.object({
    intent: z.literal("reject"),
    proId: z.string().uuid(),
    reason: z
      .string({ error: "Indiquez le motif du refus." })
      .trim()
      .min(5, "Indiquez le motif du refus (5 caractères au moins).")
      .max(500, "Le motif ne doit pas dépasser 500 caractères."),
  }),
]);

/** Approves or rejects a pending document; false when there is no pending document for that pro. */
export async function reviewIdentity(adminId: string, input: z.infer<typeof ReviewSchema>) {
  const { count } = await db.pro.updateMany({
    where: { id: input.proId, identityStatus: "pending" },
    data:
      input.intent === "approve"
        ? {
            identityStatus: "verified",
            identityReviewedAt: new Date(),
            identityReviewedById: adminId,
            identityRejectionReason: null,
          }
        : {
            identityStatus: "rejected",
            identityReviewedAt: new Date(),
            identityReviewedById: adminId,
            identityRejectionReason: input.reason,
          },
  });
  return count === 1;
}
