import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Combine, crcShiftOperator, renderSpliced, splicePage } from "./precompressed";

const nonce = () => randomBytes(16).toString("base64");

function page(n: string) {
  // Random text after the nonce makes accidental matches into the nonce's bytes likely if the
  // splicing ever let a compressor refer to them.
  const noise = randomBytes(4000).toString("base64");
  return Buffer.from(
    `<!DOCTYPE html><html><head><script nonce="${n}">a()</script></head><body>` +
      `${"<article>Appartement lumineux à Lyon — 3 pièces</article>".repeat(300)}${noise}` +
      `<script nonce="${n}">window.__remixContext = ${JSON.stringify({ noise, n: noise.slice(0, 40) })};</script>` +
      `<script nonce="${n}" type="module">import "/build/entry.client.js";</script></body></html>`,
  );
}

describe("CRC-32", () => {
  it("matches the standard check value and combines like one pass", () => {
    expect(crc32(Buffer.from("123456789")).toString(16)).toBe("cbf43926");
    const a = randomBytes(1000);
    const b = randomBytes(777);
    expect(crc32Combine(crc32(a), crc32(b), crcShiftOperator(b.length))).toBe(crc32(Buffer.concat([a, b])));
  });
});

describe("spliced pages", () => {
  it("decode, in every encoding, to the page with the new nonce", async () => {
    for (let round = 0; round < 5; round++) {
      const original = nonce();
      const html = page(original);
      const spliced = await splicePage(html, original);
      expect(spliced.segments).toHaveLength(4);
      for (let i = 0; i < 3; i++) {
        const fresh = nonce();
        const expected = html.toString().split(original).join(fresh);
        expect(renderSpliced(spliced, fresh, "identity").toString()).toBe(expected);
        expect(zlib.gunzipSync(renderSpliced(spliced, fresh, "gzip")).toString()).toBe(expected);
        if (spliced.brotli) {
          expect(zlib.brotliDecompressSync(renderSpliced(spliced, fresh, "br")).toString()).toBe(expected);
        }
      }
    }
  });

  it("compresses: the gzip variant is a fraction of the page", async () => {
    const original = nonce();
    const html = page(original);
    const spliced = await splicePage(html, original);
    expect(renderSpliced(spliced, nonce(), "gzip").length).toBeLessThan(html.length / 2);
    expect(spliced.brotli).not.toBeNull();
  });

  it("keeps a page without a nonce whole", async () => {
    const xml = Buffer.from(`<?xml version="1.0"?><urlset>${"<url><loc>/p</loc></url>".repeat(50)}</urlset>`);
    const spliced = await splicePage(xml, nonce());
    expect(spliced.segments).toHaveLength(1);
    expect(zlib.brotliDecompressSync(renderSpliced(spliced, nonce(), "br")).equals(xml)).toBe(true);
    expect(zlib.gunzipSync(renderSpliced(spliced, nonce(), "gzip")).equals(xml)).toBe(true);
  });
});
