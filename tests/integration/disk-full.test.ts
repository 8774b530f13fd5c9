/**
 * A full disk during an upload, for real: the upload work folders are small tmpfs mounts (this
 * needs root, as CI runs; elsewhere the suite says it skipped). The request gets a clear 507, the
 * server keeps answering, and nothing is left behind.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { startServer, type TestServer } from "../helpers/server";

function mountTmpfs(dir: string, size: string) {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0700`, "tmpfs", dir], { stdio: "pipe" });
}

function unmount(dir: string) {
  execFileSync("umount", [dir], { stdio: "pipe" });
}

const canMount = (() => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-mount-"));
  try {
    mountTmpfs(probe, "64k");
    unmount(probe);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

describe.skipIf(!canMount)("a full disk during an upload", () => {
  let server: TestServer;
  let agence: Client;
  let propertyId: string;
  const mounts: string[] = [];

  beforeAll(async () => {
    server = await startServer({ seed: "demo" });
    agence = new Client(server.baseUrl);
    await agence.login("agence@vitrine.test");
    const sqlite = new Database(server.env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
    propertyId = (
      sqlite
        .prepare(
          `SELECT p.id FROM Property p JOIN Pro o ON o.id = p.proId WHERE o.email = 'agence@vitrine.test'
           AND (SELECT COUNT(*) FROM PropertyPhoto f WHERE f.propertyId = p.id) < 20 LIMIT 1`,
        )
        .get() as { id: string }
    ).id;
    sqlite.close();
    for (const dir of [path.join(server.env.UPLOADS_DIR, ".tmp"), path.join(server.env.PRIVATE_DIR, "tmp")]) {
      mountTmpfs(dir, "1m");
      mounts.push(dir);
    }
  });

  afterAll(async () => {
    for (const dir of mounts) unmount(dir);
    await server?.stop();
  });

  const workDir = () => path.join(server.env.UPLOADS_DIR, ".tmp");
  const photoFiles = () => {
    const folder = path.join(server.env.UPLOADS_DIR, "properties", propertyId);
    return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
  };
  const photoCount = async () => (await (await agence.json(`/pro/properties/${propertyId}`)).json()).data.photos.length;

  function uploadPhoto(name: string, bytes: Buffer, type: string) {
    const form = new FormData();
    form.append("photos", new Blob([new Uint8Array(bytes)], { type }), name);
    return agence.fetch(`/pro/properties/${propertyId}/photos`, {
      method: "POST",
      body: form,
      headers: { accept: "application/json" },
    });
  }

  it("while receiving a photo: 507, the server still answers, no file is left", async () => {
    const filesBefore = photoFiles();
    const countBefore = await photoCount();
    // Twice the free space: the temporary file cannot be written whole.
    const res = await uploadPhoto("grande.jpg", randomBytes(2 * 1024 * 1024), "image/jpeg");
    expect(res.status).toBe(507);
    expect((await res.json()).error.code).toBe("INSUFFICIENT_STORAGE");

    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(fs.readdirSync(workDir())).toEqual([]);
    expect(photoFiles()).toEqual(filesBefore);
    expect(await photoCount()).toBe(countBefore);
  });

  it("while encoding a photo: 507, not “not a valid image”, and no file is left", async () => {
    // Random pixels: a PNG that cannot be compressed, whose WebP is tens of kilobytes.
    const png = await sharp(randomBytes(300 * 300 * 3), { raw: { width: 300, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    // Leave room for the received file only, not for the encoded one.
    const { bavail, bsize } = fs.statfsSync(workDir());
    const block = Number(bsize);
    const room = Math.ceil(png.length / block) * block + 2 * block;
    const filler = path.join(workDir(), "filler");
    fs.writeFileSync(filler, Buffer.alloc(Number(bavail) * block - room));
    const countBefore = await photoCount();
    const filesBefore = photoFiles();
    try {
      const res = await uploadPhoto("bruit.png", png, "image/png");
      const body = await res.json();
      expect(body.error.code).toBe("INSUFFICIENT_STORAGE");
      expect(res.status).toBe(507);
    } finally {
      fs.rmSync(filler);
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(fs.readdirSync(workDir())).toEqual([]);
    expect(photoFiles()).toEqual(filesBefore);
    expect(await photoCount()).toBe(countBefore);
  });

  it("while receiving an identity document: 507 on the page, and no file is left", async () => {
    const pro = new Client(server.baseUrl);
    const registered = await pro.form("/register", {
      companyName: "Agence du Port",
      name: "Camille Martin",
      email: `disk-${Date.now()}@example.fr`,
      password: "un-mot-de-passe-solide",
      kind: "agency",
    });
    expect(registered.status).toBe(302);
    const form = new FormData();
    form.append("document", new Blob([new Uint8Array(randomBytes(2 * 1024 * 1024))], { type: "image/png" }), "cni.png");
    const res = await pro.fetch("/pro/identity", { method: "POST", body: form });
    expect(res.status).toBe(507);
    expect(await res.text()).toContain("manque d’espace");

    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(fs.readdirSync(path.join(server.env.PRIVATE_DIR, "tmp"))).toEqual([]);
    expect(fs.existsSync(path.join(server.env.PRIVATE_DIR, "identity"))).toBe(false);
  });
});
