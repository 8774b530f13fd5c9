/**
 * A tiny HTTP client for integration tests: keeps the session cookie like a browser and sends the
 * Origin header a browser would send on a same-origin mutation.
 */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}) {
    const headers = new Headers(this.headers);
    new Headers(init.headers).forEach((v, k) => headers.set(k, v));
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", this.baseUrl);
    if (this.cookies.size && !headers.has("cookie")) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set("content-type", "application/json");
      if (!headers.has("accept")) headers.set("accept", "application/json");
    }
    const response = await fetch(this.baseUrl + path, { ...init, method, headers, body, redirect: "manual" });
    for (const raw of response.headers.getSetCookie()) {
      const [pair, ...attributes] = raw.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  json(path: string, init: RequestInit & { json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    return this.fetch(path, { ...init, headers });
  }

  form(path: string, fields: Record<string, string>, init: RequestInit = {}) {
    return this.fetch(path, {
      ...init,
      method: init.method ?? "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", ...(init.headers as Record<string, string>) },
    });
  }

  async login(email: string, password = "vitrine-demo") {
    const res = await this.form("/login", { email, password });
    if (res.status !== 302) throw new Error(`login failed for ${email}: ${res.status}`);
    return res;
  }
}
