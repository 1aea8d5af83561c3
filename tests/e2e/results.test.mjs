// Issue 6: one result model. The numbers in the state hook, in the CLI's JSON, in the CSV export and in the HTML
// report are the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, dist, artifacts, root } from './helpers.mjs';

const env = useApp();

const csvText = [
  'Kind ID;Status;Leeftijd;Startdatum;Typering',
  ...Array.from({ length: 60 }, (_, i) =>
    `K${100 + i};${i % 3 === 0 ? 'afgesloten' : i % 7 === 0 ? 'NVT' : 'open'};${i % 17};${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/202${1 + (i % 3)};${['EM', 'FM', 'IFG', 'SM', 'V', ''][i % 6]}`),
].join('\r\n') + '\r\n';

async function drop(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  await page.waitForFunction((n) => window.zichtState().files.some((f) => f.name === n), name);
}

// Parses the app's CSV export: BOM, '#' comment lines, ';' delimiter, decimal comma (Dutch default).
function parseCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l && !l.startsWith('#'));
  return lines.map((l) => l.split(';'));
}

test('state hook, CLI JSON, CSV and HTML report carry the same numbers', async () => {
  const file = path.join(artifacts, 'results-test.csv');
  fs.writeFileSync(file, csvText);
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  await drop(page, 'results-test.csv', csvText);
  await clickAnchor(page, 'nav.explore');
  await page.waitForFunction(() => window.zichtState().app.page === 'explore');
  await page.waitForTimeout(200);
  const s = await state(page);
  assert.equal(s.results.schema, 'zicht.results/2');
  const onScreen = s.results.results;
  assert.ok(onScreen.length >= 2, 'overview and one column on screen');

  const cli = JSON.parse(execFileSync(path.join(root, 'build/zicht'),
    ['analyse', '--profile', 'generic', '--lang', 'nl', file], { encoding: 'utf8' }));
  assert.equal(cli.schema, 'zicht.results/2');
  assert.equal(cli.input.files[0].sha256, s.results.input.files[0].sha256);
  // Every result on screen is, number for number, the CLI's result.
  for (const r of onScreen) {
    const twin = cli.results.find((x) => x.id === r.id);
    assert.ok(twin, `CLI has ${r.id}`);
    assert.deepEqual(r.tables, twin.tables, `tables of ${r.id}`);
  }
  // Three more results, chosen in the app one by one, match too.
  const picked = {};
  for (const id of ['verkennen.status', 'verkennen.leeftijd', 'verkennen.typering']) {
    await clickAnchor(page, 'explore.column');
    await page.waitForFunction((k) => !!window.zichtState().anchors[k], `explore.column.${id}`);
    await clickAnchor(page, `explore.column.${id}`);
    await page.waitForFunction((k) => window.zichtState().results.results.some((r) => r.id === k), id);
    const r = (await state(page)).results.results.find((x) => x.id === id);
    picked[id] = r;
    assert.deepEqual(r.tables, cli.results.find((x) => x.id === id).tables, `tables of ${id}`);
  }
  const chosen = (await state(page)).results.results;

  // CSV of the overview table (at the top of the page), downloaded through the app.
  const shown = chosen.find((r) => r.id === 'verkennen.overview');
  const table = shown.tables[0];
  const dl = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, `${shown.id}.${table.id}.csv`);
  const download = await dl;
  const csvPath = path.join(artifacts, download.suggestedFilename());
  await download.saveAs(csvPath);
  const rows = parseCsv(fs.readFileSync(csvPath, 'utf8'));
  assert.deepEqual(rows[0], table.columns.map((c) => c.label));
  table.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = rows[i + 1][j];
      if (v === null) assert.equal(cell, '');
      else if (typeof v === 'number') assert.equal(Number(cell.replace(',', '.')), v, `${table.id}[${i}][${j}]`);
      else assert.equal(cell, v);
    });
  });

  // The CLI's CSV of a frequency table (percentages with decimal commas) holds the state hook's numbers too.
  const outDir = path.join(artifacts, 'csv-out');
  execFileSync(path.join(root, 'build/zicht'),
    ['analyse', '--profile', 'generic', '--format', 'csv', '--decimal-comma', '--out', outDir, file]);
  const status = picked['verkennen.status'].tables[0];
  const freq = parseCsv(fs.readFileSync(path.join(outDir, 'verkennen.status.frequencies.csv'), 'utf8'));
  status.rows.forEach((row, i) => row.forEach((v, j) => {
    if (typeof v === 'number') assert.equal(Number(freq[i + 1][j].replace(',', '.')), v, `status[${i}][${j}]`);
  }));

  // HTML report of the page: the same counts in real <table> markup.
  const dl2 = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'explore.report_page');
  const report = await dl2;
  const htmlPath = path.join(artifacts, 'report-page.html');
  await report.saveAs(htmlPath);
  const html = fs.readFileSync(htmlPath, 'utf8');
  const doc = await page.evaluate((h) => {
    const d = new DOMParser().parseFromString(h, 'application/xhtml+xml');
    if (d.querySelector('parsererror')) return { error: d.querySelector('parsererror').textContent };
    const out = {};
    for (const sec of d.querySelectorAll('section')) {
      out[sec.id] = [...sec.querySelectorAll('table')].map((t) =>
        [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)));
    }
    return { sections: out, svgs: d.querySelectorAll('svg').length };
  }, html);
  assert.equal(doc.error, undefined, 'the report is well-formed XHTML');
  for (const r of chosen) {
    const tables = doc.sections[r.id];
    assert.ok(tables, `report has section ${r.id}`);
    r.tables.forEach((t, ti) => {
      const nCol = t.columns.findIndex((c) => c.role === 'count');
      t.rows.forEach((row, ri) => {
        if (nCol >= 0 && typeof row[nCol] === 'number' && row[nCol] < 10000)
          assert.equal(tables[ti][ri][nCol], String(row[nCol]), `${r.id} row ${ri}`);
      });
    });
  }
  assert.ok(doc.svgs >= 1, 'charts are embedded as SVG');
  await page.screenshot({ path: path.join(artifacts, 'explore-page.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});
