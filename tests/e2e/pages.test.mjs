// Issues 9 and 10 in the browser: every SofS and Binc page of the built-in demo, reached through the left
// navigation, shows its results; the numbers on screen are, table for table, those of `zicht analyse` on the same
// file; the Binc counting unit changes numbers and titles together; a page note reaches the HTML report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, frames, dist, artifacts, root, openPage } from './helpers.mjs';

const cli = path.join(root, 'build/zicht');
const pages = {
  sofs: {
    overzicht: ['sofs.overview', 'sofs.case_type'], stappen: ['sofs.steps', 'sofs.all_steps'],
    partnerschap: ['sofs.partnership'], netwerk: ['sofs.network_meetings', 'sofs.network_figures'],
    plan_b: ['sofs.plan_b', 'sofs.plan_vs_steps', 'sofs.plan_adult_groups'], duur: ['sofs.time_to_step'],
    trends: ['sofs.trend'], organisaties: ['sofs.by_organisation'], kwaliteit: ['sofs.quality'],
  },
  binc: {
    profiel: ['binc.profile'], organisatietype: ['binc.orgtype_by_status'],
    modules: ['binc.module_frequency', 'binc.module_combination', 'binc.module_rank'], voor_na: ['binc.pre_post'],
    overgangen: ['binc.transitions'], duur: ['binc.durations'], kwaliteit: ['binc.quality'],
  },
};

const env = useApp();


// Equal, except that numbers may differ in the last bits between the native CLI and the wasm build (libm's
// exp/log differ; iterative fits such as the logistic regression amplify that): 1e-9 relative.
function close(a, b, what) {
  if (typeof a === 'number' && typeof b === 'number') {
    const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    assert.equal(a.length, b.length, `${what}: length`);
    a.forEach((x, i) => close(x, b[i], `${what}[${i}]`));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), `${what}: keys`);
    for (const k of Object.keys(a)) close(a[k], b[k], `${what}.${k}`);
  } else {
    assert.deepEqual(a, b, what);
  }
}

// The CLI on the very bytes of the built-in demo (same generator, same seed).
function cliResults(profile) {
  const dir = path.join(artifacts, `cli-${profile}`);
  fs.mkdirSync(dir, { recursive: true });
  const data = path.join(dir, `demo_${profile}.csv`);
  execFileSync(cli, ['demo', '--profile', profile, '--out', data]);
  const args = ['analyse', '--profile', profile, '--lang', 'nl'];
  if (profile === 'binc') {
    const clients = path.join(dir, 'demo_binc_clients.csv');
    execFileSync(cli, ['demo', '--profile', 'binc', '--part', 'clients', '--out', clients]);
    args.push('--clients', clients);
  }
  return JSON.parse(execFileSync(cli, [...args, data], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

for (const profile of ['sofs', 'binc']) {
  test(`every ${profile} page shows its results, number for number those of zicht analyse`, async () => {
    const expected = cliResults(profile);
    const ids = expected.results.map((r) => r.id);
    for (const list of Object.values(pages[profile])) for (const id of list) assert.ok(ids.includes(id), `CLI writes ${id}`);
    const { context, page, log } = await openApp(env.browser, env.base);
    await waitReady(page);
    for (const [id, results] of Object.entries(pages[profile])) {
      const s = await openPage(page, profile, id);
      const shown = s.results.results.map((r) => r.id);
      assert.deepEqual(shown, results, `${profile}/${id} shows its results`);
      for (const r of s.results.results) {
        const twin = expected.results.find((x) => x.id === r.id);
        close(r.tables, twin.tables, `tables of ${r.id}`);
        close(r.tests, twin.tests, `tests of ${r.id}`);
      }
      await page.screenshot({ path: path.join(artifacts, `page-${profile}-${id}.png`) });
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the Binc counting unit changes the numbers and the titles together', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const before = (await openPage(page, 'binc', 'profiel')).results.results[0];
  await clickAnchor(page, 'binc.unit.kind_jaar');
  await page.waitForFunction((u) => window.zichtState().results.results[0]?.unit !== u, before.unit);
  const after = (await state(page)).results.results[0];
  assert.equal(before.unit, 'kinderen (trajecten)');
  assert.equal(after.unit, 'kind × begeleidingsjaar');
  assert.notDeepEqual(after.title, before.title, 'the title names the unit');
  assert.notDeepEqual(after.tables, before.tables, 'the numbers change with the unit');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a page note is kept in the werkmap and printed in the page report', async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  await openPage(page, 'sofs', 'overzicht');
  const note = 'Veel trajecten startten in de zomer ZZNOTE42';
  // The note field is at the bottom of the page: scroll it into view (anchors exist off-screen too), then type.
  await page.mouse.move(700, 500);
  const visible = async (name) => {
    const r = (await state(page)).anchors[name];
    return r && r[1] > 40 && r[1] + r[3] < 760;
  };
  for (let i = 0; i < 30 && !(await visible('note.sofs.overzicht')); i++) {
    await page.mouse.wheel(0, 300);
    await frames(page, 2);
  }
  await clickAnchor(page, 'note.sofs.overzicht');
  await page.keyboard.type(note, { delay: 20 });
  await page.waitForFunction((n) => window.zichtState().werkmap.doc.profiles?.sofs?.notes?.overzicht === n, note);
  for (let i = 0; i < 30 && !(await visible('sofs.overzicht.report_page')); i++) {
    await page.mouse.wheel(0, -300);
    await frames(page, 2);
  }
  const dl = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'sofs.overzicht.report_page');
  const file = path.join(artifacts, 'sofs-overzicht-report.html');
  await (await dl).saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  assert.ok(html.includes('ZZNOTE42'), 'the note is in the report');
  assert.ok(html.includes('Het verhaal achter de cijfers'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('SofS filters and the denominator are typed werkmap settings: the page recomputes and the CLI agrees', async () => {
  const unfiltered = cliResults('sofs');
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  await openPage(page, 'sofs', 'stappen');
  await clickAnchor(page, 'filters.header');
  await frames(page, 2);
  await clickAnchor(page, 'filter.status');
  await frames(page, 2);
  await clickAnchor(page, 'filter.status.closed');
  await page.waitForFunction(() => window.zichtState().werkmap.doc.profiles?.sofs?.filters?.status === 'closed');
  await frames(page, 2);
  await clickAnchor(page, 'filter.denominator');
  await frames(page, 2);
  await clickAnchor(page, 'denominator.all');
  await page.waitForFunction(() => window.zichtState().werkmap.doc.denominator === 'all');
  await frames(page, 2);
  const s = await state(page);
  await page.screenshot({ path: path.join(artifacts, 'page-sofs-stappen-filtered.png') });
  // The werkmap holds the choices in the version-2 layout; the chart follows the chosen denominator.
  assert.equal(s.werkmap.doc.schema, 'zicht.werkmap/2');
  const steps = s.results.results.find((r) => r.id === 'sofs.steps');
  assert.ok(steps.views.some((v) => v.denominator?.policy === 'all'), 'the steps chart is drawn with the denominator "all"');
  const before = unfiltered.results.find((r) => r.id === 'sofs.steps');
  assert.notDeepEqual(steps.tables, before.tables, 'only closed trajectories are counted');
  // The same werkmap given to the CLI gives the same numbers.
  const dir = path.join(artifacts, 'cli-sofs');
  const werkmap = path.join(dir, 'werkmap-filtered.json');
  fs.writeFileSync(werkmap, JSON.stringify(s.werkmap.doc));
  const cliFiltered = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'sofs', '--lang', 'nl', '--settings', werkmap,
    path.join(dir, 'demo_sofs.csv')], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  for (const r of s.results.results) {
    const twin = cliFiltered.results.find((x) => x.id === r.id);
    close(r.tables, twin.tables, `tables of ${r.id}`);
    assert.deepEqual(r.views, twin.views, `views of ${r.id}`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
