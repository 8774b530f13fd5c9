import fs from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

/**
 * Route matching as the server does it: `@remix-run/router`'s CommonJS build, which
 * `patches/@remix-run+router+1.23.3.patch` makes compute a route tree's ranked branches and each
 * pattern's regular expression once (docs/performance.md, "Route matching"). The matches must be
 * the same on every call, in any order, for every kind of route the app has.
 */
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchPath, matchRoutes } = require(routerPath) as typeof import("@remix-run/router");

// The shapes of app/routes: a root layout, index routes, static, dynamic and splat segments,
// a pathless-parent leaf (pro.contacts.vehicles_.$id) and files with dots in their path.
const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/properties._index", path: "properties", index: true },
      { id: "routes/properties.$slug", path: "properties/:slug" },
      { id: "routes/robots[.]txt", path: "robots.txt" },
      { id: "routes/api.$", path: "api/*" },
      { id: "routes/api.contact-requests", path: "api/contact-requests" },
      {
        id: "routes/pro",
        path: "pro",
        children: [
          { id: "routes/pro._index", index: true },
          {
            id: "routes/pro.contacts",
            path: "contacts",
            children: [
              { id: "routes/pro.contacts._index", index: true },
              { id: "routes/pro.contacts.$id", path: ":id" },
              { id: "routes/pro.contacts.vehicles", path: "vehicles" },
            ],
          },
          { id: "routes/pro.contacts.vehicles_.$id", path: "contacts/vehicles/:id" },
        ],
      },
    ],
  },
];

const leafOf = (path: string) => {
  const matches = matchRoutes(routes, path);
  return matches ? { id: matches.at(-1)!.route.id, params: matches.at(-1)!.params } : null;
};

const expected: [string, string | null, Record<string, string>][] = [
  ["/", "routes/_index", {}],
  ["/properties", "routes/properties._index", {}],
  ["/properties/", "routes/properties._index", {}],
  ["/properties/studio-bastille", "routes/properties.$slug", { slug: "studio-bastille" }],
  ["/robots.txt", "routes/robots[.]txt", {}],
  ["/api/contact-requests", "routes/api.contact-requests", {}],
  ["/api/vehicles/12/photos", "routes/api.$", { "*": "vehicles/12/photos" }],
  ["/pro", "routes/pro._index", {}],
  ["/pro/contacts", "routes/pro.contacts._index", {}],
  ["/pro/contacts/abc-123", "routes/pro.contacts.$id", { id: "abc-123" }],
  ["/pro/contacts/vehicles", "routes/pro.contacts.vehicles", {}],
  ["/pro/contacts/vehicles/42", "routes/pro.contacts.vehicles_.$id", { id: "42" }],
  ["/PRO/Contacts/X", "routes/pro.contacts.$id", { id: "X" }],
  ["/nowhere/at/all", null, {}],
];

describe("server route matching", () => {
  it("runs with the patch that keeps ranked branches and compiled patterns", () => {
    const source = fs.readFileSync(routerPath, "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPaths");
  });

  it("finds the same route and parameters on every call, in any order", () => {
    for (let round = 0; round < 3; round++) {
      const order = round === 1 ? [...expected].reverse() : expected;
      for (const [path, id, params] of order) {
        const leaf = leafOf(path);
        expect(leaf?.id ?? null, path).toBe(id);
        if (id) expect(leaf?.params, path).toEqual(params);
      }
    }
  });

  it("keeps matching new route trees and any number of patterns", () => {
    // Another tree (as after a rebuild in development) gets its own branches.
    const other: AgnosticRouteObject[] = [{ id: "other", path: "properties/:slug/photos" }];
    expect(matchRoutes(other, "/properties/studio/photos")?.[0].route.id).toBe("other");
    expect(matchRoutes(other, "/properties/studio")).toBeNull();
    expect(leafOf("/properties/studio")?.id).toBe("routes/properties.$slug");
    // More patterns than the 1,000 kept: every one still compiles and matches.
    for (let i = 0; i < 1_500; i++) {
      expect(matchPath(`/listing-${i}/:part`, `/listing-${i}/x`)?.params).toEqual({ part: "x" });
      expect(matchPath(`/listing-${i}/:part`, `/listing-${i + 1}/x`)).toBeNull();
    }
    expect(matchPath({ path: "/Pro/:id", caseSensitive: true }, "/pro/1")).toBeNull();
    expect(matchPath({ path: "/Pro/:id", caseSensitive: false }, "/pro/1")?.params).toEqual({ id: "1" });
  });
});
