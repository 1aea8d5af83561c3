// A count axis never has a tick between two whole numbers (no "2,5 trajecten", no "0,25 bevindingen"); a
// percentage or a mean keeps its fine ticks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "report/chart.h"

using namespace zicht::report::charts;

namespace {

std::vector<std::string> texts(const Scene& s) {
  std::vector<std::string> out;
  for (const auto& p : s.prims)
    if (p.kind == Prim::Kind::text) out.push_back(p.text);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& t) {
  for (const auto& x : v)
    if (x == t) return true;
  return false;
}

Scene bars(std::vector<double> values, std::string suffix = "") {
  BarSpec b;
  b.horizontal = true;
  Series se;
  se.name = "n";
  se.values = values;
  for (size_t i = 0; i < values.size(); ++i) b.categories.push_back("regel " + std::to_string(i + 1));
  b.series.push_back(se);
  b.unit_suffix = suffix;
  b.value_label = "aantal bevindingen";
  Style st = Style::light();
  st.lang = zicht::i18n::Lang::nl;
  return bar_chart(b, 600, 300, st);
}

}  // namespace

TEST_CASE("count axes: whole-number ticks only") {
  const auto one = texts(bars({0, 1, 0, 0}));
  CHECK(has(one, "0"));
  CHECK(has(one, "1"));
  CHECK_FALSE(has(one, "0,25"));
  CHECK_FALSE(has(one, "0,5"));
  const auto ten = texts(bars({6, 1, 10, 5}));
  CHECK_FALSE(has(ten, "2,5"));
  CHECK_FALSE(has(ten, "7,5"));
  CHECK(has(ten, "4"));
  CHECK(has(ten, "12"));  // 10 with room for its label: the axis runs on to the next whole tick
  // Not counts: a mean of 0.6 keeps its decimal ticks.
  const auto mean = texts(bars({0.6, 0.2, 0.45}));
  CHECK((has(mean, "0,2") || has(mean, "0,25") || has(mean, "0,1")));
}
