// Page side of the browser benchmark; driven by run.mjs through playwright (window.bench.*). Every side gets the
// same bytes (fetched once, untimed) and is timed from those bytes to its results, inside this one page.
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
import { papaBinc, sheetjsBinc, duckBinc } from '/bench/peers.js';

const log = (s) => { document.getElementById('log').textContent += '\n' + s; };
let bytes = null;          // Uint8Array of the current file
const wasmModules = {};    // variant → compiled WebAssembly.Module (compiled once: V8 tiers code up per module)
const factories = {};      // variant → createZichtBench
let db = null;

const gc = () => { if (typeof window.gc === 'function') window.gc(); };
const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : null);

async function load(url) {
  bytes = null;
  gc();
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  bytes = new Uint8Array(await r.arrayBuffer());
  return bytes.length;
}

// variant: the folder under /wasm/ holding zicht_bench.mjs + .wasm + csv_kernel.wasm (e.g. "o3"). The variant
// "scalar" runs without the wasm SIMD CSV kernel (as the app does in a browser without SIMD).
const kernels = {};         // variant → the CSV kernel's bytes, or null
async function zicht(variant, mode) {
  if (!factories[variant]) {
    factories[variant] = (await import(`/wasm/${variant}/zicht_bench.mjs`)).default;
    wasmModules[variant] = await WebAssembly.compileStreaming(fetch(`/wasm/${variant}/zicht_bench.wasm`));
    kernels[variant] = variant === 'scalar' ? null
      : new Uint8Array(await (await fetch(`/wasm/${variant}/csv_kernel.wasm`)).arrayBuffer());
  }
  globalThis.zichtCsvKernelBytes = kernels[variant];
  gc();
  // A fresh instance per run, so its linear memory (which never shrinks) is this run's peak.
  const ti = performance.now();
  const mod = await factories[variant]({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModules[variant], imports).then((inst) => receive(inst, wasmModules[variant]));
      return {};
    },
  });
  const instantiate_ms = performance.now() - ti;
  const mem0 = mod.HEAPU8.buffer.byteLength;
  const t0 = performance.now();
  let out;
  if (mode === 'chunks') {
    // As in the app: WebCrypto digests the file (on its own thread) while the reader parses it.
    const digest = crypto.subtle.digest('SHA-256', bytes);
    const CH = 1 << 20;
    const buf = mod._malloc(CH);
    mod._zicht_bench_begin(bytes.length);
    for (let off = 0; off < bytes.length; off += CH) {
      const n = Math.min(CH, bytes.length - off);
      mod.HEAPU8.set(bytes.subarray(off, off + n), buf);
      if (!mod._zicht_bench_feed(buf, n)) break;
    }
    mod._free(buf);
    const hex = Array.from(new Uint8Array(await digest), (x) => x.toString(16).padStart(2, '0')).join('');
    const hp = mod._malloc(hex.length + 1);
    mod.stringToUTF8(hex, hp, hex.length + 1);
    out = mod.UTF8ToString(mod._zicht_bench_end(hp));
    mod._free(hp);
  } else {
    const p = mod._malloc(bytes.length);
    mod.HEAPU8.set(bytes, p);
    out = mod.UTF8ToString(mod._zicht_bench_run(p, bytes.length));
    mod._free(p);
  }
  const total_ms = performance.now() - t0;
  const res = JSON.parse(out);
  res.total_ms = total_ms;
  res.instantiate_ms = instantiate_ms;
  res.wasm_memory_bytes = mod.HEAPU8.buffer.byteLength;
  res.wasm_memory_initial = mem0;
  return res;
}

async function papa() {
  gc();
  const h0 = heap();
  const t0 = performance.now();
  let hPeak = null;
  const res = papaBinc(window.Papa, bytes, () => { hPeak = heap(); });
  res.total_ms = performance.now() - t0;
  res.heap_before = h0;
  res.heap_peak_sample = hPeak;
  return res;
}

// SheetJS on an .xlsx, the JS heap measured as for PapaParse.
async function sheetjs() {
  gc();
  const h0 = heap();
  const t0 = performance.now();
  let hPeak = null;
  const res = sheetjsBinc(window.XLSX, bytes, () => { hPeak = heap(); });
  res.total_ms = performance.now() - t0;
  res.heap_before = h0;
  res.heap_peak_sample = hPeak;
  return res;
}

async function duckInit() {
  if (db) return { version: await db.getVersion() };
  const base = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: base + 'duckdb-mvp.wasm', mainWorker: base + 'duckdb-browser-mvp.worker.js' },
    eh: { mainModule: base + 'duckdb-eh.wasm', mainWorker: base + 'duckdb-browser-eh.worker.js' },
  });
  const t0 = performance.now();
  const worker = new Worker(bundle.mainWorker);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  return { version: await db.getVersion(), bundle: bundle.mainModule.split('/').pop(), init_ms: performance.now() - t0 };
}

let duckRun = 0;
async function duck() {
  await duckInit();
  const t0 = performance.now();
  const copy = bytes.slice();  // registerFileBuffer transfers its buffer to the worker: give it a copy
  const copy_ms = performance.now() - t0;
  const res = await duckBinc(db, copy, `modules_${duckRun++}.csv`);
  res.total_ms = copy_ms + res.parse_ms + res.analyse_ms;  // not the row count / memory queries that follow
  return res;
}

window.bench = { load, zicht, papa, sheetjs, duck, duckInit, xlsxVersion: () => window.XLSX.version, ready: true };
log('ready');
