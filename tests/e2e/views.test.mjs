// Every SofS and Binc page of the built-in demo in light, dark and presentation mode: whole-page screenshots for a
// facilitator to look at (tests/e2e/artifacts/views-<mode>-<profile>-<page>[-<n>].png, one per screenful, top to
// bottom), and the checks a reader makes in the browser: every result with views has its chart on the page, no
// screenshot is blank, nothing is logged as an error; the reference-mark switches change the drawing, not the
// results; switching pages starts at the top of the new page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, openApp, waitReady, state, clickAnchor, frames, distinctColours, artifacts } from './helpers.mjs';

const env = useApp();

const pages = {
  sofs: ['overzicht', 'stappen', 'partnerschap', 'netwerk', 'plan_b', 'duur', 'trends', 'organisaties', 'kwaliteit'],
  binc: ['profiel', 'organisatietype', 'modules', 'voor_na', 'overgangen', 'duur', 'kwaliteit'],
};

// A window of 1440×1300 CSS pixels: a page takes one to six screenfuls. Swiftshader draws a canvas as tall as
// 1440×2600 too (ZICHT_VIEWS_HEIGHT=2600: half the screenshots), but a frame then takes three times as long
// (150 ms instead of 50) and this file twice as long to run.
const W = 1440, H = Number(process.env.ZICHT_VIEWS_HEIGHT || 1300);

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

// A click in three frames: move, press, release. Each step is followed by one animation frame of ours, which runs
// after the app's frame in the same tick (the app's requestAnimationFrame was asked for first), so the app sees each.
async function click(page, rect) {
  await page.mouse.move(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
  await frames(page, 1);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 1);
}

// Opens a profile page through the navigation; `known` is a recent state (the navigation does not scroll), park
// where the mouse rests afterwards. The navigation lists one profile's pages at a time (an accordion); while a SofS
// page is shown the Binc header does not open (the open section follows the page shown, every frame), so a switch
// of profile goes through Start.
async function openPage(page, profile, id, park, known) {
  let s = known ?? (await state(page));
  const nav = `nav.${profile}.${id}`;
  if (!s.anchors[nav]) {
    if (s.app.page === 'sofs' || s.app.page === 'binc') {
      await clickAnchor(page, 'nav.start');
      await page.waitForFunction(() => window.zichtState().app.page === 'start', null, { polling: 100 });
    }
    await clickAnchor(page, `nav.section.${profile}`);
    await page.waitForFunction((k) => !!window.zichtState().anchors[k], nav, { polling: 100 });
    s = await state(page);
  }
  await click(page, s.anchors[nav]);
  // The mouse rests in the page's left padding: the wheel scrolls the page, and no chart shows a tooltip.
  if (park) await page.mouse.move(park.x, park.y);
  await busyFrames(page, 1);  // the scroll reset of the page switch is applied in the next frame
  s = await state(page);
  if (s.app.page !== profile || s.app.subpage !== id) {
    await page.waitForFunction(([p, i]) => {
      const st = window.zichtState();
      return st.app.page === p && st.app.subpage === i;
    }, [profile, id], { polling: 100 });
    await frames(page, 2);
    s = await state(page);
  }
  return s;
}

// A screenshot straight from the DevTools protocol: what page.screenshot takes, in a third of the time (it waits
// for no extra frames) — the canvas is redrawn every frame anyway.
async function shoot(cdp, file) {
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
  const png = Buffer.from(data, 'base64');
  if (file) fs.writeFileSync(path.join(artifacts, file), png);
  return png;
}

// The part of the window the page scrolls in: below the menu bar, above the status bar.
function body(s) {
  const m = s.anchors['menu.file'], st = s.anchors['status.local'];
  return { top: m[1] + m[3], bottom: st[1] - 4 };
}

// Where the mouse rests on a profile page: its left padding (the page's content starts 24 px in), mid-height.
function parking(s) {
  const b = body(s);
  const x = Math.min(...Object.entries(s.anchors).filter(([k]) => k.endsWith('.report_page')).map(([, r]) => r[0]));
  return { x: x - 12, y: Math.round((b.top + b.bottom) / 2) };
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
      want.push({ what: `${r.id} group ${v.group}`, pick: `${r.id}.pick` });
    } else {
      want.push({ what: `${r.id} view ${v.id}`, name: v.id === 'main' ? `${r.id}.chart` : `${r.id}.${v.id}.chart` });
    }
  }
  return want;
}

function checkCharts(s, where) {
  const names = Object.keys(s.anchors);
  const of = (r) => names.filter((n) => n.startsWith(`${r.id}.`)).join(', ') || 'none';
  const charts = [];
  for (const r of s.results.results) {
    for (const w of expectedCharts(r)) {
      if (w.pick) {
        assert.ok(s.anchors[w.pick], `${where}: ${w.what} has its picker ${w.pick} (anchors of ${r.id}: ${of(r)})`);
        const drawn = names.filter((n) => n.startsWith(`${r.id}.`) && n.endsWith('.chart'));
        assert.ok(drawn.length > 0, `${where}: ${w.what} draws a chart (anchors of ${r.id}: ${of(r)})`);
        charts.push(...drawn);
      } else {
        assert.ok(s.anchors[w.name], `${where}: ${w.what} has its chart ${w.name} (anchors of ${r.id}: ${of(r)})`);
        const [, , cw, ch] = s.anchors[w.name];
        assert.ok(cw > 50 && ch > 50, `${where}: chart ${w.name} has a size (${cw}×${ch})`);
        charts.push(w.name);
      }
    }
  }
  return [...new Set(charts)];
}

// Blank-screenshot checks wait here and run while the browser draws the frames the test waits for anyway
// (decoding a 1440×2600 PNG takes about as long as drawing one frame with swiftshader).
const pending = [];
function runChecks() {
  while (pending.length) {
    const [png, file] = pending.shift();
    const colours = distinctColours(png);
    assert.ok(colours > 50, `${file} looks blank (${colours} colours)`);
  }
}
async function busyFrames(page, n) {
  const drawn = frames(page, n);
  await new Promise((r) => setImmediate(r));  // the request is on its way to the browser
  try {
    runChecks();
  } finally {
    await drawn;
  }
}

// Scrolls the page under the mouse by about dy CSS pixels: wheel notches of `step` pixels (ImGui: 5 lines), at
// most 10 per event (main_web.cpp); ImGui adds up the events of one frame.
async function scrollBy(page, dy, step) {
  let notches = Math.max(1, Math.floor(Math.abs(dy) / step));
  while (notches > 0) {
    const n = Math.min(10, notches);
    await page.mouse.wheel(0, Math.sign(dy) * n * 100);
    notches -= n;
  }
  await busyFrames(page, 1);  // the wheel is read, and the page scrolled, in the app's next frame
}

// Screenshots of the whole page, one per screenful, until the page note (the last widget) has been on screen.
// A chart cut off at the bottom of one screenful starts the next one (when it fits on one screen).
async function wholePage(page, cdp, mode, profile, id, known) {
  const where = `${mode} ${profile}/${id}`;
  const note = `note.${profile}.${id}`;
  const top = `${profile}.${id}.report_page`;
  let s = known;
  const b = body(s);
  const screen = b.bottom - b.top;
  let step = mode === 'presentation' ? 120 : 85;  // 5 × the font size (17 px, 24 px when presenting)
  // Switching pages starts at the top (checked on its own below); make sure of it here.
  for (let i = 0; i < 20 && s.anchors[top][1] < b.top; i++) {
    await scrollBy(page, -screen, step);
    s = await state(page);
  }
  const charts = checkCharts(s, where);
  const seen = new Map(charts.map((c) => [c, 0]));  // chart → the largest part of its height on one screenshot
  const files = [];
  for (let n = 1; n <= 20; n++) {
    const visible = (r) => Math.max(0, Math.min(r[1] + r[3], b.bottom) - Math.max(r[1], b.top));
    for (const c of charts) seen.set(c, Math.max(seen.get(c), visible(s.anchors[c]) / s.anchors[c][3]));
    const noteRect = s.anchors[note];
    assert.ok(noteRect, `${where}: page note ${note} drawn`);
    const done = noteRect[1] + noteRect[3] <= b.bottom;
    const file = `views-${mode}-${profile}-${id}${n === 1 && done ? '' : `-${n}`}.png`;
    pending.push([await shoot(cdp, file), file]);
    files.push(file);
    if (done) break;
    assert.ok(n < 20, `${where}: the page note never came into view`);
    // One screenful down (keeping 80 px of this one), or less, so that a chart cut off at the bottom is whole on
    // the next screenful: its title at the top when there is room for it, else its bottom edge at the bottom.
    let notches = Math.max(1, Math.floor((screen - 80) / step));
    const title = 60;  // the chart's title and export buttons sit just above its anchor
    for (const c of charts) {
      const r = s.anchors[c];
      if (!(r[1] < b.bottom && r[1] + r[3] > b.bottom) || r[3] > screen - step) continue;
      const toTop = Math.floor((r[1] - title - b.top) / step);
      const toBottom = Math.ceil((r[1] + r[3] - b.bottom + 10) / step);
      notches = Math.min(notches, r[3] + title <= screen - step && toTop >= 1 ? toTop : Math.max(1, toBottom));
    }
    await scrollBy(page, notches * step, step);
    const after = await state(page);
    const moved = noteRect[1] - after.anchors[note][1];
    assert.ok(moved > 0, `${where}: the wheel scrolls the page`);
    if (moved < notches * step && after.anchors[note][1] + after.anchors[note][3] > b.bottom)
      step = moved / notches;  // not at the end yet: learn the real notch
    s = after;
  }
  for (const [c, f] of seen) {
    const fits = s.anchors[c][3] <= screen - step;
    assert.ok(fits ? f > 0.99 : f > 0, `${where}: chart ${c} ${fits ? 'fully ' : ''}on a screenshot (at best ${Math.round(f * 100)} %)`);
  }
  return { files, s };
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
    const t0 = Date.now();
    const cdp = await context.newCDPSession(page);
    let park = null, s = null;
    for (const profile of ['sofs', 'binc']) {
      for (const id of pages[profile]) {
        s = await openPage(page, profile, id, park, s);
        if (!park) {
          park = parking(s);
          await page.mouse.move(park.x, park.y);
          await frames(page, 2);
          s = await state(page);
        }
        assert.ok(s.results.results.length > 0, `${mode} ${profile}/${id}: results on the page`);
        assert.equal(s.results.schema, 'zicht.results/2');
        const shot = await wholePage(page, cdp, mode, profile, id, s);
        files.push(...shot.files);
        s = shot.s;
      }
    }
    runChecks();
    console.log(`${mode}: ${Math.round((Date.now() - t0) / 1000)} s`);
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
  await page.screenshot({ path: path.join(artifacts, 'views-stappen-markers.png') });

  await clickAnchor(page, 'marks.published');
  await page.mouse.move(5, H / 2);
  await frames(page, 3);
  s = await state(page);
  const png = await page.screenshot({ path: path.join(artifacts, 'views-stappen-no-markers.png') });
  const withoutMarks = await page.screenshot({ clip: clip() });
  assert.equal(s.werkmap.doc.marks?.published, false, 'the werkmap says: no published marks');
  assert.notEqual(s.werkmap.doc.marks?.norms, false, 'the norms switch is untouched');
  assert.deepEqual(refs(steps()), before, 'the JSON contract keeps the references');
  assert.ok(distinctColours(png) > 50, 'views-stappen-no-markers.png looks blank');
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
  const park = parking(s);
  s = await openPage(page, 'sofs', 'plan_b', park);
  const b = body(s);
  // The first chart of the page: the chart anchor nearest the top.
  const first = checkCharts(s, 'plan_b').sort((p, q) => s.anchors[p][1] - s.anchors[q][1])[0];
  for (let i = 0; i < 20 && s.anchors[first][1] + s.anchors[first][3] >= b.top; i++) {
    await scrollBy(page, 600, 85);
    s = await state(page);
  }
  assert.ok(s.anchors[first][1] + s.anchors[first][3] < b.top, `scrolled past the first chart ${first}`);
  assert.ok(s.anchors['sofs.plan_b.report_page'][1] < 0, 'the top of plan_b is out of view');
  await page.screenshot({ path: path.join(artifacts, 'views-plan_b-scrolled.png') });

  const inView = (r) => r && r[1] >= 0 && r[1] + r[3] <= height && r[1] >= b.top && r[1] + r[3] <= b.bottom;
  for (const [id, back] of [['duur', false], ['plan_b', true]]) {
    s = await openPage(page, 'sofs', id, park);
    const top = s.anchors[`sofs.${id}.report_page`];
    assert.ok(inView(top), `sofs/${id}${back ? ' (back again)' : ''} starts at the top: sofs.${id}.report_page at y ${top?.[1]}`);
    await page.screenshot({ path: path.join(artifacts, `views-switch-to-${id}.png`) });
    if (!back) {
      // Scroll down on duur too, so that going back to plan_b is again a switch from a scrolled page.
      await scrollBy(page, 900, 85);
      assert.ok((await state(page)).anchors['sofs.duur.report_page'][1] < b.top, 'duur scrolled down');
    }
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
