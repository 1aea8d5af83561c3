// Every result of every profile, on the demo (and filtered, in delen mode and in English), through views → scene,
// checked as a reader would check the chart (issue 17): series count = distinct values of the series column; a
// legend or direct labels whenever there are two or more series; no category repeated within a series; percent
// views on a 0–100 axis with "%" ticks and no Totaal / Ontbrekend / Niet van toepassing bar; Kaplan–Meier scenes
// with one curve per group; the Sankey with every flow of its table; no text outside the chart's box; no glyph
// the font atlas lacks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/explore.h"
#include "session/run.h"
#include "core/reader.h"
#include "demo/demo.h"
#include "glyph_atlas.h"
#include "privacy/privacy.h"
#include "privacy/pseudonym.h"
#include "report/json_export.h"
#include "report/palette.h"
#include "report/views.h"

using namespace zicht;
using analysis::Result;
using analysis::View;
using analysis::ViewKind;
namespace charts = report::charts;

namespace {

struct Demo {
  core::ReadResult sofs, binc, clients;
};

const Demo& demo() {
  static const Demo d = [] {
    Demo x;
    auto read = [](const std::string& text, const char* name) {
      return core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
    };
    demo::DemoOptions o;
    o.profile = "sofs";
    x.sofs = read(demo::generate_csv(o), "demo_sofs.csv");
    o.profile = "binc";
    x.binc = read(demo::generate_csv(o), "demo_binc.csv");
    o.part = "clients";
    x.clients = read(demo::generate_csv(o), "demo_binc_clients.csv");
    return x;
  }();
  return d;
}

analysis::ResultSet run(const std::string& profile, const nlohmann::json& werkmap = nlohmann::json::object(),
                        int k = 0) {
  const Demo& d = demo();
  std::vector<analysis::Input> in;
  std::vector<session::TableInput> tables;
  if (profile == "sofs") tables = {{"trajecten", "demo_sofs.csv", &d.sofs}};
  if (profile == "binc")
    tables = {{"modules", "demo_binc.csv", &d.binc}, {"clients", "demo_binc_clients.csv", &d.clients}};
  for (const auto& t : tables) in.push_back({t.name, t.data});
  if (profile == "generic") in = {{"demo_sofs.csv", &d.sofs}, {"demo_binc.csv", &d.binc}};
  analysis::Settings s;
  s.profile = profile;
  s.werkmap = werkmap;
  analysis::ResultSet set;
  std::string error;
  if (profile == "generic") set = analysis::explore(in, s);
  else REQUIRE(session::analyse(*session::find_profile(profile), tables, s, set, error));
  if (k > 0) {
    privacy::Pseudonymiser pseudo(std::vector<uint8_t>(32, 7));
    privacy::share(set, in, k, pseudo);
  }
  return set;
}

const analysis::Table* table_of(const Result& r, const View& v) {
  for (const auto& t : r.tables)
    if (t.id == v.table) return &t;
  return nullptr;
}

std::vector<std::string> texts(const charts::Scene& s) {
  std::vector<std::string> out;
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text) out.push_back(p.text);
  return out;
}

bool has_text(const charts::Scene& s, const std::string& t) {
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.text.find(t) != std::string::npos) return true;
  return false;
}

// The text's box from the shared metric: anchored at x, centred on y; rotated labels by their projection.
void check_inside(const charts::Scene& s, const std::string& what) {
  for (const auto& p : s.prims) {
    if (p.kind != charts::Prim::Kind::text || p.text.empty()) continue;
    const float w = charts::text_width(p.text, p.size);
    float x0 = p.x0, x1 = p.x0 + w;
    if (p.anchor == charts::Anchor::middle) x0 -= w / 2, x1 -= w / 2;
    if (p.anchor == charts::Anchor::end) x0 -= w, x1 -= w;
    float y0 = p.y0 - p.size * 0.6f, y1 = p.y0 + p.size * 0.6f;
    if (p.rotate != 0) {
      const float rad = std::fabs(p.rotate) * 3.14159265f / 180.0f, c = std::cos(rad), sn = std::sin(rad);
      const float ww = w * c, hh = w * sn;
      if (std::fabs(p.rotate) >= 89) {  // vertical axis titles: centred on their point
        x0 = p.x0 - p.size * 0.6f, x1 = p.x0 + p.size * 0.6f, y0 = p.y0 - w / 2, y1 = p.y0 + w / 2;
      } else {
        x0 = p.anchor == charts::Anchor::end ? p.x0 - ww : p.x0;
        x1 = x0 + ww;
        y0 = p.y0 - p.size * 0.6f;
        y1 = p.y0 + hh + p.size * 0.6f;
      }
    }
    INFO(what << ": text '" << p.text << "' at " << x0 << "…" << x1 << " × " << y0 << "…" << y1 << " in "
              << s.width << " × " << s.height);
    CHECK(x0 >= -2.0f);
    CHECK(x1 <= s.width + 2.0f);
    CHECK(y0 >= -2.0f);
    CHECK(y1 <= s.height + 2.0f);
  }
}

std::set<std::string> distinct(const analysis::Table& t, const View& v, const std::string& column,
                               i18n::Lang lang) {
  std::set<std::string> out;
  const int ci = t.column_index(column);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    bool drawn = true;
    for (const auto& rc : v.rows) {
      const std::string k = analysis::view_key(t.rows[i][static_cast<size_t>(t.column_index(rc.column))]);
      if (!rc.only.empty() && std::find(rc.only.begin(), rc.only.end(), k) == rc.only.end()) drawn = false;
      if (std::find(rc.except.begin(), rc.except.end(), k) != rc.except.end()) drawn = false;
    }
    if (drawn) out.insert(t.rows[i][static_cast<size_t>(ci)].text_in(lang));
  }
  return out;
}

void check_bar(const charts::BarSpec& b, const std::string& what) {
  const std::set<std::string> cats(b.categories.begin(), b.categories.end());
  INFO(what);
  CHECK(cats.size() == b.categories.size());  // no category twice within a series
  for (const auto& c : b.categories) {
    for (const char* bad : {"Totaal", "Ontbrekend", "Total", "Missing", "Ongeldig", "Invalid"}) CHECK(c != bad);
  }
}

// Everything a reader would check, for one result set.
size_t check_set(const analysis::ResultSet& set, i18n::Lang lang, const charts::Style& style, size_t& views_seen) {
  size_t results_with_views = 0;
  for (const Result& r : set.results) {
    if (!r.views.empty()) ++results_with_views;
    const std::vector<report::views::Built> built = report::views::build(r, lang, {}, style);
    for (const auto& b : built) {
      ++views_seen;
      const View* v = nullptr;
      for (const auto& x : r.views)
        if (x.id == b.view_id) v = &x;
      REQUIRE(v);
      const analysis::Table* t = table_of(r, *v);
      REQUIRE(t);
      const std::string what = r.id + "/" + v->id + " (" + std::string(i18n::code(lang)) + ")";
      INFO(what);
      for (float width : {560.0f, 980.0f}) {
        const charts::Scene s = report::views::layout(b, width, report::views::preferred_height(b, width, style), style);
        check_inside(s, what);
        CHECK_FALSE(s.description.empty());
        CHECK_FALSE(s.title.empty());
        for (const auto& txt : texts(s)) {
          const char32_t missing = glyph_atlas::first_missing(txt);
          INFO("glyph U+" << std::hex << static_cast<uint32_t>(missing) << " in '" << txt << "'");
          CHECK(missing == 0);
        }
        // Series: as many as the series column has distinct drawn values; named in a legend or at the line ends.
        // (A series column equal to x colours each bar by its own category: one series, no legend needed.)
        if (!v->series.empty() && v->series != v->x &&
            (v->kind == ViewKind::bar || v->kind == ViewKind::line || v->kind == ViewKind::dot) && v->facet.empty())
          CHECK(b.series == distinct(*t, *v, v->series, lang).size());
        if (b.series >= 2 && (v->kind == ViewKind::bar || v->kind == ViewKind::line || v->kind == ViewKind::dot)) {
          std::vector<std::string> names;
          if (b.spec.kind == charts::ChartSpec::Kind::bar)
            for (const auto& se : b.spec.bar.series) names.push_back(se.name);
          if (b.spec.kind == charts::ChartSpec::Kind::line)
            for (const auto& se : b.spec.line.series) names.push_back(se.name);
          if (b.spec.kind == charts::ChartSpec::Kind::dot)
            for (const auto& se : b.spec.dot.series) names.push_back(se.name);
          if (b.spec.kind == charts::ChartSpec::Kind::multiples)
            for (const auto& se : b.spec.multiples.panels.front().bar.series) names.push_back(se.name);
          for (const auto& n : names) {
            INFO("series '" << n << "' named in the scene");
            CHECK(has_text(s, n.substr(0, std::min<size_t>(n.size(), 12))));
          }
        }
        if (v->unit == analysis::Unit::percent &&
            (b.spec.kind == charts::ChartSpec::Kind::bar || b.spec.kind == charts::ChartSpec::Kind::line ||
             b.spec.kind == charts::ChartSpec::Kind::dot || b.spec.kind == charts::ChartSpec::Kind::multiples)) {
          CHECK(has_text(s, "100 %"));
          CHECK(has_text(s, "0 %"));
          for (const auto& txt : texts(s))
            for (const char* beyond : {"110 %", "120 %", "125 %", "150 %"}) CHECK(txt != beyond);
        }
      }
      if (b.spec.kind == charts::ChartSpec::Kind::bar) check_bar(b.spec.bar, what);
      if (b.spec.kind == charts::ChartSpec::Kind::multiples)
        for (const auto& p : b.spec.multiples.panels)
          if (p.kind == charts::ChartSpec::Kind::bar) check_bar(p.bar, what);
      if (v->kind == ViewKind::km) {
        // One curve per group: the facet (or series) column's distinct values.
        const std::string g = !v->facet.empty() ? v->facet : v->series;
        const size_t groups = g.empty() ? 1 : distinct(*t, *v, g, lang).size();
        size_t curves = 0;
        if (b.spec.kind == charts::ChartSpec::Kind::km) curves = b.spec.km.curves.size();
        for (const auto& p : b.spec.multiples.panels) curves += p.km.curves.size();
        CHECK(curves == groups);
      }
      if (v->kind == ViewKind::sankey) {
        size_t flows = 0;
        const int n = t->column_index(v->y[0]);
        for (const auto& row : t->rows) flows += row[static_cast<size_t>(n)].is_number() && row[static_cast<size_t>(n)].as_double() > 0;
        CHECK(b.spec.sankey.flows.size() == flows);
        CHECK(flows > 0);
      }
    }
  }
  return results_with_views;
}

charts::Style styled(bool dark, bool presentation) {
  charts::Style s = dark ? charts::Style::dark_theme() : charts::Style::light();
  s.font = 14;
  return presentation ? s.scaled_for_presentation() : s;
}

}  // namespace

TEST_CASE("every SofS, Binc and Verkennen result on the demo draws a chart a reader can trust") {
  for (const char* profile : {"sofs", "binc", "generic"}) {
    const analysis::ResultSet set = run(profile);
    size_t views = 0;
    const size_t with = check_set(set, i18n::Lang::nl, styled(false, false), views);
    INFO(profile);
    CHECK(views >= with);
    if (std::string(profile) == "sofs") CHECK(with == 13);  // all but the overview (headline cards)
    if (std::string(profile) == "binc") CHECK(with == 9);
    // English, dark and presentation: the same checks.
    check_set(set, i18n::Lang::en, styled(true, false), views);
    check_set(set, i18n::Lang::nl, styled(false, true), views);
  }
}

TEST_CASE("filtered and delen-mode runs keep the charts honest") {
  nlohmann::json filtered = {{"filters", {{"sofs", {{"status", "closed"}}}}}, {"denominator", "all"}};
  size_t views = 0;
  check_set(run("sofs", filtered), i18n::Lang::nl, styled(false, false), views);
  nlohmann::json orgs = {{"filters", {{"sofs", {{"organisations", {"ORG01", "ORG02"}}}}}}};
  check_set(run("sofs", orgs), i18n::Lang::nl, styled(false, false), views);
  check_set(run("sofs", {}, 5), i18n::Lang::nl, styled(false, false), views);
  check_set(run("binc", {}, 5), i18n::Lang::en, styled(false, false), views);
  CHECK(views > 20);
}

TEST_CASE("SofS steps: step × status, lopend and afgesloten in their own colours, published markers on closed") {
  const analysis::ResultSet set = run("sofs");
  const Result* r = set.find("sofs.steps");
  REQUIRE(r);
  REQUIRE(r->views.size() == 1);
  const auto built = report::views::build(*r, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(built.size() == 1);
  const charts::BarSpec& b = built[0].spec.bar;
  CHECK(b.horizontal);
  CHECK(b.series.size() == 2);  // lopend, afgesloten — never "alle" beside them
  CHECK(b.categories.size() == 11);
  CHECK(b.axis_min == 0);
  CHECK(b.axis_max == 100);
  CHECK(b.value_label == "% van trajecten — noemer: geldig");
  // W&P of closed trajectories: 166 / 215 = 77.2 % (SPEC §3.1), and the tooltip says so.
  bool tip = false;
  for (const auto& t : b.tips) tip = tip || t == "W&P (woord- en beeldverhaal) · afgesloten: 166 van 215 (77,2 %)";
  CHECK(tip);
  // The published figure sits on the closed series only.
  bool marker = false;
  for (const auto& m : b.references)
    if (m.series >= 0 && b.series[static_cast<size_t>(m.series)].name == "afgesloten")
      for (double v : m.values) marker = marker || std::fabs(v - 77.2) < 1e-9;
  CHECK(marker);
  // Switched off, the markers go.
  report::views::Marks off;
  off.published = false;
  CHECK(report::views::build(*r, i18n::Lang::nl, off, styled(false, false))[0].spec.bar.references.empty());
  // The colours mean the same on every chart: afgesloten in plan B's closed views too.
  const Result* pb = set.find("sofs.plan_b");
  REQUIRE(pb);
  const auto pbb = report::views::build(*pb, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(pbb.size() == 3);
  const charts::Rgba closed = b.series[1].name == "afgesloten" ? b.series[1].colour : b.series[0].colour;
  const charts::Rgba shown = pbb[1].spec.bar.series[0].colour;
  CHECK((closed.r == shown.r && closed.g == shown.g && closed.b == shown.b));
}

TEST_CASE("Binc: Sankey from the path table, Table 6 residuals on a diverging ramp, no Totaal among clusters") {
  const analysis::ResultSet set = run("binc");
  const Result* tr = set.find("binc.transitions");
  REQUIRE(tr);
  const auto tb = report::views::build(*tr, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(tb.size() == 1);
  CHECK(tb[0].spec.kind == charts::ChartSpec::Kind::sankey);
  double total = 0;
  for (const auto& f : tb[0].spec.sankey.flows) total += f.n;
  CHECK(total == 368);  // every child once: 368 children
  const Result* ot = set.find("binc.orgtype_by_status");
  REQUIRE(ot);
  const auto ob = report::views::build(*ot, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(ob.size() == 2);
  CHECK(ob[0].spec.bar.categories.size() == 11);  // the 11 organisation types, incl. "Niet van toepassing"
  CHECK(ob[1].spec.heatmap.diverging);
  const Result* pp = set.find("binc.pre_post");
  REQUIRE(pp);
  const auto pb = report::views::build(*pp, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(pb.size() == 1);
  for (const auto& c : pb[0].spec.bar.categories) CHECK(c != "Totaal");
  CHECK(pb[0].footer.find("Totaal") != std::string::npos);  // left out, and said so under the chart
}

TEST_CASE("views are exported in the JSON contract zicht.results/2") {
  const analysis::ResultSet set = run("sofs");
  const auto j = report::results_json(set, i18n::Lang::nl);
  CHECK(j["schema"] == "zicht.results/2");
  bool steps = false;
  for (const auto& r : j["results"])
    if (r["id"] == "sofs.steps") {
      const auto& v = r["views"][0];
      CHECK(v["kind"] == "bar");
      CHECK(v["series"] == "status");
      CHECK(v["y"]["unit"] == "percent");
      CHECK(v["denominator"]["policy"] == "valid");
      CHECK(v["colour_key"]["afgesloten"] == "status.afgesloten");
      CHECK(v["references"][0]["label"] == "Vlaanderen, evaluatie 2023");
      steps = true;
    }
  CHECK(steps);
}

TEST_CASE("every colour of meaning keeps 3:1 against the background in the light, dark and presentation themes") {
  const char* keys[] = {"status.afgesloten", "status.lopend", "status.alle", "role.contextbegeleider", "role.consulent",
                        "answer.ja", "answer.nee", "phase.pre", "phase.sofs", "phase.post", "duration.long",
                        "duration.short", "group.others", "group.none", "quality.flag"};
  for (const charts::Style& s : {styled(false, false), styled(true, false), styled(false, true), styled(true, true)}) {
    for (const char* k : keys) {
      charts::Rgba c;
      REQUIRE(charts::semantic_colour(k, s, c));
      INFO(k << (s.dark ? " dark" : " light") << (s.presentation ? " presentation" : ""));
      CHECK(charts::contrast_ratio(c, s.background) >= 3.0);
    }
    for (int i = 0; i < 8; ++i) {
      INFO("palette " << i << (s.dark ? " dark" : " light"));
      CHECK(charts::contrast_ratio(s.series[i], s.background) >= 3.0);
    }
    // Lopend and afgesloten, side by side on every status chart, are told apart.
    charts::Rgba open, closed;
    charts::semantic_colour("status.lopend", s, open);
    charts::semantic_colour("status.afgesloten", s, closed);
    CHECK((open.r != closed.r || open.g != closed.g || open.b != closed.b));
  }
  charts::Rgba unknown;
  CHECK_FALSE(charts::semantic_colour("status.unknown", styled(false, false), unknown));
}
