// Packs the linked Emscripten page into the shipped zicht.html: the wasm module, which Emscripten embeds as a base64
// string inside its JavaScript, is gzip-compressed and moved into the shell's <script type="application/octet-stream"
// id="zicht-wasm"> element, where web/shell.html decodes it with the browser's native base64 decoder, inflates it with
// DecompressionStream and compiles it while the rest of the page is still being read (Module.instantiateWasm).
// Why: the HTML parser reads about 8 MB/s of inline text in headless Chromium, and Emscripten 3.1.6 decodes its
// data: URL through fetch(); 5.7 MB of base64 took ~1.3 s before main() ran. Gzipped, the module is 2.3 MB of base64.
// The gzip stream is made with zopfli (Debian package zopfli) where installed: the same format DecompressionStream
// reads, about 4 % smaller than zlib's level 9; without it, zlib. The wasm SIMD CSV kernel (csv_kernel.wasm, checked
// by web/check_kernel.mjs) goes into its own element as base64.
//   node web/pack.mjs linked.html out.html csv_kernel.wasm
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';

const [src, out, kernel] = process.argv.slice(2);
if (!src || !out || !kernel) { console.error('usage: node web/pack.mjs linked.html out.html csv_kernel.wasm'); process.exit(2); }
const html = fs.readFileSync(src, 'utf8');
const literal = /wasmBinaryFile\s*=\s*"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const m = html.match(literal);
if (!m) { console.error(`${src}: no embedded wasm module found (was it linked with -sSINGLE_FILE=1?)`); process.exit(1); }
const placeholder = 'ZICHT_WASM_GZIP_BASE64', kernelPlaceholder = 'ZICHT_CSV_KERNEL_BASE64';
for (const p of [placeholder, kernelPlaceholder])
  if (html.split(p).length !== 2) { console.error(`${src}: the shell must hold ${p} exactly once`); process.exit(1); }
const wasm = Buffer.from(m[1], 'base64');
if (wasm.readUInt32BE(0) !== 0x0061736d) { console.error(`${src}: the embedded module is not wasm`); process.exit(1); }
function gzip(bytes) {
  try {
    const tmp = `${out}.wasm.tmp`;
    fs.writeFileSync(tmp, bytes);
    const z = execFileSync('zopfli', ['--i5', '-c', tmp], { maxBuffer: 1 << 28 });
    fs.rmSync(tmp);
    if (!zlib.gunzipSync(z).equals(bytes)) throw new Error('zopfli output does not inflate to the module');
    return { bytes: z, by: 'zopfli' };
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    return { bytes: zlib.gzipSync(bytes, { level: 9 }), by: 'zlib (zopfli not installed)' };
  }
}
const gz = gzip(wasm);
const packed = gz.bytes.toString('base64');
const kernelBase64 = fs.readFileSync(kernel).toString('base64');
// The literal keeps its data: prefix so the glue never tries to fetch a file; instantiateWasm means it is never read.
const result = html.replace(literal, 'wasmBinaryFile="data:application/octet-stream;base64,"').replace(placeholder, () => packed)
  .replace(kernelPlaceholder, () => kernelBase64);
fs.writeFileSync(out + '.tmp', result);
fs.renameSync(out + '.tmp', out);
console.log(`zicht.html: wasm ${wasm.length} bytes, gzip (${gz.by}) + base64 ${packed.length} bytes, CSV kernel ` +
            `${kernelBase64.length} bytes, page ${Buffer.byteLength(result)} bytes`);
