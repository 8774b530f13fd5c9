import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The browser build `npm test` makes before the suites run (public/build).
 * - Remix replaces every server module a route imports with an empty module.
 *   `patches/@remix-run+dev+2.17.5.dev.patch` marks those free of side effects, so esbuild drops them
 *   instead of shipping each as a request of its own (decision 047).
 * - The code the public pages share is imported through `app/kit.ts`, which esbuild puts in one
 *   file, instead of one file per combination of pages sharing a module (decision 048).
 * - The same patch starts the framework's chunk with V8's explicit compile hint, so browsers compile
 *   it off the main thread while it downloads (decision 049).
 */
const buildDir = path.resolve("public/build");
const EMPTY_MODULE = /\.exports\s*=\s*\{\}/;

type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; module: string; imports?: string[] }>;
};

function readManifest(): Manifest {
  const file = fs.readdirSync(buildDir).find((name) => /^manifest-\w+\.js$/.test(name));
  if (!file) throw new Error("no browser build in public/build: run `npm run build` first");
  const source = fs.readFileSync(path.join(buildDir, file), "utf8");
  return JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

const fileOf = (url: string) => path.join(buildDir, url.replace(/^\/build\//, ""));

describe("browser build", () => {
  it("loads no empty stand-in for a server module on any page", () => {
    const manifest = readManifest();
    const pages = Object.values(manifest.routes).filter((route) =>
      /\bas default\b/.test(fs.readFileSync(fileOf(route.module), "utf8")),
    );
    expect(pages.length).toBeGreaterThan(30);
    const offenders: string[] = [];
    for (const route of [...pages, { id: "entry", ...manifest.entry }]) {
      for (const url of [route.module, ...(route.imports ?? [])]) {
        if (EMPTY_MODULE.test(fs.readFileSync(fileOf(url), "utf8"))) offenders.push(`${route.id}: ${url}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("serves each public page in six scripts: entry, framework, interop helpers, kit, root, page", () => {
    const manifest = readManifest();
    const scriptsOf = (id: string) => {
      const route = manifest.routes[id];
      const root = manifest.routes.root;
      return new Set([
        manifest.entry.module,
        ...(manifest.entry.imports ?? []),
        root.module,
        ...(root.imports ?? []),
        route.module,
        ...(route.imports ?? []),
      ]);
    };
    const pages = [
      "routes/_index",
      "routes/properties._index",
      "routes/properties.$slug",
      "routes/programmes._index",
      "routes/programmes.$slug",
      "routes/vehicles._index",
      "routes/vehicles.$id",
      "routes/login",
      "routes/contact-requests",
    ];
    const shared = new Map<string, number>();
    for (const id of pages) {
      const scripts = scriptsOf(id);
      expect({ id, count: scripts.size }).toEqual({ id, count: 6 });
      for (const url of scripts) if (url.includes("/_shared/")) shared.set(url, (shared.get(url) ?? 0) + 1);
    }
    // The same shared files on every page, so a visitor's second page finds them in the cache.
    expect([...shared.values()]).toEqual([pages.length, pages.length, pages.length]);
  });

  it("asks for eager compilation of the framework's chunk, and of no other file", () => {
    const manifest = readManifest();
    const scripts = fs
      .readdirSync(buildDir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".js"));
    const hinted = scripts.filter((name) =>
      fs.readFileSync(path.join(buildDir, name), "utf8").startsWith("//# allFunctionsCalledOnLoad\n"),
    );
    expect(hinted).toHaveLength(1);
    const url = `/build/${hinted[0].split(path.sep).join("/")}`;
    expect(manifest.entry.imports).toContain(url);
    // React DOM's production build is in it.
    expect(fs.readFileSync(fileOf(url), "utf8")).toContain("react-dom");
  });
});
