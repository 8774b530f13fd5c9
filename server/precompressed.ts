/**
 * Pre-compressed pages whose CSP nonce changes on every response (docs/decisions/043).
 *
 * A cached page is split at each occurrence of the nonce it was rendered with. The static segments
 * are compressed once, when the page is stored; a hit only splices the fresh nonce in as a few
 * uncompressed bytes, so serving it costs no compression:
 * - gzip: every static segment is its own raw-deflate run ended by a sync flush (byte-aligned, not
 *   final, no reference outside itself), a nonce is a stored block, and an empty final block closes
 *   the stream. The CRC-32 of the whole page is combined from the segments' CRCs in O(segments).
 * - brotli: one compressor runs over the page with the nonce's bytes replaced by a placeholder and
 *   flushed around each one; the placeholder's meta-blocks are replaced by an uncompressed
 *   meta-block holding the fresh nonce. Brotli's encoder may keep state across the swap (distance
 *   cache, references into the placeholder), so the result is checked by decoding it with two
 *   different nonces when stored; if that check fails the entry has no brotli variant and gzip is
 *   served instead.
 */
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const NONCE_BYTES = 24; // base64 of 16 random bytes, always ending in "=="
/** Brotli 5: most of the size gain of 9 at a fraction of its time (paid once per stored page). */
const BROTLI_QUALITY = 5;

// ---------------------------------------------------------------- CRC-32 (IEEE, as gzip uses)
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Multiplies a and b modulo the CRC-32 polynomial (reflected), as zlib's multmodp. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ 0xedb88320 : b >>> 1;
  }
  return p >>> 0;
}

/** x^(8·length) modulo the polynomial: the operator that shifts a CRC over `length` bytes. */
export function crcShiftOperator(length: number): number {
  // x^(2^k) for k = 3.. (one byte = x^8), squared as the length's bits are walked.
  let p = 0x80000000; // x^0
  let power = 0x00800000; // x^8
  let n = length;
  while (n > 0) {
    if (n & 1) p = multModP(power, p);
    power = multModP(power, power);
    n = Math.floor(n / 2);
  }
  return p;
}

/** CRC of A followed by B, from CRC(A), CRC(B) and the shift operator for B's length. */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
}

// ---------------------------------------------------------------- the spliced page
export type SplicedPage = {
  /** Static parts of the page, in order; the nonce goes between each two. */
  segments: Buffer[];
  gzip: { parts: Buffer[]; crcs: number[]; shifts: number[]; length: number };
  brotli: { parts: Buffer[] } | null;
};

const deflateRawFlushed = (segment: Buffer) =>
  new Promise<Buffer>((resolve, reject) => {
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => out.push(chunk));
    deflate.on("error", reject);
    deflate.write(segment);
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      deflate.removeAllListeners("data");
      deflate.close();
      resolve(Buffer.concat(out));
    });
  });

/** A deflate stored block (not final) holding `bytes` (at most 65,535). */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header[0] = 0x00; // BFINAL=0, BTYPE=00, padded to the byte
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const DEFLATE_FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** A brotli uncompressed meta-block (ISLAST=0) holding `bytes` (1 to 65,536 bytes). */
function brotliUncompressedMetaBlock(bytes: Buffer): Buffer {
  // ISLAST(1)=0, MNIBBLES(2)=0 (4 nibbles), MLEN-1 (16 bits), ISUNCOMPRESSED(1)=1, pad to byte.
  const mlen = bytes.length - 1;
  let bits = 0;
  bits |= 0 << 0; // ISLAST
  bits |= 0 << 1; // MNIBBLES - 4 = 0
  bits |= mlen << 3; // 16 bits
  bits |= 1 << 19; // ISUNCOMPRESSED
  const header = Buffer.alloc(3);
  header[0] = bits & 0xff;
  header[1] = (bits >>> 8) & 0xff;
  header[2] = (bits >>> 16) & 0xff;
  return Buffer.concat([header, bytes]);
}
const BROTLI_LAST_EMPTY_META_BLOCK = Buffer.from([0x03]); // ISLAST=1, ISLASTEMPTY=1

async function brotliParts(segments: Buffer[]): Promise<Buffer[]> {
  const encoder = zlib.createBrotliCompress({
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: segments.reduce((n, s) => n + s.length, 0),
    },
  });
  let pending: Buffer[] = [];
  encoder.on("data", (chunk: Buffer) => pending.push(chunk));
  const flush = (data: Buffer) =>
    new Promise<Buffer>((resolve, reject) => {
      encoder.once("error", reject);
      if (data.length) encoder.write(data);
      encoder.flush(zlib.constants.BROTLI_OPERATION_FLUSH, () => {
        const out = Buffer.concat(pending);
        pending = [];
        resolve(out);
      });
    });
  const parts: Buffer[] = [];
  for (let i = 0; i < segments.length; i++) {
    parts.push(await flush(segments[i]));
    // The encoder sees a random stand-in of the nonce's length, different each time, so it codes it
    // as literals (no copy that would move brotli's distance cache); its output is dropped and the
    // real nonce goes in its place as an uncompressed meta-block.
    if (i < segments.length - 1) await flush(randomPlaceholder());
  }
  encoder.close();
  return parts;
}

/** 22 random base64 characters and "==": a nonce's length and last two bytes (the literal context). */
function randomPlaceholder() {
  return Buffer.from(randomBytes(16).toString("base64"));
}

function assembleBrotli(parts: Buffer[], nonce: Buffer): Buffer {
  const out: Buffer[] = [];
  const middle = brotliUncompressedMetaBlock(nonce);
  parts.forEach((part, i) => {
    out.push(part);
    if (i < parts.length - 1) out.push(middle);
  });
  out.push(BROTLI_LAST_EMPTY_META_BLOCK);
  return Buffer.concat(out);
}

const brotliDecompress = promisify(zlib.brotliDecompress);

/** Splits `html` at each occurrence of `nonce` and compresses the static segments once. */
export async function splicePage(html: Buffer, nonce: string): Promise<SplicedPage> {
  const nonceBytes = Buffer.from(nonce);
  const segments: Buffer[] = [];
  if (nonce.length === NONCE_BYTES) {
    let from = 0;
    for (let at = html.indexOf(nonceBytes, from); at !== -1; at = html.indexOf(nonceBytes, from)) {
      segments.push(html.subarray(from, at));
      from = at + nonceBytes.length;
    }
    segments.push(html.subarray(from));
  } else {
    segments.push(html);
  }

  const gzipParts = await Promise.all(segments.map(deflateRawFlushed));
  const gzip = {
    parts: gzipParts,
    crcs: segments.map((s) => crc32(s)),
    shifts: segments.map((s) => crcShiftOperator(s.length)),
    length: segments.reduce((n, s) => n + s.length, 0),
  };

  let brotli: SplicedPage["brotli"] = null;
  if (segments.length > 1) {
    // Verified by decoding with two other nonces; a rare accidental match between the page and
    // the stand-in makes a try fail, so a few are made before giving up on brotli for this page.
    for (let attempt = 0; attempt < 3 && !brotli; attempt++) {
      const parts = await brotliParts(segments);
      const ok = await Promise.all(
        [randomPlaceholder(), randomPlaceholder()].map(async (probe) => {
          try {
            const decoded = await brotliDecompress(assembleBrotli(parts, probe));
            return decoded.equals(joinSegments(segments, probe));
          } catch {
            return false;
          }
        }),
      );
      if (ok.every(Boolean)) brotli = { parts };
    }
  } else {
    const whole = await promisify(zlib.brotliCompress)(segments[0], {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
    });
    brotli = { parts: [whole] };
  }
  return { segments, gzip, brotli };
}

function joinSegments(segments: Buffer[], nonce: Buffer): Buffer {
  const out: Buffer[] = [];
  segments.forEach((segment, i) => {
    out.push(segment);
    if (i < segments.length - 1) out.push(nonce);
  });
  return Buffer.concat(out);
}

const NONCE_SHIFT = crcShiftOperator(NONCE_BYTES);

/** The page with `nonce` in place, in the requested encoding. */
export function renderSpliced(page: SplicedPage, nonce: string, encoding: "br" | "gzip" | "identity"): Buffer {
  const nonceBytes = Buffer.from(nonce);
  if (page.segments.length > 1 && nonceBytes.length !== NONCE_BYTES) throw new Error("Unexpected nonce length");
  if (encoding === "identity") return joinSegments(page.segments, nonceBytes);
  if (encoding === "br" && page.brotli) {
    return page.brotli.parts.length === 1 ? page.brotli.parts[0] : assembleBrotli(page.brotli.parts, nonceBytes);
  }
  // gzip
  const { parts, crcs, shifts, length } = page.gzip;
  const nonceCrc = crc32(nonceBytes);
  const middle = storedBlock(nonceBytes);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  parts.forEach((part, i) => {
    out.push(part);
    crc = crc32Combine(crc, crcs[i], shifts[i]);
    if (i < parts.length - 1) {
      out.push(middle);
      crc = crc32Combine(crc, nonceCrc, NONCE_SHIFT);
    }
  });
  out.push(DEFLATE_FINAL_EMPTY_BLOCK);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE((length + (parts.length - 1) * NONCE_BYTES) >>> 0, 4);
  out.push(trailer);
  return Buffer.concat(out);
}

export function hasBrotli(page: SplicedPage) {
  return page.brotli !== null;
}
