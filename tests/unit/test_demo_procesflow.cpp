// The procesflow demo (issue 21; spec concept.md §3.4), counted on the records for seeds 1..150: the meetings and
// their link to the trajecten demo of the same seed (18 startgesprekken, 9 samenwerkingsoverleggen in 2024: 3 at
// 2024 closures, 6 before early-2025 closures), learning networks after summer, the forum of 22 Nov 2024 with 2 + 3
// discussietafels, monthly kern- and stuurgroep, the themes (6 raised, 2 with a network, 5 proposed, 4 focus), the
// 10 findings, forum attendance 32 / 56 by sector, the two vote sets of 64, Bijlage 6's statements, the grid axes,
// action owners and released / unreleased quotes; and the CSV parts against the schema.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/schema.h"
#include "demo/demo.h"
#include "kerndataset_test_support.h"  // parse()

using namespace zicht;
using namespace zicht::demo;
using kerndataset_test::parse;

namespace {

int32_t day(int y, unsigned m, unsigned d) { return core::days_from_civil(y, m, d); }

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t a = 0;
  while (a <= s.size()) {
    size_t b = s.find('+', a);
    if (b == std::string::npos) b = s.size();
    if (b > a) out.push_back(s.substr(a, b - a));
    a = b + 1;
  }
  return out;
}

void check_seed(uint64_t seed) {
  INFO("seed " << seed);
  const ProcesflowDemo d = generate_procesflow(seed);
  const TrajectenDemo reg = generate_trajecten(seed);
  std::map<std::string, const TrajectRegistration*> by_id;
  std::set<std::string> started;
  for (const auto& t : reg.rows) {
    by_id[t.traject_id] = &t;
    if (t.opstart != kNoDate) started.insert(t.traject_id);
  }
  REQUIRE(started.size() == 18);
  std::map<std::string, long> type_count;
  std::set<std::string> sg_trajects, raised;
  long so_2024_closure = 0, so_before_2025_closure = 0;
  std::set<int> kg_months, stg_months;
  for (const auto& o : d.overleg) {
    ++type_count[o.type];
    for (const auto& t : split(o.themas)) raised.insert(t);
    if (o.type == "startgesprek") {
      sg_trajects.insert(o.traject_id);
      CHECK(o.datum == by_id.at(o.traject_id)->opstart);
    }
    if (o.type == "samenwerkingsoverleg") {
      CHECK(o.datum >= day(2024, 1, 1));
      CHECK(o.datum <= day(2024, 12, 31));
      const TrajectRegistration& t = *by_id.at(o.traject_id);
      REQUIRE(t.afronding != kNoDate);
      CHECK(o.datum <= t.afronding);
      CHECK(o.datum >= t.opstart);
      CHECK_FALSE(o.themas.empty());
      if (t.afronding <= day(2024, 12, 31)) ++so_2024_closure;
      else if (t.afronding <= day(2025, 3, 31) && o.datum < t.afronding) ++so_before_2025_closure;
    }
    if (o.type == "lerend netwerk") CHECK(o.datum >= day(2024, 9, 1));  // after summer 2024
    if (o.type == "kerngroep" || o.type == "stuurgroep") {
      int y;
      unsigned m, dd;
      core::civil_from_days(o.datum, y, m, dd);
      CHECK(y == 2024);
      (o.type == "kerngroep" ? kg_months : stg_months).insert(int(m));
    }
  }
  CHECK(sg_trajects == started);
  CHECK(type_count["samenwerkingsoverleg"] == 9);
  CHECK(so_2024_closure == 3);
  CHECK(so_before_2025_closure == 6);
  CHECK(type_count["lerend netwerk"] == 2);
  CHECK(type_count["netwerkforum"] == 1);
  CHECK(type_count["discussietafel"] == 5);
  CHECK(kg_months.size() == 12);
  CHECK(stg_months.size() == 12);
  // The forum and its tables: 22 Nov 2024, 2 context tables and 3 trauma tables.
  long context_tables = 0, trauma_tables = 0;
  for (const auto& o : d.overleg) {
    if (o.type == "netwerkforum") CHECK(o.datum == day(2024, 11, 22));
    if (o.type == "discussietafel") {
      CHECK(o.ouder_overleg_id == d.forum_id);
      CHECK(o.datum == day(2024, 11, 22));
      context_tables += o.themas == "T1";
      trauma_tables += o.themas == "T2";
    }
  }
  CHECK(context_tables == 2);
  CHECK(trauma_tables == 3);
  // Themes: 6 raised, 2 of them with a learning network, 5 proposed, 4 focus 2025.
  long with_network = 0, proposed = 0, focus = 0, raised_listed = 0;
  std::set<std::string> network_names;
  for (const auto& t : d.thema) {
    if (raised.count(t.thema_id)) {
      ++raised_listed;
      if (t.lerend_netwerk) ++with_network, network_names.insert(t.naam);
    }
    proposed += t.voorgesteld;
    focus += t.focus_2025;
  }
  CHECK(raised.size() == 6);
  CHECK(raised_listed == 6);
  CHECK(with_network == 2);
  CHECK(network_names == std::set<std::string>{"Contextbegeleiding", "Traumasensitief handelen"});
  CHECK(proposed == 5);
  CHECK(focus == 4);
  // 10 findings, 5 per network theme.
  std::map<std::string, int> per_theme;
  for (const auto& b : d.bevinding) ++per_theme[b.thema_id];
  CHECK(d.bevinding.size() == 10);
  CHECK(per_theme == std::map<std::string, int>{{"T1", 5}, {"T2", 5}});
  // Forum attendance: a blank count is 1 (the list's convention), OSD is a sector.
  std::map<std::string, std::pair<int, int>> sector;
  int orgs = 0, persons = 0;
  for (const auto& a : d.aanwezigheid) {
    if (a.overleg_id != d.forum_id) continue;
    ++orgs;
    const int p = a.personen < 0 ? 1 : a.personen;
    persons += p;
    auto& s = sector[a.sector];
    ++s.first;
    s.second += p;
  }
  CHECK(orgs == 32);
  CHECK(persons == 56);
  const std::map<std::string, std::pair<int, int>> expected = {
      {"BJB", {9, 16}}, {"VAPH", {7, 10}}, {"RTH", {5, 12}}, {"ELZ", {4, 5}}, {"GGZ", {1, 3}},
      {"NRTH", {1, 1}}, {"OSD", {1, 1}},   {"", {4, 8}}};
  CHECK(sector == expected);
  // The trauma network's 12 entries; the context network's persons are not countable (all blank).
  int trauma_persons = 0;
  for (const auto& a : d.aanwezigheid) {
    if (a.overleg_id == "LN-TR") trauma_persons += a.personen;
    if (a.overleg_id == "LN-CB") CHECK(a.personen == -1);
  }
  CHECK(trauma_persons == 12);
  // Two vote sets of 64: chart 1 5, 5, 18, 16, 20; chart 2 2, 15, 17, 12, 18 (labels say "reconstructie").
  std::map<std::string, std::map<std::string, int>> sets;
  for (const auto& s : d.stemming) {
    CHECK_FALSE(s.optie.empty());
    CHECK(s.optie.find("reconstructie") != std::string::npos);
    sets[s.overleg_id][s.optie] += s.stemmen < 0 ? 1 : s.stemmen;
  }
  REQUIRE(sets.size() == 2);
  const std::vector<std::vector<int>> published = {{8, 8, 25, 28, 31}, {3, 19, 23, 27, 28}};
  const std::vector<std::vector<int>> counts = {{5, 5, 16, 18, 20}, {2, 12, 15, 17, 18}};
  size_t k = 0;
  for (const auto& [meeting, options] : sets) {
    std::vector<int> c, pct;
    int total = 0;
    for (const auto& [o, n] : options) c.push_back(n), total += n;
    CHECK(total == 64);
    int sum = 0;
    for (int n : c) pct.push_back(int(std::lround(100.0 * n / 64))), sum += pct.back();
    std::sort(c.begin(), c.end());
    std::sort(pct.begin(), pct.end());
    CHECK(c == counts[k]);
    CHECK(pct == published[k]);
    CHECK(sum == 100);
    ++k;
  }
  // Statements of Bijlage 6: 12 voters, St.5 0 niet akkoord, St.6 0 akkoord, St.4 niet akkoord > akkoord, no St.3.
  std::map<int, std::map<std::string, int>> b6;
  long verbal_only = 0;
  for (const auto& s : d.stelling) {
    if (s.overleg_id == "LN-TR") b6[s.nummer][s.positie] = s.aantal;
    else {
      CHECK(s.positie.empty());
      CHECK(s.aantal == -1);
      CHECK_FALSE(s.uitkomst_tekst.empty());
      ++verbal_only;
    }
  }
  CHECK(verbal_only == 8);  // Bijlage 5's five and the inspiration day's three
  CHECK(b6.count(3) == 0);
  CHECK(b6.size() == 6);
  for (const auto& [nr, t] : b6) CHECK(t.at("akkoord") + t.at("niet akkoord") == 12);
  CHECK(b6.at(5).at("niet akkoord") == 0);
  CHECK(b6.at(6).at("akkoord") == 0);
  CHECK(b6.at(4).at("niet akkoord") > b6.at(4).at("akkoord"));
  // Recommendations: every kernthema and every level used, each with a source; actions owned by DIW and WINGG.
  std::set<std::string> kern, levels, owners, released;
  for (const auto& a : d.aanbeveling) {
    kern.insert(a.kernthema);
    levels.insert(a.niveau);
    CHECK_FALSE(a.bronnen.empty());
  }
  CHECK(kern.size() == 5);
  CHECK(levels.size() == 4);
  for (const auto& a : d.actiepunt) owners.insert(a.eigenaar);
  CHECK(owners.count("DIW") == 1);
  CHECK(owners.count("WINGG") == 1);
  for (const auto& c : d.citaat) released.insert(c.vrijgegeven);
  CHECK(released == std::set<std::string>{"ja", "nee"});
}

}  // namespace

TEST_CASE("procesflow demo: every published number of spec §3.4 holds for seeds 1..150") {
  for (uint64_t seed = 1; seed <= 150; ++seed) check_seed(seed);
}

TEST_CASE("procesflow demo: the same seed gives the same bytes; each part's header is its schema kind's fields") {
  const core::Schema* schema = core::find_schema("procesflow");
  REQUIRE(schema);
  const ProcesflowDemo a = generate_procesflow(7), b = generate_procesflow(7);
  for (const char* part : {"overleg", "aanwezigheid", "thema", "bevinding", "actiepunt", "aanbeveling", "stemming",
                           "stelling", "citaat"}) {
    INFO(part);
    const std::string csv = procesflow_csv(a, part);
    CHECK(csv == procesflow_csv(b, part));
    const auto rows = parse(csv);
    REQUIRE(rows.size() > 1);
    for (const auto& h : rows[0]) {
      const core::FieldSpec* f = schema->field(h);
      REQUIRE(f);
      CHECK(f->in_kind(part));
    }
  }
  CHECK(procesflow_csv(a, "stemming", 3).size() < procesflow_csv(a, "stemming").size());
}
