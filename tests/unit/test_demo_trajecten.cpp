// The trajecten demo (issue 21; spec concept.md §2.3–§2.5): every published and derived number recounted here from
// the records with the spec's definitions, for seeds 1..150 — flow 15/12/1, 10/7/1, 3/3/12, stock 7 / 11 / 0,
// ages, regions, referrers (Table 4), the ACT, 17-at-closure, 3-month-minimum and "twee gezinnen" constraints —
// plus the CSV's shape and byte identity.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "core/table.h"
#include "demo/demo.h"

using namespace zicht;
using namespace zicht::demo;

namespace {

int year_of(int32_t day) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return y;
}
int32_t ymd(int y, unsigned m, unsigned d) { return core::days_from_civil(y, m, d); }

// Age in completed years on `day`, counted from the first day of the birth month "yyyy-mm".
int age_on(const std::string& birth_month, int32_t day) {
  const int by = std::stoi(birth_month.substr(0, 4)), bm = std::stoi(birth_month.substr(5, 2));
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return ((y * 12 + int(m) - 1) - (by * 12 + bm - 1)) / 12;
}

bool started(const TrajectRegistration& t) { return t.opstart != kNoDate; }

}  // namespace

TEST_CASE("trajecten demo: every published and derived count holds for seeds 1..150", "[demo][trajecten]") {
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    INFO("seed " << seed);
    const TrajectenDemo d = generate_trajecten(seed);
    REQUIRE(d.as_of == ymd(2025, 3, 31));
    REQUIRE(d.rows.size() == 28);
    std::map<int, int> reg, start, close;
    int n_started = 0, n_nee = 0;
    std::map<int, int> ages;
    std::map<std::string, int> regions, referrers, level1;
    int gezin_2024 = 0, short_closed = 0, seventeen = 0, act_2023 = 0, joow = 0, diw = 0;
    std::map<std::pair<std::string, std::string>, int> blocking;
    for (size_t i = 0; i < d.rows.size(); ++i) {
      const TrajectRegistration& t = d.rows[i];
      char id[8];
      std::snprintf(id, sizeof id, "CN-%02d", int(i + 1));
      CHECK(t.traject_id == id);
      if (i > 0) CHECK(d.rows[i - 1].aanmelddatum <= t.aanmelddatum);
      reg[year_of(t.aanmelddatum)]++;
      CHECK(age_on(t.geboortemaand, t.aanmelddatum) == t.leeftijd);
      if (t.aanmeldvorm == "gezin") {
        CHECK(year_of(t.aanmelddatum) == 2024);
        CHECK(!t.gezin_id.empty());
        CHECK(t.indirect_bereikt >= 1);
        ++gezin_2024;
      }
      if (t.middelen.find("JooW") != std::string::npos) ++joow;
      if (t.middelen.find("DIW") != std::string::npos) ++diw;
      if (!started(t)) {
        CHECK(t.opstart_text == "nee");
        ++n_nee;
        CHECK(t.afronding == kNoDate);
        CHECK(t.aanmelder.rfind("Jeugdhulpregie ACT", 0) != 0);
        const std::set<std::string> codes = {"regio", "leeftijd", "passend alternatief", "geen ruimte planmakers"};
        CHECK(codes.count(t.reden_geen_opstart) == 1);
        if (t.reden_geen_opstart == "regio") CHECK(t.regio == "buiten regio");
        if (t.reden_geen_opstart == "leeftijd") CHECK(t.leeftijd >= 18);
        continue;
      }
      ++n_started;
      CHECK(t.toestemming_jongere == "ja");
      CHECK(t.opstart >= ymd(2023, 4, 1));
      CHECK(t.opstart >= t.aanmelddatum);
      CHECK(year_of(t.opstart) == year_of(t.aanmelddatum));
      if (year_of(t.opstart) == 2024) CHECK(t.opstart > ymd(2024, 4, 15));
      start[year_of(t.opstart)]++;
      REQUIRE(t.afronding != kNoDate);
      CHECK(t.afronding > t.opstart);
      CHECK(t.afronding <= d.as_of);
      close[year_of(t.afronding)]++;
      const int cm = core::completed_months(t.opstart, t.afronding);
      if (cm < 3) {
        ++short_closed;
        CHECK(year_of(t.opstart) == 2025);
      }
      CHECK(t.verlengingen == (cm <= 3 ? 0 : (cm - 1) / 3));
      ages[t.leeftijd]++;
      regions[t.regio]++;
      referrers[t.aanmelder]++;
      level1[t.aanmelder.substr(0, t.aanmelder.find(" > "))]++;
      if (t.aanmelder == "Jeugdhulpregie ACT") {
        CHECK(year_of(t.aanmelddatum) == 2023);
        ++act_2023;
      }
      if (t.leeftijd == 16 && age_on(t.geboortemaand, t.afronding) == 17) ++seventeen;
      // The birth month is never the registration month (the age would depend on the unknown day).
      CHECK(std::stoi(t.geboortemaand.substr(5, 2)) != std::stoi(zicht::demo::format_date(t.aanmelddatum).substr(3, 2)));
      blocking[{t.blokkade_voor, t.blokkade_na}]++;
    }
    CHECK(reg == std::map<int, int>{{2023, 15}, {2024, 12}, {2025, 1}});
    CHECK(start == std::map<int, int>{{2023, 10}, {2024, 7}, {2025, 1}});
    CHECK(close == std::map<int, int>{{2023, 3}, {2024, 3}, {2025, 12}});
    CHECK(n_started == 18);
    CHECK(n_nee == 10);
    // Stock: started on or before the day and not closed by it.
    auto stock = [&](int32_t day) {
      int n = 0;
      for (const auto& t : d.rows)
        if (started(t) && t.opstart <= day && (t.afronding == kNoDate || t.afronding > day)) ++n;
      return n;
    };
    CHECK(stock(ymd(2023, 12, 31)) == 7);
    CHECK(stock(ymd(2024, 1, 1)) == 7);
    CHECK(stock(ymd(2024, 12, 31)) == 11);
    CHECK(stock(ymd(2025, 3, 31)) == 0);
    CHECK(ages == std::map<int, int>{{10, 2}, {12, 2}, {13, 4}, {14, 4}, {15, 4}, {16, 2}});
    int sum = 0;
    for (const auto& [a, n] : ages) sum += a * n;
    CHECK(sum == 244);
    CHECK(regions == std::map<std::string, int>{
                         {"Houtland en polder", 5}, {"Westhoek", 7}, {"Midden WVL", 3}, {"Westkust en polder", 3}});
    CHECK(referrers == std::map<std::string, int>{{"Voorziening > INOA", 1},
                                                  {"Voorziening > Tordale", 1},
                                                  {"Voorziening > VOT", 4},
                                                  {"Internaat (De Hazelaar)", 1},
                                                  {"Jeugdhulpregie ACT", 2},
                                                  {"OOOC (De Luwte)", 2},
                                                  {"SDJ > Ieper", 2},
                                                  {"SDJ > Brugge", 3},
                                                  {"CLB (Mandel en Leie)", 1},
                                                  {"Pleegzorg West-Vlaanderen", 1}});
    CHECK(level1["Voorziening"] == 6);
    CHECK(level1["SDJ"] == 5);
    CHECK(act_2023 == 2);
    CHECK(seventeen >= 1);
    CHECK(short_closed == 1);
    CHECK(gezin_2024 == 2);
    CHECK(joow == 1);
    CHECK(diw == 0);
    // Mostly improvement: more pairs move down (Geblokkeerd → Dreigend → Niet) than up.
    int better = 0, worse = 0;
    const std::map<std::string, int> rank = {{"Geblokkeerd", 0}, {"Dreigend te blokkeren", 1}, {"Niet geblokkeerd", 2}};
    for (const auto& [p, n] : blocking) {
      REQUIRE(rank.count(p.first) == 1);
      REQUIRE(rank.count(p.second) == 1);
      if (rank.at(p.second) > rank.at(p.first)) better += n;
      if (rank.at(p.second) < rank.at(p.first)) worse += n;
    }
    CHECK(better == 12);
    CHECK(worse == 2);
  }
}

TEST_CASE("trajecten demo: CSV shape, CRLF, dd/mm/yyyy and byte identity", "[demo][trajecten]") {
  const TrajectenDemo d = generate_trajecten(2023);
  const std::string csv = trajecten_csv(d);
  CHECK(csv == trajecten_csv(generate_trajecten(2023)));
  CHECK(csv != trajecten_csv(generate_trajecten(2024)));
  CHECK(csv.rfind("traject_id;gezin_id;aanmeldvorm;aanmelddatum;leeftijd_aanmelding;", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 29);
  CHECK(std::count(csv.begin(), csv.end(), '\r') == 29);
  CHECK(csv.find(";nee;") != std::string::npos);  // a never-started opstart
  const std::string five = trajecten_csv(d, 5);
  CHECK(std::count(five.begin(), five.end(), '\n') == 6);
  DemoOptions o;
  o.profile = "trajecten";
  CHECK(validate_options(o).empty());
  CHECK(generate_csv(o) == csv);
  o.part = "registratie";
  CHECK(generate_csv(o) == csv);
  o.part = "cells";
  CHECK(!validate_options(o).empty());
}
