// Issue 21 in the browser: every Co-ncept page (trajecten and procesflow) on the built-in demo in light, dark and
// presentation (screenshots, no console error, every view drawn, the same results as `zicht analyse` on the same
// demo files, procesflow linked to the register); the published numbers of spec §2.4 (Tables 1–4, stock 7 and 11)
// and §3.4 (forum 32 organisations / 56 persons by sector, the two vote sets of 64 in their published percentages)
// on their pages; and the planmakers' own overview sheet chosen in the file picker maps without a manual step and
// gives Tables 1–4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, artifacts, root, openPage, pickFiles, setMode,
         distinctColours } from './helpers.mjs';

const env = useApp();
const cli = path.join(root, 'build/zicht');
const data = path.join(root, 'tests/data/trajecten');
const trajectenPages = ['overzicht', 'profiel', 'opstart', 'duur', 'blokkering', 'kwaliteit', 'privacy'];
const procesflowPages = ['overzicht', 'themas', 'aanwezigheid', 'prioriteiten', 'stellingen', 'acties', 'aanbevelingen',
                         'kwaliteit'];
const parts = ['overleg', 'aanwezigheid', 'thema', 'bevinding', 'actiepunt', 'aanbeveling', 'stemming', 'stelling',
               'citaat'];

function comparable(results) {
  const r = JSON.parse(JSON.stringify(results));
  delete r.input;
  for (const x of r.results || []) for (const f of x.flags || []) delete f.file;
  return r;
}

// The CLI on the very bytes of the built-in demo (same generators, same seed): the register alone, and the nine
// procesflow record types linked to it, as the app links them.
const cliAll = {};
function cliResults(profile) {
  if (cliAll[profile]) return cliAll[profile];
  const dir = fs.mkdtempSync(path.join(artifacts, 'concept-cli-'));
  const register = path.join(dir, 'demo_trajecten.csv');
  execFileSync(cli, ['demo', '--profile', 'trajecten', '--out', register], { stdio: 'pipe' });
  const args = ['analyse', '--profile', profile, '--lang', 'nl'];
  if (profile === 'trajecten') {
    args.push('--table', `registratie=${register}`);
  } else {
    for (const p of parts) {
      const file = path.join(dir, `demo_procesflow_${p}.csv`);
      execFileSync(cli, ['demo', '--profile', 'procesflow', '--part', p, '--out', file], { stdio: 'pipe' });
      args.push('--table', `${p}=${file}`);
    }
    args.push('--link', `trajecten=${register}`);
  }
  cliAll[profile] = JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return cliAll[profile];
}

function sameAsCli(s, profile, id) {
  const all = cliResults(profile);
  const ids = s.results.results.map((r) => r.id);
  const cliPart = comparable({ ...all, results: all.results.filter((r) => ids.includes(r.id)) });
  const app = comparable(s.results).results;
  assert.deepEqual(app.map((r) => r.id), cliPart.results.map((r) => r.id), `${profile} ${id}: the results of zicht analyse`);
  for (const [i, r] of app.entries()) assert.deepEqual(r, cliPart.results[i], `${profile} ${id}: ${r.id} equals zicht analyse`);
}

// Every view of every result on screen has its chart anchor (result_view.cpp: <result>[.<view>].chart), with a size;
// views of one group (the vote sets) share one place with a picker: the picked one is drawn.
function checkCharts(s, where) {
  const chart = (r, v) => s.anchors[v.id === 'main' ? `${r.id}.chart` : `${r.id}.${v.id}.chart`];
  for (const r of s.results.results) {
    const groups = new Map();
    for (const v of r.views ?? []) {
      if (v.group) {
        groups.set(v.group, [...(groups.get(v.group) ?? []), v]);
        continue;
      }
      const a = chart(r, v);
      assert.ok(a, `${where}: view ${v.id} of ${r.id} has its chart`);
      assert.ok(a[2] > 50 && a[3] > 50, `${where}: view ${v.id} of ${r.id} has a size (${a[2]}×${a[3]})`);
    }
    for (const [g, vs] of groups) {
      const drawn = vs.map((v) => chart(r, v)).filter(Boolean);
      assert.equal(drawn.length, 1, `${where}: one view of group ${g} of ${r.id} drawn, with its picker`);
      assert.ok(s.anchors[`${r.id}.pick`], `${where}: the picker of ${r.id}`);
      assert.ok(drawn[0][2] > 50 && drawn[0][3] > 50, `${where}: group ${g} of ${r.id} has a size`);
    }
  }
}

const result = (s, id) => s.results.results.find((x) => x.id === id);
const table = (r, id) => r?.tables.find((t) => t.id === id);
const column = (t, id) => t.columns.findIndex((c) => c.id === id);
const cell = (t, label, col) => {
  const row = t.rows.find((x) => x[0] === label);
  assert.ok(row, `row ${label} in ${t.id} (${t.rows.map((x) => x[0]).join(', ')})`);
  return row[column(t, col)];
};

for (const mode of ['light', 'dark', 'presentation']) {
  test(`every Co-ncept page on the demo (${mode}) equals zicht analyse`, async () => {
    const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
    await waitReady(page);
    if (mode === 'dark') await setMode(page, 'dark');
    if (mode === 'presentation') {
      await openPage(page, 'trajecten', 'overzicht');
      await setMode(page, 'presentation');
    }
    for (const [profile, pages] of [['trajecten', trajectenPages], ['procesflow', procesflowPages]]) {
      for (const id of pages) {
        const s = await openPage(page, profile, id);
        if (mode === 'presentation') assert.equal(s.presentation, true, 'still presenting');
        assert.equal(s.app.theme, mode === 'dark' ? 'dark' : 'light');
        const png = await page.screenshot({ path: path.join(artifacts, `${profile}-${mode}-${id}.png`) });
        assert.ok(distinctColours(png) > 50, `${profile}-${mode}-${id}.png looks blank`);
        assert.equal(s.app.subpage, id);
        assert.ok(s.results.results.length > 0, `${profile} ${id} has results on screen`);
        assert.ok(s.results.results.every((r) => r.id.startsWith(`${profile}.`)), `${id} shows ${profile} results`);
        checkCharts(s, `${mode} ${profile} ${id}`);
        // The built-in demo is exempt from suppression in every mode, so the CLI without --suppress is the reference.
        sameAsCli(s, profile, id);
      }
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the published numbers on the pages: Tables 1–4 (§2.4), the forum and its two vote sets (§3.4)', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  let s = await openPage(page, 'trajecten', 'overzicht');
  const years = table(result(s, 'trajecten.flow'), 'years');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'registrations')]), [15, 12, 1], 'registrations 15 / 12 / 1');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'starts')]), [10, 7, 1], 'starts 10 / 7 / 1');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'closures')]), [3, 3, 12], 'closures 3 / 3 / 12');
  // "Lopende trajecten 7 11": both readings on the page.
  assert.deepEqual(years.rows.map((r) => r[column(years, 'stock_31dec')]).slice(0, 2), [7, 11]);
  assert.deepEqual(years.rows.map((r) => r[column(years, 'stock_1jan')]).slice(1, 3), [7, 11]);
  const totals = table(result(s, 'trajecten.flow'), 'totals');
  assert.equal(totals.rows[0][column(totals, 'n')], 18, 'total trajectories 18');
  assert.equal(Math.round(totals.rows[0][column(totals, 'pct_fixed')] * 10) / 10, 64.3, 'start rate 64.3 %');

  s = await openPage(page, 'trajecten', 'profiel');
  const ages = table(result(s, 'trajecten.age'), 'ages');
  assert.deepEqual(ages.rows.map((r) => [r[0], r[1]]),
                   [['10', 2], ['11', 0], ['12', 2], ['13', 4], ['14', 4], ['15', 4], ['16', 2]], 'Table 2');
  const regions = table(result(s, 'trajecten.region'), 'regions');
  assert.deepEqual(regions.rows.map((r) => r[1]), [5, 7, 3, 3, 0], 'Table 3, Rits 0 shown');
  const ref = table(result(s, 'trajecten.referrer'), 'referrers');
  for (const [label, n] of [['Voorziening (totaal)', 6], ['  • INOA', 1], ['  • Tordale', 1], ['  • VOT', 4],
                            ['Internaat (De Hazelaar)', 1], ['Jeugdhulpregie ACT', 2], ['OOOC (De Luwte)', 2],
                            ['SDJ (totaal)', 5], ['  • Ieper', 2], ['  • Brugge', 3], ['CLB (Mandel en Leie)', 1],
                            ['Pleegzorg West-Vlaanderen', 1]])
    assert.equal(cell(ref, label, 'n'), n, `Table 4: ${label.trim()}`);
  await page.screenshot({ path: path.join(artifacts, 'trajecten-published-profiel.png') });

  s = await openPage(page, 'procesflow', 'aanwezigheid');
  const att = table(result(s, 'procesflow.attendance'), 'by_sector');
  const forum = att.rows.filter((r) => r[0] === 'FORUM-2024');
  const by = Object.fromEntries(forum.map((r) => [r[1], [r[2], r[3]]]));
  assert.deepEqual(by, { BJB: [9, 16], VAPH: [7, 10], RTH: [5, 12], ELZ: [4, 5], GGZ: [1, 3], NRTH: [1, 1], OSD: [1, 1],
                         'geen sector': [4, 8], Totaal: [32, 56] }, 'forum: 32 organisations, 56 persons by sector');

  s = await openPage(page, 'procesflow', 'prioriteiten');
  const opts = table(result(s, 'procesflow.priorities'), 'options');
  const set = (o) => opts.rows.filter((r) => r[0] === o);
  for (const [o, published] of [['DT-1', [8, 8, 28, 25, 31]], ['DT-3', [3, 23, 27, 19, 28]]]) {
    const rows = set(o);
    assert.ok(rows.every((r) => r[column(opts, 'total')] === 64), `${o}: 64 votes`);
    const pct = rows.map((r) => Math.round(r[column(opts, 'pct')])).sort((a, b) => a - b);
    assert.deepEqual(pct, [...published].sort((a, b) => a - b), `${o}: the published percentages`);
    assert.ok(rows.every((r) => r[column(opts, 'label')]), `${o}: every option labelled`);
  }
  assert.ok(s.anchors['procesflow.priorities.chart'] || Object.keys(s.anchors).some((a) => a.startsWith('procesflow.priorities.')),
            'the vote bars are drawn');
  await page.screenshot({ path: path.join(artifacts, 'procesflow-published-prioriteiten.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the planmakers\' own overview sheet maps without a manual step and gives Tables 1–4', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  const name = 'overzicht_planmakers.csv';
  await pickFiles(page, path.join(data, name));
  await page.waitForFunction((f) => window.zichtState().files.some((x) => x.name === f), name);
  let s = await state(page);
  const p = s.profiles.find((x) => x.file === name);
  assert.equal(p.profile, 'trajecten');
  assert.equal(p.kind, 'registratie');
  const want = { traject_id: 'Nr', aanmelddatum: 'Datum aanmelding', leeftijd_aanmelding: 'Leeftijd', regio: 'Regio',
                 aanmelder: 'Verwijzer', opstart: 'Startgesprek', afronding: 'Einddatum' };
  for (const [field, col] of Object.entries(want)) assert.equal(p.mapping[field]?.column, col, `${field} mapped to ${col}`);
  s = await openPage(page, 'trajecten', 'overzicht');
  await page.screenshot({ path: path.join(artifacts, 'trajecten-planmakers-overzicht.png') });
  const years = table(result(s, 'trajecten.flow'), 'years');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'registrations')]), [6, 6, 2], 'registrations by year');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'starts')]), [4, 4, 1], 'starts by year');
  assert.deepEqual(years.rows.map((r) => r[column(years, 'closures')]), [1, 3, 1], 'closures by year');
  const cliOut = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'trajecten', '--lang', 'nl', '--table',
                                               `registratie=${path.join(data, name)}`], { encoding: 'utf8' }));
  assert.deepEqual(comparable(s.results).results,
                   comparable({ results: cliOut.results.filter((x) => x.id === 'trajecten.flow') }).results,
                   'the overview equals zicht analyse on the same file');
  s = await openPage(page, 'trajecten', 'profiel');
  await page.screenshot({ path: path.join(artifacts, 'trajecten-planmakers-profiel.png') });
  const ref = table(result(s, 'trajecten.referrer'), 'referrers');
  assert.equal(cell(ref, 'Voorziening (totaal)', 'n'), 4, 'Voorziening subtotal computed');
  assert.equal(cell(ref, 'SDJ (totaal)', 'n'), 4, 'SDJ subtotal computed');
  checkCharts(s, 'planmakers profiel');
  assert.deepEqual(log.errors, []);
  await context.close();
});
