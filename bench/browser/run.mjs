// Drives the browser benchmark: serves bench/browser, its node_modules, Zicht's bench module(s) and the data files on
// loopback, opens one headless Chromium page and, per file, runs every side `runs` times (interleaved) on the same
// bytes. Prints a table and writes all raw numbers as JSON.
//   node bench/browser/run.mjs --data DIR --files a.csv,b.csv [--xlsx c.xlsx,...] --wasm o3=DIR[,simd=DIR]
//                              [--runs 5] [--out FILE] [--profile]
// --profile: where Zicht's time goes instead of the comparison — V8's sampling profiler over `runs` runs of the first
// variant on each file; prints each function's share of the samples (self time). Link the bench module with
// --profiling-funcs for function names.
// The first --wasm variant is "Zicht" in the headline; the others are reported as variants. CSV files: Zicht against
// PapaParse + JS and DuckDB-WASM. .xlsx files (--xlsx): Zicht (the first variant, same reader entry) against SheetJS
// + the same JS analysis as the PapaParse side.
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => {
  if (x.startsWith('--')) a.push([x.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return a;
}, []));
const runs = Number(args.runs || 5);
const dataDir = path.resolve(args.data || '.');
const files = String(args.files === true ? '' : args.files || '').split(',').filter(Boolean);
const xlsxFiles = String(args.xlsx === true ? '' : args.xlsx || '').split(',').filter(Boolean);
const wasm = Object.fromEntries(String(args.wasm || '').split(',').filter(Boolean).map((kv) => {
  const [k, v] = kv.split('=');
  return [k, path.resolve(v)];
}));
const variants = Object.keys(wasm);
if ((!files.length && !xlsxFiles.length) || !variants.length) {
  console.error('usage: node run.mjs --data DIR --files a.csv,... [--xlsx a.xlsx,...] --wasm name=DIR[,...] [--runs N] [--out FILE]');
  process.exit(2);
}

const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.wasm': 'application/wasm', '.csv': 'text/csv', '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const roots = [['/bench/', here], ['/node_modules/', path.join(here, 'node_modules')], ['/data/', dataDir],
  ...variants.map((v) => [`/wasm/${v}/`, wasm[v]])];
const requests = [];
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  requests.push(url);
  let file = null;
  if (url === '/' || url === '/index.html') file = path.join(here, 'index.html');
  for (const [prefix, dir] of roots) {
    if (file || !url.startsWith(prefix)) continue;
    const f = path.join(dir, url.slice(prefix.length));
    if (f.startsWith(dir)) file = f;
  }
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream',
    'content-length': fs.statSync(file).size });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) errors.push('external request: ' + r.url()); });
await page.goto(origin + '/');
await page.waitForFunction(() => window.bench && window.bench.ready, null, { timeout: 60000 });
const chromiumVersion = browser.version();
const duckInfo = files.length ? await page.evaluate(() => window.bench.duckInit()) : null;
const sheetjsVersion = await page.evaluate(() => window.bench.xlsxVersion());

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const T = 30 * 60 * 1000;
page.setDefaultTimeout(T);

// Zicht's check tables keyed as the peers key them.
function zichtChecks(c) {
  const vals = (o) => Object.values(o).map((v) => v[0]);
  return { orgtype_by_status: c.orgtype_by_status, module_frequency: vals(c.module_frequency).slice(0, 5),
    module_rank: vals(c.module_rank).slice(0, 5), pre_post_children: c.pre_post_children,
    pre_post_links: c.pre_post_links, chains: vals(c.chains).slice(0, 5) };
}
function compare(z, p) {
  const bad = [];
  const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  for (const k of ['module_frequency', 'module_rank', 'chains']) if (!eq(z[k], p[k])) bad.push(`${k}: zicht ${JSON.stringify(z[k])} peer ${JSON.stringify(p[k])}`);
  for (const k of ['orgtype_by_status', 'pre_post_children', 'pre_post_links']) {
    // Zicht's pre/post cluster table counts either schakelingen (its default, as Table 8) or children (unit
    // kinderen): exactly one of the two is compared; the others must all be there.
    if (k.startsWith('pre_post_') && Object.keys(z[k]).length === 0 &&
        Object.keys(z[k === 'pre_post_links' ? 'pre_post_children' : 'pre_post_links']).length > 0) continue;
    if (Object.keys(z[k]).length === 0) { bad.push(`${k}: missing in Zicht's results`); continue; }
    for (const [cat, v] of Object.entries(p[k])) {
      const zv = z[k][cat] ? z[k][cat].slice(0, 2) : [0, 0];
      if (!eq(zv, v)) bad.push(`${k}[${cat}]: zicht ${JSON.stringify(zv)} peer ${JSON.stringify(v)}`);
    }
  }
  return bad;
}

// One untimed warm-up of every side on the first file: the JS engines compile hot code in tiers (V8 starts wasm in
// Liftoff and tiers hot functions up to TurboFan), so the measured runs compare steady-state code on all sides.
if (files.length) {
  await page.evaluate((u) => window.bench.load(u), `/data/${files[0]}`);
  for (const v of variants) await page.evaluate(([v]) => window.bench.zicht(v, 'chunks'), [v]);
  if (!args.profile) {
    await page.evaluate(() => window.bench.papa());
    await page.evaluate(() => window.bench.duck());
  }
}

if (args.profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const f of files) {
    await page.evaluate((u) => window.bench.load(u), `/data/${f}`);
    await cdp.send('Profiler.start');
    for (let i = 0; i < runs; i++) await page.evaluate(([v]) => window.bench.zicht(v, 'chunks'), [variants[0]]);
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const id of profile.samples) {
      const name = byId.get(id).callFrame.functionName || '(anonymous)';
      self.set(name, (self.get(name) || 0) + 1);
    }
    const total = profile.samples.length;
    console.log(`${f}: ${total} samples over ${runs} runs of ${variants[0]}; self time by function:`);
    for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`  ${(100 * n / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
  await browser.close();
  server.close();
  process.exit(0);
}

const results = [];
for (const f of files) {
  const size = await page.evaluate((u) => window.bench.load(u), `/data/${f}`);
  const r = { file: f, bytes: size, zicht: {}, papa: [], duck: [] };
  for (const v of variants) r.zicht[v] = { chunks: [], copy: [] };
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      r.zicht[v].chunks.push(await page.evaluate(([v]) => window.bench.zicht(v, 'chunks'), [v]));
      // Whole-file copy mode: once per file (it differs from chunked feeding only in memory and one memcpy).
      if (v === variants[0] && i === 0) r.zicht[v].copy.push(await page.evaluate(([v]) => window.bench.zicht(v, 'copy'), [v]));
    }
    r.papa.push(await page.evaluate(() => window.bench.papa()));
    r.duck.push(await page.evaluate(() => window.bench.duck()));
    process.stderr.write(`  ${f} run ${i + 1}/${runs}: zicht ${r.zicht[variants[0]].chunks[i].total_ms.toFixed(0)} ms, ` +
      `papa ${r.papa[i].total_ms.toFixed(0)} ms, duckdb ${r.duck[i].total_ms.toFixed(0)} ms\n`);
  }
  const z0 = r.zicht[variants[0]].chunks[0];
  if (!z0.ok) throw new Error(`zicht failed on ${f}: ${z0.error}`);
  const zc = zichtChecks(z0.checks);
  r.check = { papa: compare(zc, r.papa[0].checks), duck: compare(zc, r.duck[0].checks),
    as_of: { zicht: z0.as_of, papa: r.papa[0].as_of, duck: r.duck[0].as_of },
    rows: { zicht: z0.rows, papa: r.papa[0].rows, duck: r.duck[0].rows } };
  if (z0.as_of !== r.papa[0].as_of || z0.as_of !== r.duck[0].as_of) r.check.papa.push('as_of differs');
  // Zicht's provenance hash (WebCrypto in chunk mode, the core's own SHA-256 in copy mode) is the file's.
  const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, f))).digest('hex');
  r.check.sha256 = [z0, r.zicht[variants[0]].copy[0]].filter((x) => x.sha256 !== sha)
    .map((x) => `sha256 ${x.sha256} is not the file's ${sha}`);
  const m = (xs, k) => median(xs.map((x) => x[k]));
  r.summary = {
    rows: z0.rows, mb: size / 1e6,
    zicht_ms: m(r.zicht[variants[0]].chunks, 'total_ms'),
    zicht_parse_ms: m(r.zicht[variants[0]].chunks, 'parse_ms'),
    zicht_map_ms: m(r.zicht[variants[0]].chunks, 'map_ms'),
    zicht_results_ms: m(r.zicht[variants[0]].chunks, 'results_ms'),
    zicht_copy_ms: m(r.zicht[variants[0]].copy, 'total_ms'),
    zicht_mem: Math.max(...r.zicht[variants[0]].chunks.map((x) => x.wasm_memory_bytes)),
    zicht_copy_mem: Math.max(...r.zicht[variants[0]].copy.map((x) => x.wasm_memory_bytes)),
    zicht_instantiate_ms: m(r.zicht[variants[0]].chunks, 'instantiate_ms'),
    variants: Object.fromEntries(variants.map((v) => [v, { ms: m(r.zicht[v].chunks, 'total_ms'),
      parse_ms: m(r.zicht[v].chunks, 'parse_ms'), results_ms: m(r.zicht[v].chunks, 'results_ms') }])),
    papa_ms: m(r.papa, 'total_ms'), papa_parse_ms: m(r.papa, 'parse_ms'), papa_analyse_ms: m(r.papa, 'analyse_ms'),
    papa_heap: Math.max(...r.papa.map((x) => (x.heap_peak_sample ?? 0) - (x.heap_before ?? 0))),
    duck_ms: m(r.duck, 'total_ms'), duck_load_ms: m(r.duck, 'parse_ms'), duck_analyse_ms: m(r.duck, 'analyse_ms'),
    duck_mem: Math.max(...r.duck.map((x) => x.duckdb_memory_bytes ?? 0)),
  };
  results.push(r);
  await page.evaluate(() => window.bench.load('data:text/csv,x'));  // drop the bytes before the next file
}
// .xlsx: Zicht (first variant, chunked feeding as for CSV) against SheetJS + the PapaParse side's JS analysis.
const xlsx = [];
if (xlsxFiles.length) {
  const v0 = variants[0];
  await page.evaluate((u) => window.bench.load(u), `/data/${xlsxFiles[0]}`);  // untimed warm-up of both sides
  await page.evaluate(([v]) => window.bench.zicht(v, 'chunks'), [v0]);
  await page.evaluate(() => window.bench.sheetjs());
}
for (const f of xlsxFiles) {
  const size = await page.evaluate((u) => window.bench.load(u), `/data/${f}`);
  const r = { file: f, bytes: size, zicht: [], sheetjs: [] };
  for (let i = 0; i < runs; i++) {
    r.zicht.push(await page.evaluate(([v]) => window.bench.zicht(v, 'chunks'), [variants[0]]));
    r.sheetjs.push(await page.evaluate(() => window.bench.sheetjs()));
    if (!r.zicht[i].ok) throw new Error(`zicht failed on ${f}: ${r.zicht[i].error}`);
    process.stderr.write(`  ${f} run ${i + 1}/${runs}: zicht ${r.zicht[i].total_ms.toFixed(0)} ms, ` +
      `sheetjs ${r.sheetjs[i].total_ms.toFixed(0)} ms\n`);
  }
  const z0 = r.zicht[0], s0 = r.sheetjs[0];
  // Every run's counts, not only the first: the tables must be the same on both sides in each run.
  const bad = [];
  for (let i = 0; i < runs; i++) {
    for (const d of compare(zichtChecks(r.zicht[i].checks), r.sheetjs[i].checks)) bad.push(`run ${i + 1}: ${d}`);
    if (r.zicht[i].rows !== r.sheetjs[i].rows) bad.push(`run ${i + 1}: rows zicht ${r.zicht[i].rows} sheetjs ${r.sheetjs[i].rows}`);
    if (r.zicht[i].as_of !== r.sheetjs[i].as_of) bad.push(`run ${i + 1}: as_of zicht ${r.zicht[i].as_of} sheetjs ${r.sheetjs[i].as_of}`);
  }
  const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, f))).digest('hex');
  const shaBad = r.zicht.filter((x) => x.sha256 !== sha).map((x) => `sha256 ${x.sha256} is not the file's ${sha}`);
  r.check = { sheetjs: bad, sha256: shaBad, rows: { zicht: z0.rows, sheetjs: s0.rows },
    as_of: { zicht: z0.as_of, sheetjs: s0.as_of } };
  const m = (xs, k) => median(xs.map((x) => x[k]));
  r.summary = {
    rows: z0.rows, mb: size / 1e6,
    zicht_table_ms: m(r.zicht, 'parse_ms'), zicht_map_ms: m(r.zicht, 'map_ms'), zicht_results_ms: m(r.zicht, 'results_ms'),
    zicht_ms: m(r.zicht, 'total_ms'), zicht_mem: Math.max(...r.zicht.map((x) => x.wasm_memory_bytes)),
    sheetjs_table_ms: m(r.sheetjs, 'parse_ms'), sheetjs_analyse_ms: m(r.sheetjs, 'analyse_ms'),
    sheetjs_ms: m(r.sheetjs, 'total_ms'),
    sheetjs_heap: Math.max(...r.sheetjs.map((x) => (x.heap_peak_sample ?? 0) - (x.heap_before ?? 0))),
  };
  xlsx.push(r);
  await page.evaluate(() => window.bench.load('data:text/csv,x'));
}
await browser.close();
server.close();

const external = errors.filter((e) => e.startsWith('external request'));
const fmt = (x, d = 0) => x.toFixed(d);
const lines = [];
lines.push('| rows | file MB | Zicht ms | PapaParse+JS ms | DuckDB-WASM ms | PapaParse ÷ Zicht | DuckDB ÷ Zicht | Zicht wasm memory MB (× file) | PapaParse JS heap MB | DuckDB buffer MB | same numbers |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--|');
for (const r of results) {
  const s = r.summary;
  const diffs = r.check.papa.length + r.check.duck.length + r.check.sha256.length;
  const same = !diffs ? 'yes' : `NO (${diffs} diffs)`;
  lines.push(`| ${s.rows.toLocaleString('en')} | ${fmt(s.mb, 1)} | ${fmt(s.zicht_ms)} | ${fmt(s.papa_ms)} | ${fmt(s.duck_ms)} | ` +
    `${fmt(s.papa_ms / s.zicht_ms, 2)}× | ${fmt(s.duck_ms / s.zicht_ms, 2)}× | ${fmt(s.zicht_mem / 1e6)} (${fmt(s.zicht_mem / r.bytes, 2)}×) | ` +
    `${fmt(s.papa_heap / 1e6)} | ${fmt(s.duck_mem / 1e6)} | ${same} |`);
}
const phases = ['', '| rows | Zicht parse | Zicht map | Zicht all Binc results | Zicht whole-file copy mode, 1 run: ms (memory MB) | ' +
  variants.slice(1).map((v) => `Zicht ${v} ms (parse / results)`).concat(['PapaParse parse', 'JS analyse', 'DuckDB load', 'SQL analyse']).join(' | ') + ' |',
  '|---:|' + '---:|'.repeat(8 + variants.length - 1)];
for (const r of results) {
  const s = r.summary;
  phases.push(`| ${s.rows.toLocaleString('en')} | ${fmt(s.zicht_parse_ms)} | ${fmt(s.zicht_map_ms)} | ${fmt(s.zicht_results_ms)} | ` +
    `${fmt(s.zicht_copy_ms)} (${fmt(s.zicht_copy_mem / 1e6)}) | ` +
    variants.slice(1).map((v) => `${fmt(s.variants[v].ms)} (${fmt(s.variants[v].parse_ms)} / ${fmt(s.variants[v].results_ms)})`)
      .concat([fmt(s.papa_parse_ms), fmt(s.papa_analyse_ms), fmt(s.duck_load_ms), fmt(s.duck_analyse_ms)]).join(' | ') + ' |');
}
const table = results.length ? lines.concat(phases).join('\n') : '';
if (table) console.log(table);
const xl = ['| rows | file MB | Zicht to typed table ms | SheetJS to rows ms | Zicht to all results ms | SheetJS + JS to results ms | SheetJS ÷ Zicht (results) | Zicht wasm memory MB | SheetJS JS heap MB | same numbers |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--|'];
for (const r of xlsx) {
  const s = r.summary;
  const diffs = r.check.sheetjs.length + r.check.sha256.length;
  xl.push(`| ${s.rows.toLocaleString('en')} | ${fmt(s.mb, 1)} | ${fmt(s.zicht_table_ms)} | ${fmt(s.sheetjs_table_ms)} | ` +
    `${fmt(s.zicht_ms)} | ${fmt(s.sheetjs_ms)} | ${fmt(s.sheetjs_ms / s.zicht_ms, 2)}× | ${fmt(s.zicht_mem / 1e6)} | ` +
    `${fmt(s.sheetjs_heap / 1e6)} | ${diffs ? `NO (${diffs} diffs)` : 'yes'} |`);
}
const xlsxTable = xlsx.length ? xl.join('\n') : '';
if (xlsxTable) console.log('\n' + xlsxTable);
for (const r of xlsx) if (r.check.sheetjs.length || r.check.sha256.length)
  console.log(`\n${r.file}: SheetJS differs from Zicht:\n  ` + r.check.sheetjs.concat(r.check.sha256).slice(0, 20).join('\n  '));
for (const r of results) {
  for (const side of ['papa', 'duck'])
    if (r.check[side].length) console.log(`\n${r.file}: ${side} differs from Zicht:\n  ` + r.check[side].slice(0, 20).join('\n  '));
}
if (external.length) console.log('\nEXTERNAL REQUESTS: ' + external.join(', '));
const out = { date: new Date().toISOString(), chromium: chromiumVersion, duckdb: duckInfo, sheetjs: sheetjsVersion,
  runs, variants, table, errors, results, xlsx_table: xlsxTable, xlsx };
if (args.out) fs.writeFileSync(args.out, JSON.stringify(out, null, 1));
const failed = results.some((r) => r.check.papa.length || r.check.duck.length || r.check.sha256.length) ||
  xlsx.some((r) => r.check.sheetjs.length || r.check.sha256.length) || external.length > 0;
process.exit(failed ? 1 : 0);
