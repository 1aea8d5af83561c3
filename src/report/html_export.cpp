#include "report/html_export.h"

#include <algorithm>
#include <map>

#include "report/chart.h"
#include "report/csv_export.h"
#include "report/format.h"
#include "report/svg.h"

namespace zicht::report {
namespace {

const char* kCss = R"CSS(
:root { color-scheme: light; }
body { font: 15px/1.5 "Noto Sans", "DejaVu Sans", system-ui, sans-serif; color: #1d2530; background: #fff;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; border-bottom: 1px solid #d0d4d8; padding-bottom: .2rem; }
.unit, .meta { color: #5c6572; margin: 0 0 .75rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #d0d4d8; padding: .25rem .6rem; vertical-align: top; }
thead th { background: #d6e6f2; text-align: left; }
td.num { text-align: right; white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; }
figure.chart { margin: .5rem 0 1rem; } figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #5c6572; font-size: .85rem; }
.notes { color: #5c6572; }
.test { margin: .25rem 0 1rem; }
footer { margin-top: 3rem; color: #5c6572; font-size: .85rem; border-top: 1px solid #d0d4d8; padding-top: .5rem;
         overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
}
)CSS";

void append_escaped(std::string& out, std::string_view s) { out += html_escape(s); }

std::string tr(const char* key, i18n::Lang lang) { return i18n::tr(key, lang); }

void render_table(std::string& out, const analysis::Table& t, i18n::Lang lang) {
  out += "<table>\n<caption>";
  append_escaped(out, t.title.in(lang));
  out += "</caption>\n<thead><tr>";
  for (const auto& c : t.columns) {
    out += "<th scope=\"col\">";
    append_escaped(out, c.label.in(lang));
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
      const std::string text = format_value(row[i], t.columns[i].decimals, lang);
      if (i == 0) {
        out += "<th scope=\"row\">";
        append_escaped(out, text);
        out += "</th>";
      } else {
        out += row[i].is_number() ? "<td class=\"num\">" : "<td>";
        append_escaped(out, text);
        out += "</td>";
      }
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void render_test(std::string& out, const analysis::TestResult& t, i18n::Lang lang) {
  out += "<p class=\"test\">";
  append_escaped(out, format_test(t, lang));
  out += "</p>\n";
}

void render_result(std::string& out, const analysis::Result& r, i18n::Lang lang, const views::Marks& marks) {
  out += "<section id=\"";
  append_escaped(out, r.id);
  out += "\">\n<h2>";
  append_escaped(out, r.title.in(lang));
  out += "</h2>\n<p class=\"unit\">";
  append_escaped(out, tr("report.unit", lang) + ": " + r.unit.in(lang));
  out += "</p>\n";
  // Every view of the result, drawn by the same views → scene step as the screen.
  const charts::Style style = charts::Style::light();
  for (const views::Built& b : views::build(r, lang, marks, style)) {
    // A chart that needs more room (b.wide) is laid out wider; the page scales it to fit (svg max-width: 100%).
    const float w = b.wide > 760 ? std::min(b.wide, 1280.0f) : 760.0f;
    const charts::Scene scene = views::layout(b, w, views::preferred_height(b, w, style), style);
    if (!b.title.empty()) {
      out += "<h3>";
      append_escaped(out, b.title);
      out += "</h3>\n";
    }
    const char* kind = "bar";
    for (const auto& v : r.views)
      if (v.id == b.view_id) kind = analysis::view_kind_name(v.kind);
    out += "<figure class=\"chart\" data-kind=\"";
    append_escaped(out, kind);
    out += "\" data-view=\"";
    append_escaped(out, r.id + "." + b.view_id);
    out += "\">\n";
    out += charts::to_svg(scene, style, r.id + "-" + b.view_id + "-chart");  // ids unique in the document
    out += "<figcaption>";
    append_escaped(out, scene.description);
    out += "</figcaption>\n</figure>\n";
  }
  for (const auto& t : r.tables) render_table(out, t, lang);
  for (const auto& t : r.tests) render_test(out, t, lang);
  if (!r.notes.empty()) {
    out += "<ul class=\"notes\">\n";
    for (const auto& n : r.notes) {
      out += "<li>";
      append_escaped(out, n.in(lang));
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!r.flags.empty()) {
    // Counts per rule only: flagged values may be identifiers, which no export carries.
    std::map<std::string, size_t> by_rule;
    for (const auto& f : r.flags) ++by_rule[f.rule];
    out += "<table>\n<caption>";
    append_escaped(out, tr("report.flags", lang));
    out += "</caption>\n<thead><tr><th scope=\"col\">";
    append_escaped(out, tr("report.rule", lang));
    out += "</th><th scope=\"col\">n</th></tr></thead>\n<tbody>\n";
    for (const auto& [rule, n] : by_rule) {
      out += "<tr><th scope=\"row\">";
      append_escaped(out, i18n::tr("rule." + rule, lang));
      out += "</th><td class=\"num\">" + format_integer(static_cast<int64_t>(n), lang) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML
        out.push_back(ch);
    }
  }
  return out;
}

std::string results_html(const analysis::ResultSet& set, i18n::Lang lang, const HtmlOptions& options) {
  std::string out;
  const std::string title = options.title.empty() ? tr("report.title", lang) : options.title;
  if (options.standalone) {
    out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"";
    out += i18n::code(lang);
    out += "\" xml:lang=\"";
    out += i18n::code(lang);
    out += "\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>";
    append_escaped(out, title);
    out += "</title>\n<style>";
    out += kCss;
    out += "</style>\n</head>\n<body>\n";
  }
  // The fragment (the app's accessible twin) sits in a page whose <html lang> need not follow the language switch.
  if (options.standalone) {
    out += "<main>\n<h1>";
  } else {
    out += "<main lang=\"";
    out += i18n::code(lang);
    out += "\">\n<h1>";
  }
  append_escaped(out, title);
  out += "</h1>\n<p class=\"meta\">";
  std::string meta = tr("report.mode", lang) + ": " + set.provenance.mode;
  if (!set.provenance.as_of.empty()) meta += " · " + tr("report.as_of", lang) + ": " + set.provenance.as_of;
  append_escaped(out, meta);
  out += "</p>\n";
  for (const auto& [heading, text] : options.story) {
    if (text.empty()) continue;
    out += "<section class=\"story\">\n<h2>";
    append_escaped(out, tr("report.story", lang) + (heading.empty() ? "" : " — " + heading));
    out += "</h2>\n";
    // Paragraphs at blank lines; single newlines kept as line breaks.
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      std::string para = text.substr(start, end - start);
      if (!para.empty()) {
        out += "<p>";
        size_t a = 0;
        for (size_t b; (b = para.find('\n', a)) != std::string::npos; a = b + 1) {
          append_escaped(out, para.substr(a, b - a));
          out += "<br/>";
        }
        append_escaped(out, para.substr(a));
        out += "</p>\n";
      }
      start = end + 2;
    }
    out += "</section>\n";
  }
  for (const auto& r : set.results) render_result(out, r, lang, options.marks);
  for (const auto& f : options.figures) {
    out += "<section>\n<h2>";
    append_escaped(out, f.caption);
    out += "</h2>\n<figure class=\"chart\" data-kind=\"";
    append_escaped(out, f.id);
    out += "\">\n";
    out += f.svg;
    out += "<figcaption>";
    append_escaped(out, f.caption);
    out += "</figcaption>\n</figure>\n</section>\n";
  }
  out += "</main>\n";
  if (options.standalone) {
    out += "<footer>";
    append_escaped(out, tr("report.provenance", lang) + ": " + provenance_line(set.provenance));
    out += "</footer>\n</body>\n</html>\n";
  }
  return out;
}

}  // namespace zicht::report
