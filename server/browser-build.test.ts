import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The browser build `npm test` makes before the suites run (public/build). Remix replaces every
 * server module a route imports with an empty module. `patches/@remix-run+dev+2.17.5.patch` marks
 * those free of side effects, so esbuild drops them instead of shipping each as a request of its own
 * (decision 047).
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
});
