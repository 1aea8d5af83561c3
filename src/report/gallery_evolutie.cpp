// The evolutie views (issue 23) on fictitious tables, built through report/views as the analysis will emit them:
// score trajectories as small multiples on the instrument's 0–10 axis, medians with their Q1–Q3 band per domain,
// and a swimlane of days per phase per youngster.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "report/gallery.h"
#include "report/views.h"

namespace zicht::report::charts {
namespace {

using analysis::Result;
using analysis::Table;
using analysis::Text;
using analysis::Value;
using analysis::View;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Table table(const std::string& id, const std::vector<std::pair<std::string, Text>>& cols) {
  Table t;
  t.id = id;
  for (const auto& [cid, label] : cols) {
    analysis::Column c;
    c.id = cid;
    c.label = label;
    c.decimals = cid == "score" || cid == "median" || cid == "q1" || cid == "q3" ? 1 : -1;
    t.columns.push_back(c);
  }
  return t;
}

Value number(double v) { return Value::num(v); }

const char* const kMoments[4] = {"0m", "3m", "6m", "einde"};

Result trajectories() {
  Result r;
  r.id = "evolutie.trajectories";
  r.title = Text{"Scores per traject", "Scores per pathway"};
  r.unit = Text{"metingen", "measurements"};
  Table t = table("scores", {{"panel", Text{"traject", "pathway"}}, {"moment", Text{"meetmoment", "moment"}},
                             {"rol", Text{"ouder", "parent"}}, {"score", Text{"score", "score"}}});
  struct Traject {
    const char* nl;
    const char* en;
    double mother[4], father[4];
  };
  // NaN: no score at that moment (a gap in the line; a score with no neighbour is a dot).
  const Traject kTraject[] = {
      {"T003 · stijgend", "T003 · rising", {3.5, 4.5, 6.0, 7.5}, {4.0, 4.5, 5.5, 7.0}},
      {"T007 · U-vorm", "T007 · U-shape", {6.5, 4.0, 4.5, 7.0}, {6.0, kNaN, kNaN, 6.5}},
      {"T012 · U-vorm", "T012 · U-shape", {7.0, 5.0, 3.5, 6.0}, {6.5, 5.5, 4.0, 5.5}},
      {"T015 · dalend", "T015 · falling", {6.0, 5.5, kNaN, 3.5}, {5.5, 5.0, 4.0, 3.0}},
      {"T021 · vlak", "T021 · flat", {5.0, 5.5, 5.0, 5.5}, {4.5, 4.5, 5.0, 5.0}},
      {"T026 · stijgend", "T026 · rising", {2.5, 4.0, 5.5, 8.0}, {3.0, 3.5, 5.0, 7.5}},
      {"T030 · grillig", "T030 · erratic", {4.0, 7.0, 3.5, 6.5}, {kNaN, kNaN, kNaN, kNaN}},
      {"T034 · stijgend", "T034 · rising", {5.0, 6.0, 7.0, 8.5}, {kNaN, kNaN, 6.0, kNaN}},
  };
  for (const auto& tr : kTraject)
    for (int m = 0; m < 4; ++m)
      for (int role = 0; role < 2; ++role) {
        const double v = role == 0 ? tr.mother[m] : tr.father[m];
        if (!std::isfinite(v)) continue;  // no row: not measured
        t.rows.push_back({Value::label(Text{tr.nl, tr.en}), Value::str(kMoments[m]),
                          Value::label(role == 0 ? Text{"moeder", "mother"} : Text{"vader", "father"}), number(v)});
      }
  r.tables.push_back(std::move(t));
  View v;
  v.kind = analysis::ViewKind::line;
  v.table = "scores";
  v.x = "moment";
  v.x_scale = analysis::Scale::ordinal;
  v.series = "rol";
  v.y = {"score"};
  v.unit = analysis::Unit::score;
  v.of_nl = "score (0–10)";
  v.of_en = "score (0–10)";
  v.facet = "panel";
  v.axis_min = 0;
  v.axis_max = 10;
  r.views.push_back(std::move(v));
  return r;
}

Result median_band() {
  Result r;
  r.id = "evolutie.median";
  r.title = Text{"Mediaan per domein", "Median per domain"};
  r.unit = Text{"jongeren", "youngsters"};
  Table t = table("domains", {{"domain", Text{"domein", "domain"}}, {"moment", Text{"meetmoment", "moment"}},
                              {"median", Text{"mediaan", "median"}}, {"q1", Text{"Q1", "Q1"}},
                              {"q3", Text{"Q3", "Q3"}}, {"n", Text{"n", "n"}}});
  struct Domain {
    const char* nl;
    const char* en;
    double median[4], spread;
  };
  const Domain kDomains[] = {{"Veiligheid", "Safety", {4.5, 5.5, 6.0, 7.0}, 1.5},
                             {"Welzijn kind", "Child wellbeing", {5.0, 5.0, 5.5, 6.5}, 2.0},
                             {"Opvoeding", "Parenting", {4.0, 4.5, 5.5, 6.0}, 1.2},
                             {"Netwerk", "Network", {3.0, kNaN, 4.5, 5.5}, 1.8}};
  for (const auto& d : kDomains)
    for (int m = 0; m < 4; ++m) {
      if (!std::isfinite(d.median[m])) continue;  // not measured at 3 m
      const double lo = std::max(0.0, d.median[m] - d.spread * (1.1 - 0.1 * m)),
                   hi = std::min(10.0, d.median[m] + d.spread * (0.9 - 0.1 * m));
      t.rows.push_back({Value::label(Text{d.nl, d.en}), Value::str(kMoments[m]), number(d.median[m]), number(lo),
                        number(hi), Value::of(40 - 4 * m)});
    }
  r.tables.push_back(std::move(t));
  View v;
  v.kind = analysis::ViewKind::line;
  v.table = "domains";
  v.x = "moment";
  v.x_scale = analysis::Scale::ordinal;
  v.y = {"median"};
  v.columns = {"q1", "q3"};
  v.unit = analysis::Unit::score;
  v.of_nl = "mediaan (band: Q1–Q3)";
  v.of_en = "median (band: Q1–Q3)";
  v.facet = "domain";
  v.axis_min = 0;
  v.axis_max = 10;
  r.views.push_back(std::move(v));
  return r;
}

Result swimlane() {
  Result r;
  r.id = "evolutie.phases";
  r.title = Text{"Fasen per jongere", "Phases per youngster"};
  r.unit = Text{"dagen", "days"};
  Table t = table("phases", {{"jongere", Text{"jongere", "youngster"}}, {"fase", Text{"fase", "phase"}},
                             {"dagen", Text{"dagen", "days"}}});
  uint64_t seed = 23;
  auto next = [&] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(seed >> 11) * (1.0 / 9007199254740992.0);
  };
  for (int j = 1; j <= 40; ++j) {
    // Every youngster runs through the phases in order and has reached phase 2 to 6.
    const int reached = 2 + static_cast<int>(next() * 5);
    const std::string id = std::string(j < 10 ? "J0" : "J") + std::to_string(j);
    for (int f = 1; f <= reached; ++f)
      t.rows.push_back({Value::str(id),
                        Value::label(Text{"Fase " + std::to_string(f), "Phase " + std::to_string(f)}),
                        Value::of(static_cast<int64_t>(std::lround(14 + next() * (f == 3 ? 120 : 60))))});
  }
  r.tables.push_back(std::move(t));
  View v;
  v.kind = analysis::ViewKind::bar;
  v.table = "phases";
  v.x = "jongere";
  v.series = "fase";
  v.y = {"dagen"};
  v.unit = analysis::Unit::days;
  v.mode = analysis::BarMode::stacked;
  v.orientation = analysis::Orientation::horizontal;
  for (int f = 1; f <= 6; ++f) v.colour_keys.emplace_back("Fase " + std::to_string(f), "phase." + std::to_string(f));
  r.views.push_back(std::move(v));
  return r;
}

}  // namespace

std::vector<analysis::Result> evolutie_examples() { return {trajectories(), median_band(), swimlane()}; }

void add_evolutie_gallery(std::vector<GalleryChart>& g, i18n::Lang lang, const Style* style) {
  const char* ids[] = {"line_multiples", "line_band", "swimlane"};
  const auto examples = evolutie_examples();
  Style s = style ? *style : Style::light();
  for (size_t i = 0; i < examples.size(); ++i) {
    views::Built b;
    if (!views::build_one(examples[i], examples[i].views[0], lang, {}, s, b)) continue;
    b.footer.clear();  // drawn without views::layout: no denominator line under it
    GalleryChart c{ids[i], i18n::tr(("gallery." + std::string(ids[i])).c_str(), lang), b.spec,
                   views::preferred_height(b, 720, s)};
    if (c.spec.kind == ChartSpec::Kind::multiples) {
      // The gallery draws charts directly, not through views::layout: give the grid its columns here.
      c.spec.multiples.min_panel_width = s.font * 15;
      c.spec.multiples.columns = 3;
    }
    // Without a theme the semantic colours (the phases) give way to the palette, right in every theme.
    if (!style) {
      auto strip = [](std::vector<Series>& series) {
        for (auto& se : series) se.has_colour = false;
      };
      strip(c.spec.bar.series);
      strip(c.spec.line.series);
      for (auto& p : c.spec.multiples.panels) strip(p.line.series);
    }
    g.push_back(std::move(c));
  }
}

}  // namespace zicht::report::charts
