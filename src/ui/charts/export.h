#pragma once
// PNG and SVG export of a chart. SVG is the report's own writer (report::charts::to_svg). PNG renders the chart's
// Scene once more into an offscreen framebuffer at the screen's pixel ratio, after the frame, reads it back
// (glReadPixels) and encodes it with stb_image_write — so the file is the chart alone, whatever is scrolled or
// hovered on screen.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "report/chart.h"

namespace zicht::ui::charts {

// "PNG" and "SVG" buttons (on the current line); file_stem names the downloads (file_stem.png / .svg). anchor, when
// set, is called after each button with its name suffix (".png", ".svg") for the test hook.
void export_buttons(const report::charts::Scene& scene, const report::charts::Style& style,
                    const std::string& file_stem, i18n::Lang lang,
                    const std::function<void(const std::string&)>& anchor = {});

// Queues a PNG export; done by render_pending_exports after the frame.
void request_png(const report::charts::Scene& scene, const report::charts::Style& style, const std::string& file_name);

// Call after the frame was rendered (GL context current, ImGui font texture uploaded): renders, encodes and offers
// each queued chart as a download. scale: device pixels per CSS pixel.
void render_pending_exports(float scale);

// RGBA rows top to bottom → PNG bytes.
std::vector<uint8_t> encode_png(const uint8_t* rgba, int width, int height);

}  // namespace zicht::ui::charts
