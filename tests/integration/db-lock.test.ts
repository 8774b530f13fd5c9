/**
 * A database write lock held by another process, against the real server: the waiting write does
 * not freeze the process (health checks and static files keep being answered), it completes when
 * the lock goes, and it is answered 503 with Retry-After when the lock outlasts the wait allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/client";
import { holdWriteLock } from "../helpers/db-lock";
import { startServer, type TestServer } from "../helpers/server";

let patient: TestServer;
let impatient: TestServer;
beforeAll(async () => {
  patient = await startServer({ env: { DB_BUSY_WAIT_MS: "60000" } });
  impatient = await startServer({ env: { DB_BUSY_WAIT_MS: "500" } });
}, 180_000);
afterAll(async () => {
  await Promise.all([patient?.stop(), impatient?.stop()]);
});

const registration = (label: string) => ({
  companyName: "Agence du Port",
  name: "Camille Martin",
  email: `${label}-${Date.now()}@example.fr`,
  password: "un-mot-de-passe-solide",
  kind: "agency",
});

describe("a write lock held by another process", () => {
  it("keeps the server answering while a write waits, and the write completes after", async () => {
    const release = await holdWriteLock(patient.env.DATABASE_URL);
    let settled = false;
    const write = new Client(patient.baseUrl).form("/register", registration("patient")).finally(() => {
      settled = true;
    });
    try {
      // A server blocked by the write would answer none of these before the write settled.
      let answered = 0;
      while (answered < 50) {
        const health = await fetch(`${patient.baseUrl}/healthz`);
        expect(health.status).toBe(200);
        const file = await fetch(`${patient.baseUrl}/favicon.ico`);
        expect(file.status).toBeLessThan(500);
        await file.arrayBuffer();
        answered++;
        expect(settled).toBe(false);
      }
    } finally {
      await release();
    }
    const res = await write;
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/pro/identity");
  });

  it("answers 503 with Retry-After when the lock outlasts the wait, for pages and JSON", async () => {
    const release = await holdWriteLock(impatient.env.DATABASE_URL);
    try {
      const page = await new Client(impatient.baseUrl).form("/register", registration("page"));
      expect(page.status).toBe(503);
      expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);

      const api = await new Client(impatient.baseUrl).form("/register", registration("api"), {
        headers: { accept: "application/json" },
      });
      expect(api.status).toBe(503);
      expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await api.json()).error.code).toBe("SERVICE_UNAVAILABLE");
      expect((await fetch(`${impatient.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await release();
    }
    // Nothing half-written: the same registrations succeed now.
    expect((await new Client(impatient.baseUrl).form("/register", registration("after"))).status).toBe(302);
  });
});
