import fs from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { identityDocumentFile } from "~/domain/identity/identity.server";
import { requireAdmin } from "~/utils/auth.server";
import { apiError } from "~/utils/http.server";

/**
 * Identity documents are private: only administrators get them, never cached, and always as a
 * download, so a crafted file is never rendered in the site's origin.
 */
const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const file = await identityDocumentFile(params.proId ?? "");
  if (!file) throw apiError("NOT_FOUND", "Document not found");
  const stat = await fs.promises.stat(file.path);
  return new Response(Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream, {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(stat.size),
      "Content-Disposition": `attachment; filename="piece-identite-${params.proId}.${EXTENSIONS[file.mime] ?? "bin"}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
