// Shared helpers for the SofS analysis tests (test_analysis_sofs_*.cpp; header-only, not a test file itself):
// reading and mapping a SofS file, finding a result / table / row / test, typed cell access, the small hand-made
// file of eight trajectories with its hand-derived facts (kCsv, Small), and the seeded demo (the_demo()).
#pragma once

#include "result_test_support.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "analysis/sofs.h"
#include "core/schema.h"
#include "core/table.h"
#include "demo/demo.h"

namespace zicht_test {

inline zicht::core::ReadResult read(const std::string& text, const std::string& name = "sofs.csv") {
  return zicht::core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

inline int32_t day(int y, unsigned m, unsigned d) { return zicht::core::days_from_civil(y, m, d); }

inline zicht::core::MappedDataset map(const zicht::core::ReadResult& r, std::optional<int32_t> as_of = std::nullopt) {
  zicht::core::ProfileSettings ps;
  ps.as_of = as_of;
  return zicht::core::map_file(r, *zicht::core::find_schema("sofs"), ps);
}


inline const zicht::analysis::Value& at(const zicht::analysis::Table& t, size_t row, const std::string& col) {
  const int c = t.column_index(col);
  REQUIRE(c >= 0);
  REQUIRE(row < t.rows.size());
  return t.rows[row][size_t(c)];
}
inline int64_t n(const zicht::analysis::Table& t, size_t row, const std::string& col) {
  const zicht::analysis::Value& v = at(t, row, col);
  REQUIRE(v.kind == zicht::analysis::Value::Kind::integer);
  return v.i;
}
inline double x(const zicht::analysis::Table& t, size_t row, const std::string& col) {
  const zicht::analysis::Value& v = at(t, row, col);
  REQUIRE(v.is_number());
  return v.as_double();
}
inline bool na(const zicht::analysis::Table& t, size_t row, const std::string& col) {
  return at(t, row, col).kind == zicht::analysis::Value::Kind::missing;
}
// The row whose column `col` holds text `s` (verbatim code or the Dutch label) or the integer `s`.
inline size_t row_of(const zicht::analysis::Table& t, const std::string& col, const std::string& s, size_t nth = 0) {
  using zicht::analysis::Value;
  const int c = t.column_index(col);
  REQUIRE(c >= 0);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const Value& v = t.rows[i][size_t(c)];
    if ((v.kind == Value::Kind::text && (v.s == s || v.en == s)) ||
        (v.kind == Value::Kind::integer && std::to_string(v.i) == s)) {
      if (nth == 0) return i;
      --nth;
    }
  }
  FAIL("no row " << s << " in " << t.id);
  throw;
}
inline const zicht::analysis::TestResult& test_with(const zicht::analysis::Result& r, const std::string& name_part,
                                                    const std::string& variant_part) {
  for (const auto& t : r.tests)
    if (t.name.find(name_part) != std::string::npos && t.variant.find(variant_part) != std::string::npos) return t;
  FAIL("no test " << name_part << " / " << variant_part << " in " << r.id);
  throw;
}

// Eight trajectories, as-of date 30 June 2023 (set explicitly). Header names as the demo writes them; the
// partnership columns only for the safety goal. Hand-derived facts per row:
//   T1 Org A IFG closed 2022, every step dated, 6 meetings, plan B netwerk activated 59 days after the start;
//      257 days (8 completed months).
//   T2 Org A V closed 2022, every step dated, a DATE in Netwerkberaden (≥ 1, count unknown), plan B verblijf "nee";
//      119 days (3 completed months).
//   T3 Org B IFG closed 2021, mapping intern "nee", 0 meetings, W&P/plans "nee", plan B blank; 245 days (8).
//   T4 Org B EM closed 2023, adult plan dated 31 days BEFORE the start (negative time), child plan "ja" without
//      date, timeline dated AFTER einddatum, plan B activated 5 days before the start; 111 days (3).
//   T5 Org C SM open (einddatum "nee"), three houses "nee", plan B verblijf, meetings and figures empty.
//   T6 Org C Geen open (einddatum empty), family mapping "ja", everything else empty, 2 meetings.
//   T7 Org A IFG closed 2023, W&P "nee", child plan empty, meetings empty; 259 days (8).
//   T8 Org D IFG closed 2022, only W&P and adult plan dated, child plan "nee", 1 meeting; 334 days (11).
inline const char* const kCsv =
    "Identificatiecode;Organisatie;Startdatum traject;Typering casus;Mapping intern;Mapping met familie;3 huizen;"
    "Gevaarsboodschap;Veiligheidsdoel;Netwerk met aantal;Netwerkberaden;Veiligheidsschaal;Traject;W&P;"
    "Veiligheidsplan volwassenen;Kindversie veiligheidsplan;Plan B;Plan B in werking;Einddatum;Veiligheidsdoel CB;"
    "Veiligheidsdoel consulent\n"
    "T1;Org A;01/01/2022;IFG;05/01/2022;10/01/2022;01/02/2022;01/02/2022;15/02/2022;4;6;01/03/2022;01/04/2022;"
    "01/05/2022;01/07/2022;01/08/2022;In netwerk;01/03/2022;15/09/2022;ja;ja\n"
    "T2;Org A;01/02/2022;V;02/02/2022;03/02/2022;01/03/2022;01/03/2022;10/03/2022;2;12/03/2022;15/03/2022;"
    "01/04/2022;15/04/2022;01/05/2022;15/05/2022;verblijf;nee;31/05/2022;ja;nee\n"
    "T3;Org B;01/03/2021;IFG;nee;05/03/2021;01/04/2021;01/04/2021;15/04/2021;0;0;01/05/2021;01/06/2021;nee;nee;nee;"
    ";;01/11/2021;ja;\n"
    "T4;Org B;10/01/2023;EM;10/01/2023;12/01/2023;01/02/2023;01/02/2023;15/02/2023;5;3;01/03/2023;15/05/2023;"
    "01/03/2023;10/12/2022;ja;In netwerk;05/01/2023;01/05/2023;nee;\n"
    "T5;Org C;01/01/2023;SM;15/01/2023;20/01/2023;nee;;;;;;;;;;verblijf;;nee;;\n"
    "T6;Org C;01/03/2023;Geen;;ja;;;;3;2;;;;;;;;;;\n"
    "T7;Org A;01/06/2022;IFG;05/06/2022;10/06/2022;01/07/2022;01/07/2022;15/07/2022;1;;01/08/2022;01/09/2022;nee;"
    "01/12/2022;;In netwerk;01/07/2022;15/02/2023;ja;ja\n"
    "T8;Org D;01/01/2022;IFG;;;;;;6;1;;;01/05/2022;01/06/2022;nee;;nee;01/12/2022;;\n";

inline constexpr double kMonth = 30.4375;

struct Small {
  zicht::core::ReadResult file = read(kCsv);
  zicht::core::MappedDataset ds = map(file, day(2023, 6, 30));
  std::deque<std::vector<zicht::analysis::Result>> kept;  // results stay alive for the whole test case (references into them)
  const std::vector<zicht::analysis::Result>& run(const zicht::analysis::sofs::Options& o = {}) {
    kept.push_back(zicht::analysis::sofs::results(ds, o));
    return kept.back();
  }
};

// The seeded demo (SPEC §3.1), read, mapped and analysed once per test binary.
struct Demo {
  std::string csv = zicht::demo::generate_csv(zicht::demo::DemoOptions{});
  zicht::core::ReadResult file = read(csv, "sofs_demo.csv");
  zicht::core::MappedDataset ds = map(file);
  std::vector<zicht::analysis::Result> rs = zicht::analysis::sofs::results(ds, {});
};
inline const Demo& the_demo() {
  static const Demo d;
  return d;
}

}  // namespace zicht_test
