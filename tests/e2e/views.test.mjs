// Every SofS and Binc page of the built-in demo in light, dark and presentation mode: whole-page screenshots for a
// facilitator to look at (tests/e2e/artifacts/views-<mode>-<profile>-<page>[-<n>].png, one per screenful, top to
// bottom), and the checks a reader makes in the browser: every result with views has its chart on the page, no
// screenshot is blank, nothing is logged as an error; the reference-mark switches change the drawing, not the
// results; switching pages starts at the top of the new page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, openApp, waitReady, state, clickAnchor, frames, distinctColours, artifacts } from './helpers.mjs';

const env = useApp();

const pages = {
  sofs: ['overzicht', 'stappen', 'partnerschap', 'netwerk', 'plan_b', 'duur', 'trends', 'organisaties', 'kwaliteit'],
  binc: ['profiel', 'organisatietype', 'modules', 'voor_na', 'overgangen', 'duur', 'kwaliteit'],
};

// A tall window shows most pages in one or two screenfuls (swiftshader renders a 1440×2600 canvas).
const W = 1440, H = 2600;

// ImGui 1.86 samples keys once per frame: hold a key over a few frames so the press is seen.
async function key(page, k) {
  await page.keyboard.down(k);
  await frames(page);
  await page.keyboard.up(k);
  await frames(page);
}

async function menu(page, top, item) {
  await clickAnchor(page, top);
  await frames(page);
  await clickAnchor(page, item);
  await frames(page, 4);
}

async function setMode(page, mode) {
  if (mode === 'dark') await menu(page, 'menu.view', 'menu.theme_dark');
  if (mode === 'presentation') {
    await page.mouse.move(5, H / 2);
    await key(page, 'F9');
    await page.waitForFunction(() => window.zichtState().presentation === true);
    await frames(page, 3);  // the font atlas is rebuilt before the next frame
  }
  const s = await state(page);
  assert.equal(s.app.theme, mode === 'dark' ? 'dark' : 'light');
  assert.equal(s.presentation, mode === 'presentation');
}

async function openPage(page, profile, id) {
  // The navigation lists one profile's pages at a time: open its section first.
  if (!(await state(page)).anchors[`nav.${profile}.${id}`]) {
    await clickAnchor(page, `nav.section.${profile}`);
    await page.waitForFunction((k) => !!window.zichtState().anchors[k], `nav.${profile}.${id}`);
  }
  await clickAnchor(page, `nav.${profile}.${id}`);
  await page.waitForFunction(([p, s]) => {
    const st = window.zichtState();
    return st.app.page === p && st.app.subpage === s;
  }, [profile, id]);
  await frames(page, 3);  // the results of the page are laid out and the scroll reset has been applied
  return state(page);
}

// The part of the window the page scrolls in: below the menu bar, above the status bar.
function body(s) {
  const m = s.anchors['menu.file'], st = s.anchors['status.local'];
  return { top: m[1] + m[3], bottom: st[1] - 4 };
}

// The chart anchors a result's views must leave on the page: one per view, except that the views of one group
// (the Binc profile's characteristics) share one chart with a picker.
function expectedCharts(r) {
  const want = [];
  const groups = new Set();
  for (const v of r.views ?? []) {
    if (v.group) {
      if (groups.has(v.group)) continue;
      groups.add(v.group);
      want.push({ what: `${r.id} group ${v.group}`, anyOf: null, pick: `${r.id}.pick` });
    } else {
      want.push({ what: `${r.id} view ${v.id}`, anyOf: [v.id === 'main' ? `${r.id}.chart` : `${r.id}.${v.id}.chart`] });
    }
  }
  return want;
}

function checkCharts(s, where) {
  const names = Object.keys(s.anchors);
  const charts = [];
  for (const r of s.results.results) {
    for (const w of expectedCharts(r)) {
      if (w.pick) {
        assert.ok(s.anchors[w.pick], `${where}: ${w.what} has its picker ${w.pick}`);
        const drawn = names.filter((n) => n.startsWith(`${r.id}.`) && n.endsWith('.chart') || n === `${r.id}.chart`);
        assert.ok(drawn.length > 0, `${where}: ${w.what} draws a chart (anchors: ${names.filter((n) => n.startsWith(r.id)).join(', ')})`);
        charts.push(...drawn);
      } else {
        const a = w.anyOf.find((n) => s.anchors[n]);
        assert.ok(a, `${where}: ${w.what} has its chart ${w.anyOf[0]} (anchors of ${r.id}: ${names.filter((n) => n.startsWith(r.id)).join(', ') || 'none'})`);
        const [, , cw, ch] = s.anchors[a];
        assert.ok(cw > 50 && ch > 50, `${where}: chart ${a} has a size (${cw}×${ch})`);
        charts.push(a);
      }
    }
  }
  return [...new Set(charts)];
}

// Scrolls the page under the mouse by about dy CSS pixels (wheel notches of 5 lines, at most 10 per event; ImGui
// adds up the events of one frame). The mouse rests in the page's left padding (no chart, so no tooltip).
async function scrollBy(page, x, y, dy, step) {
  await page.mouse.move(x, y);
  await frames(page, 1);
  let notches = Math.max(1, Math.floor(Math.abs(dy) / step));
  while (notches > 0) {
    const n = Math.min(10, notches);
    await page.mouse.wheel(0, Math.sign(dy) * n * 100);
    notches -= n;
  }
  await frames(page, 2);
  await page.mouse.move(5, H / 2);  // over the navigation's empty lower part: no hover highlight in the picture
  await frames(page, 2);
}

// Screenshots of the whole page, one per screenful, until the page note (the last widget) has been on screen.
async function wholePage(page, mode, profile, id) {
  const note = `note.${profile}.${id}`;
  const top = `${profile}.${id}.report_page`;
  let s = await state(page);
  const b = body(s);
  // Switching pages starts at the top (checked on its own below); make sure of it here.
  for (let i = 0; i < 20 && s.anchors[top][1] < b.top; i++) {
    await scrollBy(page, s.anchors[top][0] - 12, (b.top + b.bottom) / 2, -(b.bottom - b.top), 85);
    s = await state(page);
  }
  const charts = checkCharts(s, `${mode} ${profile}/${id}`);
  const seen = new Map(charts.map((c) => [c, 0]));  // chart → how much of its height was on screen at best
  const files = [];
  let step = mode === 'presentation' ? 120 : 85;  // ImGui: 5 × font size per notch (17 px, 24 px presenting)
  for (let n = 1; n <= 12; n++) {
    s = await state(page);
    for (const c of charts) {
      const r = s.anchors[c];
      const shown = Math.max(0, Math.min(r[1] + r[3], b.bottom) - Math.max(r[1], b.top)) / r[3];
      seen.set(c, Math.max(seen.get(c), shown));
    }
    const noteRect = s.anchors[note];
    assert.ok(noteRect, `${mode} ${profile}/${id}: page note ${note} drawn`);
    const done = noteRect[1] + noteRect[3] <= b.bottom;
    const file = `views-${mode}-${profile}-${id}${n === 1 && done ? '' : `-${n}`}.png`;
    const png = await page.screenshot({ path: path.join(artifacts, file) });
    files.push(file);
    const colours = distinctColours(png);
    assert.ok(colours > 50, `${file} looks blank (${colours} colours)`);
    if (done) break;
    assert.ok(n < 12, `${mode} ${profile}/${id}: the page note never came into view`);
    // One screenful down, keeping 80 px of the previous one for orientation.
    const before = noteRect[1];
    await scrollBy(page, s.anchors[top][0] - 12, (b.top + b.bottom) / 2, b.bottom - b.top - 80, step);
    const moved = before - (await state(page)).anchors[note][1];
    assert.ok(moved > 0, `${mode} ${profile}/${id}: the wheel scrolls the page`);
  }
  for (const [c, f] of seen) assert.ok(f > 0.99, `${mode} ${profile}/${id}: chart ${c} fully on a screenshot (at best ${Math.round(f * 100)} %)`);
  return files;
}

for (const mode of ['light', 'dark', 'presentation']) {
  test(`every SofS and Binc page in ${mode} mode: whole-page screenshots, every chart drawn, no errors`, async () => {
    const { context, page, log } = await openApp(env.browser, env.base, { width: W, height: H });
    await waitReady(page);
    // The canvas really is as tall as the window (swiftshader draws all of it).
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('canvas');
      return [c.width, c.height];
    });
    assert.deepEqual(canvas, [W, H], 'the canvas fills the tall window');
    await setMode(page, mode);
    const files = [];
    for (const profile of ['sofs', 'binc']) {
      for (const id of pages[profile]) {
        const s = await openPage(page, profile, id);
        assert.ok(s.results.results.length > 0, `${mode} ${profile}/${id}: results on the page`);
        assert.equal(s.results.schema, 'zicht.results/2');
        files.push(...(await wholePage(page, mode, profile, id)));
      }
    }
    console.log(`${mode}: ${files.length} screenshots: ${files.join(' ')}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the reference-mark switches change the drawing, not the results', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: W, height: H });
  await waitReady(page);
  let s = await openPage(page, 'sofs', 'stappen');
  const steps = () => s.results.results.find((r) => r.id === 'sofs.steps');
  const refs = (r) => r.views.map((v) => v.references ?? []);
  const before = refs(steps());
  assert.ok(before.some((x) => x.length > 0), 'sofs.steps has reference marks in the JSON contract');
  assert.notEqual(s.werkmap.doc.marks?.published, false, 'published marks are on to begin with');
  const chart = checkCharts(s, 'stappen').find((c) => c.startsWith('sofs.steps.'));
  const clip = () => {
    const r = s.anchors[chart];
    return { x: r[0], y: r[1], width: r[2], height: r[3] };
  };
  await page.mouse.move(5, H / 2);
  await frames(page, 2);
  const withMarks = await page.screenshot({ clip: clip() });

  await clickAnchor(page, 'marks.published');
  await page.mouse.move(5, H / 2);
  await frames(page, 3);
  s = await state(page);
  assert.equal(s.werkmap.doc.marks?.published, false, 'the werkmap says: no published marks');
  assert.notEqual(s.werkmap.doc.marks?.norms, false, 'the norms switch is untouched');
  assert.deepEqual(refs(steps()), before, 'the JSON contract keeps the references');
  const png = await page.screenshot({ path: path.join(artifacts, 'views-stappen-no-markers.png') });
  assert.ok(distinctColours(png) > 50, 'views-stappen-no-markers.png looks blank');
  const withoutMarks = await page.screenshot({ clip: clip() });
  assert.ok(!withMarks.equals(withoutMarks), `the chart ${chart} is drawn without the published marks`);

  await clickAnchor(page, 'marks.published');
  await page.mouse.move(5, H / 2);
  await frames(page, 3);
  s = await state(page);
  assert.equal(s.werkmap.doc.marks?.published, true, 'switched back on');
  assert.deepEqual(refs(steps()), before);
  const again = await page.screenshot({ clip: clip() });
  assert.ok(again.equals(withMarks), 'switched back, the chart is drawn as before');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('switching pages starts at the top of the new page', async () => {
  const height = 800;
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1280, height });
  await waitReady(page);
  let s = await openPage(page, 'sofs', 'plan_b');
  const b = body(s);
  const first = checkCharts(s, 'plan_b')[0];
  const x = s.anchors['sofs.plan_b.report_page'][0] - 12;
  for (let i = 0; i < 20 && s.anchors[first][1] + s.anchors[first][3] >= b.top; i++) {
    await scrollBy(page, x, (b.top + b.bottom) / 2, 300, 85);
    s = await state(page);
  }
  assert.ok(s.anchors[first][1] + s.anchors[first][3] < b.top, `scrolled past the first chart ${first}`);
  assert.ok(s.anchors['sofs.plan_b.report_page'][1] < 0, 'the top of plan_b is out of view');
  await page.screenshot({ path: path.join(artifacts, 'views-plan_b-scrolled.png') });

  const inView = (r) => r && r[1] >= 0 && r[1] + r[3] <= height && r[1] >= b.top && r[1] + r[3] <= b.bottom;
  for (const [id, back] of [['duur', false], ['plan_b', true]]) {
    s = await openPage(page, 'sofs', id);
    const top = s.anchors[`sofs.${id}.report_page`];
    assert.ok(inView(top), `sofs/${id}${back ? ' (back again)' : ''} starts at the top: sofs.${id}.report_page at y ${top?.[1]}`);
    await page.screenshot({ path: path.join(artifacts, `views-switch-to-${id}.png`) });
    if (!back) {
      // Scroll down on duur too, so that going back to plan_b is again a switch from a scrolled page.
      for (let i = 0; i < 3; i++) await scrollBy(page, x, (b.top + b.bottom) / 2, 300, 85);
    }
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
