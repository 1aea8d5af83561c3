// Packs the linked Emscripten page into the shipped zicht.html: the wasm module, which Emscripten embeds as a base64
// string inside its JavaScript, is gzip-compressed and moved into the shell's <script type="application/octet-stream"
// id="zicht-wasm"> element, where web/shell.html decodes it with the browser's native base64 decoder, inflates it with
// DecompressionStream and compiles it while the rest of the page is still being read (Module.instantiateWasm).
// Why: the HTML parser reads about 8 MB/s of inline text in headless Chromium, and Emscripten 3.1.6 decodes its
// data: URL through fetch(); 5.7 MB of base64 took ~1.3 s before main() ran. Gzipped, the module is 2.3 MB of base64.
//   node web/pack.mjs linked.html out.html
import fs from 'node:fs';
import zlib from 'node:zlib';

const [src, out] = process.argv.slice(2);
if (!src || !out) { console.error('usage: node web/pack.mjs linked.html out.html'); process.exit(2); }
const html = fs.readFileSync(src, 'utf8');
const literal = /wasmBinaryFile\s*=\s*"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const m = html.match(literal);
if (!m) { console.error(`${src}: no embedded wasm module found (was it linked with -sSINGLE_FILE=1?)`); process.exit(1); }
const placeholder = 'ZICHT_WASM_GZIP_BASE64';
if (html.split(placeholder).length !== 2) { console.error(`${src}: the shell must hold ${placeholder} exactly once`); process.exit(1); }
const wasm = Buffer.from(m[1], 'base64');
if (wasm.readUInt32BE(0) !== 0x0061736d) { console.error(`${src}: the embedded module is not wasm`); process.exit(1); }
const packed = zlib.gzipSync(wasm, { level: 9 }).toString('base64');
// The literal keeps its data: prefix so the glue never tries to fetch a file; instantiateWasm means it is never read.
const result = html.replace(literal, 'wasmBinaryFile="data:application/octet-stream;base64,"').replace(placeholder, () => packed);
fs.writeFileSync(out + '.tmp', result);
fs.renameSync(out + '.tmp', out);
console.log(`zicht.html: wasm ${wasm.length} bytes, gzip+base64 ${packed.length} bytes, page ${Buffer.byteLength(result)} bytes`);
