// Issue 7: the chart gallery in light, dark and presentation mode (dpr 1; light also at dpr 2) (screenshots in
// tests/e2e/artifacts/gallery-*.png), reached through the menus and the keyboard; PNG and SVG export of a chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, openApp, waitReady, state, clickAnchor, frames, decodePng, distinctColours, dist, artifacts } from './helpers.mjs';

const env = useApp();

const charts = ['bar_grouped', 'bar_stacked_horizontal', 'bar_stacked100', 'histogram', 'box', 'line_reference',
                'line_dense', 'km', 'heatmap', 'sankey', 'likert', 'slope', 'likert_items', 'funnel', 'small_multiples'];

// Pixels within tol of a colour.
function countColour(png, [r, g, b], tol = 6) {
  const { pixels, bpp } = decodePng(png);
  let n = 0;
  for (let i = 0; i < pixels.length; i += bpp)
    if (Math.abs(pixels[i] - r) <= tol && Math.abs(pixels[i + 1] - g) <= tol && Math.abs(pixels[i + 2] - b) <= tol) n++;
  return n;
}

const palettes = {
  light: [[0, 114, 178], [213, 94, 0], [0, 158, 115]],
  dark: [[86, 180, 233], [230, 159, 0], [0, 178, 130]],
};

// ImGui 1.86 samples keys once per frame: hold a key over a few frames so the press is seen.
async function key(page, k, ctrl = false) {
  if (ctrl) await page.keyboard.down('Control');
  await page.keyboard.down(k);
  await frames(page);
  await page.keyboard.up(k);
  if (ctrl) await page.keyboard.up('Control');
  await frames(page);
}

async function menu(page, top, item) {
  await clickAnchor(page, top);
  await frames(page);
  await clickAnchor(page, item);
  await frames(page, 4);
}

async function openGallery(dpr, width = 1280, height = 800) {
  const { context, page, log } = await openApp(env.browser, env.base, { dpr, width, height });
  await waitReady(page);
  await menu(page, 'menu.developer', 'menu.gallery');
  const s = await state(page);
  assert.equal(s.app.page, 'gallery');
  return { context, page, log };
}

// Every mode at dpr 1; dpr 2 once, in light mode: the backing store and palette do not depend on the theme, and the
// dark and presentation runs at dpr 2 cost CI five minutes to repeat what these four show.
for (const mode of ['light', 'dark', 'presentation']) {
  for (const dpr of mode === 'light' ? [1, 2] : [1]) {
    test(`gallery in ${mode} mode at dpr ${dpr}: every chart on the page, screenshots with the palette`, async () => {
      const { context, page, log } = await openGallery(dpr);
      if (mode === 'dark') await menu(page, 'menu.view', 'menu.theme_dark');
      if (mode === 'presentation') {
        await key(page, 'F9');
        await page.waitForTimeout(400);
      }
      const s = await state(page);
      assert.equal(s.app.theme, mode === 'dark' ? 'dark' : 'light');
      assert.equal(s.presentation, mode === 'presentation');
      for (const id of charts) assert.ok(s.anchors[`gallery.${id}`], `chart ${id} missing`);
      const colours = palettes[mode === 'dark' ? 'dark' : 'light'];
      const seen = new Set();
      // Each chart in turn, through the gallery's "go to chart" list (it scrolls the chart to the top).
      for (const [i, id] of charts.entries()) {
        await menu(page, 'gallery.jump', `gallery.jump.${id}`);
        await page.mouse.move(5, 700);  // over the navigation: no tooltip in the picture
        await frames(page);
        const r = (await state(page)).anchors[`gallery.${id}`];
        // Scrolled to the top of the chart area (or, near the end of the page, fully on screen).
        assert.ok(r[1] >= 0 && (r[1] < 330 || r[1] + r[3] <= 770), `chart ${id} was scrolled into view (y ${r[1]}, h ${r[3]})`);
        const png = await page.screenshot({ path: path.join(artifacts, `gallery-${mode}-dpr${dpr}-${String(i + 1).padStart(2, '0')}-${id}.png`) });
        assert.ok(distinctColours(png) > 50, `screenshot of ${id} looks blank`);
        colours.forEach((c, k) => { if (countColour(png, c) > 100 * dpr * dpr) seen.add(k); });
      }
      assert.equal(seen.size, colours.length, `palette colours seen: ${[...seen]}`);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

test('Ctrl+digit switches pages; usable at 1024×640', async () => {
  const { context, page } = await openApp(env.browser, env.base, { width: 1024, height: 640 });
  await waitReady(page);
  await page.mouse.move(600, 300);
  await key(page, '2', true);
  await page.waitForTimeout(150);
  assert.equal((await state(page)).app.page, 'data');
  await key(page, '1', true);
  await page.waitForTimeout(150);
  assert.equal((await state(page)).app.page, 'start');
  await menu(page, 'menu.developer', 'menu.gallery');
  const s = await state(page);
  const r = s.anchors['gallery.bar_grouped'];
  assert.ok(r[0] > 0 && r[0] + r[2] <= 1024, 'the chart fits the window width');
  await page.screenshot({ path: path.join(artifacts, 'gallery-1024x640.png') });
  await context.close();
});

test('PNG export is a PNG of the chart at the pixel ratio; SVG export is the SVG', async () => {
  const { context, page } = await openGallery(2);
  const s = await state(page);
  const rect = s.anchors['gallery.bar_grouped'];
  let dl = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'gallery.bar_grouped.png');
  let download = await dl;
  assert.equal(download.suggestedFilename(), 'zicht-bar_grouped.png');
  const pngPath = path.join(artifacts, 'export-bar_grouped.png');
  await download.saveAs(pngPath);
  const png = fs.readFileSync(pngPath);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const { width, height } = decodePng(png);
  assert.equal(width, Math.round(rect[2] * 2));
  assert.equal(height, Math.round(rect[3] * 2));
  assert.ok(distinctColours(png) > 20, 'the exported PNG looks blank');
  assert.ok(countColour(png, palettes.light[0]) > 1000, 'the bars are in the PNG');

  await menu(page, 'gallery.jump', 'gallery.jump.heatmap');
  dl = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'gallery.heatmap.svg');
  download = await dl;
  assert.equal(download.suggestedFilename(), 'zicht-heatmap.svg');
  const svgPath = path.join(artifacts, 'export-heatmap.svg');
  await download.saveAs(svgPath);
  const svg = fs.readFileSync(svgPath, 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.trim(), /<\/svg>$/);
  await context.close();
});
