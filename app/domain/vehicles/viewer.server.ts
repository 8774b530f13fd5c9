/**
 * The submitting browser's proof of ownership: a random secret in an HttpOnly cookie; each request
 * stores only its SHA-256. One browser keeps one secret for all the requests it sends.
 */
import { createCookie } from "@remix-run/node";
import { decryptOptionalPII, decryptPII, sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { ContactMethod } from "./validation";

const VIEWER_DAYS = 30;

let cookie: ReturnType<typeof createCookie> | undefined;
function viewerCookie() {
  cookie ??= createCookie("vitrine_viewer", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    secrets: [env().SESSION_SECRET],
    maxAge: VIEWER_DAYS * 24 * 3600,
  });
  return cookie;
}

export async function readViewerToken(request: Request): Promise<string | null> {
  const value = await viewerCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

export function serializeViewerToken(token: string): Promise<string> {
  return viewerCookie().serialize(token);
}

export type OwnerView = {
  id: number;
  status: "pending" | "notified" | "cancelled";
  preferredContactMethod: ContactMethod;
  fullName: string;
  email: string;
  phone: string;
  province: string;
  city: string;
  additionalComments: string | null;
  createdAt: string;
  anonymityExpiresAt: string;
  canWithdraw: boolean;
  vehicles: { vehicleId: number | null; make: string; model: string; year: number; price: number }[];
};

/**
 * The request as its sender sees it, or null for anyone else (unknown id or another browser look
 * the same, so ids cannot be enumerated).
 */
export async function findOwnRequest(
  id: number,
  viewerToken: string | null,
  now = new Date(),
): Promise<OwnerView | null> {
  if (!viewerToken) return null;
  const row = await db.vehicleContactRequest.findFirst({
    where: { id, viewerTokenHash: sha256(viewerToken) },
    include: { vehicles: { orderBy: { id: "asc" } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    preferredContactMethod: row.preferredContactMethod,
    fullName: decryptPII(row.fullNameEnc),
    email: decryptPII(row.emailEnc),
    phone: decryptPII(row.phoneEnc),
    province: row.province,
    city: row.city,
    additionalComments: decryptOptionalPII(row.additionalCommentsEnc),
    createdAt: row.createdAt.toISOString(),
    anonymityExpiresAt: row.anonymityExpiresAt.toISOString(),
    canWithdraw: row.status === "pending" && row.anonymityExpiresAt > now,
    vehicles: row.vehicles.map((v) => ({
      vehicleId: v.vehicleId,
      make: v.make,
      model: v.model,
      year: v.year,
      price: v.price,
    })),
  };
}

/**
 * Withdraws a pending request while its anonymity window is open. One conditional update, so a
 * request that the job already handled (or another tab withdrew) is left alone.
 */
export async function withdrawOwnRequest(id: number, viewerToken: string | null, now = new Date()): Promise<boolean> {
  if (!viewerToken) return false;
  const { count } = await db.vehicleContactRequest.updateMany({
    where: { id, viewerTokenHash: sha256(viewerToken), status: "pending", anonymityExpiresAt: { gt: now } },
    data: { status: "cancelled", cancelledAt: now },
  });
  return count === 1;
}
