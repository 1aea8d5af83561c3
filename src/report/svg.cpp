#include "report/svg.h"

#include <cstdio>

#include "report/html_export.h"

namespace zicht::report::charts {
namespace {

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string colour(Rgba c) {
  return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ")";
}

std::string opacity(const char* attr, Rgba c) {
  if (c.a == 255) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, " %s=\"%.3f\"", attr, c.a / 255.0);
  return buf;
}

std::string points(const std::vector<float>& pts) {
  std::string s;
  for (size_t i = 0; i + 1 < pts.size(); i += 2) {
    if (i) s += ' ';
    s += num(pts[i]) + "," + num(pts[i + 1]);
  }
  return s;
}

}  // namespace

std::string to_svg(const Scene& scene, const Style& style, std::string_view id) {
  std::string o;
  o.reserve(4096 + scene.prims.size() * 80);
  const std::string& title = scene.title.empty() ? scene.description : scene.title;
  const std::string title_id = html_escape(id) + "-title", desc_id = html_escape(id) + "-desc";
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(scene.width) + " " + num(scene.height) +
       "\" width=\"" + num(scene.width) + "\" height=\"" + num(scene.height) + "\" role=\"img\"";
  if (!title.empty()) o += " aria-labelledby=\"" + title_id + "\"";
  if (!scene.title.empty() && !scene.description.empty()) o += " aria-describedby=\"" + desc_id + "\"";
  o += " font-family=\"'Noto Sans', 'DejaVu Sans', sans-serif\">\n";
  if (!title.empty()) o += "<title id=\"" + title_id + "\">" + html_escape(title) + "</title>\n";
  if (!scene.description.empty())
    o += "<desc id=\"" + desc_id + "\">" + html_escape(scene.description) + "</desc>\n";
  o += "<rect x=\"0\" y=\"0\" width=\"" + num(scene.width) + "\" height=\"" + num(scene.height) + "\" fill=\"" +
       colour(style.background) + "\"/>\n";
  for (const auto& p : scene.prims) {
    switch (p.kind) {
      case Prim::Kind::rect:
        o += "<rect x=\"" + num(p.x0) + "\" y=\"" + num(p.y0) + "\" width=\"" + num(p.x1 - p.x0) + "\" height=\"" +
             num(p.y1 - p.y0) + "\"";
        if (p.filled)
          o += " fill=\"" + colour(p.color) + "\"" + opacity("fill-opacity", p.color);
        else
          o += " fill=\"none\" stroke=\"" + colour(p.color) + "\" stroke-width=\"" + num(p.width) + "\"" +
               opacity("stroke-opacity", p.color);
        o += "/>\n";
        break;
      case Prim::Kind::line:
        o += "<line x1=\"" + num(p.x0) + "\" y1=\"" + num(p.y0) + "\" x2=\"" + num(p.x1) + "\" y2=\"" + num(p.y1) +
             "\" stroke=\"" + colour(p.color) + "\" stroke-width=\"" + num(p.width) + "\"" +
             opacity("stroke-opacity", p.color) + "/>\n";
        break;
      case Prim::Kind::polyline:
        o += "<polyline points=\"" + points(p.pts) + "\" fill=\"none\" stroke=\"" + colour(p.color) +
             "\" stroke-width=\"" + num(p.width) + "\" stroke-linejoin=\"round\"" + opacity("stroke-opacity", p.color) +
             "/>\n";
        break;
      case Prim::Kind::polygon:
        o += "<polygon points=\"" + points(p.pts) + "\" fill=\"" + colour(p.color) + "\"" +
             opacity("fill-opacity", p.color) + "/>\n";
        break;
      case Prim::Kind::circle:
        o += "<circle cx=\"" + num(p.x0) + "\" cy=\"" + num(p.y0) + "\" r=\"" + num(p.x1) + "\" fill=\"" +
             colour(p.color) + "\"" + opacity("fill-opacity", p.color) + "/>\n";
        break;
      case Prim::Kind::text: {
        const char* anchor = p.anchor == Anchor::middle ? "middle" : p.anchor == Anchor::end ? "end" : "start";
        o += "<text x=\"" + num(p.x0) + "\" y=\"" + num(p.y0) + "\" font-size=\"" + num(p.size) + "\" fill=\"" +
             colour(p.color) + "\" text-anchor=\"" + anchor + "\" dominant-baseline=\"central\"";
        if (p.bold) o += " font-weight=\"bold\"";
        if (p.rotate != 0) o += " transform=\"rotate(" + num(p.rotate) + " " + num(p.x0) + " " + num(p.y0) + ")\"";
        o += ">" + html_escape(p.text) + "</text>\n";
        break;
      }
    }
  }
  // Tooltips: transparent regions carrying a <title>.
  for (const auto& h : scene.hits)
    o += "<rect x=\"" + num(h.x0) + "\" y=\"" + num(h.y0) + "\" width=\"" + num(h.x1 - h.x0) + "\" height=\"" +
         num(h.y1 - h.y0) + "\" fill=\"transparent\"><title>" + html_escape(h.tip) + "</title></rect>\n";
  o += "</svg>\n";
  return o;
}

}  // namespace zicht::report::charts
