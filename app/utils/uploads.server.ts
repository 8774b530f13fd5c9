import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { DomainError, unreadableBody } from "./errors";
import { mediaTypeOf } from "./input";

export type TempFile = { field: string; filename: string; declaredType: string; path: string; size: number };

const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Streams every file part of a multipart request to its own temporary file, stopping a part as
 * soon as it passes `maxFileBytes` (nothing is buffered whole in memory). On any failure every
 * temporary file is removed before the error propagates; on success the caller owns them and
 * must call `discardTempFiles` when done.
 */
export async function parseMultipart(
  request: Request,
  options: { tempDir: string; maxFileBytes: number; maxFiles: number },
): Promise<{ fields: Record<string, string>; files: TempFile[] }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (mediaTypeOf(contentType) !== "multipart/form-data" || !/;\s*boundary=/i.test(contentType)) {
    throw unreadableBody("Expected a multipart/form-data body with its boundary", "Expected multipart/form-data");
  }
  await fs.promises.mkdir(options.tempDir, { recursive: true });
  const files: TempFile[] = [];
  const fields: Record<string, string> = {};
  try {
    await unstable_parseMultipartFormData(request, async ({ name, filename, contentType: declaredType, data }) => {
      if (filename === undefined) {
        let size = 0;
        const chunks: Buffer[] = [];
        for await (const chunk of data) {
          size += chunk.byteLength;
          if (size > MAX_FIELD_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", `Field ${name} is too large`);
          chunks.push(Buffer.from(chunk));
        }
        fields[name] = Buffer.concat(chunks).toString("utf8");
        return undefined;
      }
      if (!filename) {
        // An empty file input sends a part with no name and no bytes: skip it.
        for await (const _chunk of data) void _chunk;
        return undefined;
      }
      if (files.length >= options.maxFiles) {
        throw new DomainError("TOO_MANY_PHOTOS", `At most ${options.maxFiles} files per request`);
      }
      const file: TempFile = {
        field: name,
        filename,
        declaredType,
        path: path.join(options.tempDir, `${randomUUID()}.upload`),
        size: 0,
      };
      files.push(file);
      await receiveFile(data, file, options.maxFileBytes);
      return undefined;
    });
  } catch (error) {
    await discardTempFiles(files);
    if (isMalformedMultipart(error)) throw unreadableBody("Request body is not a readable multipart body");
    throw asStorageError(error);
  }
  return { fields, files: files.filter((f) => f.size > 0) };
}

/**
 * Streams one part to its temporary file. A write failure (a full disk) is an error of this
 * request, never an unhandled stream error that would stop the process; the file is closed before
 * the caller removes it.
 */
async function receiveFile(data: AsyncIterable<Uint8Array>, file: TempFile, maxFileBytes: number) {
  const out = fs.createWriteStream(file.path, { flags: "wx", mode: 0o600 });
  // From here on, every error of the stream is observed: by `once`/`finished` below, or this.
  let failure: unknown;
  out.on("error", (error) => (failure ??= error));
  try {
    for await (const chunk of data) {
      if (failure) throw failure;
      file.size += chunk.byteLength;
      if (file.size > maxFileBytes) {
        throw new DomainError(
          "PAYLOAD_TOO_LARGE",
          `File too large: the limit is ${Math.round(maxFileBytes / 1024 / 1024)} MB`,
        );
      }
      // `once` rejects if the stream fails while we wait for it to drain.
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    throw error;
  }
}

const STORAGE_FULL = new Set(["ENOSPC", "EDQUOT"]);

/**
 * A full disk or an exhausted quota while storing an upload becomes a 507 for this request alone;
 * any other error is returned unchanged (an unexpected failure: 500 with an errorId).
 */
export function asStorageError(error: unknown): unknown {
  const code = error && typeof error === "object" && "code" in error ? (error as { code: unknown }).code : undefined;
  if (typeof code !== "string" || !STORAGE_FULL.has(code)) return error;
  const message = "Le serveur manque d’espace pour enregistrer ce fichier. Réessayez plus tard.";
  return new DomainError("INSUFFICIENT_STORAGE", "Not enough storage space to save the upload", [
    { field: "body", message },
  ]);
}

export async function discardTempFiles(files: TempFile[]) {
  await Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true })));
}

/** The multipart parser's own complaint about the bytes it was sent (a client fault, not ours). */
function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && !(error instanceof DomainError) && /^malformed multipart/i.test(error.message);
}
