// Checks a benchmark .xlsx against the CSV it was made from (bench/make_xlsx.mjs), with the native CLI: `zicht
// inspect` must give the same columns with the same types, and `zicht analyse --profile binc` the same results (the
// "results" array of the JSON; the input file names and hashes differ, so the rest is not compared). Exit 1 with
// the differences otherwise, so bench/run.sh stops before benchmarking a workbook that does not hold the same data.
//   node bench/check_xlsx.mjs ZICHT IN.csv IN.xlsx
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const [zicht, csv, xlsx] = process.argv.slice(2);
if (!zicht || !csv || !xlsx) { console.error('usage: node bench/check_xlsx.mjs ZICHT IN.csv IN.xlsx'); process.exit(2); }
const run = (...args) => JSON.parse(execFileSync(zicht, args, { maxBuffer: 1 << 30, encoding: 'utf8' }));

const bad = [];
const types = (f) => run('inspect', f).columns.map((c) => `${c.name}: ${c.type}`);
const tc = types(csv), tx = types(xlsx);
if (tc.length !== tx.length) bad.push(`columns: CSV ${tc.length}, xlsx ${tx.length}`);
for (let i = 0; i < Math.max(tc.length, tx.length); i++)
  if (tc[i] !== tx[i]) bad.push(`column ${i + 1}: CSV ${tc[i]}, xlsx ${tx[i]}`);

// Flags name their file: the same name for both, so only what was found is compared.
const results = (f) => JSON.stringify(run('analyse', '--profile', 'binc', '--format', 'json', f).results)
  .split(JSON.stringify(path.basename(f))).join('"FILE"');
const rc = results(csv), rx = results(xlsx);
if (rc !== rx) {
  let i = 0;
  while (i < rc.length && rc[i] === rx[i]) i++;
  bad.push(`analyse --profile binc results differ at character ${i}: CSV …${rc.slice(Math.max(0, i - 120), i + 120)}… ` +
    `xlsx …${rx.slice(Math.max(0, i - 120), i + 120)}…`);
}
if (bad.length) {
  console.error(`[bench] ${xlsx} does not read as ${csv} does:\n  ` + bad.slice(0, 20).join('\n  '));
  process.exit(1);
}
console.log(`[bench] ${path.basename(xlsx)}: same ${tc.length} column types and the same Binc results (${rc.length} characters of JSON) as ${path.basename(csv)}`);
