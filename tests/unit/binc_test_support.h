// Shared helpers for the Binc analysis tests (test_analysis_binc_*.cpp; header-only, not a test file itself):
// reading and mapping a Binc file, finding a result / table / row, typed cell access, the default cluster names,
// the seven hand-made chains (kChains) and the seeded demo's module and client files (demo_files()).
#pragma once

#include "result_test_support.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/binc.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "demo/demo.h"

namespace zicht_test {

struct Mapped {
  zicht::core::ReadResult read;
  zicht::core::MappedDataset ds;
};

inline std::unique_ptr<Mapped> map(const std::string& csv, const std::string& kind, const std::string& as_of = {},
                                   const std::string& name = "t.csv") {
  auto m = std::make_unique<Mapped>();
  m->read = zicht::core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(m->read.ok());
  zicht::core::ProfileSettings ps;
  if (!as_of.empty()) {
    int32_t d;
    REQUIRE(zicht::core::parse_iso_date(as_of, d));
    ps.as_of = d;
  }
  m->ds = zicht::core::map_file(m->read, *zicht::core::find_schema("binc"), ps, kind);
  REQUIRE(m->ds.mapping.ok());
  return m;
}


// The row whose first cell has this text (verbatim code or Dutch label).
inline const std::vector<zicht::analysis::Value>& row(const zicht::analysis::Table& t, const std::string& first) {
  for (const auto& r : t.rows)
    if (!r.empty() && r[0].kind == zicht::analysis::Value::Kind::text && r[0].s == first) return r;
  FAIL("no row '" << first << "' in table " << t.id);
  throw;
}

inline int64_t cell(const zicht::analysis::Table& t, const std::string& first, const std::string& column) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  const zicht::analysis::Value& v = row(t, first)[size_t(c)];
  REQUIRE(v.kind == zicht::analysis::Value::Kind::integer);
  return v.i;
}

inline double num(const zicht::analysis::Table& t, const std::string& first, const std::string& column) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  return row(t, first)[size_t(c)].as_double();
}

inline std::vector<int64_t> column(const zicht::analysis::Table& t, const std::string& column_id, size_t rows) {
  const int c = t.column_index(column_id);
  REQUIRE(c >= 0);
  std::vector<int64_t> out;
  for (size_t i = 0; i < rows && i < t.rows.size(); ++i) out.push_back(t.rows[i][size_t(c)].i);
  return out;
}

inline const char* const SOFS = "Contextbegeleiding i.f.v. veiligheidsplanning SofS";
inline const char* const CL_PLEEG = "Vorm van pleegzorg + verblijf in pleeggezin";
inline const char* const CL_SOFS = "Contextbegeleiding i.f.v. veiligheidsplanning SofS (+ vorm van verblijf)";
inline const char* const CL_LAAG = "Contextbegeleiding laagintensief (+ andere module)";
inline const char* const CL_GEZIN = "Gezinsbegeleiding (+ andere module)";

// Seven children with known chains (dates dd/mm/yyyy, ';', Dutch headers as the demo writes them):
//  A  pre: Gezinsbegeleiding, an earlier SofS module; last SofS combined with a short stay; post: foster care (open)
//  B  one open SofS module with two modules starting the same day (tie broken by schakeling: B3 then B2)
//  C  SofS, then two post modules on the same day without schakeling (tie broken by module id: M-C2 then M-C3)
//  D  five SofS modules in a row ("CB SofS" alias)
//  E  no SofS module at all
//  F  a SofS module ending before it starts, registered as schakeling 11
//  G  an unknown module type before, then two overlapping SofS modules
inline const char* const kChains =
    "Kind ID;Module ID;Module;Begindatum;Einddatum;Schakeling;VZB organisatietype\n"
    "A;M-A1;Gezinsbegeleiding;01/01/2021;31/03/2021;1;Centrum Kinderzorg en Gezinsondersteuning\n"
    "A;M-A2;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/04/2021;30/06/2021;2;Organisatie voor bijzondere jeugdzorg zonder verblijf\n"
    "A;M-A3;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/09/2021;31/12/2021;3;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "A;M-A4;Verblijf voor kinderen korte duur;15/09/2021;30/09/2021;4;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "A;M-A5;Vorm van pleegzorg;15/01/2022;;5;Pleegzorg\n"
    "B;M-B1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/02/2022;;1;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "B;M-B2;Gezinsbegeleiding;01/05/2022;31/05/2022;3;Centrum Kinderzorg en Gezinsondersteuning\n"
    "B;M-B3;Crisisinterventie;01/05/2022;10/05/2022;2;Crisishulp aan huis\n"
    "C;M-C1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/01/2022;28/02/2022;;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "C;M-C3;Gezinsbegeleiding;01/03/2022;;;Organisatie voor bijzondere jeugdzorg zonder verblijf\n"
    "C;M-C2;Contextbegeleiding laagintensief;01/03/2022;30/04/2022;;Pleegzorg\n"
    "D;M-D1;CB SofS;01/01/2021;28/02/2021;1;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "D;M-D2;CB SofS;01/04/2021;31/05/2021;2;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "D;M-D3;CB SofS;01/07/2021;31/08/2021;3;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "D;M-D4;CB SofS;01/10/2021;30/11/2021;4;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "D;M-D5;CB SofS;01/01/2022;28/02/2022;5;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "E;M-E1;Gezinsbegeleiding;01/01/2022;31/03/2022;1;Centrum Kinderzorg en Gezinsondersteuning\n"
    "F;M-F1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/06/2022;01/05/2022;11;Niet van toepassing\n"
    "G;M-G0;Onbekende module X;01/06/2021;30/09/2021;1;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "G;M-G1;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/01/2022;30/06/2022;2;Organisatie voor bijzondere jeugdzorg met verblijf\n"
    "G;M-G2;Contextbegeleiding i.f.v. veiligheidsplanning SofS;01/03/2022;;3;Naadloos Flexibel Traject\n";

// The demo's module file and client file (SPEC §3.2), mapped once per test binary.
struct Demo {
  std::unique_ptr<Mapped> modules, clients;
};

inline const Demo& demo_files() {
  static Demo d = [] {
    Demo x;
    x.modules = map(zicht::demo::generate_csv({"binc"}), "modules", {}, "binc_modules.csv");
    zicht::demo::DemoOptions c{"binc", 2023, 0, "clients"};
    x.clients = map(zicht::demo::generate_csv(c), "clients", {}, "binc_clients.csv");
    return x;
  }();
  return d;
}

}  // namespace zicht_test
