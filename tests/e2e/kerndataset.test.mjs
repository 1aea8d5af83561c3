// Issue 20 in the browser: every kerndataset page on the built-in demo in light, dark and presentation (screenshots,
// no console error, the same results as `zicht analyse` on the same demo files, the case panel's published numbers);
// a new user's LimeSurvey export chosen in the file picker maps all 28 parent items on its own; a withdrawn consent
// is named on the Opvolging page, flagged on Gegevenskwaliteit, and the family never appears among the contacts due
// (a list that is gone in delen mode); the workshop switches (perspective gap, KM grouping) change the results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, frames, artifacts, root, openPage, pickFiles, setMode,
         scrollIntoView } from './helpers.mjs';

const env = useApp();
const cli = path.join(root, 'build/zicht');
const data = path.join(root, 'tests/data/kerndataset');
const pages = ['overzicht', 'ouders', 'schalen', 'kinderen', 'opvolging', 'heraanmelding', 'plaatsing', 'netwerk',
               'duurzaamheid', 'impact', 'modelgetrouwheid', 'zelfevaluatie', 'casuspanel', 'kwaliteit'];
const parts = ['opvolging', 'ouder', 'kind', 'zelfevaluatie', 'casus'];

function comparable(results) {
  const r = JSON.parse(JSON.stringify(results));
  delete r.input;
  for (const x of r.results || []) for (const f of x.flags || []) delete f.file;
  return r;
}

// The CLI on the very bytes of the built-in demo (same generator, same seed): the five kerndataset parts linked to
// the SofS demo, as the app links them.
let cliAll = null;
function cliResults() {
  if (cliAll) return cliAll;
  const dir = fs.mkdtempSync(path.join(artifacts, 'kerndataset-cli-'));
  const args = ['analyse', '--profile', 'kerndataset', '--lang', 'nl'];
  for (const p of parts) {
    const file = path.join(dir, `demo_kerndataset_${p}.csv`);
    execFileSync(cli, ['demo', '--profile', 'kerndataset', '--part', p, '--out', file], { stdio: 'pipe' });
    args.push('--table', `${p}=${file}`);
  }
  const sofs = path.join(dir, 'demo_sofs.csv');
  execFileSync(cli, ['demo', '--profile', 'sofs', '--out', sofs], { stdio: 'pipe' });
  args.push('--link', `sofs=${sofs}`);
  cliAll = JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return cliAll;
}

function sameAsCli(s, id) {
  const all = cliResults();
  const ids = s.results.results.map((r) => r.id);
  const cliPart = comparable({ ...all, results: all.results.filter((r) => ids.includes(r.id)) });
  assert.deepEqual(comparable(s.results).results, cliPart.results, `page ${id} equals zicht analyse`);
}

// The published case-panel numbers (spec §1.4), as rows of the panel table: [label start, n, denominator].
const published = [
  ['Vervolg: OCJ/SDJ/VK', 11, 18], ['Vervolg: reguliere contextbegeleiding', 4, 18], ['Vervolg: geen hulp', 2, 18],
  ['Meer veiligheid: aangemelde minderjarige', 16, 18],
  ['Meer veiligheid: alle minderjarigen', 13, 18],
  ['Minstens één wissel van begeleider', 6, 18], ['Netwerk viel uiteen bij afronding', 3, 18],
  ['Financiële problemen genoemd', 5, 18], ['Plan B: netwerk', 12, 18], ['Plan B: verblijf', 6, 18],
  ['Plan B in werking', 5, 18],
];

function checkCasePanel(s) {
  const r = s.results.results.find((x) => x.id === 'kerndataset.case_panel');
  assert.ok(r, 'kerndataset.case_panel on the casuspanel page');
  const rows = r.tables.find((t) => t.id === 'panel').rows;
  for (const [label, n, denom] of published) {
    const row = rows.find((x) => x[0] === label);
    assert.ok(row, `case panel row ${label}`);
    assert.deepEqual([row[1], row[2]], [n, denom], label);
  }
}

for (const mode of ['light', 'dark', 'presentation']) {
  test(`every kerndataset page on the demo (${mode}) equals zicht analyse`, async () => {
    const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
    await waitReady(page);
    if (mode === 'dark') await setMode(page, 'dark');
    // The navigation stays while presenting (larger type, so openPage scrolls it further): present once, then walk.
    if (mode === 'presentation') {
      await openPage(page, 'kerndataset', 'overzicht');
      await setMode(page, 'presentation');
    }
    for (const id of pages) {
      const s = await openPage(page, 'kerndataset', id);
      if (mode === 'presentation') assert.equal(s.presentation, true, 'still presenting');
      await page.screenshot({ path: path.join(artifacts, `kerndataset-${mode}-${id}.png`) });
      assert.equal(s.app.subpage, id);
      assert.ok(s.results.results.length > 0, `${id} has results on screen`);
      sameAsCli(s, id);
      if (id === 'casuspanel') checkCasePanel(s);
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('a new user\'s LimeSurvey export of the parent survey maps all 28 items on its own', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await pickFiles(page, path.join(data, 'ouder_limesurvey.csv'));
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'ouder_limesurvey.csv'));
  let s = await state(page);
  const f = s.files.find((x) => x.name === 'ouder_limesurvey.csv');
  assert.equal(f.profile, 'kerndataset');
  const p = s.profiles.find((x) => x.file === 'ouder_limesurvey.csv');
  assert.equal(p.profile, 'kerndataset');
  assert.equal(p.kind, 'ouder', 'detected as the parent survey');
  const items = Object.keys(p.mapping).filter((k) => /^o\d\d$/.test(k)).sort();
  assert.deepEqual(items, Array.from({ length: 28 }, (_, i) => `o${String(i + 1).padStart(2, '0')}`), 'all 28 items mapped');
  assert.ok(!p.unmapped.some((k) => /^o\d\d$/.test(k)), `no item unmapped (${p.unmapped.join(', ')})`);
  s = await openPage(page, 'kerndataset', 'ouders');
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-limesurvey-ouders.png') });
  const r = s.results.results.find((x) => x.id === 'kerndataset.parent_items');
  assert.ok(r, 'Bevraging ouders shows the parent items');
  const t = r.tables.find((x) => x.id === 'items');
  const col = (name) => t.columns.findIndex((c) => c.id === name);
  const o01 = t.rows.find((x) => x[col('item')] === 'o01');
  assert.deepEqual(['n_1', 'n_2', 'n_3', 'n_4', 'n_5', 'n'].map((c) => o01[col(c)]), [0, 0, 1, 2, 2, 5], 'o01: 0/0/1/2/2, n = 5');
  assert.deepEqual(log.errors, []);
  await context.close();
});

function dueIds(s) {
  const r = s.results.results.find((x) => x.id === 'kerndataset.followup');
  const due = r.tables.find((t) => t.id === 'due');
  return due ? due.rows.map((x) => x[0]) : null;
}

test('a withdrawn consent is named, flagged, and the family is never due; delen mode hides the due list', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await pickFiles(page, path.join(data, 'opvolging_klein.csv'));
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'opvolging_klein.csv'));
  let s = await openPage(page, 'kerndataset', 'opvolging');
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-withdrawal-opvolging.png') });
  const followup = s.results.results.find((x) => x.id === 'kerndataset.followup');
  assert.ok(followup, 'the Opvolging page shows kerndataset.followup');
  assert.ok(followup.notes.some((n) => /toestemming introkken.*: 1/.test(n)),
            `a note names the withdrawal (${followup.notes.join(' | ')})`);
  const due = dueIds(s);
  assert.ok(due && due.length > 0, 'the due list is on screen in Intern');
  assert.ok(!due.includes('T4'), `T4 withdrew: never due (${due.join(', ')})`);
  s = await openPage(page, 'kerndataset', 'kwaliteit');
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-withdrawal-kwaliteit.png') });
  const quality = s.results.results.find((x) => x.id === 'kerndataset.quality');
  const flag = quality.flags.find((x) => x.rule === 'after_withdrawal');
  assert.ok(flag, 'the after_withdrawal flag is listed');
  assert.equal(flag.value, '01/09/2023');
  const rule = quality.tables.find((t) => t.id === 'rules').rows.find((x) => /intrekking/.test(x[0]));
  assert.equal(rule[1], 1, 'one row after the withdrawal');

  // Delen: the list of families to contact is never shown.
  await clickAnchor(page, 'menu.view');
  await page.waitForFunction(() => !!window.zichtState().anchors['menu.mode_delen']);
  await clickAnchor(page, 'menu.mode_delen');
  await page.waitForFunction(() => window.zichtState().mode === 'delen');
  s = await openPage(page, 'kerndataset', 'opvolging');
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-withdrawal-opvolging-delen.png') });
  assert.equal(s.results.settings.mode, 'delen');
  assert.equal(dueIds(s), null, 'no due table in delen mode');
  assert.ok(!JSON.stringify(s.results).includes('T4'), 'T4 nowhere in the delen results');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('workshop switches: the perspective gap gets its tables, the KM grouping by plan B changes the groups', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  let s = await openPage(page, 'kerndataset', 'schalen');
  const gap = (st) => st.results.results.find((x) => x.id === 'kerndataset.perspective_gap');
  assert.equal(gap(s).tables.length, 0, 'the perspective gap is off by default');
  await scrollIntoView(page, 'kerndataset.perspective_gap');
  await clickAnchor(page, 'kerndataset.perspective_gap');
  await page.waitForFunction(() => window.zichtState().results.results
    .some((x) => x.id === 'kerndataset.perspective_gap' && x.tables.length > 0));
  s = await state(page);
  assert.ok(gap(s).tables.length > 0, 'the perspective gap has its tables');
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-perspective-gap.png') });

  s = await openPage(page, 'kerndataset', 'heraanmelding');
  const groups = (st) => {
    const km = st.results.results.find((x) => x.id === 'kerndataset.rereferral').tables.find((t) => t.id === 'km');
    const g = km.columns.findIndex((c) => c.id === 'group');
    return [...new Set(km.rows.map((x) => x[g]))].sort();
  };
  const before = groups(s);
  await scrollIntoView(page, 'kerndataset.group.plan_b');
  await clickAnchor(page, 'kerndataset.group.plan_b');
  await page.waitForFunction((b) => {
    const r = window.zichtState().results.results.find((x) => x.id === 'kerndataset.rereferral');
    const km = r && r.tables.find((t) => t.id === 'km');
    return km && JSON.stringify([...new Set(km.rows.map((x) => x[0]))].sort()) !== b;
  }, JSON.stringify(before));
  s = await state(page);
  const after = groups(s);
  assert.notDeepEqual(after, before, `KM groups change (${before.join(', ')} → ${after.join(', ')})`);
  await page.screenshot({ path: path.join(artifacts, 'kerndataset-km-plan-b.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});
