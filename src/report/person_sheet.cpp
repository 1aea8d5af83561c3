// The one-page sheet per person: icons first, few words, one A4 page (see person_sheet.h).
#include "report/person_sheet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "report/format.h"
#include "report/html_export.h"
#include "report/palette.h"

namespace zicht::report {
namespace {

using analysis::Table;
using analysis::Value;
using charts::Rgba;

// Sizes in millimetres so the page is the same on screen (794 × 1123 px is A4 at 96 dpi) and on paper: 9 rows of
// 24 mm, the header and the footer fit the 273 mm between the margins; more rows than 9 get the dense rows.
const char* kCss = R"CSS(
:root { color-scheme: light; }
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font: 15px/1.3 "Noto Sans", "DejaVu Sans", system-ui, sans-serif; color: #1d2530; }
main { width: 100%; max-width: 210mm; padding: 12mm; margin: 0 auto; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #1d2530;
         padding-bottom: 3mm; margin-bottom: 2mm; }
h1 { font-size: 30px; margin: 0; line-height: 1.1; }
.who { font-size: 22px; margin: 1mm 0 0; }
.latest { font-size: 14px; color: #5c6572; margin: 0; text-align: right; }
.row { display: grid; grid-template-columns: 24mm 1fr 38mm 54mm; align-items: center; column-gap: 4mm;
       height: 24mm; border-bottom: 1px solid #d0d4d8; break-inside: avoid; }
.icon svg { width: 20mm; height: 20mm; display: block; }
.domain { font-size: 19px; margin: 0; overflow-wrap: anywhere; }
.words { font-size: 22px; font-weight: 700; margin: 0; }
.digits { font-size: 32px; font-weight: 700; margin: 0; white-space: nowrap; font-variant-numeric: tabular-nums;
          text-align: center; }
.moments { font-size: 12px; color: #5c6572; margin: 0; text-align: center; white-space: nowrap; }
.spark svg { width: 54mm; height: 19mm; display: block; }
.dense .row { height: 19mm; }
.dense .icon svg { width: 15mm; height: 15mm; }
.dense .spark svg { height: 16mm; }
.dense .digits { font-size: 26px; }
.nothing { font-size: 20px; margin: 12mm 0; }
footer { display: flex; justify-content: space-between; margin-top: 3mm; font-size: 11px; color: #5c6572; }
@media print { main { max-width: none; padding: 0; } }
)CSS";

std::string esc(std::string_view s) { return html_escape(s); }

std::string rgb(Rgba c) {
  return "rgb(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ")";
}

Rgba key_colour(const char* key, Rgba fallback) {
  Rgba c;
  return charts::semantic_colour(key, charts::Style::light(), c) ? c : fallback;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

const Table* find_table(const analysis::Result& r, std::string_view id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

const Value* cell(const Table& t, const std::vector<Value>& row, std::string_view column) {
  const int c = t.column_index(column);
  return c >= 0 && size_t(c) < row.size() ? &row[size_t(c)] : nullptr;
}

std::string text_of(const Table& t, const std::vector<Value>& row, std::string_view column, i18n::Lang lang) {
  const Value* v = cell(t, row, column);
  return v ? v->text_in(lang) : std::string();
}

double number_of(const Table& t, const std::vector<Value>& row, std::string_view column) {
  const Value* v = cell(t, row, column);
  return v && v->is_number() ? v->as_double() : NAN;
}

// A score as the page shows it: at most one decimal, in the language's number format.
std::string score_text(double v, i18n::Lang lang) {
  return std::isfinite(v) ? format_number(std::round(v * 10) / 10, -1, lang) : "–";
}

// "dd/mm/yyyy" → yyyymmdd (0 when it is not a date).
long day_number(const std::string& s) {
  int d = 0, m = 0, y = 0;
  if (std::sscanf(s.c_str(), "%d/%d/%d", &d, &m, &y) != 3) return 0;
  return long(y) * 10000 + m * 100 + d;
}

// The instrument's range as the sheet table writes it ("0–10", Dutch decimal comma); false when it has none.
bool parse_range(std::string s, double& lo, double& hi) {
  std::replace(s.begin(), s.end(), ',', '.');
  const size_t dash = s.find("–");
  if (dash == std::string::npos) return false;
  const std::string a = s.substr(0, dash), b = s.substr(dash + std::string_view("–").size());
  char* end = nullptr;
  lo = std::strtod(a.c_str(), &end);
  if (end == a.c_str()) return false;
  hi = std::strtod(b.c_str(), &end);
  return end != b.c_str() && hi > lo;
}

enum class Icon { up, down, same, once, none };

// The large icon, drawn with shapes (a printer has no emoji font), labelled by its words for screen readers.
std::string icon_svg(Icon icon, const std::string& words) {
  const charts::Style st = charts::Style::light();
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\" class=\"icon-";
  o += icon == Icon::up ? "up" : icon == Icon::down ? "down" : icon == Icon::same ? "same" : icon == Icon::once ? "once" : "none";
  o += "\" aria-label=\"" + esc(words) + "\">";
  switch (icon) {
    case Icon::up:
      o += "<polygon points=\"32,3 61,33 43,33 43,61 21,61 21,33 3,33\" fill=\"" +
           rgb(key_colour("impact.plus", st.series[0])) + "\"/>";
      break;
    case Icon::down:
      o += "<polygon points=\"32,61 61,31 43,31 43,3 21,3 21,31 3,31\" fill=\"" +
           rgb(key_colour("impact.min", st.series[1])) + "\"/>";
      break;
    case Icon::same: {
      const std::string grey = rgb(key_colour("impact.onbekend", st.muted));
      o += "<rect x=\"6\" y=\"15\" width=\"52\" height=\"12\" rx=\"2\" fill=\"" + grey + "\"/>";
      o += "<rect x=\"6\" y=\"37\" width=\"52\" height=\"12\" rx=\"2\" fill=\"" + grey + "\"/>";
      break;
    }
    case Icon::once: o += "<circle cx=\"32\" cy=\"32\" r=\"14\" fill=\"" + rgb(st.muted) + "\"/>"; break;
    case Icon::none:
      o += "<circle cx=\"32\" cy=\"32\" r=\"22\" fill=\"none\" stroke=\"" + rgb(st.axis) + "\" stroke-width=\"5\"/>";
      break;
  }
  return o + "</svg>";
}

struct Point {
  std::string moment;
  double score = NAN;
};

// A small line of the scores per moment on the instrument's range: the range's ends as faint lines, a gap where a
// moment has no score, the moments' names under the first and last points (under each when there are few).
std::string sparkline(const std::vector<Point>& pts, double lo, double hi, const std::string& label, i18n::Lang lang) {
  const charts::Style st = charts::Style::light();
  const double x0 = 30, x1 = 200, y0 = 8, y1 = 52;
  const size_t n = pts.size();
  auto X = [&](size_t i) { return n <= 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * double(i) / double(n - 1); };
  auto Y = [&](double v) { return y1 - (y1 - y0) * (std::clamp(v, lo, hi) - lo) / (hi - lo); };
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 220 72\" role=\"img\" aria-label=\"" +
                  esc(label) + "\" font-family=\"'Noto Sans', 'DejaVu Sans', sans-serif\">";
  for (double v : {lo, hi}) {
    o += "<line x1=\"" + num(x0 - 4) + "\" x2=\"" + num(x1 + 4) + "\" y1=\"" + num(Y(v)) + "\" y2=\"" + num(Y(v)) +
         "\" stroke=\"" + rgb(st.grid) + "\" stroke-width=\"1.5\"/>";
    o += "<text x=\"" + num(x0 - 8) + "\" y=\"" + num(Y(v) + 4) + "\" font-size=\"11\" text-anchor=\"end\" fill=\"" +
         rgb(st.muted) + "\">" + esc(score_text(v, lang)) + "</text>";
  }
  std::string line;
  auto flush = [&] {
    if (std::count(line.begin(), line.end(), ',') >= 2)
      o += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + rgb(st.text) +
           "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>";
    line.clear();
  };
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(pts[i].score)) {
      flush();
      continue;
    }
    line += (line.empty() ? "" : " ") + num(X(i)) + "," + num(Y(pts[i].score));
  }
  flush();
  size_t last = n;
  for (size_t i = 0; i < n; ++i)
    if (std::isfinite(pts[i].score)) last = i;
  for (size_t i = 0; i < n; ++i) {
    if (std::isfinite(pts[i].score))
      o += "<circle cx=\"" + num(X(i)) + "\" cy=\"" + num(Y(pts[i].score)) + "\" r=\"" + (i == last ? "5" : "3.5") +
           "\" fill=\"" + rgb(st.text) + "\"/>";
    if (n <= 4 || i == 0 || i + 1 == n)
      o += "<text x=\"" + num(X(i)) + "\" y=\"68\" font-size=\"11\" text-anchor=\"" +
           (n > 1 && i == 0 ? "start" : n > 1 && i + 1 == n ? "end" : "middle") + "\" fill=\"" + rgb(st.muted) + "\">" +
           esc(pts[i].moment) + "</text>";
  }
  return o + "</svg>";
}

void open_page(std::string& out, i18n::Lang lang, const std::string& title, bool dense) {
  out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"";
  out += i18n::code(lang);
  out += "\" xml:lang=\"";
  out += i18n::code(lang);
  out += "\">\n<head>\n<meta charset=\"utf-8\"/>\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\"/>\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" + esc(title) +
         "</title>\n<style>";
  out += kCss;
  out += "</style>\n</head>\n<body>\n<main";
  out += dense ? " class=\"dense\">\n" : ">\n";
}

void close_page(std::string& out, const analysis::Provenance& prov, const std::string& person, i18n::Lang lang) {
  out += "<footer><span>";
  out += esc(i18n::format(i18n::tr("sheet.footer", lang), {prov.as_of.empty() ? "–" : prov.as_of}));
  out += "</span>";
  if (!person.empty()) out += "<span>" + esc(i18n::format(i18n::tr("sheet.code", lang), {person})) + "</span>";
  out += "</footer>\n</main>\n</body>\n</html>\n";
}

}  // namespace

std::string person_sheet_html(const analysis::Result& sheet, const analysis::Provenance& prov, i18n::Lang lang) {
  const std::string title = i18n::tr("sheet.title", lang);
  const Table* summary = find_table(sheet, "summary");
  const Table* scores = find_table(sheet, "sheet");
  const Table* who = find_table(sheet, "who");
  std::string out;
  if (!summary) {
    open_page(out, lang, title, false);
    out += "<header><h1>" + esc(title) + "</h1></header>\n<p class=\"nothing\">";
    out += esc(i18n::tr(prov.mode == "delen" ? "sheet.none_delen" : "sheet.none_person", lang));
    out += "</p>\n";
    close_page(out, prov, "", lang);
    return out;
  }
  std::string role, person;
  if (who && !who->rows.empty()) {
    role = text_of(*who, who->rows.front(), "who", lang);
    person = text_of(*who, who->rows.front(), "person", lang);
  }
  // The date of the latest score.
  std::string latest;
  long latest_day = 0;
  if (scores)
    for (const auto& row : scores->rows) {
      const std::string d = text_of(*scores, row, "date", lang);
      if (std::isfinite(number_of(*scores, row, "score")) && day_number(d) > latest_day) {
        latest_day = day_number(d);
        latest = d;
      }
    }
  open_page(out, lang, title, summary->rows.size() > 9);
  out += "<header><div><h1>" + esc(title) + "</h1>";
  if (!role.empty()) out += "<p class=\"who\">" + esc(role) + "</p>";
  out += "</div>";
  if (!latest.empty()) out += "<p class=\"latest\">" + esc(i18n::format(i18n::tr("sheet.latest", lang), {latest})) + "</p>";
  out += "</header>\n";
  const charts::Style st = charts::Style::light();
  for (const auto& row : summary->rows) {
    const std::string domain = text_of(*summary, row, "domain", lang);
    const std::string icon_code = text_of(*summary, row, "icon", lang);
    const std::string words = text_of(*summary, row, "words", lang);
    const double first = number_of(*summary, row, "first"), last = number_of(*summary, row, "last");
    const Icon icon = icon_code == "↑"   ? Icon::up
                      : icon_code == "↓" ? Icon::down
                      : icon_code == "=" ? Icon::same
                      : std::isfinite(first) ? Icon::once
                                             : Icon::none;
    // This domain's scores per moment, and the instrument's range.
    std::vector<Point> pts;
    double lo = NAN, hi = NAN;
    if (scores)
      for (const auto& s : scores->rows) {
        if (text_of(*scores, s, "domain", lang) != domain) continue;
        pts.push_back({text_of(*scores, s, "moment", lang), number_of(*scores, s, "score")});
        if (!std::isfinite(lo)) parse_range(text_of(*scores, s, "range", lang), lo, hi);
      }
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
      lo = hi = NAN;
      for (const auto& p : pts)
        if (std::isfinite(p.score)) {
          lo = std::isfinite(lo) ? std::min(lo, p.score) : p.score;
          hi = std::isfinite(hi) ? std::max(hi, p.score) : p.score;
        }
      if (!std::isfinite(lo)) lo = 0, hi = 10;
      if (hi - lo < 1) lo -= 0.5, hi += 0.5;
    }
    std::string first_moment, last_moment;
    for (const auto& p : pts)
      if (std::isfinite(p.score)) {
        if (first_moment.empty()) first_moment = p.moment;
        last_moment = p.moment;
      }
    const Rgba word_colour = icon == Icon::up     ? key_colour("impact.plus", st.series[0])
                             : icon == Icon::down ? key_colour("impact.min", st.series[1])
                                                  : st.muted;
    out += "<div class=\"row\">\n<div class=\"icon\">" + icon_svg(icon, words) + "</div>\n";
    out += "<div><p class=\"domain\">" + esc(domain) + "</p><p class=\"words\" style=\"color: " + rgb(word_colour) +
           "\">" + esc(words) + "</p></div>\n";
    out += "<div><p class=\"digits\">";
    if (std::isfinite(first) && std::isfinite(last)) {
      out += esc(i18n::format(i18n::tr("sheet.from_to", lang), {score_text(first, lang), score_text(last, lang)}));
      out += "</p><p class=\"moments\">" +
             esc(i18n::format(i18n::tr("sheet.from_to", lang), {first_moment, last_moment}));
    } else {
      out += esc(score_text(first, lang));
      if (std::isfinite(first)) out += "</p><p class=\"moments\">" + esc(first_moment);
    }
    out += "</p></div>\n<div class=\"spark\">";
    if (icon != Icon::none)
      out += sparkline(pts, lo, hi,
                       i18n::format(i18n::tr("sheet.chart", lang), {domain, score_text(lo, lang) + "–" + score_text(hi, lang)}),
                       lang);
    out += "</div>\n</div>\n";
  }
  close_page(out, prov, person, lang);
  return out;
}

}  // namespace zicht::report
