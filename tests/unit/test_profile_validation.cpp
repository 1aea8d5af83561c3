// Validation of the planted problems in tests/data/profiles/*.csv (see make_files.py there): exact counts per rule
// and ORIGINAL row numbers (header = row 1), rows in = used + excluded, and the MappedDataset cell meanings.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <tuple>

#include "core/mapped_dataset.h"
#include "core/werkmap.h"

using namespace zicht::core;

namespace {

std::string path(const std::string& name) { return std::string(ZICHT_SOURCE_DIR) + "/tests/data/profiles/" + name; }

ReadResult read(const std::string& name) {
  std::ifstream in(path(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  ReadResult r = read_bytes(name, reinterpret_cast<const uint8_t*>(s.data()), s.size());
  REQUIRE(r.ok());
  return r;
}

int32_t iso(const char* s) {
  int32_t d = 0;
  REQUIRE(parse_iso_date(s, d));
  return d;
}

using Flag = std::tuple<int64_t, std::string, std::string>;  // row, column, rule
std::vector<Flag> flags_of(const MappedDataset& ds) {
  std::vector<Flag> out;
  for (const auto& f : ds.validation.flags) out.emplace_back(f.row, f.column, f.rule);
  return out;
}

// Row index in the table of an original row number.
size_t at(const MappedDataset& ds, int64_t row_number) {
  for (size_t i = 0; i < ds.rows(); ++i)
    if (ds.row_number(i) == row_number) return i;
  FAIL("row " << row_number << " not in table");
  return 0;
}

}  // namespace

TEST_CASE("SofS export (Windows-1252, ;, dd/mm/yyyy): every planted problem with its original row") {
  ReadResult r = read("sofs_export.csv");
  CHECK(r.report.encoding == Encoding::Windows1252);
  CHECK(r.report.dialect.delimiter == ';');
  ProfileSettings ps;
  ps.as_of = iso("2023-10-05");
  MappedDataset ds = map_file(r, *find_schema("sofs"), ps);
  REQUIRE(ds.mapping.ok());
  const auto& v = ds.validation;
  CHECK(v.rows_in == 20);
  CHECK(v.rows_used == 18);
  CHECK(v.rows_excluded == 2);
  CHECK(v.rows_in == v.rows_used + v.rows_excluded);
  CHECK(v.flags_total == 15);
  std::map<std::string, int64_t> expected = {
      {"date_in_count", 2},   {"impossible_date", 1},  {"step_after_end", 1},    {"step_before_start", 1},
      {"row_no_identifier", 1}, {"row_no_start", 1},   {"not_in_code_list", 2},  {"end_before_start", 1},
      {"date_out_of_range", 1}, {"invalid_date", 1},   {"out_of_range", 1},      {"duplicate_identifier", 1},
      {"invalid_bool", 1}};
  CHECK(v.flags_by_rule == expected);
  CHECK(v.excluded_by_rule == std::map<std::string, int64_t>{{"row_no_identifier", 1}, {"row_no_start", 1}});
  const std::vector<Flag> want = {
      {4, "Netwerkberaden", "date_in_count"},
      {5, "Veiligheidsplan volwassenen", "impossible_date"},
      {6, "W&P", "step_after_end"},
      {7, "Netwerkberaden", "date_in_count"},
      {8, "Veiligheidsplan volwassenen", "step_before_start"},
      {9, "Identificatiecode", "row_no_identifier"},
      {10, "Startdatum traject", "row_no_start"},
      {11, "Typering casus", "not_in_code_list"},
      {13, "Einddatum", "end_before_start"},
      {14, "Gevaarsboodschap", "date_out_of_range"},
      {16, "Veiligheidsschaal", "invalid_date"},
      {17, "Netwerkberaden", "out_of_range"},
      {18, "Identificatiecode", "duplicate_identifier"},
      {19, "Plan B", "not_in_code_list"},
      {20, "Veiligheidsdoel CB", "invalid_bool"}};
  CHECK(flags_of(ds) == want);
  // Every flag names the file, the value as written, and the field.
  for (const auto& f : v.flags) CHECK(f.file == "sofs_export.csv");
  CHECK(v.flags[0].value == "12/03/2022");
  CHECK(v.flags[1].value == "31/02/2023");
  CHECK(v.flags[7].value == "Emotioneel");
  CHECK(v.flags[7].field == "typering");
}

TEST_CASE("SofS cell meanings in the MappedDataset") {
  ReadResult r = read("sofs_export.csv");
  ProfileSettings ps;
  ps.as_of = iso("2023-10-05");
  MappedDataset ds = map_file(r, *find_schema("sofs"), ps);
  const MappedField& fam = *ds.field("mapping_familie");
  const MappedField& nb = *ds.field("netwerkberaden");
  const MappedField& end = *ds.field("einddatum");
  const MappedField& plan = *ds.field("veiligheidsplan_volwassenen");
  const MappedField& typ = *ds.field("typering");
  const MappedField& pb = *ds.field("plan_b");
  // row 2: dated step, count 6, closed
  CHECK(fam.kind[at(ds, 2)] == CellKind::Value);
  CHECK(fam.value[at(ds, 2)] == iso("2021-05-24"));
  CHECK(nb.kind[at(ds, 2)] == CellKind::Value);
  CHECK(nb.value[at(ds, 2)] == 6);
  CHECK(end.kind[at(ds, 2)] == CellKind::Value);
  // row 4: a date in netwerkberaden = at least one meeting, count unknown
  CHECK(nb.kind[at(ds, 4)] == CellKind::Yes);
  // row 5: "ja" = taken, date unknown; the impossible date is Invalid
  CHECK(fam.kind[at(ds, 5)] == CellKind::Yes);
  CHECK(fam.taken(at(ds, 5)));
  CHECK(plan.kind[at(ds, 5)] == CellKind::Invalid);
  // row 3: "nee" = not taken; row 7: empty einddatum = Missing (open), row 14: "nee" = open
  CHECK(plan.kind[at(ds, 3)] == CellKind::Value);
  CHECK(ds.field("kindversie_veiligheidsplan") == nullptr);
  CHECK(ds.field("veiligheidsplan_kind")->kind[at(ds, 3)] == CellKind::No);
  CHECK(end.kind[at(ds, 7)] == CellKind::Missing);
  CHECK(end.kind[at(ds, 14)] == CellKind::No);
  // row 6: the step after the end date stays taken
  CHECK(ds.field("woord_en_beeld")->kind[at(ds, 6)] == CellKind::Value);
  // row 12: "Verwaarlozing" recoded automatically to V; row 20: plan B "in netwerk" = netwerk
  CHECK(typ.values[static_cast<size_t>(typ.value[at(ds, 12)])] == "V");
  CHECK(pb.values[static_cast<size_t>(pb.value[at(ds, 20)])] == "netwerk");
  CHECK(pb.kind[at(ds, 4)] == CellKind::Missing);  // deliberately blank plan B
  // rows 9 and 10 are excluded, everything else used
  CHECK(ds.used[at(ds, 9)] == 0);
  CHECK(ds.used[at(ds, 10)] == 0);
  CHECK(ds.used[at(ds, 11)] == 1);
  CHECK(ds.text(*ds.field("traject_id"), at(ds, 18)) == "SOFS-001");
  // partnership
  CHECK(ds.field("veiligheidsdoel_cb")->kind[at(ds, 2)] == CellKind::Yes);
  CHECK(ds.field("veiligheidsdoel_consulent")->kind[at(ds, 2)] == CellKind::No);
  // values outside the code lists, for the mapping page
  REQUIRE(ds.unlisted.size() == 2);
  CHECK(ds.unlisted[0].field == "typering");
  CHECK(ds.unlisted[0].value == "Emotioneel");
  CHECK(ds.unlisted[0].count == 1);
  CHECK(ds.unlisted[1].value == "grootouders");
}

TEST_CASE("a value recoding from the werkmap removes the flag and gives the code") {
  ReadResult r = read("sofs_export.csv");
  Werkmap w;
  w.set_recode("sofs", "typering", "Emotioneel", "EM");
  w.set_recode("sofs", "plan_b", "grootouders", "netwerk");
  ProfileSettings ps;
  ps.overrides = w.overrides("sofs");
  ps.as_of = iso("2023-10-05");
  MappedDataset ds = map_file(r, *find_schema("sofs"), ps);
  CHECK(ds.validation.flags_by_rule.count("not_in_code_list") == 0);
  CHECK(ds.validation.flags_total == 13);
  const MappedField& typ = *ds.field("typering");
  CHECK(typ.kind[at(ds, 11)] == CellKind::Value);
  CHECK(typ.values[static_cast<size_t>(typ.value[at(ds, 11)])] == "EM");
  REQUIRE(ds.unlisted.size() == 2);
  CHECK(ds.unlisted[0].recoded_to == "EM");
}

TEST_CASE("the as-of date: from the settings, or the latest plausible date in the data") {
  ReadResult r = read("sofs_export.csv");
  MappedDataset ds = map_file(r, *find_schema("sofs"), ProfileSettings{});
  CHECK(ds.as_of_from_data);
  CHECK(format_iso_date(ds.as_of) == "2023-09-29");  // the 2031 typo does not move "now"
  CHECK(ds.validation.flags_by_rule.at("date_out_of_range") == 1);
  ProfileSettings early;
  early.as_of = iso("2021-12-31");  // then everything after 2022-12-31 is out of range
  MappedDataset ds2 = map_file(r, *find_schema("sofs"), early);
  CHECK_FALSE(ds2.as_of_from_data);
  CHECK(ds2.validation.flags_by_rule.at("date_out_of_range") > 10);
}

TEST_CASE("Binc module file: end before start, NVT as a real category, impossible start excludes the row") {
  ReadResult r = read("binc_modules.csv");
  ProfileSettings ps;
  ps.as_of = iso("2023-10-05");
  MappedDataset ds = map_file(r, *find_schema("binc"), ps);
  REQUIRE(ds.mapping.ok());
  CHECK(ds.mapping.kind == "modules");
  const auto& v = ds.validation;
  CHECK(v.rows_in == 16);
  CHECK(v.rows_used == 13);
  CHECK(v.rows_excluded == 3);
  CHECK(v.flags_total == 7);
  const std::vector<Flag> want = {{4, "Einddatum", "end_before_start"},
                                  {8, "VZB organisatietype", "not_in_code_list"},
                                  {9, "Kind ID", "row_no_identifier"},
                                  {10, "Begindatum", "row_no_start"},
                                  {12, "Begindatum", "row_no_start"},
                                  {12, "Begindatum", "impossible_date"},
                                  {13, "Schakeling", "not_a_number"}};
  CHECK(flags_of(ds) == want);
  const MappedField& vzb = *ds.field("vzb_organisatietype");
  CHECK(vzb.kind[at(ds, 6)] == CellKind::Value);
  CHECK(vzb.values[static_cast<size_t>(vzb.value[at(ds, 6)])] == "Niet van toepassing");
  CHECK(vzb.values[static_cast<size_t>(vzb.value[at(ds, 7)])] == "Centrum Integrale Gezinszorg");
  // open module-type list: an unknown type is a value, listed for the user, not flagged
  const MappedField& mt = *ds.field("module_type");
  CHECK(mt.kind[at(ds, 11)] == CellKind::Value);
  CHECK(mt.values[static_cast<size_t>(mt.value[at(ds, 11)])] == "Begeleid zelfstandig wonen");
  CHECK(ds.field("einde")->kind[at(ds, 5)] == CellKind::Missing);  // open module
  CHECK(ds.field("schakeling")->value[at(ds, 17)] == 4);
}

TEST_CASE("Binc client file: mapped as the client kind, onbekend is a real code, NVT kind for family variables") {
  ReadResult r = read("binc_clients.csv");
  MappedDataset ds = map_file(r, *find_schema("binc"), ProfileSettings{});
  REQUIRE(ds.mapping.ok());
  CHECK(ds.mapping.kind == "clients");
  const auto& v = ds.validation;
  CHECK(v.rows_in == 12);
  CHECK(v.rows_used == 12);
  CHECK(v.rows_excluded == 0);
  const std::vector<Flag> want = {{5, "Geslacht", "not_in_code_list"},
                                  {7, "Instroomleeftijd", "out_of_range"},
                                  {10, "Kind ID", "duplicate_identifier"},
                                  {10, "Geslacht", "not_in_code_list"}};
  CHECK(flags_of(ds) == want);
  const MappedField& arb = *ds.field("arbeidssituatie");
  CHECK(arb.kind[at(ds, 5)] == CellKind::Value);
  CHECK(arb.values[static_cast<size_t>(arb.value[at(ds, 5)])] == "Inkomen uit arbeid voltijds + onbekend");
  CHECK(arb.values[static_cast<size_t>(arb.value[at(ds, 6)])] == "Inkomen uit arbeid voltijds + vervangingsinkomen");
  CHECK(arb.kind[at(ds, 4)] == CellKind::NotApplicable);
  CHECK(ds.field("schuldenlast")->kind[at(ds, 6)] == CellKind::Missing);
  CHECK(ds.field("schuldenlast")->kind[at(ds, 3)] == CellKind::Value);  // "Ja" (typed boolean by the reader)
  CHECK(ds.field("huisvesting")->kind[at(ds, 4)] == CellKind::NotApplicable);
  CHECK(ds.field("pleegzorg_moment")->values[static_cast<size_t>(ds.field("pleegzorg_moment")->value[at(ds, 3)])] ==
        "Ja, netwerkpleegzorg in familiaal netwerk");
}

TEST_CASE("duplicate identifiers: the same trimmed text, in a text column and in a number column") {
  auto rules = [](const std::string& csv) {
    ReadResult r = read_bytes("ids.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
    REQUIRE(r.ok());
    MappedDataset ds = map_file(r, *find_schema("sofs"), ProfileSettings{});
    REQUIRE(ds.mapping.ok());
    std::vector<int64_t> rows;
    for (const auto& f : ds.validation.flags)
      if (f.rule == "duplicate_identifier") rows.push_back(f.row);
    return rows;
  };
  // Text ids (row numbers count the header as row 1): "T1" again at row 4 (padded) and row 6.
  CHECK(rules("Identificatiecode;Startdatum traject\nT1;01/02/2022\nT2;01/02/2022\n\" T1 \";03/02/2022\n"
              "T3;01/02/2022\nT1;05/02/2022\n") == std::vector<int64_t>{4, 6});
  // Numeric ids, typed as integers by the reader.
  CHECK(rules("Identificatiecode;Startdatum traject\n7;01/02/2022\n8;01/02/2022\n7;03/02/2022\n") ==
        std::vector<int64_t>{4});
}

TEST_CASE("profile_json carries mapping and validation for inspect and the state hook") {
  ReadResult r = read("sofs_export.csv");
  ProfileSettings ps;
  ps.as_of = iso("2023-10-05");
  MappedDataset ds = map_file(r, *find_schema("sofs"), ps);
  auto j = profile_json(ds, 5);
  CHECK(j["profile"] == "sofs");
  CHECK(j["mapping"]["start_cb"]["column"] == "Startdatum traject");
  CHECK(j["mapping"]["start_cb"]["method"] == "exact");
  CHECK(j["mapping"]["start_cb"]["confidence"] == 1.0);
  CHECK(j["validation"]["rows_in"] == 20);
  CHECK(j["validation"]["flags_by_rule"]["date_in_count"] == 2);
  CHECK(j["validation"]["first_flags"].size() == 5);
  CHECK(j["validation"]["first_flags"][0]["row"] == 4);
  CHECK(j["as_of"] == "2023-10-05");
}

TEST_CASE("a file without a start column cannot be mapped and says which field is missing") {
  const std::string csv = "Identificatiecode;Organisatie\r\nA1;X\r\n";
  ReadResult r = read_bytes("x.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  MappedDataset ds = map_file(r, *find_schema("sofs"), ProfileSettings{});
  CHECK_FALSE(ds.mapping.ok());
  CHECK(ds.mapping.missing_required == std::vector<std::string>{"start_cb"});
  CHECK(ds.validation.rows_in == 1);
}

TEST_CASE("add_profile_inspect: merged into the inspect JSON; unmappable required fields fail with a message") {
  ReadResult r = read("sofs_export.csv");
  nlohmann::json j = inspect_json(r);
  std::string err;
  REQUIRE(add_profile_inspect(j, r, "sofs", ProfileSettings{}, err));
  CHECK(j["rows"] == 20);
  CHECK(j["profile"] == "sofs");
  CHECK(j["validation"]["flags_total"] == 15);
  CHECK(j["mapping"]["einddatum"]["column"] == "Einddatum");
  ReadResult c = read("binc_clients.csv");
  nlohmann::json k = inspect_json(c);
  CHECK_FALSE(add_profile_inspect(k, c, "sofs", ProfileSettings{}, err));
  CHECK(err.find("binc_clients.csv") != std::string::npos);
  CHECK(err.find("traject_id") != std::string::npos);
  CHECK(err.find("start_cb") != std::string::npos);
  nlohmann::json g = inspect_json(c);
  CHECK(add_profile_inspect(g, c, "generic", ProfileSettings{}, err));
  CHECK(g["validation"]["rows_in"] == 12);
}
