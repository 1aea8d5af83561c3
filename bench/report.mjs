// Writes bench/RESULTS.md (or the smoke report) from the JSON that bench/run.sh collected. The hand-written part —
// what was changed to work the numbers and what each change measured — lives in bench/FINDINGS.md and is included.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const a = {};
for (let i = 2; i < process.argv.length; i += 2) a[process.argv[i].slice(2)] = process.argv[i + 1] ?? '';
const browser = JSON.parse(fs.readFileSync(a.browser, 'utf8'));
const native = a.only ? null : JSON.parse(fs.readFileSync(a.native, 'utf8'));
const startup = a.startup ? JSON.parse(a.startup) : null;
const pkg = (p) => { try { return JSON.parse(fs.readFileSync(path.join(here, 'browser/node_modules', p, 'package.json'), 'utf8')).version; } catch { return '?'; } };
const f0 = (x) => (x == null ? '–' : x.toFixed(0));
const f1 = (x) => (x == null ? '–' : x.toFixed(1));
const smoke = a.smoke === '1';
const only = a.only || '';

// The .xlsx comparison (issue 19): Zicht against SheetJS + the PapaParse side's JS analysis, same page, same bytes.
function xlsxSection(browser, note) {
  const X = [];
  for (const r of browser.xlsx || []) {
    const s = r.summary;
    const zs = r.zicht, ss = r.sheetjs;
    const span = (xs) => `runs ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
    const tableRatio = s.sheetjs_table_ms / s.zicht_table_ms, totalRatio = s.sheetjs_ms / s.zicht_ms;
    const memRatio = s.zicht_mem / s.sheetjs_heap;
    const perRunMem = zs.map((z, i) => z.wasm_memory_bytes / ((ss[i].heap_peak_sample ?? 0) - (ss[i].heap_before ?? 0)));
    const diffs = r.check.sheetjs.length + r.check.sha256.length;
    X.push(`## Excel workbook (.xlsx), ${s.rows.toLocaleString('en')} rows: Zicht vs SheetJS`);
    X.push('');
    if (note) { X.push(note); X.push(''); }
    X.push(`\`${r.file}\` (${f1(s.mb)} MB; the same rows as \`${r.file.replace(/\.xlsx$/, '.csv')}\` above, written by ` +
      '`bench/make_xlsx.mjs` as Excel saves a sheet: dates as date cells with the short-date format, numbers as numbers, ' +
      `text as shared strings, parts deflated). SheetJS ${browser.sheetjs ?? pkg('xlsx')} from npm (\`xlsx\`). Medians of ` +
      `${browser.runs} runs per side, interleaved run by run in the same page.`);
    X.push('');
    X.push('| | Zicht (wasm) | SheetJS + JS | SheetJS ÷ Zicht |');
    X.push('|---|---:|---:|---:|');
    X.push(`| bytes → typed table | ${f0(s.zicht_table_ms)} ms | ${f0(s.sheetjs_table_ms)} ms | ${tableRatio.toFixed(2)}× (${span(zs.map((z, i) => ss[i].parse_ms / z.parse_ms))}) |`);
    X.push(`| bytes → all results | **${f0(s.zicht_ms)} ms** | **${f0(s.sheetjs_ms)} ms** | **${totalRatio.toFixed(2)}×** (${span(zs.map((z, i) => ss[i].total_ms / z.total_ms))}) |`);
    X.push(`| of which: map + Binc results / JS analysis | ${f0(s.zicht_map_ms)} + ${f0(s.zicht_results_ms)} ms | ${f0(s.sheetjs_analyse_ms)} ms | |`);
    X.push(`| peak memory (Zicht wasm memory; SheetJS JS heap) | ${f0(s.zicht_mem / 1e6)} MB (${(s.zicht_mem / r.bytes).toFixed(1)}× the file) | ${f0(s.sheetjs_heap / 1e6)} MB | Zicht = ${memRatio.toFixed(2)} of SheetJS (runs ${Math.min(...perRunMem).toFixed(2)}–${Math.max(...perRunMem).toFixed(2)}) |`);
    X.push(`| same numbers (rows, as-of date, every compared count, each run) | ${f0(r.check.rows.zicht)} rows, as of ${r.check.as_of.zicht} | ${f0(r.check.rows.sheetjs)} rows, as of ${r.check.as_of.sheetjs} | ${diffs ? `**NO (${diffs} diffs)**` : 'yes'} |`);
    X.push('');
    X.push('- **Zicht**: the same bench module entry as for CSV (`zicht_bench_begin/feed/end`, 1 MiB chunks, WebCrypto ' +
      'SHA-256 meanwhile); the incremental reader recognises the zip by its magic bytes, buffers it, then inflates the ' +
      'parts and parses their XML (shared strings, styles, the sheet) into the typed table; then the Binc mapping and all ' +
      'nine Binc results, as for CSV. "Typed table" is the reader\'s time (feed + finish).');
    X.push('- **SheetJS + JS**: `XLSX.read(bytes, {type: \'array\', cellDates: true, dense: true})` + ' +
      '`sheet_to_json(sheet, {raw: true, defval: null})` (row objects, numbers as numbers, date cells as Dates turned into ' +
      'day numbers) = "typed table"; then the very same JS analysis as the PapaParse side (`rowsBinc` in ' +
      '`bench/browser/peers.js`).');
    X.push('- Memory as for CSV: Zicht\'s is the fresh instance\'s whole linear memory after the run (a true peak: it never ' +
      'shrinks; it holds the buffered .xlsx, the table, the mapped data and results); SheetJS\'s is ' +
      '`performance.memory.usedJSHeapSize` after the analysis minus before the run (after a forced GC), a sample while ' +
      'the workbook and rows are alive, so the true peak is at least this. The file bytes the page holds are in neither.');
    X.push('');
    X.push('| target (SPEC §8, issue 24) | measured | |');
    X.push('|---|---|---|');
    const yes = (b) => (b ? '**met**' : '**not met**');
    X.push(`| bytes → all results ≥ 3× faster than SheetJS + JS | ${totalRatio.toFixed(2)}× (${span(zs.map((z, i) => ss[i].total_ms / z.total_ms))}) | ${smoke ? 'not judged (smoke)' : yes(totalRatio >= 3)} |`);
    X.push(`| peak memory ≤ ⅓ of SheetJS's | ${memRatio.toFixed(2)} (${f0(s.zicht_mem / 1e6)} MB vs ${f0(s.sheetjs_heap / 1e6)} MB) | ${smoke ? 'not judged (smoke)' : yes(memRatio <= 1 / 3)} |`);
    X.push('');
  }
  return X;
}

// The .xlsx row of the targets table (a full run; an xlsx-only run replaces it, marked with its commit).
function xlsxTargetRow(r, commit) {
  const x = r.summary, ratio = x.sheetjs_ms / x.zicht_ms, mem = x.zicht_mem / x.sheetjs_heap;
  const met = ratio >= 3 && mem <= 1 / 3 ? '**met**' : '**not met**';
  return `| ${x.rows.toLocaleString('en')}-row .xlsx ≥ 3× faster than SheetJS + JS, at ≤ ⅓ of its memory | ` +
    `${ratio.toFixed(2)}×; memory ${mem.toFixed(2)}${commit ? ` (xlsx-only run, commit ${commit})` : ''} | ${met} |`;
}

// ZICHT_BENCH_ONLY=xlsx: only the .xlsx section of the existing report is replaced (or added before the native
// figures); the other sections keep the numbers of the run named at the top. The included FINDINGS.md is refreshed.
if (only === 'xlsx') {
  const old = fs.readFileSync(a.out, 'utf8');
  const note = `*This section: \`ZICHT_BENCH_ONLY=xlsx bash bench/run.sh\` on ${browser.date.slice(0, 16).replace('T', ' ')} UTC, ` +
    `commit ${a.commit}, ${a.chromium}, ${a.emcc}; the CSV, native and app-start sections above and below are from ` +
    'the full run named at the top of this file and were not re-run.*';
  const section = xlsxSection(browser, note).join('\n') + '\n';
  let out;
  const start = old.indexOf('\n## Excel workbook (.xlsx)');
  if (start >= 0) {
    const end = old.indexOf('\n## ', start + 1);
    out = old.slice(0, start + 1) + section + old.slice(end + 1);
  } else {
    const at = old.indexOf('\n## Native core');
    out = old.slice(0, at + 1) + section + old.slice(at + 1);
  }
  for (const r of browser.xlsx || []) {  // and its row in the targets table
    const lead = `| ${r.summary.rows.toLocaleString('en')}-row .xlsx ≥ 3× faster than SheetJS`;
    out = out.split('\n').map((line) => (line.startsWith(lead) ? xlsxTargetRow(r, a.commit) : line)).join('\n');
  }
  const how = 'ZICHT_BENCH_ONLY=xlsx bash bench/run.sh   # only the .xlsx comparison; replaces only its section here';
  if (!out.includes(how)) out = out.replace(/(RUNS=3 ZICHT_BENCH_SIMD=0 bash bench\/run\.sh[^\n]*\n)/, `$1${how}\n`);
  const findings = path.join(here, 'FINDINGS.md');
  const f = fs.readFileSync(findings, 'utf8');
  const first = f.split('\n')[0];
  const at = out.indexOf('\n' + first + '\n');
  if (at >= 0) out = out.slice(0, at + 1) + f;
  fs.writeFileSync(a.out, out.endsWith('\n') ? out : out + '\n');
  process.exit(0);
}

const L = [];
L.push(smoke ? '# Benchmark smoke run (10,000 rows)' : '# Benchmark results');
L.push('');
L.push(`Generated by \`bash bench/run.sh${smoke ? ' --smoke' : ''}\` on ${browser.date.slice(0, 16).replace('T', ' ')} UTC, commit ${a.commit}.`);
L.push('');
L.push('## Machine');
L.push('');
L.push(`- CPU: ${a.cpu}; ${a.nproc} cores visible (shared with other work while this ran); memory ${a.mem}`);
L.push(`- Browser: ${a.chromium}, headless (playwright-core ${pkg('playwright-core')}); one page for all sides`);
L.push(`- Zicht: ${a.emcc}, \`-O3\` (CMake Release), \`-fwasm-exceptions\`; DuckDB-WASM ${pkg('@duckdb/duckdb-wasm')} ` +
  `(${browser.duckdb.version}, bundle ${browser.duckdb.bundle}, in its Web Worker as shipped); PapaParse ${pkg('papaparse')}; ` +
  `SheetJS ${browser.sheetjs ?? pkg('xlsx')}`);
L.push(`- Medians of ${browser.runs} runs per side and size, the sides interleaved run by run.`);
L.push('');
L.push('## Browser: load + analyse, same file bytes, same page');
L.push('');
L.push(browser.table);
L.push('');
if (browser.results.length > 1) {
  L.push('Scaling, milliseconds per 1,000 rows (flat = linear):');
  L.push('');
  L.push('| rows | Zicht | PapaParse + JS | DuckDB-WASM |');
  L.push('|---:|---:|---:|---:|');
  for (const r of browser.results) {
    const s = r.summary, k = s.rows / 1000;
    L.push(`| ${s.rows.toLocaleString('en')} | ${(s.zicht_ms / k).toFixed(1)} | ${(s.papa_ms / k).toFixed(1)} | ${(s.duck_ms / k).toFixed(1)} |`);
  }
  L.push('');
}
L.push('What is timed, from the file\'s bytes already in a JS `Uint8Array` (fetched once, untimed) to the numbers:');
L.push('- **Zicht**: bytes copied into wasm memory in 1 MiB chunks and fed to the core\'s incremental reader (the app\'s ' +
  'path: sniff, decode, tokenise, type every one of the 29 columns, dates dd/mm/yyyy, decimal commas, missing-value ' +
  'tokens), the table mapped as a Binc module file (every field validated against the schema), then **all nine Binc ' +
  'results** (profile, orgtype × status with χ² and residuals, module frequency, combinations, rank, pre/post ' +
  'clusters, transitions, Kaplan–Meier durations with log-rank, data quality) and their JSON. "Whole-file copy mode" ' +
  'is the same with the whole file first copied into wasm memory (`zicht_bench_run(ptr, len)`).');
L.push('- **PapaParse + JS**: `TextDecoder` → `Papa.parse(text, {header, dynamicTyping, skipEmptyLines})` with a ' +
  '`transform` that turns the dd/mm/yyyy columns into day numbers, then the chain logic of SPEC §2.2 in plain JS ' +
  '(`bench/browser/peers.js`) and four of the nine results: orgtype × status counts, SofS modules per child, rank ' +
  'table, pre/post cluster counts (children and links) and the chain summary.');
L.push('- **DuckDB-WASM**: `registerFileBuffer` (of a copy; the call transfers its buffer) + `CREATE TABLE AS SELECT * ' +
  'FROM read_csv_auto(...)`, then the same chain logic and the same four results in SQL (window functions, joins).');
L.push('- "same numbers": the peers\' counts are compared with the numbers in Zicht\'s own results, table by table; a ' +
  'difference fails the run. So the three sides provably did the same counting, and Zicht did more (five more results, ' +
  'tests, validation).');
L.push('');
L.push('Memory columns (they do not measure the same thing; read them as orders of magnitude):');
L.push('- **Zicht wasm memory**: `memory.buffer.byteLength` of a fresh module instance after the run. Wasm memory never ' +
  'shrinks, so this is the run\'s peak linear memory (all of Zicht\'s data: table, mapped dataset, chains, results). The ' +
  'JS copy of the file bytes, held by the page for every side, is not included.');
L.push('- **PapaParse JS heap**: `performance.memory.usedJSHeapSize` (precise mode) just after the analysis, while the ' +
  'parsed rows are alive, minus the value before the run (after a forced GC). A sample, not a true peak.');
L.push('- **DuckDB buffer**: `SELECT sum(memory_usage_bytes) FROM duckdb_memory()` after the analysis — what DuckDB\'s ' +
  'buffer manager holds (table + temp tables). The worker\'s whole wasm memory is larger and not visible from the page.');
L.push('');

for (const line of xlsxSection(browser, '')) L.push(line);

const nb = native.binc, ns = native.sofs;
L.push('## Native core (g++ -O3, one thread)');
L.push('');
L.push(`Median of ${native.runs} runs (SofS: at least 7). Wall clock and process CPU time; on this shared machine the CPU ` +
  'time is the better measure of the code, the wall clock what a user would have seen here.');
L.push('');
L.push('| figure | wall | CPU |');
L.push('|---|---:|---:|');
const mbs = (ms) => (nb.bytes / 1e6 / (ms / 1000)).toFixed(0);
if (nb) {
  L.push(`| parse ${nb.rows.toLocaleString('en')} Binc module rows (${f1(nb.bytes / 1e6)} MB, 29 columns) | ${f0(nb.parse_ms)} ms = **${mbs(nb.parse_ms)} MB/s** | ${f0(nb.parse_cpu_ms)} ms = ${nb.parse_cpu_ms ? mbs(nb.parse_cpu_ms) : '–'} MB/s |`);
  L.push(`| map as Binc module file | ${f0(nb.map_ms)} ms | ${f0(nb.map_cpu_ms)} ms |`);
  L.push(`| all ${nb.results} Binc results | **${f0(nb.analyse_ms)} ms** | ${f0(nb.analyse_cpu_ms)} ms |`);
}
if (ns) {
  L.push(`| recompute every SofS page (${ns.results} results) on ${ns.rows.toLocaleString('en')} trajectories | **${f1(ns.recompute_ms)} ms** | ${f1(ns.recompute_cpu_ms)} ms |`);
  L.push(`| same with a filter (status = closed) | ${f1(ns.recompute_filtered_ms)} ms | ${f1(ns.recompute_filtered_cpu_ms)} ms |`);
}
L.push('');
// Wave-2 profiles (issue 24): every result of each profile, as the app and `zicht analyse` run them.
const w2 = native.wave2 || {};
const w2what = {
  kerndataset: 'follow-up rows (opvolging); + parent, child, self-assessment and case rows, linked SofS trajectories',
  matrix: (w) => `cells: ${w.parts.support_forms} support forms (the demo's 24 repeated) × 97 characteristics × 2 versions, the last copy cut; + form dictionary, characteristics, legend`,
  evolutie: 'score rows (meting); + counts, BN18 phases, 2 instruments, linked SofS trajectories',
  trajecten: 'registrations (registratie)',
  procesflow: 'meetings (overleg); + attendance, findings, actions, recommendations, votes, statements, quotes, 13 themes, linked registrations',
};
const w2ids = ['kerndataset', 'matrix', 'evolutie', 'trajecten', 'procesflow'].filter((id) => w2[id]);
if (w2ids.length) {
  const rows0 = w2[w2ids[0]].rows;
  L.push(`## Wave-2 profiles: recompute of all results on ${rows0.toLocaleString('en')} records`);
  L.push('');
  L.push('`ProfileSpec::results` through the registry (what the app and `zicht analyse` run after a change) on the ' +
    'profile\'s mapped tables, linked profile and werkmap, read and mapped once beforehand (untimed). Inputs: the ' +
    'published demo repeated with new ids (copy k gets "-k" on every id, links kept inside each copy; the primary table cut ' +
    'at exactly the number of records, the other parts whole copies; dictionaries once) — `bench/bench_core_wave2.cpp`, ' +
    `files in \`${w2[w2ids[0]].dir}\`. Median of at least 7 runs.`);
  L.push('');
  L.push('| profile | records | what the records are (+ what grows with them) | rows in all inputs | results | wall | CPU |');
  L.push('|---|---:|---|---:|---:|---:|---:|');
  for (const id of w2ids) {
    const w = w2[id];
    const all = Object.values(w.parts).reduce((x, y) => x + y, 0) + (w.link_rows || 0);
    L.push(`| ${id} | ${w.rows.toLocaleString('en')} | ${typeof w2what[id] === 'function' ? w2what[id](w) : w2what[id] ?? w.primary} | ${all.toLocaleString('en')} | ${w.results} | **${f1(w.recompute_ms)} ms** | ${f1(w.recompute_cpu_ms)} ms |`);
  }
  L.push('');
}
if (startup) {
  L.push('## App start');
  L.push('');
  L.push(`\`${startup.file}\` opened from \`file://\` in headless Chromium (SwiftShader WebGL), fresh context per run, median of ${startup.runs}: ` +
    `first frame drawn at **${f0(startup.first_frame_ms)} ms** after navigation start (runs: ${startup.all_first_frame_ms.join(', ')} ms). ` +
    'Where the time goes (ms since navigation start, medians):');
  L.push('');
  L.push('| page script runs | embedded module read and base64-decoded | inflated and compiled | instantiated, runtime ready | main() runs | WebGL + ImGui set up | app constructed | font atlas | first frame laid out | **first frame drawn** | built-in demo generated, read, mapped (2nd frame) | demo drawn, settled (zichtReadyAt) |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const ph = ['shell', 'decoded', 'compiled', 'runtime', 'main', 'gl', 'app', 'fonts', 'layout', 'frame1', 'demo', 'frame3'].map((p) => startup[`${p}_ms`]);
  L.push(`| ${ph.map((x) => (x === undefined ? '–' : f0(x))).join(' | ')} |`);
  L.push('');
}

// Targets, judged on the largest file.
const big = browser.results[browser.results.length - 1].summary;
const big_bytes = browser.results[browser.results.length - 1].bytes;
const yes = (b) => (b ? '**met**' : '**not met**');
L.push(`## Targets (SPEC §8, issue 24; CSV on the largest file, ${big.rows.toLocaleString('en')} rows)`);
L.push('');
L.push('| target | measured | |');
L.push('|---|---|---|');
// Run by run (the sides interleaved), so a median ratio near the line shows its margin.
const bigRuns = browser.results[browser.results.length - 1];
const perRun = (peer) => bigRuns.zicht[Object.keys(bigRuns.zicht)[0]].chunks.map((z, i) => peer[i].total_ms / z.total_ms);
const span = (xs) => `runs ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
L.push(`| load + analyse ≥ 5× faster than PapaParse + JS | ${(big.papa_ms / big.zicht_ms).toFixed(2)}× (${span(perRun(bigRuns.papa))}) | ${yes(big.papa_ms / big.zicht_ms >= 5)} |`);
const duckRatio = big.duck_ms / big.zicht_ms;
L.push(`| load + analyse ≥ 2× faster than DuckDB-WASM | ${duckRatio.toFixed(2)}× (${span(perRun(bigRuns.duck))}) | ${yes(duckRatio >= 2)} |`);
L.push(`| peak wasm memory ≤ 1.5× file size | ${(big.zicht_mem / big_bytes).toFixed(2)}× (${f0(big.zicht_mem / 1e6)} MB for ${f0(big_bytes / 1e6)} MB) | ${yes(big.zicht_mem <= 1.5 * big_bytes)} |`);
if (ns) L.push(`| every SofS page recomputed on ${ns.rows.toLocaleString('en')} trajectories ≤ 25 ms natively | ${f1(ns.recompute_ms)} ms wall, ${f1(ns.recompute_cpu_ms)} ms CPU | ${yes((ns.recompute_cpu_ms ?? ns.recompute_ms) <= 25)} |`);
for (const id of w2ids) {
  const w = w2[id];
  L.push(`| ${id}: every result recomputed on ${w.rows.toLocaleString('en')} records ≤ 50 ms natively | ${f1(w.recompute_ms)} ms wall, ${f1(w.recompute_cpu_ms)} ms CPU | ${smoke ? 'not judged (smoke)' : yes((w.recompute_cpu_ms ?? w.recompute_ms) <= 50)} |`);
}
if (startup) L.push(`| zicht.html from disk → first frame ≤ 500 ms | ${f0(startup.first_frame_ms)} ms (runs ${startup.all_first_frame_ms.join(', ')}) | ${yes(startup.first_frame_ms <= 500)} |`);
if (a.page_bytes) L.push(`| zicht.html ≤ 3 MB | ${(Number(a.page_bytes) / 1e6).toFixed(2)} MB | ${yes(Number(a.page_bytes) <= 3e6)} |`);
for (const r of browser.xlsx || []) {
  if (smoke) break;
  L.push(xlsxTargetRow(r));
}
if (smoke) L.push('\n(Smoke run: 10,000 rows only; the targets are about 1,000,000 rows and are not judged here.)');
L.push('');
L.push('## How to rerun');
L.push('');
L.push('```');
L.push('bash bench/run.sh            # full: CSV 10k / 100k / 1M rows + .xlsx 100k rows, writes this file (about 15–30 min on 2 cores)');
L.push('bash bench/run.sh --smoke    # CI smoke: 10k rows (CSV and .xlsx), writes build-bench/RESULTS-smoke.md');
L.push('RUNS=3 ZICHT_BENCH_SIMD=0 bash bench/run.sh   # fewer runs, no scalar (no-SIMD) variant');
L.push('ZICHT_BENCH_ONLY=xlsx bash bench/run.sh   # only the .xlsx comparison; replaces only its section here');
L.push('```');
L.push('');
L.push('Raw numbers of the last run: `build-bench/browser.json`, `build-bench/native.json`. Data files: ' +
  '`build-bench/data/` (made by `zicht demo --profile binc --rows N --with-characteristics` + `bench/make_data.mjs`; ' +
  'the .xlsx from that CSV by `bench/make_xlsx.mjs`).');
L.push('');
const findings = path.join(here, 'FINDINGS.md');
if (!smoke && fs.existsSync(findings)) L.push(fs.readFileSync(findings, 'utf8'));
fs.writeFileSync(a.out, L.join('\n') + '\n');
