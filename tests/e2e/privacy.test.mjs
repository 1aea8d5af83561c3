// Issue 11, zero egress: with real data loaded, every page visited and every export used, the page makes no
// network request at all (the Content-Security-Policy forbids it; this proves it in practice), and nothing is
// written to the browser's storage unless the user asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, dist, artifacts, root } from './helpers.mjs';

const cli = path.join(root, 'build/zicht');

const env = useApp();

const exportSuffixes = ['.csv', '.report_page', '.report_all', '.json', '.png', '.svg', '.copy', '.aggregate'];

test('zero egress: every page, every export, no network request', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  assert.ok((await state(page)).files.length >= 3, 'the demo SofS export and Binc files are loaded');
  const navs = Object.keys((await state(page)).anchors).filter((a) => a.startsWith('nav.'));
  assert.ok(navs.length >= 10, `navigation lists the pages (${navs.join(', ')})`);
  let clicked = 0;
  for (const nav of navs) {
    await clickAnchor(page, nav);
    await page.waitForTimeout(150);
    const anchors = (await state(page)).anchors;
    const exports = Object.entries(anchors).filter(([name, r]) =>
      exportSuffixes.some((s) => name.endsWith(s)) && r[1] > 30 && r[1] + r[3] < 760);
    for (const [name] of exports.slice(0, 6)) {
      await clickAnchor(page, name);
      await page.waitForTimeout(120);
      clicked++;
    }
  }
  await page.waitForTimeout(500);
  assert.ok(clicked >= 10, `used ${clicked} exports`);
  assert.ok(downloads.length >= 5, `downloads: ${downloads.join(', ')}`);
  const other = log.requests.filter((u) => u !== env.base && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, [], 'the page made network requests');
  // Only the key the test itself set (the remembered tour) is in storage: no data, no settings unasked.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['zicht.tour']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

async function dropFile(page, name, text, type = 'text/csv') {
  await page.evaluate(([n, t, ty]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: ty }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text, type]);
}

async function menu(page, top, item) {
  await clickAnchor(page, top);
  await page.waitForFunction((k) => !!window.zichtState().anchors[k], item);
  await clickAnchor(page, item);
  await page.waitForTimeout(150);
}

function cells(results) {
  return results.flatMap((r) => r.tables.flatMap((t) => t.rows.flat()));
}

test('delen mode: small counts suppressed on the user\'s data (the demo is exempt), aggregates saved and merged', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const sofs = execFileSync(cli, ['demo', '--profile', 'sofs', '--out', '-'], { encoding: 'utf8' });
  // The demo in delen mode: exempt, and the status bar says so.
  await menu(page, 'menu.view', 'menu.mode_delen');
  await page.waitForFunction(() => window.zichtState().mode === 'delen');
  await clickAnchor(page, 'nav.sofs.overzicht');
  await page.waitForFunction(() => window.zichtState().app.page === 'sofs');
  await page.waitForTimeout(200);
  let s = await state(page);
  assert.ok(!cells(s.results.results).includes('<5'), 'the fictitious demo is not suppressed');
  // The user's own export (same bytes, another name) replaces the demo: now small cells are suppressed.
  await dropFile(page, 'eigen-export.csv', sofs);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'eigen-export.csv'));
  if (!(await state(page)).anchors['nav.sofs.stappen']) await clickAnchor(page, 'nav.section.sofs');
  await page.waitForFunction(() => !!window.zichtState().anchors['nav.sofs.stappen']);
  await clickAnchor(page, 'nav.sofs.stappen');
  await page.waitForFunction(() => window.zichtState().app.subpage === 'stappen');
  await page.waitForTimeout(200);
  s = await state(page);
  assert.equal(s.results.settings.mode, 'delen');
  assert.equal(s.results.settings.suppress_k, 5);
  assert.ok(cells(s.results.results).includes('<5'), 'small counts are shown as <5');
  assert.ok(!JSON.stringify(s.results).includes('ZD-0000001'), 'no identifier on screen in delen mode');

  // A shareable aggregate: saved through the dialog, it holds no identifier and no organisation's records.
  await menu(page, 'menu.file', 'menu.aggregate');
  await page.waitForFunction(() => !!window.zichtState().anchors['aggregate.save.sofs']);
  const dl = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'aggregate.save.sofs');
  const file = path.join(artifacts, 'aggregate-sofs.json');
  await (await dl).saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  const agg = JSON.parse(text);
  assert.equal(agg.schema, 'zicht.aggregate/1');
  assert.equal(agg.k, 5);
  assert.ok(!text.includes('ZD-00000'), 'no trajectory id in the aggregate');
  assert.ok(!text.includes('eigen-export.csv'), 'no file name in the aggregate');
  await clickAnchor(page, 'aggregate.close');
  // Three organisations' aggregates (here three copies) merge into a regional overview: counts add up.
  for (const n of ['org-a.json', 'org-b.json', 'org-c.json']) {
    await dropFile(page, n, text, 'application/json');
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => window.zichtState().app.page === 'region');
  await page.waitForFunction(() => window.zichtState().results.results.length > 0);
  s = await state(page);
  const one = agg.results.find((r) => r.id === 'sofs.case_type');
  const merged = s.results.results.find((r) => r.id === 'sofs.case_type');
  assert.ok(one && merged, 'sofs.case_type in the aggregate and in the regional overview');
  const t1 = one.tables[0], tm = merged.tables.find((t) => t.id === t1.id);
  const ni = t1.columns.findIndex((c) => c.id === 'n');
  const nm = tm.columns.findIndex((c) => c.id === 'n');
  let compared = 0;
  for (const row of t1.rows) {
    const twin = tm.rows.find((r) => JSON.stringify(r[0]) === JSON.stringify(row[0]));
    if (typeof row[ni] === 'number' && twin && typeof twin[nm] === 'number') {
      assert.equal(twin[nm], 3 * row[ni], `merged count of ${JSON.stringify(row[0])}`);
      compared++;
    }
  }
  assert.ok(compared >= 3, `compared ${compared} rows`);
  const other = log.requests.filter((u) => u !== env.base && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
