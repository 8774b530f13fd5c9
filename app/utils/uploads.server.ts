import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
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
      const out = fs.createWriteStream(file.path, { flags: "wx" });
      try {
        for await (const chunk of data) {
          file.size += chunk.byteLength;
          if (file.size > options.maxFileBytes) {
            throw new DomainError(
              "PAYLOAD_TOO_LARGE",
              `File too large: the limit is ${Math.round(options.maxFileBytes / 1024 / 1024)} MB`,
            );
          }
          if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
        }
      } finally {
        await new Promise((resolve) => out.end(resolve));
      }
      return undefined;
    });
  } catch (error) {
    await discardTempFiles(files);
    throw error;
  }
  return { fields, files: files.filter((f) => f.size > 0) };
}

export async function discardTempFiles(files: TempFile[]) {
  await Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true })));
}
