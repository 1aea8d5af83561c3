// Issue 24 in the browser: CSV scanning with the page's wasm SIMD kernel (web/csv_kernel.c) where the browser has
// SIMD, the scalar scanner where it has not (?simd=0 stands in for such a browser). Both read the built-in demo and a
// hostile CSV chosen in the file picker to the same files, profiles, validation and pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApp, openApp, waitReady, state, openPage, pickFiles } from './helpers.mjs';

const env = useApp();

// A SofS-like CSV with quoted fields holding ';', doubled quotes and line ends, stray quotes, CR, LF and CRLF lines,
// and a ragged row; about 300 kB so that it spans several index blocks and reader chunks.
function hostileCsv() {
  const lines = ['traject_id;organisatie;startdatum;einddatum;opmerking'];
  for (let i = 0; i < 3000; i++) {
    const note = i % 7 === 0 ? `"lang; met ""aanhalingstekens""\r\nen een nieuwe regel ${i}"`
      : i % 11 === 0 ? `ab"c ${i}` : i % 13 === 0 ? `"open"x${i}` : `gewoon ${i} ${'x'.repeat(i % 50)}`;
    const end = i % 3 === 0 ? '' : `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2023`;
    const row = [`T${i}`, `Org ${i % 5}`, `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2022`, end, note];
    if (i === 1500) row.pop();
    lines.push(row.join(';') + (i % 5 === 0 ? '\n' : i % 17 === 0 ? '\r' : '\r\n'));
  }
  const file = path.join(os.tmpdir(), 'zicht-simd-hostile.csv');
  fs.writeFileSync(file, lines[0] + '\r\n' + lines.slice(1).join(''));
  return file;
}

async function readAll(query) {
  const file = hostileCsv();
  const { context, page, log } = await openApp(env.browser, env.base + query);
  await waitReady(page);
  const demo = await state(page);  // the built-in demo, read at start-up
  await pickFiles(page, file);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'zicht-simd-hostile.csv'),
    null, { timeout: 30000 });
  const s = await state(page);
  const sofs = await openPage(page, 'sofs', 'overzicht');
  await context.close();
  assert.deepEqual(log.errors, []);
  return { kernel: s.app.csv_kernel, demo: { files: demo.files, profiles: demo.profiles }, files: s.files,
           profiles: s.profiles, results: sofs.results };
}

test('CSV scanning: wasm SIMD where the browser has it, the scalar scanner otherwise, the same files and pages', async () => {
  const simd = await readAll('');
  const scalar = await readAll('?simd=0');
  assert.equal(simd.kernel, 'wasm-simd128', 'Chromium has wasm SIMD: the page installs the kernel');
  assert.equal(scalar.kernel, 'scalar', '?simd=0: the kernel is left out');
  const hostile = simd.files.find((f) => f.name === 'zicht-simd-hostile.csv');
  assert.equal(hostile.rows, 3000);
  assert.ok(hostile.flags > 0, 'the stray quotes and the ragged row are flagged');
  assert.ok(simd.demo.files.length >= 20, 'the built-in demo was read at start-up');
  assert.deepEqual(scalar.demo, simd.demo);
  assert.deepEqual(scalar.files, simd.files);
  assert.deepEqual(scalar.profiles, simd.profiles);
  assert.deepEqual(scalar.results, simd.results);
});
