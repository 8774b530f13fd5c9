#!/usr/bin/env node
// `npm run build`: Remix's build, then a brotli and a gzip copy of every script and style sheet of
// the browser build, written next to it (`chunk.js.br`, `chunk.js.gz`). The server sends these
// instead of compressing the same immutable files on every request (decision 050).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(?:js|css|map|json|svg)$/;

/** Writes `.br` (quality 11) and `.gz` (level 9) beside each compressible file under `dir`. */
async function precompress(dir) {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => COMPRESSIBLE.test(name))
    .map((name) => path.join(dir, name));
  await Promise.all(
    files.map(async (file) => {
      const source = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
    }),
  );
  return files.length;
}

execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: "inherit" });
const count = await precompress(path.resolve("public/build"));
console.log(`[build] ${count} files of public/build compressed (brotli, gzip)`);
