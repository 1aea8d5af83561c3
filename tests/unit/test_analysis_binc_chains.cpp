// The Binc analyses (SPEC §2.2) on small hand-made inputs with known answers: the seven chains of kChains
// (binc_test_support.h) — module frequency, combination and rank; pre/post-trajectories, transitions, status and
// organisation type (also on an earlier as-of date); durations and the data-quality rules with their flags; a client
// file with clients without modules and children without client rows — and a generated table of 2,100 children
// whose small expected counts get a Monte-Carlo p instead of Fisher's exact test.
// The rest of the Binc tests: test_analysis_binc_demo.cpp (the demo: published figures, counting units, the two
// sources of client characteristics, both languages), test_analysis_binc_options.cpp (werkmap options, counting
// unit and organisation filter on a small file, session::analyse, the hidden million-row timing).
#include "binc_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;
namespace binc = zicht::analysis::binc;

TEST_CASE("binc: hand-made chains — frequency, combination, rank") {
  auto m = map(kChains, "modules", "2022-12-31");
  const auto rs = binc::results(m->ds, nullptr, binc::Options{});
  REQUIRE(rs.size() == 9);
  const std::vector<std::string> ids = {"binc.profile",  "binc.orgtype_by_status", "binc.module_frequency",
                                        "binc.module_combination", "binc.module_rank", "binc.pre_post",
                                        "binc.transitions", "binc.durations", "binc.quality"};
  for (size_t i = 0; i < ids.size(); ++i) CHECK(rs[i].id == ids[i]);

  // Frequency: B, C, F once; A, G twice; D five times. E has no SofS module and is no trajectory.
  const Table& f = table(result(rs, "binc.module_frequency"), "frequency");
  CHECK(column(f, "n", 5) == std::vector<int64_t>{3, 2, 0, 0, 1});
  CHECK(cell(f, "1", "denom_all") == 6);
  CHECK(cell(table(result(rs, "binc.module_frequency"), "totals"), "SofS-modules", "n") == 12);

  // Combination: A3 with the short stay, B1 with two modules; the other ten SofS modules alone.
  const Result& comb = result(rs, "binc.module_combination");
  CHECK(cell(table(comb, "alone_combined"), "Enkel de SofS-module", "n") == 10);
  CHECK(cell(table(comb, "alone_combined"), "SofS-module + 1 of meer andere modules", "n") == 2);
  CHECK(cell(table(comb, "combinations"), "Verblijf voor kinderen korte duur", "n") == 1);
  CHECK(cell(table(comb, "combinations"), "Crisisinterventie + Gezinsbegeleiding", "n") == 1);
  CHECK(cell(table(comb, "combinations"), "Crisisinterventie + Gezinsbegeleiding", "denom_sofs") == 12);

  // Rank: registered schakeling (C1 has none: its position, 1); F1 is registered as 11.
  const Table& rk = table(result(rs, "binc.module_rank"), "rank");
  CHECK(column(rk, "n", 5) == std::vector<int64_t>{3, 3, 3, 2, 1});
  CHECK(cell(rk, "≥ 10e schakeling", "denom_valid") == 12);
}

TEST_CASE("binc: hand-made chains — pre/post, transitions, status and organisation type") {
  auto m = map(kChains, "modules", "2022-12-31");
  binc::Options o;
  o.unit = binc::Unit::schakelingen;
  o.min_path = 1;
  const auto rs = binc::results(m->ds, nullptr, o);

  // Pre: A1 (Gezinsbegeleiding), A2 (earlier SofS), D1–D4 (earlier SofS), G0 (unknown → Overige); G1 overlaps the
  // last SofS module and is no voortraject. Post: A5, C2, C3. Combined (neither): A4, B2, B3.
  const Result& pp = result(rs, "binc.pre_post");
  const Table& cl = table(pp, "clusters");
  CHECK(cell(cl, CL_GEZIN, "pre_n") == 1);
  CHECK(cell(cl, CL_SOFS, "pre_n") == 5);
  CHECK(cell(cl, "Overige", "pre_n") == 1);
  CHECK(cell(cl, "Totaal", "pre_n") == 7);
  CHECK(cell(cl, CL_PLEEG, "post_n") == 1);
  CHECK(cell(cl, CL_LAAG, "post_n") == 1);
  CHECK(cell(cl, CL_GEZIN, "post_n") == 1);
  CHECK(cell(cl, "Totaal", "post_n") == 3);
  CHECK(cell(cl, CL_SOFS, "pre_denom") == 7);
  const Table& chains = table(pp, "chains");
  CHECK(cell(chains, "Kinderen met een voortraject", "n") == 3);   // A, D, G
  CHECK(cell(chains, "Kinderen met een natraject", "n") == 2);     // A, C
  CHECK(cell(chains, "SofS-module is de eerste module", "n") == 4);  // B, C, D, F
  CHECK(cell(chains, "SofS-module is de laatste module", "n") == 3);  // D, F, G

  // Transitions: A SofS-cluster → foster care; B and F nothing; C nothing → laagintensief (M-C2 is first by
  // module id); D SofS-cluster → nothing; G Overige → nothing.
  const Table& paths = table(result(rs, "binc.transitions"), "paths");
  int64_t total = 0;
  for (const auto& r : paths.rows) total += r[3].i;
  CHECK(total == 6);
  CHECK(cell(paths, "Geen voortraject", "n") == 2);  // first row: the largest path (none → none)
  CHECK(paths.rows[0][2].s == "Geen natraject");
  bool a_path = false, c_path = false;
  for (const auto& r : paths.rows) {
    a_path |= r[0].s == CL_SOFS && r[2].s == CL_PLEEG && r[3].i == 1;
    c_path |= r[0].s == "Geen voortraject" && r[2].s == CL_LAAG && r[3].i == 1;
  }
  CHECK(a_path);
  CHECK(c_path);
  REQUIRE(result(rs, "binc.transitions").views.size() == 1);
  CHECK(result(rs, "binc.transitions").views[0].kind == analysis::ViewKind::sankey);
  CHECK(result(rs, "binc.transitions").views[0].table == "paths");
  // With k = 2 only none → none survives; the other four children are merged into "Overige paden".
  o.min_path = 2;
  const auto rs2 = binc::results(m->ds, nullptr, o);
  const Table& p2 = table(result(rs2, "binc.transitions"), "paths");
  REQUIRE(p2.rows.size() == 2);
  CHECK(cell(p2, "Overige paden", "n") == 4);

  // Status: open when the latest-starting module has no end — A (A5), C (M-C3 after M-C2), G (G2); B is closed
  // because B2 (schakeling 3) starts last on the tie although the SofS module is open.
  const Table& ct = table(result(rs, "binc.orgtype_by_status"), "counts");
  CHECK(cell(ct, "Pleegzorg", "open_n") == 1);                                               // A
  CHECK(cell(ct, "Centrum Kinderzorg en Gezinsondersteuning", "closed_n") == 1);            // B (B2)
  CHECK(cell(ct, "Crisishulp aan huis", "total_n") == 0);                                   // not B3
  CHECK(cell(ct, "Organisatie voor bijzondere jeugdzorg zonder verblijf", "open_n") == 1);  // C (M-C3)
  CHECK(cell(ct, "Organisatie voor bijzondere jeugdzorg met verblijf", "closed_n") == 1);   // D
  CHECK(cell(ct, "Niet van toepassing", "closed_n") == 1);                                  // F: a real category
  CHECK(cell(ct, "Naadloos Flexibel Traject", "open_n") == 1);                              // G
  CHECK(cell(ct, "Totaal", "open_n") == 3);
  CHECK(cell(ct, "Totaal", "closed_n") == 3);

  // The alternative rule: the organisation type of the last SofS module (A: A3 met verblijf instead of Pleegzorg).
  binc::Options last = o;
  last.orgtype_from_last_sofs = true;
  const auto rs_last = binc::results(m->ds, nullptr, last);
  const Table& ct2 = table(result(rs_last, "binc.orgtype_by_status"), "counts");
  CHECK(cell(ct2, "Pleegzorg", "total_n") == 0);
  CHECK(cell(ct2, "Organisatie voor bijzondere jeugdzorg met verblijf", "open_n") == 2);  // A3, C1
  CHECK(cell(ct2, "Organisatie voor bijzondere jeugdzorg met verblijf", "closed_n") == 2);  // B1, D5

  // An earlier as-of date (1 April 2022): B2, B3 and F1 start later and are left out (not there yet "now"), so F is
  // no trajectory; M-C2's end (30/04/2022) lies after it, so it is open; B's latest module is now its open SofS
  // module. Open: A, B, C, G; closed: D.
  auto early = map(kChains, "modules", "2022-04-01");
  const auto rs_early = binc::results(early->ds, nullptr, o);
  const Table& ct3 = table(result(rs_early, "binc.orgtype_by_status"), "counts");
  CHECK(cell(ct3, "Totaal", "open_n") == 4);
  CHECK(cell(ct3, "Totaal", "closed_n") == 1);
  CHECK(cell(ct3, "Organisatie voor bijzondere jeugdzorg met verblijf", "open_n") == 1);  // B1
  CHECK(cell(ct3, "Niet van toepassing", "total_n") == 0);                                // F left out
  const Table& rules = table(result(rs_early, "binc.quality"), "rules");
  bool after = false;
  for (const auto& r : rules.rows) after |= r[1].s == "start_after_as_of" && r[2].i == 3;
  CHECK(after);
}

TEST_CASE("binc: hand-made chains — durations and data quality") {
  auto m = map(kChains, "modules", "2022-12-31");
  const auto rs = binc::results(m->ds, nullptr, binc::Options{});

  // Durations: F1 ends before it starts and is left out; 11 SofS modules, 3 of them open (B1, G2 and none else
  // … A2, A3, C1, D1–D5, G1 closed = 9 events; B1, G2 censored at 31/12/2022).
  const Result& du = result(rs, "binc.durations");
  const Table& s = table(du, "summary");
  CHECK(cell(s, SOFS, "n") == 10 + 1);
  CHECK(cell(s, SOFS, "events") == 9);
  CHECK(cell(s, SOFS, "censored") == 2);
  // KM rows: time in exact months, survival non-increasing.
  const Table& km = table(du, "km");
  double prev = 1.0;
  for (const auto& r : km.rows) {
    if (r[0].s != SOFS) continue;
    CHECK(r[5].as_double() <= prev + 1e-12);
    prev = r[5].as_double();
  }
  // D1: 01/01/2021–28/02/2021 = 58 days = 58 / 30.4375 months: a KM time.
  bool found = false;
  for (const auto& r : km.rows) found |= r[0].s == SOFS && std::abs(r[1].as_double() - 58 / 30.4375) < 1e-12;
  CHECK(found);

  const Result& q = result(rs, "binc.quality");
  const Table& rules = table(q, "rules");
  auto n = [&](const std::string& id) {
    for (const auto& r : rules.rows)
      if (r[1].s == id) return r[2].i;
    FAIL("no rule " << id);
    return int64_t(-1);
  };
  CHECK(n("overlapping_modules") == 5);  // A4, B3, B2, M-C3, G2
  CHECK(n("overlapping_sofs_modules") == 1);  // G1
  CHECK(n("end_before_start") == 1);  // F1
  CHECK(n("unknown_module_type") == 1);  // G0
  CHECK(n("unclustered_module_type") == 1);
  CHECK(n("schakeling_mismatch") == 1);  // F1: 11 vs position 1
  CHECK(n("children_without_sofs") == 1);  // E
  CHECK(n("duplicate_module_id") == 0);
  CHECK(n("repeat_counts_vs_module_total") == 0);
  // Flags name file, row, column, value and rule: F1 is on line 19 of the file (header = 1).
  bool flagged = false;
  for (const auto& f : q.flags)
    flagged |= f.rule == "end_before_start" && f.row == 19 && f.column == "Einddatum" && f.value == "2022-05-01" &&
               f.file == "t.csv";
  CHECK(flagged);
  bool unknown = false;
  for (const auto& f : q.flags) unknown |= f.rule == "unknown_module_type" && f.value == "Onbekende module X";
  CHECK(unknown);
}

TEST_CASE("binc: clients without modules and children without client rows") {
  auto m = map(kChains, "modules", "2022-12-31");
  auto c = map("Kind ID;Geslacht;Schuldenlast\nA;Mannelijk;Ja\nB;Vrouwelijk;Niet van toepassing\nZ;Mannelijk;Nee\n",
               "clients", "2022-12-31", "clients.csv");
  const auto rs = binc::results(m->ds, &c->ds, binc::Options{});
  const Result& p = result(rs, "binc.profile");
  CHECK(cell(table(p, "coverage"), "Cliënten zonder modules", "n") == 1);  // Z
  CHECK(cell(table(p, "coverage"), "Kinderen zonder rij in het cliëntbestand", "n") == 5);  // C, D, E, F, G
  const Table& sex = table(p, "geslacht");
  CHECK(cell(sex, "Mannelijk", "n") == 1);
  CHECK(cell(sex, "Vrouwelijk", "n") == 1);
  CHECK(cell(sex, "Ontbrekend", "n") == 4);  // C, D, F, G (E has no SofS module)
  CHECK(cell(table(p, "schuldenlast"), "Ja", "denom_applicable") == 5);
  bool z = false;
  for (const auto& f : result(rs, "binc.quality").flags)
    z |= f.rule == "clients_without_modules" && f.value == "Z" && f.file == "clients.csv" && f.row == 4;
  CHECK(z);
}

TEST_CASE("binc: small expected counts in a large table get a Monte-Carlo p instead of Fisher's exact test") {
  // 2,100 children; one of them in a type of its own (expected count < 1).
  std::string csv = "Kind ID;Module;Begindatum;Einddatum;VZB organisatietype\n";
  for (int i = 0; i < 2100; ++i) {
    const char* type = i == 0 ? "Pleegzorg"
                       : i % 2 ? "Organisatie voor bijzondere jeugdzorg met verblijf"
                               : "Naadloos Flexibel Traject";
    csv += "K" + std::to_string(i) + ";CB SofS;01/01/2022;" + (i % 3 == 0 ? "" : "01/06/2022") + ";" + type + "\n";
  }
  auto m = map(csv, "modules", "2022-12-31");
  const auto rs = binc::results(m->ds, nullptr, binc::Options{});
  const Result& r = result(rs, "binc.orgtype_by_status");
  REQUIRE(r.tests.size() == 2);
  CHECK(r.tests[0].n == 2100);
  CHECK(std::find(r.tests[0].warnings.begin(), r.tests[0].warnings.end(), "expected_lt1") != r.tests[0].warnings.end());
  CHECK(r.tests[1].name == "Fisher's exact test with simulated p-value");
  CHECK(r.tests[1].p > 0);
  CHECK(r.tests[1].p <= 1);
  // Deterministic: the simulation is seeded.
  CHECK(result(binc::results(m->ds, nullptr, binc::Options{}), "binc.orgtype_by_status").tests[1].p == r.tests[1].p);
}
