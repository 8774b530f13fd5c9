#!/usr/bin/env node
// `npm run audit:ux`: the UX budgets of SPEC "Accessibility and UX", measured against the built app
// in Debian's Chromium (docs/decisions/042). Like the bench, a script and not a test: it reports
// figures, writes docs/ux.md and the screenshots in docs/ux/, and exits non-zero when a budget
// is missed.
//   1. axe-core on every page (public, pro for each kind and role, admin), JavaScript on;
//   2. no sideways scroll at 360 px, JavaScript on and off;
//   3. JavaScript each page downloads (compressed), public pages under 100 KiB;
//   4. Lighthouse (mobile) on the seven public entry pages: ≥ 95 in each category;
//   5. phone and laptop screenshots of the main pages.
// Options: --no-build (use the current build), --no-lighthouse, --lighthouse-runs N (default 5,
// the median reported), --port N (default 3290),
// --base URL (audit an app already running with the demo data instead of starting one),
// --max-pages N (pages per signed-in account, default 20).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import sharp from "sharp";

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = Number(option("--port", process.env.AUDIT_PORT ?? 3290));
const maxPages = Number(option("--max-pages", 20)); // per signed-in account
const external = option("--base", null);
const base = external ?? `http://localhost:${port}`;
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const shotsDir = "docs/ux";
const PUBLIC_JS_BUDGET = 100 * 1024;
const LIGHTHOUSE_BUDGET = 95;
const ACCOUNTS = [
  { label: "agence (agence)", email: "agence@vitrine.test", start: "/pro" },
  { label: "promoteur (promoteur)", email: "promoteur@vitrine.test", start: "/pro" },
  { label: "concession (concession)", email: "garage@vitrine.test", start: "/pro" },
  { label: "pro non vérifié", email: "nouveau@vitrine.test", start: "/pro/identity" },
  { label: "administrateur", email: "admin@vitrine.test", start: "/admin/identities" },
];
const log = (...parts) => console.log("[audit:ux]", ...parts);
const ip = () => `10.${rand()}.${rand()}.${1 + rand()}`;
const rand = () => Math.floor(Math.random() * 250);

// ---- The built app on its own port, with the demo data.
if (!flag("--no-build") && !external) {
  log("building…");
  execFileSync(process.execPath, ["scripts/build.js"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
fs.mkdirSync(".tmp", { recursive: true });
const server = external
  ? null
  : spawn(process.execPath, ["tests/e2e/serve.js", String(port)], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, E2E_ANONYMITY_WINDOW_SECONDS: "3600" },
    });
const stopServer = () => server && server.exitCode === null && server.kill("SIGTERM");
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
await waitForServer();
log(`auditing ${base}`);

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_USE_BUNDLED ? undefined : chromePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const results = []; // { group, path, axe: [..], wideJs, wideNoJs, jsBytes }
const failures = [];

try {
  const samples = await samplePages();
  log("sample pages", JSON.stringify(samples));
  const publicPaths = [
    "/",
    "/properties",
    "/properties?city=Paris&sort=price-asc",
    "/properties?minPrice=abc",
    samples.property,
    samples.soldProperty,
    "/programmes",
    samples.programme,
    "/vehicles",
    samples.vehicle,
    "/login",
    "/register",
    "/forgot-password",
    "/page-qui-n-existe-pas",
  ].filter(Boolean);
  // Screenshots and Lighthouse first, then every page; the report is rewritten after each step,
  // so an interrupted run still leaves its figures.
  await screenshots(samples);
  writeReport({});
  const lighthouse = flag("--no-lighthouse")
    ? {}
    : await runLighthouse(
        [
          ["Accueil", "/"],
          ["Recherche", "/properties"],
          ["Annonce", samples.property],
          ["Véhicules", "/vehicles"],
          ["Véhicule", samples.vehicle],
          ["Programmes", "/programmes"],
          ["Programme", samples.programme],
        ].filter(([, p]) => p),
      );
  writeReport(lighthouse);
  await auditGroup("public", publicPaths, null);
  writeReport(lighthouse);
  for (const account of ACCOUNTS) {
    const state = await signIn(account.email);
    const paths = await crawl(account.start, state);
    await auditGroup(account.label, paths, state);
    writeReport(lighthouse);
  }
} finally {
  await browser.close();
  stopServer();
}
if (failures.length) {
  log(`${failures.length} budget(s) missed:`);
  for (const failure of failures) log(" -", failure);
  process.exit(1);
}
log("every budget met");

// ---- Steps

async function waitForServer() {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(base + "/")).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not start on ${base}`);
}

/** One page of each kind, found from the public lists (the demo data has them all). */
async function samplePages() {
  const first = async (list, pattern) => {
    const html = await (await fetch(base + list)).text();
    return pattern.exec(html)?.[1] ?? null;
  };
  const property = await first("/properties", /href="(\/properties\/[a-z0-9-]+)"/);
  const programme = await first("/programmes", /href="(\/programmes\/[a-z0-9-]+)"/);
  const vehicle = await first("/vehicles", /href="(\/vehicles\/\d+)"/);
  // A sold listing is public too; the demo's agency has some (found through its JSON list).
  let soldProperty = null;
  const state = await signIn("agence@vitrine.test");
  const context = await browser.newContext({ storageState: state });
  const res = await context.request.get(base + "/pro/properties?limit=100", {
    headers: { Accept: "application/json" },
  });
  if (res.ok()) {
    const body = await res.json();
    const sold = body.data?.find((p) => p.status === "sold");
    if (sold) soldProperty = `/properties/${sold.slug}`;
  }
  await context.close();
  return { property, programme, vehicle, soldProperty };
}

async function signIn(email) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ip() } });
  const page = await context.newPage();
  await page.goto(base + "/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("vitrine-demo");
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.locator("main form button[type=submit]").click(),
  ]);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The pages a signed-in account reaches from its start page, two clicks deep, one per route shape. */
async function crawl(start, state) {
  const context = await browser.newContext({ storageState: state, extraHTTPHeaders: { "X-Forwarded-For": ip() } });
  const page = await context.newPage();
  const seen = new Map(); // route shape -> path
  const queue = [[start, 0]];
  const shape = (p) => p.split("?")[0].replace(/\/[0-9a-f-]{36}|\/\d+(?=\/|$)/g, "/:id");
  while (queue.length && seen.size < maxPages) {
    const [current, depth] = queue.shift();
    if (seen.has(shape(current))) continue;
    const response = await page.goto(base + current);
    if (!response || response.status() >= 400) continue;
    seen.set(shape(current), current);
    if (depth >= 2) continue;
    // The pro area and the admin only: `/properties` and `/programmes` start with "/pro" too.
    const links = await page.$$eval("a[href='/pro'], a[href^='/pro/'], a[href^='/pro?'], a[href^='/admin']", (as) =>
      as.map((a) => a.getAttribute("href")),
    );
    for (const link of links) {
      if (!link || link.includes("/document") || link.includes("#")) continue;
      if (!seen.has(shape(link))) queue.push([link, depth + 1]);
    }
  }
  await context.close();
  return [...seen.values()];
}

async function auditGroup(group, paths, state) {
  const contexts = {
    phoneJs: await browser.newContext({ storageState: state ?? undefined, viewport: { width: 360, height: 760 } }),
    phoneNoJs: await browser.newContext({
      storageState: state ?? undefined,
      viewport: { width: 360, height: 760 },
      javaScriptEnabled: false,
    }),
  };
  for (const context of Object.values(contexts)) await context.setExtraHTTPHeaders({ "X-Forwarded-For": ip() });
  for (const pagePath of paths) {
    const row = { group, path: pagePath, axe: [], wideJs: 0, wideNoJs: 0, jsBytes: 0 };
    // axe on a laptop, JavaScript on, after hydration; JavaScript bytes as the network counts them.
    // A fresh context per page: nothing comes from the cache, every script is counted.
    const desktop = await browser.newContext({
      storageState: state ?? undefined,
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "X-Forwarded-For": ip() },
    });
    const page = await desktop.newPage();
    let jsBytes = 0;
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const sizes = await response
        .request()
        .sizes()
        .catch(() => null);
      jsBytes += sizes?.responseBodySize ?? 0;
    });
    await page.goto(base + pagePath, { waitUntil: "networkidle" });
    const axe = await new AxeBuilder({ page }).analyze();
    row.axe = axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
    row.jsBytes = jsBytes;
    await desktop.close();
    row.wideJs = await overflow(contexts.phoneJs, pagePath);
    row.wideNoJs = await overflow(contexts.phoneNoJs, pagePath);
    results.push(row);
    const problems = [
      ...row.axe.map((v) => `axe ${v}`),
      row.wideJs ? `scrolls sideways at 360 px with JavaScript (${row.wideJs} px wide)` : null,
      row.wideNoJs ? `scrolls sideways at 360 px without JavaScript (${row.wideNoJs} px wide)` : null,
      group === "public" && jsBytes > PUBLIC_JS_BUDGET ? `downloads ${kib(jsBytes)} of JavaScript` : null,
    ].filter(Boolean);
    for (const problem of problems) failures.push(`${group} ${pagePath}: ${problem}`);
    log(
      `${group.padEnd(24)} ${pagePath.padEnd(60)} ${problems.length ? "✗ " + problems.join("; ") : "ok"} · JS ${kib(jsBytes)}`,
    );
  }
  for (const context of Object.values(contexts)) await context.close();
}

/** 0 when the page fits 360 px, otherwise its width. */
async function overflow(context, pagePath) {
  const page = await context.newPage();
  await page.goto(base + pagePath, { waitUntil: "load" });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.close();
  return width > 360 ? width : 0;
}

async function screenshots(samples) {
  fs.mkdirSync(shotsDir, { recursive: true });
  for (const file of fs.readdirSync(shotsDir)) if (file.endsWith(".png")) fs.rmSync(path.join(shotsDir, file));
  const agency = await signIn("agence@vitrine.test");
  const pages = [
    ["accueil", "/", null],
    ["recherche", "/properties", null],
    ["annonce", samples.property, null],
    ["programmes", "/programmes", null],
    ["programme", samples.programme, null],
    ["vehicules", "/vehicles", null],
    ["pro-demandes", "/pro/contacts", agency],
    ["pro-annonces", "/pro/properties", agency],
  ].filter(([, p]) => p);
  for (const [device, viewport, scale] of [
    ["telephone", { width: 390, height: 844 }, 1],
    ["ordinateur", { width: 1280, height: 800 }, 1],
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": ip() });
    for (const [name, pagePath, state] of pages) {
      if (state) await context.addCookies(state.cookies);
      const page = await context.newPage();
      await page.goto(base + pagePath, { waitUntil: "networkidle" });
      const png = await page.screenshot({ fullPage: false });
      // A 256-colour palette keeps each file small enough to commit (≈ 50–150 KB).
      await sharp(png)
        .png({ palette: true, quality: 70, effort: 10, compressionLevel: 9 })
        .toFile(path.join(shotsDir, `${name}-${device}.png`));
      await page.close();
    }
    await context.close();
  }
}

/** Waits (up to two minutes) until the one-minute load average falls under the number of cores. */
async function quietMachine() {
  const cores = os.cpus().length;
  const deadline = Date.now() + 120_000;
  while (os.loadavg()[0] >= cores && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5000));
}

/** One Lighthouse run of a page: its report. */
function lighthouseReport(pagePath) {
  const out = path.join(os.tmpdir(), `lighthouse-${process.pid}.json`);
  try {
    execFileSync(
      "node_modules/.bin/lighthouse",
      [
        base + pagePath,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ["ignore", "ignore", "inherit"] },
    );
    return JSON.parse(fs.readFileSync(out, "utf8"));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** A GET on a connection of its own (no kept-alive socket the server may have closed meanwhile). */
function getOnce(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
      .on("error", reject);
  });
}

/**
 * Lighthouse's scores move from one run to the next on the same page. Its docs/variability.md
 * advises the median of five runs, which about halves the spread of one: each page is measured
 * `--lighthouse-runs` times (default 5) once the machine is quiet, and the run with the median
 * performance score is the one reported, with every run's score beside it. Every run sees the page
 * as an anonymous visitor gets it, from the shared page cache (docs/decisions/043), which stores a
 * page at its second request: each page is asked for twice before its first run.
 */
async function runLighthouse(pages) {
  const runs = Number(option("--lighthouse-runs", 5));
  await quietMachine();
  const load = os.loadavg()[0].toFixed(2);
  const rows = [];
  for (const [label, pagePath] of pages) {
    for (let i = 0; i < 2; i++) await getOnce(base + pagePath);
    const reports = [];
    for (let i = 0; i < runs; i++) reports.push(lighthouseReport(pagePath));
    const performanceOf = (report) => Math.round((report.categories.performance?.score ?? 0) * 100);
    const sorted = [...reports].sort((a, b) => performanceOf(a) - performanceOf(b));
    const report = sorted[Math.floor((sorted.length - 1) / 2)];
    const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
    const row = {
      label,
      path: pagePath,
      performance: score("performance"),
      runs: reports.map(performanceOf),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      fcp: report.audits["first-contentful-paint"]?.displayValue ?? "",
      lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "",
      cls: report.audits["cumulative-layout-shift"]?.displayValue ?? "",
      tbt: report.audits["total-blocking-time"]?.displayValue ?? "",
    };
    rows.push(row);
    for (const key of ["performance", "accessibility", "bestPractices", "seo"]) {
      if (row[key] < LIGHTHOUSE_BUDGET) failures.push(`Lighthouse ${label} ${pagePath}: ${key} ${row[key]}`);
    }
    log(
      `lighthouse ${label.padEnd(12)} P ${row.performance} (runs ${row.runs.join(", ")}) A ${row.accessibility} BP ${row.bestPractices} SEO ${row.seo} · FCP ${row.fcp} · LCP ${row.lcp} · TBT ${row.tbt}`,
    );
  }
  return { load, runs, rows };
}

function writeReport(lighthouse) {
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  const byGroup = Map.groupBy ? Map.groupBy(results, (r) => r.group) : groupBy(results);
  const axeTotal = results.reduce((n, r) => n + r.axe.length, 0);
  const wide = results.filter((r) => r.wideJs || r.wideNoJs).length;
  const publicJs = results.filter((r) => r.group === "public");
  const maxPublic = publicJs.reduce((max, r) => Math.max(max, r.jsBytes), 0);
  const lines = [
    "# UX audit",
    "",
    `Measured by \`npm run audit:ux\` (scripts/audit-ux.js) on ${date} UTC against the production build with the demo`,
    'data, in Debian\'s Chromium. Budgets (SPEC "Accessibility and UX", docs/decisions/042): zero axe-core violations on',
    "every page with JavaScript on; no sideways scroll at 360 px with JavaScript on and off; at most 100 KiB of",
    "compressed JavaScript on a public page; Lighthouse (mobile) ≥ 95 in every category on the public entry pages.",
    "",
    "## Summary",
    "",
    `- Pages audited: ${results.length} (${[...byGroup.keys()].map((g) => `${g}: ${byGroup.get(g).length}`).join(", ") || "none yet"})`,
    `- axe-core violations: ${axeTotal}`,
    `- Pages wider than 360 px (JavaScript on or off): ${wide}`,
    `- Heaviest public page: ${kib(maxPublic)} of compressed JavaScript (budget 100 KiB)`,
    `- Budgets missed: ${failures.length}${failures.length ? "" : " — every budget met"}`,
    ...failures.map((f) => `  - ${f}`),
    "",
  ];
  if (lighthouse.rows?.length) {
    lines.push(
      "## Lighthouse (mobile)",
      "",
      `Load average when measured: ${lighthouse.load} (the machine is shared; performance moves with the load).`,
      `Each page was measured ${lighthouse.runs} times; the table shows the run with the median performance score, and`,
      "every run's performance score in brackets.",
      "",
      "| Page | Path | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...lighthouse.rows.map(
        (r) =>
          `| ${r.label} | \`${r.path}\` | ${r.performance} (${r.runs.join(", ")}) | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`,
      ),
      "",
    );
  }
  lines.push(
    "## Every page",
    "",
    "| Group | Path | axe | 360 px, JS on | 360 px, JS off | JavaScript (compressed) |",
    "| --- | --- | ---: | --- | --- | ---: |",
    ...results.map(
      (r) =>
        `| ${r.group} | \`${r.path.length > 70 ? r.path.slice(0, 67) + "…" : r.path}\` | ${r.axe.length} | ${r.wideJs ? `${r.wideJs} px` : "fits"} | ${r.wideNoJs ? `${r.wideNoJs} px` : "fits"} | ${kib(r.jsBytes)} |`,
    ),
    "",
    "## Screenshots",
    "",
    "Phone (390 × 844) and laptop (1280 × 800), first screen of each page.",
    "",
  );
  for (const file of fs
    .readdirSync(shotsDir)
    .filter((f) => f.endsWith("-telephone.png"))
    .sort()) {
    const name = file.replace("-telephone.png", "");
    lines.push(
      `### ${name}`,
      "",
      `![${name}, téléphone](ux/${file}) ![${name}, ordinateur](ux/${name}-ordinateur.png)`,
      "",
    );
  }
  fs.writeFileSync("docs/ux.md", lines.join("\n"));
  log("wrote docs/ux.md");
}

function groupBy(rows) {
  const map = new Map();
  for (const row of rows) map.set(row.group, [...(map.get(row.group) ?? []), row]);
  return map;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
