// The privacy core (issue 11): shareable aggregates merged across organisations — merging three organisations'
// aggregates equals the aggregate of their pooled records wherever suppression allows (no marker leaks, small
// cells hidden in the merge, never guessed), and input-suppressed cells stay suppressed and protected, with the
// chi-square recomputed only on complete cross-tables.
#include "privacy_test_support.h"

#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "privacy/aggregate.h"
#include "stats/contingency.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Table;
using analysis::Text;

namespace {

std::string org_csv(int org, int rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const char* status[] = {"open", "gesloten", "gesloten", "NVT", ""};
  const char* sex[] = {"M", "V", "M", "V", "X"};
  const char* type[] = {"OCJ", "SDJ", "VK", "OCJ", "CKG", "OOOC"};
  std::ostringstream s;
  s << "Status;Geslacht;Aanmelder;Jaar;Regio\n";
  for (int i = 0; i < rows; ++i) {
    const unsigned region = static_cast<unsigned>(rng() % 100);  // "Oost" is rare: small in every organisation
    s << status[rng() % 5] << ";" << sex[rng() % 5] << ";" << type[rng() % (3 + org)] << ";"
      << "01/0" << 1 + rng() % 9 << "/202" << 1 + rng() % 3 << ";"
      << (region < 4 ? "Oost" : region < 30 ? "Zuid" : "Noord") << "\n";
  }
  return s.str();
}

}  // namespace

TEST_CASE("Merging three organisations' aggregates equals the aggregate of the pooled records where allowed") {
  const std::string a = org_csv(0, 140, 1), b = org_csv(1, 90, 2), c = org_csv(2, 60, 3);
  const std::string header = "Status;Geslacht;Aanmelder;Jaar;Regio\n";
  const std::string pooled_csv = a + b.substr(header.size()) + c.substr(header.size());
  const core::ReadResult da = read(a), db = read(b), dc = read(c), dp = read(pooled_csv);
  const int k = 5;
  std::vector<nlohmann::json> aggs;
  int o = 0;
  for (const auto* d : {&da, &db, &dc}) {
    std::vector<analysis::Input> in = {{"org.csv", d}};
    const auto agg = privacy::make_aggregate(delen(in, k), k, "2021-2023", "org" + std::to_string(++o));
    aggs.push_back(nlohmann::json::parse(agg.dump()));
  }
  std::vector<analysis::Input> pin = {{"all.csv", &dp}};
  const nlohmann::json pooled =
      nlohmann::json::parse(privacy::make_aggregate(delen(pin, k), k, "2021-2023", "all").dump());
  const analysis::ResultSet merged = privacy::merge_aggregates(aggs, k);
  const nlohmann::json mj = nlohmann::json::parse(privacy::make_aggregate(merged, k, "2021-2023", "regio").dump());
  CHECK(merged.provenance.mode == "delen");
  CHECK(merged.provenance.files.size() == 3);
  // Index the merged rows by (result, table, first cell).
  std::map<std::string, nlohmann::json> mrows;
  for (const auto& r : mj["results"])
    for (const auto& t : r["tables"])
      for (const auto& row : t["rows"])
        mrows[r["id"].get<std::string>() + "|" + t["id"].get<std::string>() + "|" + row[0].dump()] = row;
  int equal = 0, hidden_in_merge = 0, compared_tables = 0;
  for (const auto& r : pooled["results"])
    for (const auto& t : r["tables"]) {
      ++compared_tables;
      for (const auto& row : t["rows"]) {
        const std::string key = r["id"].get<std::string>() + "|" + t["id"].get<std::string>() + "|" + row[0].dump();
        INFO(key);
        REQUIRE(mrows.count(key));
        const auto& m = mrows[key];
        REQUIRE(m.size() == row.size());
        for (size_t i = 1; i < row.size(); ++i) {
          if (row[i].is_number() && m[i].is_number()) {
            CHECK(m[i].get<double>() == Approx(row[i].get<double>()).margin(1e-9));
            ++equal;
          } else if (m[i].is_string()) {
            ++hidden_in_merge;
          }
        }
      }
    }
  CHECK(compared_tables >= 5);
  CHECK(equal > 50);
  CHECK(hidden_in_merge > 0);  // "Oost" is small in each organisation: hidden in the merge, never guessed
  // The rare region: hidden in every organisation's file, so hidden in the merge although the pooled count is not.
  const std::string oost = "verkennen.regio|frequencies|\"Oost\"";
  REQUIRE(mrows.count(oost));
  CHECK(mrows[oost][1].is_string());
  WARN("merge vs pooled: " << equal << " cells equal, " << hidden_in_merge << " hidden in the merge");
}

TEST_CASE("Merge: input-suppressed cells stay suppressed and are protected; chi-square on complete cross-tables") {
  auto aggregate_of = [](const std::vector<std::vector<long>>& m, const std::string& org) {
    analysis::ResultSet set;
    set.provenance.profile = "test";
    analysis::Result r;
    r.id = "x.cross";
    r.title = Text::same("cross");
    r.tables.push_back(cross_table(m, false));
    set.results.push_back(r);
    return nlohmann::json::parse(privacy::make_aggregate(set, 5, "2023", org).dump());
  };
  // Complete tables: the merged chi-square equals the pooled one.
  const std::vector<std::vector<long>> m1 = {{20, 30}, {25, 10}}, m2 = {{15, 12}, {40, 22}}, m3 = {{9, 8}, {30, 7}};
  analysis::ResultSet merged =
      privacy::merge_aggregates({aggregate_of(m1, "a"), aggregate_of(m2, "b"), aggregate_of(m3, "c")}, 5);
  REQUIRE(merged.results[0].tests.size() == 1);
  const auto x = stats::chi_square({{44, 50}, {95, 39}});
  CHECK(merged.results[0].tests[0].statistic == Approx(x.statistic));
  CHECK(merged.results[0].tests[0].p == Approx(x.p_value));
  CHECK(merged.results[0].tables[0].rows[0][1].i == 44);
  // One organisation has a small cell: the merged cell is hidden, never guessed, and protected by a complement.
  const std::vector<std::vector<long>> s1 = {{20, 3}, {25, 10}};
  merged = privacy::merge_aggregates({aggregate_of(s1, "a"), aggregate_of(m2, "b"), aggregate_of(m3, "c")}, 5);
  const Table& t = merged.results[0].tables[0];
  int hidden_cells = 0;
  for (const auto& row : t.rows)
    for (size_t c = 1; c < row.size(); ++c) hidden_cells += hidden(row[c]);
  CHECK(hidden(t.rows[0][2]));
  CHECK(hidden_cells == 4);  // 2×2 with known margins: one hidden cell hides them all
  CHECK(std::isnan(merged.results[0].tests.empty() ? stats::kNaN : merged.results[0].tests[0].statistic));
  CHECK_THROWS_AS(privacy::merge_aggregates({nlohmann::json::object()}, 5), std::invalid_argument);
}
