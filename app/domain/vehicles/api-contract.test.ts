import { describe, expect, it, vi } from "vitest";

// An unexpected failure deep in the domain: the contract's 500 body, details only in the log.
const logged: { message: string; fields?: Record<string, unknown> }[] = [];
vi.mock("~/utils/logger.server", () => ({
  log: {
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn((message: string, fields?: Record<string, unknown>) => logged.push({ message, fields })),
  },
}));
vi.mock("./submission.server", () => ({
  submitVehicleContactRequest: vi.fn(async () => {
    throw new Error("SQLITE_FULL: database or disk is full at /var/lib/vitrine/secret-path.db");
  }),
}));

const { action, loader } = await import("~/routes/api.contact-requests");

function post(body: string) {
  const request = new Request("http://localhost/api/contact-requests", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
  return action({ request, context: { clientIp: "192.0.2.1" }, params: {} });
}

describe("POST /api/contact-requests failure modes", () => {
  it("answers 500 with the contract's body and an errorId that points to the log line", async () => {
    const res = await post(JSON.stringify({ fullName: "John Smith" }));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errorId?: string };
    expect(body).toEqual({
      success: false,
      message: "An unexpected error occurred. Please try again later.",
      errorId: expect.stringMatching(/^ERR-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/),
    });
    expect(JSON.stringify(body)).not.toContain("SQLITE_FULL");
    expect(logged.at(-1)?.fields?.errorId).toBe(body.errorId);
    expect(String(logged.at(-1)?.fields?.error)).toContain("SQLITE_FULL");
  });

  it("answers 400 before touching the domain when the body is not a JSON object", async () => {
    for (const raw of ["[1]", "null", "nope"]) {
      const res = await post(raw);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ success: false, message: "Request body must be a JSON object" });
    }
  });

  it("answers 405 to other methods", async () => {
    const res = loader();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});
