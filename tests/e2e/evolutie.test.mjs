// Issue 23 in the browser: every evolutie page on the built-in demo in light, dark and presentation (screenshots,
// no console error, every view drawn, the same results as `zicht analyse` on the same demo files); the published
// demo numbers on the Patronen page (spec §5.4); a new user's long safety-scale file chosen in the file picker is
// read as measurements and its U-shaped trajectory is drawn on the Reeksen page without opening a table; the page
// controls (the moments of `change`, the nested model, the threshold δ, the person of the one-page sheet) change the
// results; delen mode shows no person-level table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, frames, artifacts, root, openPage, pickFiles, setMode,
         scrollIntoView, distinctColours } from './helpers.mjs';

const env = useApp();
const cli = path.join(root, 'build/zicht');
const data = path.join(root, 'tests/data/evolutie');
const pages = ['reeksen', 'verandering', 'herhaald', 'patronen', 'domeinen', 'fasen', 'volledigheid', 'kwaliteit',
               'persoon'];
const parts = ['meting', 'instrument', 'telling', 'fase'];

function comparable(results) {
  const r = JSON.parse(JSON.stringify(results));
  delete r.input;
  for (const x of r.results || []) for (const f of x.flags || []) delete f.file;
  return r;
}

// The CLI on the very bytes of the built-in demo (same generator, same seed): the four evolutie record types
// linked to the SofS demo, as the app links them.
let cliAll = null;
function cliResults() {
  if (cliAll) return cliAll;
  const dir = fs.mkdtempSync(path.join(artifacts, 'evolutie-cli-'));
  const args = ['analyse', '--profile', 'evolutie', '--lang', 'nl'];
  for (const p of parts) {
    const file = path.join(dir, `demo_evolutie_${p}.csv`);
    execFileSync(cli, ['demo', '--profile', 'evolutie', '--part', p, '--out', file], { stdio: 'pipe' });
    args.push('--table', `${p}=${file}`);
  }
  const sofs = path.join(dir, 'demo_sofs.csv');
  execFileSync(cli, ['demo', '--profile', 'sofs', '--out', sofs], { stdio: 'pipe' });
  args.push('--link', `sofs=${sofs}`);
  cliAll = JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return cliAll;
}

// The REML fit of evolutie.repeated is iterative (Brent, then Newton steps to |Δ log θ| ~ 1e-10): the wasm build and
// the native CLI (different libm) stop a few ulps of θ apart, which moves its numbers in the 11th significant digit.
// Those numbers are compared to 1e-8 relative; everything else, and every other result, must be identical.
const iterative = new Set(['evolutie.repeated']);
function close(a, b, where) {
  if (typeof a === 'number' && typeof b === 'number') {
    assert.ok(a === b || Math.abs(a - b) <= 1e-8 * Math.max(Math.abs(a), Math.abs(b)), `${where}: ${a} vs ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), `${where}: same keys`);
    for (const k of Object.keys(a)) close(a[k], b[k], `${where}.${k}`);
  } else {
    assert.deepEqual(a, b, where);
  }
}

function sameAsCli(s, id) {
  const all = cliResults();
  const ids = s.results.results.map((r) => r.id);
  const cliPart = comparable({ ...all, results: all.results.filter((r) => ids.includes(r.id)) });
  const app = comparable(s.results).results;
  assert.deepEqual(app.map((r) => r.id), cliPart.results.map((r) => r.id), `page ${id}: the results of zicht analyse`);
  for (const [i, r] of app.entries()) {
    if (iterative.has(r.id)) close(r, cliPart.results[i], `page ${id}: ${r.id}`);
    else assert.deepEqual(r, cliPart.results[i], `page ${id}: ${r.id} equals zicht analyse`);
  }
}

// Every view of every result on screen has its chart anchor (result_view.cpp: <result>[.<view>].chart), with a size.
function checkCharts(s, where) {
  for (const r of s.results.results) {
    for (const v of r.views ?? []) {
      const name = v.id === 'main' ? `${r.id}.chart` : `${r.id}.${v.id}.chart`;
      const a = s.anchors[name];
      assert.ok(a, `${where}: view ${v.id} of ${r.id} has its chart ${name}`);
      assert.ok(a[2] > 50 && a[3] > 50, `${where}: chart ${name} has a size (${a[2]}×${a[3]})`);
    }
  }
}

const result = (s, id) => s.results.results.find((x) => x.id === id);
const table = (r, id) => r?.tables.find((t) => t.id === id);
const column = (t, id) => t.columns.findIndex((c) => c.id === id);

for (const mode of ['light', 'dark', 'presentation']) {
  test(`every evolutie page on the demo (${mode}) equals zicht analyse`, async () => {
    const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
    await waitReady(page);
    if (mode === 'dark') await setMode(page, 'dark');
    if (mode === 'presentation') {
      await openPage(page, 'evolutie', 'reeksen');
      await setMode(page, 'presentation');
    }
    for (const id of pages) {
      const s = await openPage(page, 'evolutie', id);
      if (mode === 'presentation') assert.equal(s.presentation, true, 'still presenting');
      assert.equal(s.app.theme, mode === 'dark' ? 'dark' : 'light');
      const png = await page.screenshot({ path: path.join(artifacts, `evolutie-${mode}-${id}.png`) });
      assert.ok(distinctColours(png) > 50, `evolutie-${mode}-${id}.png looks blank`);
      assert.equal(s.app.subpage, id);
      assert.ok(s.results.results.length > 0, `${id} has results on screen`);
      assert.ok(s.results.results.every((r) => r.id.startsWith('evolutie.')), `${id} shows evolutie results`);
      checkCharts(s, `${mode} ${id}`);
      sameAsCli(s, id);
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// Spec §5.4: the 18-case SofS panel's classes and counts at start and end.
test('the Patronen page shows the published demo numbers (8/3/3/2/2; 7/7/4; 5/12 of which 7/1)', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  const s = await openPage(page, 'evolutie', 'patronen');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-patronen-published.png') });
  const r = result(s, 'evolutie.pattern');
  assert.ok(r, 'evolutie.pattern on the Patronen page');
  const classes = table(r, 'classes');
  const n = (t, label, ...more) => {
    const row = t.rows.find((x) => x[column(t, 'class')] === label && more.every(([c, v]) => x[column(t, c)] === v));
    assert.ok(row, `row ${label} ${JSON.stringify(more)} in ${t.id}`);
    return row;
  };
  const published = { 'stijging': 8, 'U-vorm': 3, 'enkel start': 3, 'niet bevraagd': 2, 'geen evolutie': 2,
                      'daling': 0, 'gemengd': 0 };
  for (const [label, k] of Object.entries(published)) {
    const row = n(classes, label);
    assert.equal(row[column(classes, 'n')], k, `class ${label}`);
    assert.equal(row[column(classes, 'denom_fixed')], 18, `class ${label}: of 18 trajectories`);
  }
  const counts = table(r, 'counts');
  assert.ok(counts, 'the counts at start and end are on the page');
  const count = (measure, label) => n(counts, label, ['measure', measure]);
  for (const [label, k] of [['stijging', 7], ['stabiel', 7], ['daling', 4]])
    assert.equal(count('professionelen', label)[column(counts, 'n')], k, `professionals ${label}`);
  for (const [label, k] of [['stijging', 5], ['stabiel', 12], ['daling', 1]])
    assert.equal(count('netwerkfiguren', label)[column(counts, 'n')], k, `network figures ${label}`);
  assert.equal(count('netwerkfiguren', 'stabiel')[column(counts, 'role_change')], 7, 'stable network, changed role: 7');
  assert.ok(s.anchors['evolutie.pattern.classes.chart'], 'the class bars are drawn');
  assert.ok(s.anchors['evolutie.pattern.counts.chart'], 'the count bars are drawn');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a new user\'s long safety-scale file is read as measurements and its U-shape is drawn on Reeksen', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  const name = 'veiligheidsschaal_lang.csv';
  await pickFiles(page, path.join(data, name));
  await page.waitForFunction((f) => window.zichtState().files.some((x) => x.name === f), name);
  let s = await state(page);
  assert.equal(s.files.find((x) => x.name === name).profile, 'evolutie');
  const p = s.profiles.find((x) => x.file === name);
  assert.equal(p.profile, 'evolutie');
  assert.equal(p.kind, 'meting', 'detected as the measurements table');
  const want = { traject_id: 'Traject', persoon_id: 'Respondent', rol: 'Rol', moment: 'Meetmoment', datum: 'Datum',
                 score: 'Score veiligheidsschaal' };
  for (const [field, col] of Object.entries(want))
    assert.equal(p.mapping[field]?.column, col, `${field} mapped to ${col}`);

  s = await openPage(page, 'evolutie', 'reeksen');
  const png = await page.screenshot({ path: path.join(artifacts, 'evolutie-long-file-reeksen.png') });
  const r = result(s, 'evolutie.series');
  assert.ok(r, 'Reeksen shows evolutie.series');
  // The user's file, not the demo: its trajectories T1…, and the U-shape view lists T2's panel.
  const persons = table(r, 'persons');
  assert.ok(persons.rows.every((x) => /^T\d+$/.test(x[column(persons, 'unit')])), 'the series are the user\'s');
  const u = r.views.find((v) => v.id === 'u_shapes');
  assert.ok(u, `the U-shape view is among the views (${r.views.map((v) => v.id).join(', ')})`);
  const only = u.rows.find((c) => c.column === 'panel')?.only ?? [];
  assert.ok(only.includes('T2 · U-vorm'), `T2's panel in the U-shape view (${only.join(', ')})`);
  // Drawn on the page above every table: seen without opening a table, in the first screenful.
  const chart = s.anchors['evolutie.series.u_shapes.chart'];
  assert.ok(chart, 'the U-shape chart is drawn');
  assert.ok(chart[2] > 50 && chart[3] > 50, `the U-shape chart has a size (${chart[2]}×${chart[3]})`);
  const { height } = page.viewportSize();
  assert.ok(chart[1] >= 0 && chart[1] + chart[3] <= height, `the U-shape chart is on the first screen (${chart})`);
  const firstTable = s.anchors['evolutie.series.persons.copy'];
  assert.ok(!firstTable || firstTable[1] > chart[1] + chart[3], 'the chart comes before the tables');
  assert.ok(distinctColours(png) > 50, 'the screenshot is not blank');
  const clip = await page.screenshot({ clip: { x: chart[0], y: chart[1], width: chart[2], height: chart[3] } });
  assert.ok(distinctColours(clip) > 20, 'the U-shape chart has lines and labels drawn');
  // The same series as the CLI on the same file.
  const cliOut = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'evolutie', '--lang', 'nl', '--table',
                                               `meting=${path.join(data, name)}`], { encoding: 'utf8' }));
  assert.deepEqual(comparable(s.results).results, comparable({ results: cliOut.results.filter((x) => x.id === 'evolutie.series') }).results,
                   'Reeksen equals zicht analyse on the same file');
  assert.deepEqual(log.errors, []);
  await context.close();
});

// A click at (x, y) in three app frames.
async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await frames(page);
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
  await frames(page);
}

// Opens the combo under `anchor` and clicks its item `i`: the popup opens just below the combo's frame, with a
// padding of 14 px, one item per 25 px (17 px text + 8 px spacing; theme.cpp).
async function pickItem(page, anchor, i) {
  await scrollIntoView(page, anchor);
  await clickAnchor(page, anchor);
  await frames(page, 2);
  const r = (await state(page)).anchors[anchor];
  await clickAt(page, r[0] + 40, r[1] + r[3] + 14 + i * 25 + 12);
  await frames(page, 2);
}

const summary = (s) => JSON.stringify(table(result(s, 'evolutie.change'), 'summary')?.rows);

test('the page controls change the results: moments of change, nested model, threshold δ, person', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);

  // Verandering: "to" from 6 months to 3 months.
  let s = await openPage(page, 'evolutie', 'verandering');
  const before = summary(s);
  const sum0 = table(result(s, 'evolutie.change'), 'summary');
  assert.deepEqual([sum0.rows[0][0], sum0.rows[0][1]], ['start', '6 mnd'], 'change: start → 6 months by default');
  await pickItem(page, 'evolutie.change.to', 1);
  await page.waitForFunction((b) => {
    const r = window.zichtState().results.results.find((x) => x.id === 'evolutie.change');
    return r && JSON.stringify(r.tables.find((t) => t.id === 'summary')?.rows) !== b;
  }, before, { timeout: 10000 });
  s = await state(page);
  const sum1 = table(result(s, 'evolutie.change'), 'summary');
  assert.deepEqual([sum1.rows[0][0], sum1.rows[0][1]], ['start', '3 mnd'], 'change: start → 3 months');
  assert.notEqual(summary(s), before, 'the change summary changes');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-control-change.png') });

  // Herhaald: the nested model adds the trajectory's variance.
  s = await openPage(page, 'evolutie', 'herhaald');
  const variance = (st) => table(result(st, 'evolutie.repeated'), 'variance').rows.map((x) => x[0]);
  assert.ok(!variance(s).some((x) => /^traject/.test(x)), `no trajectory row by default (${variance(s).join(', ')})`);
  await scrollIntoView(page, 'evolutie.nested');
  await clickAnchor(page, 'evolutie.nested');
  await page.waitForFunction(() => window.zichtState().results.results.find((x) => x.id === 'evolutie.repeated')
    ?.tables.find((t) => t.id === 'variance')?.rows.some((x) => /^traject/.test(x[0])), null, { timeout: 10000 });
  s = await state(page);
  assert.ok(variance(s).includes('traject (random intercept)'), `trajectory variance row (${variance(s).join(', ')})`);
  await page.screenshot({ path: path.join(artifacts, 'evolutie-control-nested.png') });

  // Patronen: δ from 1 to 3 points (a click near the slider's right end; its frame is 200 px wide).
  s = await openPage(page, 'evolutie', 'patronen');
  const classes = (st) => JSON.stringify(table(result(st, 'evolutie.pattern'), 'classes').rows.map((x) => x[1]));
  const c0 = classes(s);
  const d = await scrollIntoView(page, 'evolutie.delta');
  await clickAt(page, d[0] + 195, d[1] + d[3] / 2);
  await page.waitForFunction((b) => {
    const r = window.zichtState().results.results.find((x) => x.id === 'evolutie.pattern');
    return r && JSON.stringify(r.tables.find((t) => t.id === 'classes').rows.map((x) => x[1])) !== b;
  }, c0, { timeout: 10000 });
  s = await state(page);
  assert.notEqual(classes(s), c0, 'the class counts change with δ');
  assert.ok(result(s, 'evolutie.pattern').notes.some((x) => /δ = 3/.test(x)), 'the note names δ = 3');
  assert.equal(findDelta(s.werkmap.doc), 3, 'δ = 3 in the werkmap');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-control-delta.png') });

  // Persoon: another person in the picker.
  s = await openPage(page, 'evolutie', 'persoon');
  const who = (st) => JSON.stringify(table(result(st, 'evolutie.person'), 'who')?.rows);
  const w0 = who(s);
  assert.ok(table(result(s, 'evolutie.person'), 'who'), 'the person sheet names who it is for');
  await pickItem(page, 'evolutie.person', 2);
  await page.waitForFunction((b) => {
    const r = window.zichtState().results.results.find((x) => x.id === 'evolutie.person');
    return r && JSON.stringify(r.tables.find((t) => t.id === 'who')?.rows) !== b;
  }, w0, { timeout: 10000 });
  s = await state(page);
  assert.notEqual(who(s), w0, 'the sheet is for another person');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-control-person.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});

// δ wherever the werkmap keeps the evolutie settings (its layout is the werkmap's business, not this test's).
function findDelta(doc) {
  if (!doc || typeof doc !== 'object') return undefined;
  if (doc.evolutie?.settings?.delta !== undefined) return doc.evolutie.settings.delta;
  for (const v of Object.values(doc)) {
    const d = findDelta(v);
    if (d !== undefined) return d;
  }
  return undefined;
}

test('delen mode: no person table on the person page, no persons table in the series', async () => {
  // The built-in demo is exempt from delen (fictitious, status bar: "demogegevens worden niet onderdrukt"): a user's
  // file is loaded first.
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  const name = 'veiligheidsschaal_lang.csv';
  await pickFiles(page, path.join(data, name));
  await page.waitForFunction((f) => window.zichtState().files.some((x) => x.name === f), name);
  let s = await openPage(page, 'evolutie', 'persoon');
  assert.ok(table(result(s, 'evolutie.person'), 'who'), 'Intern: the person sheet is there');
  assert.ok(s.anchors['evolutie.person'], 'Intern: the person picker is there');
  await clickAnchor(page, 'menu.view');
  await page.waitForFunction(() => !!window.zichtState().anchors['menu.mode_delen']);
  await clickAnchor(page, 'menu.mode_delen');
  await page.waitForFunction(() => window.zichtState().mode === 'delen');
  s = await openPage(page, 'evolutie', 'persoon');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-delen-persoon.png') });
  assert.equal(s.results.settings.mode, 'delen');
  const person = result(s, 'evolutie.person');
  assert.ok(person, 'the person page shows evolutie.person');
  for (const t of ['who', 'summary', 'sheet'])
    assert.equal(table(person, t), undefined, `no ${t} table in delen mode`);
  assert.ok(!s.anchors['evolutie.person'], 'no person picker in delen mode');
  s = await openPage(page, 'evolutie', 'reeksen');
  await page.screenshot({ path: path.join(artifacts, 'evolutie-delen-reeksen.png') });
  assert.equal(s.results.settings.mode, 'delen');
  const series = result(s, 'evolutie.series');
  assert.ok(series, 'Reeksen shows evolutie.series');
  assert.equal(table(series, 'persons'), undefined, 'no persons table in delen mode');
  assert.ok(table(series, 'cohort'), 'the cohort table stays');
  assert.ok(s.anchors['evolutie.series.cohort.chart'], 'the cohort band is drawn');
  assert.ok(!/T\d+-[MV]/.test(JSON.stringify(s.results)), 'no person id in the delen results');
  assert.deepEqual(log.errors, []);
  await context.close();
});
