// The Binc analyses (SPEC §2.2): what the user sets — options from and to the werkmap (user clusters included), the
// profile per child, per child × support year and per family and the organisation filter on a small file, and
// session::analyse with both files (werkmap, as-of date, provenance, refusals, determinism) — and the hidden
// one-million-row timing ("[.bench]").
#include "binc_test_support.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "report/json_export.h"
#include "session/run.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;
namespace binc = zicht::analysis::binc;

TEST_CASE("binc: options from and to the werkmap") {
  // Written in the version-1 layout (sections per option, then per profile): still read.
  const nlohmann::json w = nlohmann::json::parse(R"({
    "settings": {"binc": {"sofs_module_type": "Mijn SofS", "orgtype_from": "last_sofs", "unit": "schakelingen"}},
    "clusters": {"binc": {"Gezinsbegeleiding": "Gezin", "Vorm van pleegzorg": "Pleeg"}},
    "consent": {"binc": ["Demo Madeliefje"]},
    "denominator": "all",
    "norms": {"binc": {"min_path": 3}}})");
  const binc::Options o = binc::Options::from_werkmap(w);
  CHECK(o.sofs_module_type == "Mijn SofS");
  CHECK(o.orgtype_from_last_sofs);
  CHECK(o.unit == binc::Unit::schakelingen);
  CHECK(o.clusters.size() == 2);
  CHECK(o.consent == std::vector<std::string>{"Demo Madeliefje"});
  CHECK(o.denominator == core::Denominator::all);
  CHECK(o.min_path == 3);
  const binc::Options back = binc::Options::from_werkmap(o.to_json());
  CHECK(back.to_json() == o.to_json());
  // Stored in the version-2 layout: everything under profiles.binc, the denominator shared.
  core::Werkmap typed;
  o.store(typed);
  CHECK(typed.options("binc", "settings")["unit"] == "schakelingen");
  CHECK(typed.options("binc", "norms")["min_path"] == 3);
  CHECK(typed.options("binc", "clusters")["Gezinsbegeleiding"] == "Gezin");
  CHECK(typed.denominator() == core::Denominator::all);
  CHECK(binc::Options::from_werkmap(typed).to_json() == o.to_json());
  // Defaults.
  const binc::Options d = binc::Options::from_werkmap(nlohmann::json::object());
  CHECK(d.sofs_module_type == SOFS);
  CHECK(!d.orgtype_from_last_sofs);
  CHECK(d.unit == binc::Unit::kinderen);
  CHECK(d.min_path == 5);

  // User clusters: listed types in their cluster, the rest in "Overige".
  auto m = map(kChains, "modules", "2022-12-31");
  binc::Options u;
  u.unit = binc::Unit::schakelingen;
  u.clusters = {{"Gezinsbegeleiding", "Gezin"}, {SOFS, "SofS"}};
  const auto rs_u = binc::results(m->ds, nullptr, u);
  const Table& cl = table(result(rs_u, "binc.pre_post"), "clusters");
  REQUIRE(cl.rows.size() == 4);  // Gezin, SofS, Overige, Totaal
  CHECK(cell(cl, "Gezin", "pre_n") == 1);
  CHECK(cell(cl, "SofS", "pre_n") == 5);
  CHECK(cell(cl, "Overige", "pre_n") == 1);
  CHECK(cell(cl, "Overige", "post_n") == 2);  // foster care and laagintensief are not listed
}

TEST_CASE("binc: profile per child, per child × support year and per family; the organisation filter") {
  // K1 has SofS modules in 2021 and 2022; K2 shares K1's family; K3 has no family id and no sex registered.
  const char* csv =
      "Kind ID;Gezin ID;Module;Begindatum;Einddatum;Begeleidingsjaar;Organisatie;Geslacht\n"
      "K1;G1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/03/2021;31/12/2021;2021;Org A;Mannelijk\n"
      "K1;G1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/02/2022;;2022;Org A;Mannelijk\n"
      "K2;G1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/05/2022;;2022;Org B;Vrouwelijk\n"
      "K3;;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/06/2022;;2022;Org A;\n";
  auto m = map(csv, "modules", "2022-12-31");
  binc::Options kids, years, fams, org_a;
  years.unit = binc::Unit::kind_jaar;
  fams.unit = binc::Unit::gezinnen;
  org_a.organisations = {"Org A"};
  const auto rk = binc::results(m->ds, nullptr, kids);
  const auto ry = binc::results(m->ds, nullptr, years);
  const auto rf = binc::results(m->ds, nullptr, fams);
  const auto ro = binc::results(m->ds, nullptr, org_a);

  const Result& pk = result(rk, "binc.profile");
  CHECK(cell(table(pk, "coverage"), "Getelde eenheden", "n") == 3);
  CHECK(cell(table(pk, "geslacht"), "Mannelijk", "n") == 1);
  CHECK(cell(table(pk, "geslacht"), "Ontbrekend", "n") == 1);
  const Table& by_year = table(pk, "children_by_year");
  REQUIRE(by_year.rows.size() == 4);
  CHECK(by_year.rows[0][0].i == 2021);
  CHECK(by_year.rows[0][1].i == 1);
  CHECK(by_year.rows[1][0].i == 2022);
  CHECK(by_year.rows[1][1].i == 3);
  CHECK(cell(by_year, "Totaal kind × jaar", "n") == 4);
  const Table& sex_year = table(pk, "geslacht.by_year");
  CHECK(cell(sex_year, "Mannelijk", "n_2021") == 1);
  CHECK(cell(sex_year, "Mannelijk", "n_2022") == 1);
  CHECK(cell(sex_year, "Vrouwelijk", "n_2022") == 1);
  CHECK(cell(sex_year, "Vrouwelijk", "denom_valid_2022") == 2);
  CHECK(cell(sex_year, "Ontbrekend", "n_2022") == 1);

  const Result& py = result(ry, "binc.profile");
  CHECK(cell(table(py, "coverage"), "Getelde eenheden", "n") == 4);
  CHECK(cell(table(py, "geslacht"), "Mannelijk", "n") == 2);  // K1 in 2021 and in 2022
  CHECK(py.unit.en == "child × support year");

  const Result& pf = result(rf, "binc.profile");
  CHECK(cell(table(pf, "coverage"), "Getelde eenheden", "n") == 2);  // G1 (K1 starts first) and K3 on its own
  CHECK(cell(table(pf, "geslacht"), "Mannelijk", "n") == 1);
  CHECK(cell(table(pf, "geslacht"), "Vrouwelijk", "n") == 0);
  CHECK(pf.unit.nl == "gezinnen");

  // Without a family id the family unit falls back to children, and says so.
  auto nofam = map("Kind ID;Module;Begindatum\nK1;CB SofS;01/01/2022\n", "modules", "2022-12-31");
  const auto rn = binc::results(nofam->ds, nullptr, fams);
  CHECK(result(rn, "binc.profile").unit.nl == "kinderen (trajecten)");
  CHECK(!result(rn, "binc.profile").notes.empty());

  // Organisation filter: the organisation of the child's last SofS module (K1 and K3 from Org A).
  const Table& f = table(result(ro, "binc.module_frequency"), "frequency");
  CHECK(column(f, "n", 5) == std::vector<int64_t>{1, 1, 0, 0, 0});
}

TEST_CASE("binc: session::analyse maps both files, honours the werkmap and the as-of date, fills provenance") {
  const std::string mcsv = demo::generate_csv({"binc"});
  demo::DemoOptions c{"binc", 2023, 0, "clients"};
  const std::string ccsv = demo::generate_csv(c);
  core::ReadResult mr = core::read_bytes("m.csv", reinterpret_cast<const uint8_t*>(mcsv.data()), mcsv.size());
  core::ReadResult cr = core::read_bytes("c.csv", reinterpret_cast<const uint8_t*>(ccsv.data()), ccsv.size());
  std::vector<session::TableInput> inputs = {{"modules", "m.csv", &mr}, {"clients", "c.csv", &cr}};
  const session::ProfileSpec& spec = *session::find_profile("binc");
  analysis::Settings s;
  s.profile = "binc";
  s.werkmap = nlohmann::json::parse(R"({"settings": {"binc": {"unit": "schakelingen"}}})");
  analysis::ResultSet out;
  std::string error;
  REQUIRE(session::analyse(spec, inputs, s, out, error));
  CHECK(out.results.size() == 9);
  CHECK(out.provenance.as_of == "2023-06-06");
  CHECK(out.provenance.profile == "binc");
  REQUIRE(out.provenance.files.size() == 2);
  CHECK(out.provenance.files[0].rows_in == 1365);
  CHECK(out.provenance.files[0].rows_used == 1365);
  CHECK(out.provenance.files[1].rows_in == 368);
  CHECK(out.find("binc.pre_post")->unit.nl == "schakelingen");
  CHECK(cell(table(*out.find("binc.pre_post"), "clusters"), "Totaal", "pre_n") == 649);

  // The as-of date: on 1 January 2023 modules ending later are still open.
  s.as_of = "2023-01-01";
  analysis::ResultSet early;
  REQUIRE(session::analyse(spec, inputs, s, early, error));
  CHECK(early.provenance.as_of == "2023-01-01");
  CHECK(cell(table(*early.find("binc.orgtype_by_status"), "counts"), "Totaal", "open_n") != 252);

  // Without the client file the profile comes from the module file (no characteristics in it here).
  analysis::ResultSet solo;
  REQUIRE(session::analyse(spec, {inputs[0]}, analysis::Settings{}, solo, error));
  CHECK(solo.provenance.files.size() == 1);

  // A file without the required fields: an English message naming the file.
  const std::string bad = "Iets;Anders\n1;2\n";
  core::ReadResult br = core::read_bytes("bad.csv", reinterpret_cast<const uint8_t*>(bad.data()), bad.size());
  analysis::ResultSet none;
  CHECK(!session::analyse(spec, {{"modules", "bad.csv", &br}}, analysis::Settings{}, none, error));
  CHECK(error.find("bad.csv") != std::string::npos);

  // Deterministic: the same input and settings give byte-identical JSON.
  analysis::ResultSet again;
  s.as_of.clear();
  REQUIRE(session::analyse(spec, inputs, s, again, error));
  REQUIRE(session::analyse(spec, inputs, s, out, error));
  CHECK(report::results_json(again, i18n::Lang::nl).dump() == report::results_json(out, i18n::Lang::nl).dump());
}

// Benchmark (hidden; run with "[.bench]"): all results on 1,000,000 module rows.
TEST_CASE("binc: one million module rows", "[.bench]") {
  demo::DemoOptions o{"binc"};
  o.rows = 1000000;
  auto m = map(demo::generate_csv(o), "modules", {}, "big.csv");
  // The best of three runs, wall clock and process CPU time: the machine may be shared.
  double s = 1e9, cpu = 1e9;
  std::vector<Result> rs;
  for (int k = 0; k < 3; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    rs = binc::results(m->ds, nullptr, binc::Options{});
    cpu = std::min(cpu, double(std::clock() - c0) / CLOCKS_PER_SEC);
    s = std::min(s, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  WARN("binc results on 1,000,000 module rows: " << s << " s wall, " << cpu << " s CPU (best of 3)");
  CHECK(rs.size() == 9);
  CHECK(cpu < 1.0);
}
