// The peers of the browser benchmark, doing the work Zicht's Binc page does on a module file, in the way a developer
// would with each tool:
//   papaBinc  PapaParse (header, dynamicTyping, dd/mm/yyyy dates to day numbers) + the chain logic in plain JS
//   duckBinc  DuckDB-WASM: read_csv_auto on a registered file buffer + the same chain logic in SQL
// Both return the numbers Zicht's results carry (bench/bench_checks.h) so bench.mjs can check that all three
// agree: orgtype × dossier status (Table 6), SofS modules per child (Table 7), rank of the SofS module, pre/post
// cluster counts in children and in links (Table 8) and the chain summary.
//
// The chain rules are SPEC §2.2 as src/analysis/binc/chain.cpp applies them (written again here from the rules,
// not translated line by line):
//   - a child's modules in chain order: start date, then schakeling (when valid, 1..200), then module id, then file
//     order; "now" (as-of) is the latest start or end date in the file;
//   - a module is open when it has no end date or ends after as-of; the dossier is open when the latest module in
//     chain order is open; its organisation type is that module's;
//   - the last SofS module L in chain order; another SofS module overlapping L is parallel, else before L is
//     voortraject; a non-SofS module overlapping any SofS module is combined, else starting before L's start is
//     voortraject, else starting after L's end (L closed) is natraject;
//   - children are counted when they have at least one SofS module.

export const SOFS = 'Contextbegeleiding i.f.v. veiligheidsplanning SofS';
// Module type → cluster (the default clusters of Table 8; unlisted types go to "Overige").
export const CLUSTERS = [
  'Vorm van pleegzorg + verblijf in pleeggezin',
  'Contextbegeleiding breedsporig (+ vorm van verblijf)',
  'Contextbegeleiding i.f.v. veiligheidsplanning SofS (+ vorm van verblijf)',
  'Contextbegeleiding in functie van crisis (Crisishulp aan Huis)',
  'Contextbegeleiding laagintensief (+ andere module)',
  'Crisisbegeleiding, interventie, of -verblijf',
  'Gezinsbegeleiding (+ andere module)',
  'Kortdurende handelingsgerichte diagnostiek (+ verblijf i.f.v. diagnostiek)',
  'Overige',
];
export const CLUSTER_OF = {
  'Vorm van pleegzorg': 0, 'Verblijf in pleeggezin': 0, 'Contextbegeleiding breedsporig': 1,
  [SOFS]: 2, 'Verblijf voor kinderen korte duur': 2,
  'Contextbegeleiding in functie van crisis (Crisishulp aan Huis)': 3, 'Contextbegeleiding laagintensief': 4,
  'Crisisbegeleiding': 5, 'Crisisinterventie': 5, 'Kortdurend crisisverblijf': 5, 'Gezinsbegeleiding': 6,
  'Kortdurende handelingsgerichte diagnostiek': 7, 'Verblijf i.f.v. diagnostiek': 7,
};
const OTHER = CLUSTERS.length - 1;
const OPEN = 2147483647;
const DATE_COLUMNS = new Set(['Begindatum', 'Einddatum', 'Geboortedatum']);

// dd/mm/yyyy → days since 1970-01-01; anything else unchanged (so dynamicTyping still sees it).
function parseDate(v) {
  if (v.length !== 10 || v.charCodeAt(2) !== 47 || v.charCodeAt(5) !== 47) return v;
  const d = +v.slice(0, 2), m = +v.slice(3, 5), y = +v.slice(6);
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12 && y > 0)) return v;
  return Date.UTC(y, m - 1, d) / 86400000;
}

const rankBin = (r) => (r <= 1 ? 0 : r === 2 ? 1 : r === 3 ? 2 : r <= 9 ? 3 : 4);

// The chain logic on plain arrays (one entry per row).
function chainsJS(kid, mid, type, start, end0, schak, org) {
  const n = kid.length;
  let asOf = -Infinity;
  for (let i = 0; i < n; i++) {
    if (start[i] > asOf) asOf = start[i];
    if (end0[i] !== null && end0[i] > asOf) asOf = end0[i];
  }
  const end = new Int32Array(n);
  const sofs = new Uint8Array(n);
  const key = new Int32Array(n);  // schakeling sort key
  for (let i = 0; i < n; i++) {
    end[i] = end0[i] !== null && end0[i] <= asOf ? end0[i] : OPEN;
    sofs[i] = type[i] === SOFS ? 1 : 0;
    key[i] = Number.isInteger(schak[i]) && schak[i] >= 1 && schak[i] <= 200 ? schak[i] : OPEN;
  }
  // Group rows per child (first appearance order).
  const childOf = new Map();
  const rowsOf = [];
  for (let i = 0; i < n; i++) {
    if (kid[i] === null || kid[i] === '') continue;
    let c = childOf.get(kid[i]);
    if (c === undefined) { c = rowsOf.length; childOf.set(kid[i], c); rowsOf.push([]); }
    rowsOf[c].push(i);
  }
  const before = (a, b) => start[a] - start[b] || key[a] - key[b] ||
    (mid[a] < mid[b] ? -1 : mid[a] > mid[b] ? 1 : 0) || a - b;

  const K = CLUSTERS.length;
  const orgCounts = new Map();  // org → [open, closed]
  const freq = [0, 0, 0, 0, 0], rank = [0, 0, 0, 0, 0];
  const preLinks = new Array(K).fill(0), postLinks = new Array(K).fill(0);
  const preKids = new Array(K).fill(0), postKids = new Array(K).fill(0);
  let withPre = 0, withPost = 0, onlySofs = 0, sofsFirst = 0, sofsLast = 0, children = 0;
  const seenPre = new Uint8Array(K), seenPost = new Uint8Array(K);
  const clusterOf = (i) => { const k = CLUSTER_OF[type[i]]; return k === undefined ? OTHER : k; };
  for (const rows of rowsOf) {
    if (rows.length > 1) rows.sort(before);
    let nSofs = 0, last = -1;
    for (const r of rows) if (sofs[r]) { nSofs++; last = r; }
    if (nSofs === 0) continue;
    children++;
    const latest = rows[rows.length - 1];
    const o = org[latest] === null ? '' : String(org[latest]);
    let oc = orgCounts.get(o);
    if (!oc) { oc = [0, 0]; orgCounts.set(o, oc); }
    oc[end[latest] === OPEN ? 0 : 1]++;
    freq[Math.min(nSofs, 5) - 1]++;
    const ls = start[last], le = end[last];
    seenPre.fill(0); seenPost.fill(0);
    let anyPre = false, anyPost = false, anyComb = false;
    for (let p = 0; p < rows.length; p++) {
      const r = rows[p];
      if (sofs[r]) rank[rankBin(key[r] !== OPEN ? key[r] : p + 1)]++;
      if (r === last) continue;
      let role;  // 1 pre, 2 post, 3 combined/parallel, 0 unclassified
      if (sofs[r]) {
        role = start[r] <= le && ls <= end[r] ? 3 : start[r] < ls ? 1 : 0;
      } else {
        let comb = false;
        for (const s of rows) if (sofs[s] && start[r] <= end[s] && start[s] <= end[r]) { comb = true; break; }
        role = comb ? 3 : start[r] < ls ? 1 : le !== OPEN && start[r] > le ? 2 : 0;
      }
      if (role === 1) { const k = clusterOf(r); preLinks[k]++; seenPre[k] = 1; anyPre = true; }
      else if (role === 2) { const k = clusterOf(r); postLinks[k]++; seenPost[k] = 1; anyPost = true; }
      else if (role === 3) anyComb = true;
    }
    for (let k = 0; k < K; k++) { preKids[k] += seenPre[k]; postKids[k] += seenPost[k]; }
    if (anyPre) withPre++;
    if (anyPost) withPost++;
    if (!anyPre && !anyPost && !anyComb && nSofs === 1) onlySofs++;
    if (sofs[rows[0]]) sofsFirst++;
    if (sofs[latest]) sofsLast++;
  }
  const checks = {
    orgtype_by_status: Object.fromEntries([...orgCounts].filter(([k]) => k !== '')),
    module_frequency: freq, module_rank: rank,
    pre_post_children: Object.fromEntries(CLUSTERS.map((c, k) => [c, [preKids[k], postKids[k]]])),
    pre_post_links: Object.fromEntries(CLUSTERS.map((c, k) => [c, [preLinks[k], postLinks[k]]])),
    chains: [withPre, withPost, onlySofs, sofsFirst, sofsLast],
    children,
  };
  return { asOf, checks };
}

const isoDate = (days) => new Date(days * 86400000).toISOString().slice(0, 10);

// (b) PapaParse + plain JS. `bytes` is a Uint8Array of the file.
export function papaBinc(Papa, bytes, probe = () => {}) {
  const t0 = performance.now();
  const text = new TextDecoder('utf-8').decode(bytes);
  const parsed = Papa.parse(text, {
    header: true, dynamicTyping: true, skipEmptyLines: true,
    transform: (v, field) => (DATE_COLUMNS.has(field) ? parseDate(v) : v),
  });
  const t1 = performance.now();
  const data = parsed.data, n = data.length;
  const { asOf, checks } = rowsBinc(data);
  const t2 = performance.now();
  probe();  // the parsed rows are still alive here: the JS heap is near its peak
  return { ok: parsed.errors.length === 0 || parsed.errors.length < n / 1000, rows: n,
           columns: parsed.meta.fields.length, as_of: isoDate(asOf), parse_ms: t1 - t0, analyse_ms: t2 - t1,
           errors: parsed.errors.length, checks };
}

// The analysis of both JS sides (PapaParse and SheetJS): typed rows as objects keyed by column name, dates as day
// numbers, empty cells null → the chain logic above.
function rowsBinc(data) {
  const n = data.length;
  const col = (name) => { const a = new Array(n); for (let i = 0; i < n; i++) a[i] = data[i][name]; return a; };
  const kid = col('Kind ID').map((v) => (v === null ? null : String(v)));
  const mid = col('Module ID').map((v) => (v === null ? '' : String(v)));
  const start = col('Begindatum').map((v) => (typeof v === 'number' ? v : 0));
  const end = col('Einddatum').map((v) => (typeof v === 'number' ? v : null));
  return chainsJS(kid, mid, col('Module'), start, end, col('Schakeling'), col('VZB organisatietype'));
}

// (b') SheetJS + the same plain JS, on an .xlsx. `XLSX.read` with cellDates gives date cells (numbers with a date
// format) as JS Dates (local midnight), numbers as numbers, shared strings as strings; `sheet_to_json` turns the
// first sheet into row objects keyed by the header row, empty cells null (as PapaParse's dynamicTyping gives them).
// The date columns' Dates become day numbers, as the PapaParse side's transform makes them; then rowsBinc.
export function sheetjsBinc(XLSX, bytes, probe = () => {}) {
  const t0 = performance.now();
  const wb = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const data = XLSX.utils.sheet_to_json(ws, { raw: true, defval: null });
  const fields = data.length ? Object.keys(data[0]) : [];
  let dateCells = 0;
  for (const f of DATE_COLUMNS) {
    for (const r of data) {
      const v = r[f];
      if (v instanceof Date) { r[f] = Math.round((v.getTime() - v.getTimezoneOffset() * 60000) / 86400000); dateCells++; }
    }
  }
  const t1 = performance.now();
  const { asOf, checks } = rowsBinc(data);
  const t2 = performance.now();
  probe();  // the workbook and the rows are still alive here: the JS heap is near its peak
  return { ok: true, rows: data.length, columns: fields.length, date_cells: dateCells, as_of: isoDate(asOf),
           parse_ms: t1 - t0, analyse_ms: t2 - t1, checks };
}

// (c) DuckDB-WASM. `db` is an instantiated AsyncDuckDB; the caller times the whole call.
export async function duckBinc(db, bytes, name) {
  const t0 = performance.now();
  await db.registerFileBuffer(name, bytes);
  const conn = await db.connect();
  await conn.query(`CREATE OR REPLACE TABLE m AS SELECT * FROM read_csv_auto('${name}')`);
  const t1 = performance.now();
  const q = async (sql) => (await conn.query(sql)).toArray().map((r) => r.toJSON());
  const cluster = Object.entries(CLUSTER_OF).map(([t, k]) => `('${t.replace(/'/g, "''")}', ${k})`).join(', ');
  await conn.query(`CREATE OR REPLACE TEMP TABLE c AS
    WITH a AS (SELECT greatest(max("Begindatum"), max("Einddatum")) AS d FROM m)
    SELECT rowid AS rid, "Kind ID" AS kid, "Module" AS typ, "Begindatum" AS st,
           CASE WHEN "Einddatum" IS NOT NULL AND "Einddatum" <= a.d THEN "Einddatum" ELSE DATE '9999-12-31' END AS en,
           "VZB organisatietype" AS org, "Module" = '${SOFS}' AS sofs,
           CASE WHEN "Schakeling" BETWEEN 1 AND 200 THEN "Schakeling" END AS schak,
           row_number() OVER (PARTITION BY "Kind ID" ORDER BY "Begindatum",
             coalesce(CASE WHEN "Schakeling" BETWEEN 1 AND 200 THEN "Schakeling" END, 2147483647),
             "Module ID", rowid) AS pos,
           count(*) OVER (PARTITION BY "Kind ID") AS n,
           a.d AS as_of
    FROM m, a WHERE "Kind ID" IS NOT NULL`);
  await conn.query(`CREATE OR REPLACE TEMP TABLE k AS
    SELECT kid, count(*) FILTER (WHERE sofs) AS n_sofs, max(pos) FILTER (WHERE sofs) AS last_pos
    FROM c GROUP BY kid HAVING count(*) FILTER (WHERE sofs) > 0`);
  await conn.query(`CREATE OR REPLACE TEMP TABLE r AS
    WITH l AS (SELECT c.kid, c.st AS ls, c.en AS le, k.last_pos FROM c JOIN k ON c.kid = k.kid AND c.pos = k.last_pos),
    comb AS (SELECT DISTINCT o.rid FROM c o JOIN c s ON o.kid = s.kid AND s.sofs AND NOT o.sofs
             AND o.st <= s.en AND s.st <= o.en)
    SELECT c.*, CASE
        WHEN c.pos = l.last_pos THEN 0
        WHEN c.sofs THEN CASE WHEN c.st <= l.le AND l.ls <= c.en THEN 3 WHEN c.st < l.ls THEN 1 ELSE 0 END
        WHEN comb.rid IS NOT NULL THEN 3
        WHEN c.st < l.ls THEN 1
        WHEN l.le <> DATE '9999-12-31' AND c.st > l.le THEN 2
        ELSE 0 END AS role,
      coalesce(cl.k, ${OTHER}) AS cluster
    FROM c JOIN l ON c.kid = l.kid LEFT JOIN comb ON c.rid = comb.rid
    LEFT JOIN (VALUES ${cluster}) cl(t, k) ON c.typ = cl.t`);
  const org = await q(`SELECT coalesce(org, '') AS org,
      count(*) FILTER (WHERE en = DATE '9999-12-31')::INTEGER AS open_n,
      count(*) FILTER (WHERE en <> DATE '9999-12-31')::INTEGER AS closed_n
    FROM r WHERE pos = n GROUP BY 1`);
  const freq = await q(`SELECT least(n_sofs, 5)::INTEGER AS b, count(*)::INTEGER AS n FROM k GROUP BY 1`);
  const rank = await q(`SELECT (CASE WHEN rk <= 1 THEN 0 WHEN rk = 2 THEN 1 WHEN rk = 3 THEN 2 WHEN rk <= 9 THEN 3
      ELSE 4 END)::INTEGER AS b, count(*)::INTEGER AS n
    FROM (SELECT coalesce(schak, pos) AS rk FROM r WHERE sofs) GROUP BY 1`);
  const pp = await q(`SELECT cluster::INTEGER AS k,
      count(*) FILTER (WHERE role = 1)::INTEGER AS pre_links, count(*) FILTER (WHERE role = 2)::INTEGER AS post_links,
      count(DISTINCT kid) FILTER (WHERE role = 1)::INTEGER AS pre_kids,
      count(DISTINCT kid) FILTER (WHERE role = 2)::INTEGER AS post_kids
    FROM r GROUP BY 1`);
  const ch = await q(`SELECT count(*) FILTER (WHERE pre)::INTEGER AS with_pre, count(*) FILTER (WHERE post)::INTEGER AS with_post,
      count(*) FILTER (WHERE NOT pre AND NOT post AND NOT comb AND n_sofs = 1)::INTEGER AS only_sofs,
      count(*) FILTER (WHERE first_sofs)::INTEGER AS sofs_first, count(*) FILTER (WHERE last_sofs)::INTEGER AS sofs_last,
      count(*)::INTEGER AS children, any_value(as_of)::VARCHAR AS as_of
    FROM (SELECT r.kid, bool_or(role = 1) AS pre, bool_or(role = 2) AS post, bool_or(role = 3) AS comb,
                 bool_or(pos = 1 AND sofs) AS first_sofs, bool_or(pos = n AND sofs) AS last_sofs,
                 any_value(k.n_sofs) AS n_sofs, any_value(as_of) AS as_of
          FROM r JOIN k ON r.kid = k.kid GROUP BY r.kid)`);
  const t2 = performance.now();
  const rows = Number((await q('SELECT count(*)::INTEGER AS n FROM m'))[0].n);
  const types = await q(`SELECT column_name, column_type FROM (DESCRIBE m)`);
  let mem = null;
  try { mem = Number((await q('SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()'))[0].b); } catch (e) { /* older DuckDB */ }
  await conn.query('DROP TABLE m; DROP TABLE c; DROP TABLE k; DROP TABLE r;');
  await conn.close();
  await db.dropFile(name);
  const K = CLUSTERS.length;
  const freqA = [0, 0, 0, 0, 0], rankA = [0, 0, 0, 0, 0];
  for (const x of freq) freqA[x.b - 1] = x.n;
  for (const x of rank) rankA[x.b] = x.n;
  const ppm = new Map(pp.map((x) => [x.k, x]));
  const pick = (k, a) => (ppm.has(k) ? ppm.get(k)[a] : 0);
  const c0 = ch[0];
  return {
    ok: true, rows, columns: types.length, as_of: c0.as_of, parse_ms: t1 - t0, analyse_ms: t2 - t1,
    duckdb_memory_bytes: mem,
    types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])),
    checks: {
      orgtype_by_status: Object.fromEntries(org.filter((x) => x.org !== '').map((x) => [x.org, [x.open_n, x.closed_n]])),
      module_frequency: freqA, module_rank: rankA,
      pre_post_children: Object.fromEntries(CLUSTERS.map((c, k) => [c, [pick(k, 'pre_kids'), pick(k, 'post_kids')]])),
      pre_post_links: Object.fromEntries(CLUSTERS.map((c, k) => [c, [pick(k, 'pre_links'), pick(k, 'post_links')]])),
      chains: [c0.with_pre, c0.with_post, c0.only_sofs, c0.sofs_first, c0.sofs_last],
      children: c0.children,
    },
  };
}
