// Survey views (issue 20; the kerndataset profile): Likert items as diverging stacked bars, slope graphs and the
// follow-up attrition funnel, from made-up tables with real-looking numbers, through views → spec → scene → SVG
// in Dutch and English; the frequency and impact colour keys on the light, dark and presentation backgrounds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/gallery.h"
#include "report/palette.h"
#include "report/svg.h"
#include "report/views.h"

using namespace zicht;
using analysis::Result;
using analysis::Table;
using analysis::Text;
using analysis::Value;
using analysis::View;
using analysis::ViewKind;
using i18n::Lang;
namespace charts = report::charts;
namespace views = report::views;

namespace {

charts::Style styled(bool dark, bool presentation) {
  charts::Style s = dark ? charts::Style::dark_theme() : charts::Style::light();
  s.font = 14;
  return presentation ? s.scaled_for_presentation() : s;
}

std::vector<charts::Style> all_styles() {
  return {styled(false, false), styled(true, false), styled(false, true), styled(true, true)};
}

struct Col {
  std::string id, nl, en;
  int decimals = -1;
};

Table make_table(const std::string& id, const std::vector<Col>& cols, std::vector<std::vector<Value>> rows) {
  Table t;
  t.id = id;
  for (const auto& c : cols) {
    analysis::Column col;
    col.id = c.id;
    col.label = Text{c.nl.empty() ? c.id : c.nl, c.en.empty() ? c.id : c.en};
    col.decimals = c.decimals;
    t.columns.push_back(col);
  }
  t.rows = std::move(rows);
  return t;
}

Value S(const std::string& s) { return Value::str(s); }
Value N(double v) {
  Value x;
  x.kind = Value::Kind::number;
  x.d = v;
  return x;
}

bool has_text(const charts::Scene& s, const std::string& t) {
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.text == t) return true;
  return false;
}

bool has_text_containing(const charts::Scene& s, const std::string& t) {
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.text.find(t) != std::string::npos) return true;
  return false;
}

bool has_tip(const charts::Scene& s, const std::string& t) {
  for (const auto& h : s.hits)
    if (h.tip == t) return true;
  return false;
}

// Horizontal text inside the scene and never over other horizontal text (the shared metric, as the chart tests).
void check_labels(const charts::Scene& s, const std::string& what) {
  struct B { float l, t, r, b; std::string text; };
  std::vector<B> boxes;
  for (const auto& p : s.prims) {
    if (p.kind != charts::Prim::Kind::text || p.text.empty() || p.rotate != 0) continue;
    const float w = charts::text_width(p.text, p.size);
    const float l = p.anchor == charts::Anchor::start ? p.x0 : p.anchor == charts::Anchor::middle ? p.x0 - w / 2 : p.x0 - w;
    boxes.push_back({l, p.y0 - p.size / 2, l + w, p.y0 + p.size / 2, p.text});
  }
  for (size_t i = 0; i < boxes.size(); ++i) {
    INFO(what << ": '" << boxes[i].text << "' " << boxes[i].l << "…" << boxes[i].r << " in " << s.width);
    CHECK(boxes[i].l >= -1);
    CHECK(boxes[i].r <= s.width + 1);
    CHECK(boxes[i].t >= -1);
    CHECK(boxes[i].b <= s.height + 1);
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const auto& a = boxes[i];
      const auto& b = boxes[j];
      INFO("over '" << b.text << "'");
      CHECK_FALSE((a.l < b.r - 0.5f && b.l < a.r - 0.5f && a.t < b.b - 0.5f && b.t < a.b - 0.5f));
    }
  }
}

bool well_formed_svg(const std::string& svg) {
  return svg.rfind("<svg", 0) == 0 && svg.find("</svg>") != std::string::npos;
}

// --- Likert: the kerndataset's parent items ------------------------------------------------------------------

const char* kLong = "De contextbegeleider nam de tijd om te luisteren naar wat ik belangrijk vond voor mijn gezin";

Result likert_result() {
  Result r;
  r.id = "kern.parent_items";
  r.title = Text{"Vragenlijst ouders", "Parent questionnaire"};
  r.unit = Text{"ouders", "parents"};
  r.tables.push_back(make_table(
      "items",
      {{"item_id", "item", "item"}, {"item", "uitspraak", "statement"},
       {"n_1", "Helemaal niet akkoord", "Strongly disagree"}, {"n_2", "Niet akkoord", "Disagree"},
       {"n_3", "Neutraal", "Neutral"}, {"n_4", "Akkoord", "Agree"}, {"n_5", "Helemaal akkoord", "Strongly agree"},
       {"nvt", "n.v.t.", "n/a"}, {"missing", "ontbrekend", "missing"}},
      {{S("o1"), S(kLong), N(2), N(4), N(34), N(30), N(10), N(1), N(1)},
       {S("o2"), S("Ik weet bij wie ik terecht kan"), N(1), N(2), N(10), N(40), N(39), N(0), N(2)},
       {S("o3"), S("Mijn netwerk werd betrokken"), N(5), N(10), N(20), N(30), N(20), N(0), N(0)},
       {S("totaal"), S("Totaal"), N(8), N(16), N(64), N(100), N(69), N(1), N(3)}}));
  View v;
  v.id = "items";
  v.kind = ViewKind::likert;
  v.table = "items";
  v.x = "item";
  v.x_key = "item_id";
  v.y = {"n_1", "n_2", "n_3", "n_4", "n_5"};
  v.columns = {"n_3", "nvt"};
  v.missing_column = "missing";
  v.rows = {{"item_id", {}, {"totaal"}}};
  r.views.push_back(v);
  return r;
}

}  // namespace

TEST_CASE("likert: items in data order, levels from the column labels, neutral centred, tooltips and the n line") {
  const Result r = likert_result();
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  REQUIRE(b.spec.kind == charts::ChartSpec::Kind::likert);
  const auto& l = b.spec.likert;
  REQUIRE(l.items.size() == 3);  // the Totaal row is not an item
  CHECK(l.items[0] == kLong);
  CHECK(l.items[1] == "Ik weet bij wie ik terecht kan");
  CHECK(l.items[2] == "Mijn netwerk werd betrokken");
  CHECK(l.levels == std::vector<std::string>{"Helemaal niet akkoord", "Niet akkoord", "Neutraal", "Akkoord",
                                             "Helemaal akkoord"});
  CHECK(l.neutral == 2);
  CHECK(l.axis_max == 100);
  REQUIRE(l.counts.size() == 3);
  CHECK(l.counts[0] == std::vector<double>{2, 4, 34, 30, 10});
  CHECK(l.counts[1] == std::vector<double>{1, 2, 10, 40, 39});
  REQUIRE(l.tips.size() == 15);
  CHECK(l.tips[2] == std::string(kLong) + ", Neutraal: 34 van 80 (42,5 %)");
  CHECK(l.tips[1 * 5 + 4] == "Ik weet bij wie ik terecht kan, Helemaal akkoord: 39 van 92 (42,4 %)");
  CHECK(b.footer == "n = 80–92 per item geantwoord; 3 ontbrekend; 1 niet van toepassing");
  CHECK(b.categories == 3);
  CHECK(b.series == 5);
  CHECK(b.description.find("Ik weet bij wie ik terecht kan (85,9 %)") != std::string::npos);

  // English: the level names and the words of the line.
  views::Built e;
  REQUIRE(views::build_one(r, r.views[0], Lang::en, {}, st, e));
  CHECK(e.spec.likert.levels[0] == "Strongly disagree");
  CHECK(e.spec.likert.tips[2] == std::string(kLong) + ", Neutral: 34 of 80 (42.5 %)");
  CHECK(e.footer == "n = 80–92 answered per item; 3 missing; 1 not applicable");

  // The scene: percent axis 100 % … 0 … 100 %, never beyond; every level in the legend; tooltips on the bars; the
  // long statement wrapped (its first words on a line), its full text in a tooltip; no label over another.
  for (const auto& style : all_styles())
    for (float w : {560.0f, 980.0f}) {
      const auto sc = views::layout(b, w, views::preferred_height(b, w, style), style);
      CHECK(has_text(sc, "100 %"));
      CHECK(has_text(sc, "0 %"));
      CHECK_FALSE(has_text_containing(sc, "150 %"));
      CHECK_FALSE(has_text_containing(sc, "125 %"));
      for (const auto& lev : l.levels) CHECK(has_text(sc, lev));
      CHECK(has_tip(sc, std::string(kLong) + ", Neutraal: 34 van 80 (42,5 %)"));
      CHECK(has_text_containing(sc, "De contextbegeleider"));
      CHECK_FALSE(has_text(sc, kLong));  // too long for one line at these widths: wrapped
      // Shortened only when two lines do not hold it: then the full text is in a tooltip.
      bool cut = false;
      for (const auto& p : sc.prims) {
        const size_t ell = p.kind == charts::Prim::Kind::text ? p.text.find("…") : std::string::npos;
        cut = cut || (ell != std::string::npos && ell > 0 && std::string(kLong).find(p.text.substr(0, ell)) != std::string::npos);
      }
      if (w < 600) CHECK(cut);
      CHECK(has_tip(sc, kLong) == cut);
      CHECK(has_text_containing(sc, cut ? "De contextbegeleider" : "gezin"));
      CHECK(has_text_containing(sc, "Ik weet bij wie"));
      CHECK(has_text_containing(sc, "n = 80–92 per item geantwoord;"));
      check_labels(sc, "likert " + std::to_string(static_cast<int>(w)) + (style.dark ? " dark" : "") +
                           (style.presentation ? " presentation" : ""));
    }
  // The report path: SVG with the item labels and the description.
  const auto scenes = views::scenes(r, Lang::nl, 760, {}, st);
  REQUIRE(scenes.size() == 1);
  const std::string svg = charts::to_svg(scenes[0], st);
  CHECK(well_formed_svg(svg));
  CHECK(svg.find("Ik weet bij wie ik terecht kan") != std::string::npos);
  CHECK(svg.find("Mijn netwerk werd betrokken") != std::string::npos);
  CHECK(svg.find("De contextbegeleider") != std::string::npos);
  CHECK(svg.find(std::string("<title>") + kLong + "</title>") != std::string::npos);  // the full statement
  CHECK(svg.find("<desc") != std::string::npos);
}

TEST_CASE("likert: sort by the positive share, no neutral level, and views that cannot be drawn") {
  const auto st = styled(false, false);
  Result r = likert_result();
  r.views[0].sort = analysis::Sort::value_desc;  // positive: 50 %, 85,9 %, 58,8 %
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  CHECK(b.spec.likert.items == std::vector<std::string>{"Ik weet bij wie ik terecht kan", "Mijn netwerk werd betrokken", kLong});
  CHECK(b.spec.likert.counts[0] == std::vector<double>{1, 2, 10, 40, 39});
  CHECK(b.spec.likert.tips[0] == "Ik weet bij wie ik terecht kan, Helemaal niet akkoord: 1 van 92 (1,1 %)");

  // Four levels, no neutral: the centre between the halves; no NVT or missing columns named: not in the line.
  Result even = likert_result();
  View& v = even.views[0];
  v.y = {"n_1", "n_2", "n_4", "n_5"};
  v.columns = {""};
  v.missing_column.clear();
  REQUIRE(views::build_one(even, v, Lang::nl, {}, st, b));
  CHECK(b.spec.likert.neutral == -1);
  CHECK(b.spec.likert.tips[3] == std::string(kLong) + ", Helemaal akkoord: 10 van 46 (21,7 %)");
  CHECK(b.footer == "n = 46–82 per item geantwoord");
  CHECK(views::layout(b, 700, views::preferred_height(b, 700, st), st).prims.size() > 20);

  // Undrawable: a missing table, a missing level column, a neutral level that is not a level, an absent NVT or
  // missing column, one level only. No crash, no chart.
  auto refuses = [&](auto change) {
    Result x = likert_result();
    change(x, x.views[0]);
    views::Built o;
    CHECK_FALSE(views::build_one(x, x.views[0], Lang::nl, {}, st, o));
    CHECK(views::build(x, Lang::nl, {}, st).empty());
  };
  refuses([](Result&, View& w) { w.table = "absent"; });
  refuses([](Result&, View& w) { w.y[4] = "n_6"; });
  refuses([](Result&, View& w) { w.columns[0] = "nvt_neutral"; });
  refuses([](Result&, View& w) { w.columns[0] = "nvt"; });
  refuses([](Result&, View& w) { w.columns[1] = "absent"; });
  refuses([](Result&, View& w) { w.missing_column = "absent"; });
  refuses([](Result&, View& w) { w.y = {"n_1"}; });
  refuses([](Result&, View& w) { w.x = "absent"; });
  refuses([](Result&, View& w) { w.rows = {{"item_id", {"none"}, {}}}; });
}

// --- Slope: the perspective gap ------------------------------------------------------------------------------

namespace {

Result slope_result() {
  Result r;
  r.id = "kern.perspective_gap";
  r.title = Text{"Perspectief ouder en werker", "Parent and worker perspective"};
  r.unit = Text{"paren", "pairs"};
  r.tables.push_back(make_table(
      "gap",
      {{"item", "uitspraak", "statement"}, {"mean_parent", "ouders", "parents", 1},
       {"mean_worker", "werkers", "workers", 1}, {"n_pairs", "paren", "pairs"}, {"missing", "ontbrekend", "missing"},
       {"block", "blok", "block"}},
      {{S("Ik werd gehoord"), N(3.4), N(3.8), N(34), N(2), S("Blok 1")},
       {S("De hulp kwam op tijd"), N(3.9), N(3.6), N(30), N(3), S("Blok 1")},
       {S("Ik weet wat de volgende stap is"), N(3.2), N(3.2), N(31), N(0), S("Blok 2")}}));
  View v;
  v.id = "gap";
  v.kind = ViewKind::slope;
  v.table = "gap";
  v.x = "item";
  v.y = {"mean_parent", "mean_worker"};
  v.unit = analysis::Unit::score;
  v.numerators = {"n_pairs"};
  v.missing_column = "missing";
  r.views.push_back(v);
  return r;
}

}  // namespace

TEST_CASE("slope: ends titled by the columns, changes written, tooltips with the pairs, the n line") {
  const Result r = slope_result();
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  REQUIRE(b.spec.kind == charts::ChartSpec::Kind::slope);
  const auto& s = b.spec.slope;
  CHECK(s.from_label == "ouders");
  CHECK(s.to_label == "werkers");
  CHECK(s.names == std::vector<std::string>{"Ik werd gehoord", "De hulp kwam op tijd", "Ik weet wat de volgende stap is"});
  CHECK(s.from == std::vector<double>{3.4, 3.9, 3.2});
  CHECK(s.to == std::vector<double>{3.8, 3.6, 3.2});
  CHECK(s.decimals == 1);
  CHECK(s.unit_suffix.empty());
  CHECK(s.show_change);
  REQUIRE(s.colours.size() == 3);
  CHECK(s.legend_names.empty());  // one colour: no legend
  REQUIRE(s.tips.size() == 3);
  CHECK(s.tips[0] == "Ik werd gehoord: ouders 3,4 → werkers 3,8 (+0,4); gemiddelde over 34 paren");
  CHECK(s.tips[1] == "De hulp kwam op tijd: ouders 3,9 → werkers 3,6 (−0,3); gemiddelde over 30 paren");
  CHECK(s.tips[2] == "Ik weet wat de volgende stap is: ouders 3,2 → werkers 3,2 (±0,0); gemiddelde over 31 paren");
  CHECK(b.footer == "n = 30–34; 5 ontbrekend");
  CHECK(b.description.find("De hulp kwam op tijd (−0,3)") != std::string::npos);
  CHECK(b.description.find("Ik werd gehoord (+0,4)") != std::string::npos);

  views::Built e;
  REQUIRE(views::build_one(r, r.views[0], Lang::en, {}, st, e));
  CHECK(e.spec.slope.from_label == "parents");
  CHECK(e.spec.slope.tips[0] == "Ik werd gehoord: parents 3.4 → workers 3.8 (+0.4); mean over 34 pairs");
  CHECK(e.footer == "n = 30–34; 5 missing");

  // Rising and falling told apart without colour: the change is in the end labels.
  for (const auto& style : all_styles()) {
    const auto sc = views::layout(b, 760, views::preferred_height(b, 760, style), style);
    CHECK(has_text_containing(sc, "3,8 (+0,4)  Ik werd"));
    CHECK(has_text_containing(sc, "3,6 (−0,3)  De hulp"));
    CHECK(has_text_containing(sc, "3,2 (±0,0)  Ik weet"));
    CHECK(has_text_containing(sc, "Ik werd gehoord  3,4"));
    CHECK(has_text(sc, "ouders"));
    CHECK(has_text(sc, "werkers"));
    CHECK(has_tip(sc, s.tips[0]));
    check_labels(sc, std::string("slope") + (style.dark ? " dark" : "") + (style.presentation ? " presentation" : ""));
  }
  const auto scenes = views::scenes(r, Lang::nl, 760, {}, st);
  REQUIRE(scenes.size() == 1);
  const std::string svg = charts::to_svg(scenes[0], st);
  CHECK(well_formed_svg(svg));
  CHECK(svg.find("Ik weet wat de volgende stap is") != std::string::npos);
  CHECK(svg.find("De hulp kwam op tijd") != std::string::npos);
}

TEST_CASE("slope: series colours through colour keys, percent unit, decimals, and views that cannot be drawn") {
  const auto st = styled(false, false);
  Result r = slope_result();
  View& v = r.views[0];
  v.series = "block";
  v.colour_keys = {{"Blok 2", "phase.post"}};
  v.unit = analysis::Unit::percent;
  r.tables[0].columns[1].decimals = 2;
  v.numerators.clear();
  v.missing_column.clear();
  views::Built b;
  REQUIRE(views::build_one(r, v, Lang::nl, {}, st, b));
  const auto& s = b.spec.slope;
  CHECK(s.decimals == 2);
  CHECK(s.unit_suffix == " %");
  CHECK(s.legend_names == std::vector<std::string>{"Blok 1", "Blok 2"});
  charts::Rgba post;
  REQUIRE(charts::semantic_colour("phase.post", st, post));
  REQUIRE(s.colours.size() == 3);
  CHECK((s.colours[2].r == post.r && s.colours[2].g == post.g && s.colours[2].b == post.b));
  CHECK((s.colours[0].r == st.series[0].r && s.colours[0].g == st.series[0].g));  // unkeyed: the palette
  CHECK((s.colours[0].r == s.colours[1].r && s.colours[0].b == s.colours[1].b));
  CHECK(s.tips[0] == "Ik werd gehoord: ouders 3,40 % → werkers 3,80 % (+0,40)");
  CHECK(b.footer.empty());
  const auto sc = views::layout(b, 760, views::preferred_height(b, 760, st), st);
  CHECK(has_text(sc, "Blok 1"));
  CHECK(has_text(sc, "Blok 2"));
  check_labels(sc, "slope with series");

  auto refuses = [&](auto change) {
    Result x = slope_result();
    change(x, x.views[0]);
    views::Built o;
    CHECK_FALSE(views::build_one(x, x.views[0], Lang::nl, {}, st, o));
  };
  refuses([](Result&, View& w) { w.y = {"mean_parent"}; });
  refuses([](Result&, View& w) { w.y = {"mean_parent", "mean_worker", "n_pairs"}; });
  refuses([](Result&, View& w) { w.y[1] = "absent"; });
  refuses([](Result&, View& w) { w.series = "absent"; });
  refuses([](Result&, View& w) { w.numerators = {"absent"}; });
  refuses([](Result&, View& w) { w.table = "absent"; });
  refuses([](Result& x, View&) { x.tables[0].rows.clear(); });
}

// --- Funnel: the follow-up attrition ---------------------------------------------------------------------------

namespace {

Result funnel_result(bool faceted) {
  Result r;
  r.id = "kern.followup";
  r.title = Text{"Opvolging", "Follow-up"};
  r.unit = Text{"trajecten", "pathways"};
  std::vector<std::vector<Value>> rows;
  const std::vector<std::pair<std::string, std::string>> stages = {
      {"afgesloten trajecten", "closed pathways"}, {"toestemming ja", "consent"}, {"bereikt", "reached"}};
  const std::vector<std::pair<std::string, std::vector<double>>> moments = {
      {"6 m", {236, 142, 102}}, {"12 m", {180, 110, 61}}, {"24 m", {95, 60, 0}}};
  for (const auto& [m, counts] : moments) {
    if (!faceted && m != "6 m") continue;
    for (size_t i = 0; i < stages.size(); ++i) {
      rows.push_back({S(m), S(stages[i].first), N(counts[i])});
    }
  }
  r.tables.push_back(make_table("funnel", {{"moment", "moment", "moment"}, {"stage", "stap", "stage"}, {"n", "aantal", "count"}},
                                std::move(rows)));
  View v;
  v.id = "funnel";
  v.kind = ViewKind::funnel;
  v.table = "funnel";
  v.x = "stage";
  v.y = {"n"};
  v.of_nl = "trajecten";
  v.of_en = "pathways";
  if (faceted) v.facet = "moment";
  r.views.push_back(v);
  return r;
}

std::vector<float> bar_widths(const charts::Scene& s, charts::Rgba c) {
  std::vector<float> out;
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::rect && p.filled && p.color.r == c.r && p.color.g == c.g && p.color.b == c.b)
      out.push_back(p.x1 - p.x0);
  return out;
}

}  // namespace

TEST_CASE("funnel: stages in order, each with its count and its shares of the previous and the first stage") {
  const Result r = funnel_result(false);
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  REQUIRE(b.spec.kind == charts::ChartSpec::Kind::funnel);
  const auto& f = b.spec.funnel;
  CHECK(f.stages == std::vector<std::string>{"afgesloten trajecten", "toestemming ja", "bereikt"});
  CHECK(f.counts == std::vector<double>{236, 142, 102});
  CHECK(f.value_label == "aantal trajecten");
  REQUIRE(f.labels.size() == 3);
  CHECK(f.labels[0] == "236 trajecten");
  CHECK(f.labels[1] == "142 — 60 % van vorige, 60 % van alle");
  CHECK(f.labels[2] == "102 — 72 % van vorige, 43 % van alle");
  REQUIRE(f.tips.size() == 3);
  CHECK(f.tips[0] == "afgesloten trajecten: 236 trajecten");
  CHECK(f.tips[1] == "toestemming ja: 142 van 236 (60,2 %) van de vorige stap; 60,2 % van alle trajecten");
  CHECK(f.tips[2] == "bereikt: 102 van 142 (71,8 %) van de vorige stap; 43,2 % van alle trajecten");
  CHECK(b.footer == "n = 236");
  CHECK(b.description.find("3 stappen, van afgesloten trajecten (236) tot bereikt (102; 43,2 % van alle)") !=
        std::string::npos);

  views::Built e;
  REQUIRE(views::build_one(r, r.views[0], Lang::en, {}, st, e));
  CHECK(e.spec.funnel.labels[2] == "102 — 72 % of previous, 43 % of all");
  CHECK(e.spec.funnel.tips[2] == "bereikt: 102 of 142 (71.8 %) of the previous stage; 43.2 % of all pathways");
  CHECK(e.spec.funnel.value_label == "number of pathways");

  // Centred bars, the first full width, the others in proportion; labels and stage names drawn; no overlap.
  for (const auto& style : all_styles()) {
    const auto sc = views::layout(b, 700, views::preferred_height(b, 700, style), style);
    const auto w = bar_widths(sc, f.colour);
    REQUIRE(w.size() == 3);
    CHECK(w[1] / w[0] == Approx(142.0 / 236).epsilon(0.01));
    CHECK(w[2] / w[0] == Approx(102.0 / 236).epsilon(0.01));
    std::vector<float> centres;
    for (const auto& p : sc.prims)
      if (p.kind == charts::Prim::Kind::rect && p.filled && p.color.r == f.colour.r && p.color.g == f.colour.g &&
          p.color.b == f.colour.b)
        centres.push_back((p.x0 + p.x1) / 2);
    CHECK(centres[0] == Approx(centres[1]));
    CHECK(centres[0] == Approx(centres[2]));
    CHECK(has_text(sc, "102 — 72 % van vorige, 43 % van alle"));
    CHECK(has_text(sc, "toestemming ja"));
    CHECK(has_tip(sc, f.tips[1]));
    check_labels(sc, std::string("funnel") + (style.dark ? " dark" : "") + (style.presentation ? " presentation" : ""));
  }
  const auto scenes = views::scenes(r, Lang::nl, 700, {}, st);
  REQUIRE(scenes.size() == 1);
  const std::string svg = charts::to_svg(scenes[0], st);
  CHECK(well_formed_svg(svg));
  CHECK(svg.find("afgesloten trajecten") != std::string::npos);
  CHECK(svg.find("102 — 72 % van vorige, 43 % van alle") != std::string::npos);
}

TEST_CASE("funnel: one funnel per moment as small multiples on one shared scale; undrawable views") {
  const Result r = funnel_result(true);
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  REQUIRE(b.spec.kind == charts::ChartSpec::Kind::multiples);
  const auto& m = b.spec.multiples;
  CHECK(m.titles == std::vector<std::string>{"6 m", "12 m", "24 m"});
  REQUIRE(m.panels.size() == 3);
  for (const auto& p : m.panels) CHECK(p.kind == charts::ChartSpec::Kind::funnel);
  CHECK(m.panels[1].funnel.labels[2] == "61 — 55 % van vorige, 34 % van alle");
  CHECK(m.panels[2].funnel.labels[2] == "0 — 0 % van vorige, 0 % van alle");
  CHECK(b.footer == "6 m: n = 236 · 12 m: n = 180 · 24 m: n = 95");
  CHECK(b.series == 3);
  // One scale: the first stage of 12 m is 180/236 of the first stage of 6 m.
  const auto sc = views::layout(b, 980, views::preferred_height(b, 980, st), st);
  const auto w = bar_widths(sc, m.panels[0].funnel.colour);
  REQUIRE(w.size() == 8);  // the 24 m "bereikt" stage is 0: a hairline, no bar
  CHECK(w[3] / w[0] == Approx(180.0 / 236).epsilon(0.01));
  CHECK(w[6] / w[0] == Approx(95.0 / 236).epsilon(0.01));
  CHECK(has_text(sc, "12 m"));
  check_labels(sc, "funnel multiples");
  const std::string svg = charts::to_svg(sc, st);
  CHECK(well_formed_svg(svg));
  CHECK(svg.find("toestemming ja") != std::string::npos);

  auto refuses = [&](auto change) {
    Result x = funnel_result(true);
    change(x, x.views[0]);
    views::Built o;
    CHECK_FALSE(views::build_one(x, x.views[0], Lang::nl, {}, st, o));
  };
  refuses([](Result&, View& w) { w.y.clear(); });
  refuses([](Result&, View& w) { w.y = {"absent"}; });
  refuses([](Result&, View& w) { w.x = "absent"; });
  refuses([](Result&, View& w) { w.facet = "absent"; });
  refuses([](Result&, View& w) { w.table = "absent"; });
  refuses([](Result& x, View&) { x.tables[0].rows.clear(); });
}

// --- Colour keys -----------------------------------------------------------------------------------------------

TEST_CASE("frequency and impact colour keys keep 3:1 on light, dark and presentation; Ja stronger than Soms") {
  const char* keys[] = {"freq.ja", "freq.soms", "freq.nee", "impact.plus", "impact.min", "impact.onbekend"};
  for (const auto& s : all_styles()) {
    for (const char* k : keys) {
      charts::Rgba c;
      REQUIRE(charts::semantic_colour(k, s, c));
      INFO(k << (s.dark ? " dark" : " light") << (s.presentation ? " presentation" : ""));
      CHECK(charts::contrast_ratio(c, s.background) >= 3.0);
      CHECK(charts::semantic_fill(k) == charts::Fill::solid);
    }
    charts::Rgba ja, soms, nee;
    charts::semantic_colour("freq.ja", s, ja);
    charts::semantic_colour("freq.soms", s, soms);
    charts::semantic_colour("freq.nee", s, nee);
    CHECK(charts::contrast_ratio(ja, s.background) > charts::contrast_ratio(soms, s.background));
    CHECK(ja.b > ja.r);      // blue
    CHECK(soms.b > soms.r);  // blue
    CHECK(nee.r > nee.b);    // vermilion
  }
}

TEST_CASE("impact profile: a categorical heat map with +, − and ? readable without colour") {
  Result r;
  r.id = "kern.impact_profile";
  r.title = Text{"Impactprofiel", "Impact profile"};
  std::vector<std::vector<Value>> rows;
  const char* codes[] = {"+", "-", "?"};
  const char* labels[] = {"positief", "negatief", "onbekend"};
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < 5; ++i) {
      const int k = (t + i) % 3;
      rows.push_back({S("T" + std::to_string(t + 1)), S("Traject " + std::to_string(t + 1)), S("i" + std::to_string(i)),
                      S("Indicator " + std::to_string(i + 1)), S(codes[k]), S(labels[k])});
    }
  r.tables.push_back(make_table("cells", {{"row_id"}, {"row_label"}, {"column_id"}, {"column_label"}, {"class"}, {"class_label"}},
                                std::move(rows)));
  View v;
  v.kind = ViewKind::heatmap;
  v.table = "cells";
  v.x = "column_label";
  v.x_key = "column_id";
  v.series = "class";
  v.columns = {"row_id", "row_label", "", "class_label"};
  v.colour_keys = {{"+", "impact.plus"}, {"-", "impact.min"}, {"?", "impact.onbekend"}};
  r.views.push_back(v);
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  REQUIRE(b.spec.kind == charts::ChartSpec::Kind::category_map);
  const auto& m = b.spec.category_map;
  REQUIRE(m.classes.size() == 3);
  CHECK(m.classes[0].code == "+");
  CHECK(m.classes[2].code == "?");
  charts::Rgba grey;
  charts::semantic_colour("impact.onbekend", st, grey);
  CHECK((m.classes[2].colour.r == grey.r && m.classes[2].colour.g == grey.g));
  const auto sc = views::layout(b, 700, views::preferred_height(b, 700, st), st);
  CHECK(has_text(sc, "?"));  // the code in the cell
  CHECK(has_text(sc, "+"));
  CHECK(has_text_containing(sc, "onbekend"));  // the legend names the class
}

// --- Gallery ---------------------------------------------------------------------------------------------------

TEST_CASE("gallery: the funnel and the long Likert statements, in Dutch, drawn without overlapping labels") {
  for (Lang lang : {Lang::nl, Lang::en}) {
    const auto g = charts::gallery(lang);
    bool funnel = false, likert = false;
    for (const auto& c : g) {
      if (c.id == "funnel") {
        funnel = true;
        CHECK(c.spec.kind == charts::ChartSpec::Kind::funnel);
        CHECK(c.spec.funnel.labels[1] == (lang == Lang::nl ? "142 — 60 % van vorige, 60 % van alle"
                                                           : "142 — 60 % of previous, 60 % of all"));
      }
      if (c.id == "likert_items") likert = true;
      if (c.id != "funnel" && c.id != "likert_items") continue;
      CHECK(c.title.rfind("gallery.", 0) != 0);  // a translated title, not the key
      for (const auto& st : {charts::Style::light(), charts::Style::dark_theme(),
                             charts::Style::light().scaled_for_presentation()}) {
        const auto s = charts::draw(c.spec, 720, c.height * (st.presentation ? 1.3f : 1), st);
        check_labels(s, c.id);
        CHECK(well_formed_svg(charts::to_svg(s, st)));
      }
    }
    CHECK(funnel);
    CHECK(likert);
  }
}
