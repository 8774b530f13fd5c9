/**
 * Every unsafe method is origin-checked, with or without a session cookie (docs/decisions/004):
 * signing in and registering are mutations too (login CSRF). The rule is the one Remix applies
 * to actions (the `Origin` host must equal `X-Forwarded-Host`, else `Host`), extended to
 * `Referer` and to resource routes, and it answers 403 `FORBIDDEN` before any route runs.
 *
 * A request with neither `Origin` nor `Referer` comes from a program, not a page: browsers send
 * `Origin` on every cross-site and same-site POST. Such a request is let through when it carries no
 * session cookie (API clients with a bearer token, integrators posting JSON) and refused when it
 * does (the cookie would be an ambient credential).
 */
import type express from "express";
import { closeAfterAnswer } from "./body-guard";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedHost(req: express.Request): string | undefined {
  const forwarded = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || req.get("host") || undefined;
}

function hostOf(source: string): string | null {
  if (source === "null") return null;
  try {
    return new URL(source).host;
  } catch {
    return null;
  }
}

export function originCheck(options: { sessionCookie: string }): express.RequestHandler {
  const cookiePrefix = `${options.sessionCookie}=`;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const source = req.get("origin") ?? req.get("referer");
    if (source === undefined) {
      const hasSession = (req.get("cookie") ?? "").split(";").some((pair) => pair.trim().startsWith(cookiePrefix));
      if (!hasSession) return next();
    } else {
      const host = expectedHost(req);
      if (host && hostOf(source) === host) return next();
    }
    if (!req.complete) closeAfterAnswer(req, res);
    res
      .status(403)
      .setHeader("Cache-Control", "no-store")
      .type("application/json")
      .send(JSON.stringify({ error: { code: "FORBIDDEN", message: "Cross-site request refused" } }));
  };
}
