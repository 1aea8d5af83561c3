// A card vote drawn as diverging bars (issue 21, spec/concept.md §3.3 `statements`): the view's colour_keys name
// each level by its column id, so "akkoord" is the agree colour and "niet akkoord" the disagree colour with a hatch
// over it (colour is never the only carrier), in the light, dark and presentation themes; without keys the Likert
// ramp stays, and a key list that misses a level falls back to the ramp rather than colouring half the levels.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "report/palette.h"
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

Value S(const std::string& s) { return Value::str(s); }
Value N(double v) {
  Value x;
  x.kind = Value::Kind::number;
  x.d = v;
  return x;
}

analysis::Column column(const std::string& id, const std::string& nl, const std::string& en) {
  analysis::Column c;
  c.id = id;
  c.label = Text{nl, en};
  return c;
}

// Two statements of a card vote among 12 participants: 3 agree / 9 disagree and 12 / 0.
Result card_vote(bool keyed) {
  Result r;
  r.id = "procesflow.statements";
  r.title = Text{"Stellingen", "Statements"};
  r.unit = Text{"stemmen", "votes"};
  r.client_unit = false;
  Table t;
  t.id = "tallies";
  t.columns = {column("nummer", "stelling", "statement"), column("tekst", "stelling", "statement"),
               column("niet_akkoord", "niet akkoord", "disagree"), column("akkoord", "akkoord", "agree")};
  t.rows = {{S("4"), S("Jongeren moeten zelf kiezen"), N(9), N(3)}, {S("5"), S("Samen beslissen werkt"), N(0), N(12)}};
  r.tables.push_back(t);
  View v;
  v.id = "main";
  v.kind = ViewKind::likert;
  v.table = "tallies";
  v.x = "tekst";
  v.x_key = "nummer";
  v.y = {"niet_akkoord", "akkoord"};
  v.columns = {""};
  if (keyed) v.colour_keys = {{"niet_akkoord", "vote.disagree"}, {"akkoord", "vote.agree"}};
  r.views.push_back(v);
  return r;
}

bool same(charts::Rgba a, charts::Rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

size_t filled_rects_of(const charts::Scene& s, charts::Rgba c) {
  size_t n = 0;
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::rect && p.filled && same(p.color, c)) ++n;
  return n;
}

// Hatch strokes: thin diagonal lines (both ends differ in x and y).
size_t diagonal_lines(const charts::Scene& s) {
  size_t n = 0;
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::line && p.x0 != p.x1 && p.y0 != p.y1) ++n;
  return n;
}

charts::Style styled(bool dark, bool presentation) {
  charts::Style s = dark ? charts::Style::dark_theme() : charts::Style::light();
  return presentation ? s.scaled_for_presentation() : s;
}

}  // namespace

TEST_CASE("card vote: agree and disagree in their meaning's colours, disagree hatched, in every theme") {
  for (const auto& style : {styled(false, false), styled(true, false), styled(false, true)}) {
    const Result r = card_vote(true);
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, style, b));
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::likert);
    charts::Rgba agree{}, disagree{};
    REQUIRE(charts::semantic_colour("vote.agree", style, agree));
    REQUIRE(charts::semantic_colour("vote.disagree", style, disagree));
    CHECK(charts::semantic_fill("vote.disagree") == charts::Fill::hatch);
    CHECK(charts::semantic_fill("vote.agree") == charts::Fill::solid);
    // Both marks keep 3:1 against the background.
    CHECK(charts::contrast_ratio(agree, style.background) >= 3.0);
    CHECK(charts::contrast_ratio(disagree, style.background) >= 3.0);
    REQUIRE(b.spec.likert.colours.size() == 2);
    CHECK(same(b.spec.likert.colours[0], disagree));
    CHECK(same(b.spec.likert.colours[1], agree));
    CHECK(b.spec.likert.hatched == std::vector<bool>{true, false});
    const charts::Scene sc = views::layout(b, 640, 260, style);
    // Statement 4 has both segments, statement 5 only agree (a 0 draws nothing); the legend has one swatch each.
    CHECK(filled_rects_of(sc, agree) == 3);
    CHECK(filled_rects_of(sc, disagree) == 2);
    CHECK(diagonal_lines(sc) >= 5);  // 9 of 12 on one side of the axis: many strokes
  }
}

TEST_CASE("card vote: without colour keys, or keys for only one level, the diverging ramp and no hatch") {
  const auto style = styled(false, false);
  for (int variant = 0; variant < 2; ++variant) {
    Result r = card_vote(variant == 1);
    if (variant == 1) r.views[0].colour_keys.pop_back();  // only "niet akkoord" keyed
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, style, b));
    CHECK(b.spec.likert.colours.empty());
    CHECK(b.spec.likert.hatched.empty());
    const charts::Scene sc = views::layout(b, 640, 260, style);
    CHECK(diagonal_lines(sc) == 0);
  }
}

TEST_CASE("action points: open, lopend and gerealiseerd in three distinct colours, each 3:1 on every background") {
  for (const auto& style : {styled(false, false), styled(true, false), styled(false, true)}) {
    charts::Rgba c[3];
    const char* keys[3] = {"action.open", "action.lopend", "action.gerealiseerd"};
    for (int i = 0; i < 3; ++i) {
      REQUIRE(charts::semantic_colour(keys[i], style, c[i]));
      CHECK(charts::contrast_ratio(c[i], style.background) >= 3.0);
    }
    CHECK_FALSE(same(c[0], c[1]));
    CHECK_FALSE(same(c[0], c[2]));
    CHECK_FALSE(same(c[1], c[2]));
    charts::Rgba afgesloten{};
    REQUIRE(charts::semantic_colour("status.afgesloten", style, afgesloten));
    CHECK_FALSE(same(c[2], afgesloten));  // done is not drawn in the blue of a closed trajectory
  }
}
