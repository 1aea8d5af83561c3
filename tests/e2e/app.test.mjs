// End-to-end tests of the built dist/zicht.html in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useApp, openApp, waitReady, state, clickAnchor, frames, distinctColours, dist, artifacts, pickFiles } from './helpers.mjs';

const env = useApp();
const html = path.join(dist, 'zicht.html');

// Only the page itself (and the wasm it carries as a data: URL) may be loaded.
function assertNoNetwork(log, pageUrl) {
  const other = log.requests.filter((u) => u !== pageUrl && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, [], 'the page made network requests');
}

// A CSV as an organisation would export it from Excel in Belgium: semicolons, dd/mm/yyyy, decimal comma.
function makeCsv(rows) {
  const lines = ['Kind ID;Module;Begindatum;Einddatum;Schakeling;Bedrag'];
  for (let i = 1; i <= rows; i++) {
    const d = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`K${i};Contextbegeleiding;${d}/03/2022;${i % 3 ? `${d}/09/2022` : ''};${1 + (i % 4)};${i},5`);
  }
  return lines.join('\r\n') + '\r\n';
}

test('boots from a static server with no console errors, draws, and opens on the built-in demo', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.app.lang, 'nl');
  assert.equal(s.app.page, 'start');
  assert.deepEqual(s.files.map((f) => [f.name, f.builtin]),
    [['demo_sofs.csv', true], ['demo_binc_modules.csv', true], ['demo_binc_clients.csv', true],
     ['demo_matrix_cellen.csv', true], ['demo_kerndataset_opvolging.csv', true], ['demo_kerndataset_ouder.csv', true],
     ['demo_kerndataset_kind.csv', true], ['demo_kerndataset_zelfevaluatie.csv', true], ['demo_kerndataset_casus.csv', true],
     ['demo_evolutie_meting.csv', true], ['demo_evolutie_instrument.csv', true], ['demo_evolutie_telling.csv', true],
     ['demo_evolutie_fase.csv', true], ['demo_trajecten.csv', true],
     ...['overleg', 'aanwezigheid', 'thema', 'bevinding', 'actiepunt', 'aanbeveling', 'stemming', 'stelling', 'citaat']
       .map((k) => [`demo_procesflow_${k}.csv`, true])]);
  assert.equal(s.files[0].rows, 370);  // the evaluation's 370 SofS trajectories
  assert.equal(s.files[2].rows, 368);  // and its 368 Binc children
  assert.equal(s.files[3].rows, 4656);  // 24 forms × 97 characteristics, coded twice (auteurs, workshop)
  assert.equal(s.files[4].rows, 431);  // kerndataset follow-up: 236 closures and the later moments (seed 2023)
  assert.equal(s.files[8].rows, 18);  // the 18-case panel
  assert.equal(s.files[9].rows, 724);  // evolutie: the panel's safety-scale scores and the life-domain cohort
  assert.equal(s.files[11].rows, 18);  // counts at start and end for the same 18 trajectories
  assert.equal(s.files[12].rows, 195);  // the BN18 cohort's phases
  assert.equal(s.files[13].rows, 28);  // Co-ncept: 28 registrations, 18 started
  // The two forum vote sets: one row per option with its count (chart 1) and one row per dot (chart 2's 64).
  assert.equal(s.files.find((f) => f.name === 'demo_procesflow_stemming.csv').rows, 5 + 64);
  const shot = await page.screenshot({ path: path.join(artifacts, 'start-dpr1.png') });
  assert.ok(distinctColours(shot) > 50, 'the screenshot looks blank');
  assert.deepEqual(log.errors, []);
  assertNoNetwork(log, env.base);
  await context.close();
});

test('a CSV chosen in the file picker shows up with the right row count, and a download is produced', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const csv = path.join(artifacts, 'picker-test.csv');
  fs.writeFileSync(csv, makeCsv(1234));
  await pickFiles(page, csv);  // Ctrl+O → the browser's file picker
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'picker-test.csv'));
  const s = await state(page);
  const f = s.files.find((x) => x.name === 'picker-test.csv');
  assert.equal(f.rows, 1234);
  assert.equal(f.columns, 6);
  assert.equal(s.files.some((x) => x.builtin), false, 'the sample makes way for the user file');
  assert.equal(s.app.page, 'data');

  await page.waitForTimeout(100);
  const downloadPromise = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'data.download_inspect');
  const download = await downloadPromise;
  assert.equal(download.suggestedFilename(), 'picker-test.csv.inspect.json');
  const saved = path.join(artifacts, download.suggestedFilename());
  await download.saveAs(saved);
  const inspect = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.equal(inspect.rows, 1234);
  await page.screenshot({ path: path.join(artifacts, 'data-page.png') });
  assert.deepEqual(log.errors, []);
  assertNoNetwork(log, env.base);
  await context.close();
});

test('a file dropped on the page is read, in chunks, with the file\'s SHA-256', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  // About 6 MB: more than one 4 MiB chunk; the digest (WebCrypto, beside the reader) comes with the last one.
  const text = makeCsv(100000);
  assert.ok(text.length > 4 * 1024 * 1024);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.csv', { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'dropped.csv'), null, { timeout: 30000 });
  const f = (await state(page)).files.find((x) => x.name === 'dropped.csv');
  assert.equal(f.rows, 100000);
  assert.equal(f.sha256, crypto.createHash('sha256').update(text).digest('hex'));
  assert.deepEqual(log.errors, []);
  assertNoNetwork(log, env.base);
  await context.close();
});

test('a cut-off Excel workbook gets a clear message instead of garbage', async () => {
  const { context, page } = await openApp(env.browser, env.base);
  await waitReady(page);
  await page.evaluate(() => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'export.xlsx'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.zichtState().errors.length > 0);
  const s = await state(page);
  assert.equal(s.errors[0].file, 'export.xlsx');
  assert.equal(s.errors[0].code, 'broken_workbook');
  await page.screenshot({ path: path.join(artifacts, 'xlsx-message.png') });
  await context.close();
});

test('works from file:// too', async () => {
  const url = pathToFileURL(html).href;
  const { context, page, log } = await openApp(env.browser, url);
  await waitReady(page);
  assert.equal((await state(page)).files[0].rows, 370);
  assert.deepEqual(log.errors, []);
  assertNoNetwork(log, url);
  await context.close();
});

test('crisp at device pixel ratio 2: the backing store follows the screen', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { dpr: 2, width: 1024, height: 640 });
  await waitReady(page);
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [2048, 1280]);
  const shot = await page.screenshot({ path: path.join(artifacts, 'start-dpr2.png') });
  assert.ok(distinctColours(shot) > 50);
  // Resizing the window resizes the backing store.
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 2200);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('without WebGL2 the page says so plainly', async () => {
  const init = () => {
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : orig.call(this, kind, ...rest);
    };
  };
  const { context, page } = await openApp(env.browser, env.base, { init });
  await page.waitForFunction(() => window.zichtReady === 'no-webgl2', null, { timeout: 30000 });
  const text = await page.textContent('#zicht-msg-text');
  assert.match(text, /WebGL2/);
  assert.equal(await page.isVisible('#zicht-msg'), true);
  await context.close();
});
