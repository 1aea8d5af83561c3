// Issue 8: the first-run experience — the demo from file:// with the network off (how fast is a benchmark figure:
// bench/browser/startup.mjs; SPEC §8: targets are reported, not CI gates), the guided
// tour (skippable, remembered only on request), and the templates offered on the start page, which load back
// with no mapping changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useApp, openApp, waitReady, state, clickAnchor, dist, artifacts } from './helpers.mjs';

const env = useApp();

test('each template downloads from the start page and maps without changes', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const expected = { 'sofs.csv': 'sofs', 'binc_modules.csv': 'binc', 'binc_clients.csv': 'binc' };
  for (const [file, profile] of Object.entries(expected)) {
    const dl = page.waitForEvent('download', { timeout: 10000 });
    await clickAnchor(page, `start.template.${file}`);
    const download = await dl;
    assert.equal(download.suggestedFilename(), `zicht-sjabloon-${file}`);
    const saved = path.join(artifacts, download.suggestedFilename());
    await download.saveAs(saved);
    const text = fs.readFileSync(saved, 'utf8');
    await page.evaluate(([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [`template-${file}`, text]);
    await page.waitForFunction((n) => window.zichtState().files.some((f) => f.name === n), `template-${file}`);
    const s = await state(page);
    const p = s.profiles.find((x) => x.file === `template-${file}`);
    assert.equal(p.profile, profile, `${file} is recognised as ${profile}`);
    assert.deepEqual(p.unmatched_required ?? [], []);
    assert.equal(p.validation.rows_in, 2);
    assert.equal(p.validation.rows_excluded, 0);
    for (const [field, m] of Object.entries(p.mapping)) if (m.column) assert.equal(m.method, 'exact', `${file}: ${field}`);
    // Back to the start page for the next template.
    await clickAnchor(page, 'nav.start');
    await page.waitForFunction(() => window.zichtState().app.page === 'start');
    await page.waitForTimeout(100);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('opened from disk with the network off, zicht.html shows the demo and asks for nothing', async () => {
  const url = pathToFileURL(path.join(dist, 'zicht.html')).href;
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => { try { localStorage.setItem('zicht.tour', 'seen'); } catch (e) {} });
  await page.goto(url);
  await waitReady(page);
  // zichtReadyAt: performance.now() when the demo is drawn laid out settled: ms from navigation start to the demo.
  const ms = await page.evaluate(() => window.zichtReadyAt);
  const s = await state(page);
  console.log(`file:// offline: demo on screen after ${Math.round(ms)} ms`);
  assert.ok(s.files.some((f) => f.builtin && f.name === 'demo_sofs.csv' && f.rows === 370));
  // The time is reported here and measured in the benchmark (bench/browser/startup.mjs, phases in bench/RESULTS.md);
  // SPEC §8 says targets are reported, not CI gates — a loaded CI machine took 2.2 s where a quiet one takes 1.5 s.
  assert.ok(Number.isFinite(ms) && ms > 0, 'zichtReadyAt is set when the demo is drawn');
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await page.screenshot({ path: path.join(artifacts, 'demo-file-offline.png') });
  await context.close();
});

test('the guided tour: shown on first use, skippable, remembered only when the user asks', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { tour: true });
  await waitReady(page);
  let s = await state(page);
  assert.deepEqual([s.tour.active, s.tour.step], [true, 0]);
  await page.screenshot({ path: path.join(artifacts, 'tour-step1.png') });
  await clickAnchor(page, 'tour.next');
  await page.waitForFunction(() => window.zichtState().tour.step === 1);
  await clickAnchor(page, 'tour.skip');
  await page.waitForFunction(() => !window.zichtState().tour.active);
  assert.equal(await page.evaluate(() => localStorage.getItem('zicht.tour')), null, 'nothing stored unasked');
  // Not remembered: it shows again on the next visit.
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.equal(s.tour.active, true);
  // Remembered on request: ticked, then walked to the end.
  await clickAnchor(page, 'tour.remember');
  await page.waitForFunction(() => window.zichtState().tour.remember === true);
  for (let i = 1; i <= 5; i++) {
    await clickAnchor(page, 'tour.next');
    await page.waitForFunction((n) => window.zichtState().tour.step !== n - 1 || !window.zichtState().tour.active, i);
  }
  await page.waitForFunction(() => !window.zichtState().tour.active);
  assert.equal(await page.evaluate(() => localStorage.getItem('zicht.tour')), 'seen');
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).tour.active, false);
  assert.deepEqual(log.errors, []);
  await context.close();
});
