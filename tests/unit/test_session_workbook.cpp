// Workbooks in the session: the sheet and header row chosen in the app are read from the kept bytes, remembered in
// the werkmap by file name ("files"), asked for when a workbook has several data sheets, and honoured by the CLI's
// --settings the same way.
#include <catch2/catch.hpp>

#include "cli_test_support.h"
#include "core/werkmap.h"
#include "session/session.h"
#include "test_core_helpers.h"

using namespace zicht;
using zicht::core::read_file;
using zicht_test::data_path;
using zicht_test::slurp;

namespace {

// The app's way: chunks through the incremental reader (three chunks, so the kept bytes are joined correctly).
void load(session::Session& s, int id, const std::string& name, const std::string& bytes) {
  s.begin(id, name, bytes.size());
  const size_t a = bytes.size() / 3, b = 2 * bytes.size() / 3;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  REQUIRE_FALSE(s.feed(id, p, a, false));
  REQUIRE_FALSE(s.feed(id, p + a, b - a, false));
  REQUIRE(s.feed(id, p + b, bytes.size() - b, true));
}

const session::LoadedFile& only_file(const session::Session& s) {
  REQUIRE(s.files().size() == 1);
  return s.files().front();
}

std::string chosen_sheet(const session::LoadedFile& f) {
  const auto& wb = f.result.report.workbook;
  return wb.chosen >= 0 ? wb.sheets[size_t(wb.chosen)].name : "";
}

}  // namespace

TEST_CASE("werkmap: files remember a workbook's sheet and header row by file name") {
  core::Werkmap w;
  CHECK(w.file_read("dashboard.xlsx").empty());
  w.set_file_read("/home/u/exports/dashboard.xlsx", {"Gegevens", 3});
  CHECK(w.file_read("dashboard.xlsx") == core::FileRead{"Gegevens", 3});
  CHECK(w.file_read("C:\\exports\\dashboard.xlsx") == core::FileRead{"Gegevens", 3});
  CHECK(w.file_read("other.xlsx").empty());
  core::Werkmap back;
  std::string error;
  REQUIRE(core::Werkmap::parse(w.dump(), back, error));
  CHECK(back.file_read("dashboard.xlsx") == core::FileRead{"Gegevens", 3});
  CHECK(back.doc()["files"]["dashboard.xlsx"]["header_row"] == 3);
  back.set_file_read("dashboard.xlsx", {});
  CHECK_FALSE(back.doc().contains("files"));

  core::Werkmap bad;
  CHECK_FALSE(core::Werkmap::parse(R"({"schema": "zicht.werkmap/2", "files": {"a.xlsx": {"header_row": -2}}})", bad,
                                   error));
  CHECK(error.find("a.xlsx") != std::string::npos);
  CHECK_FALSE(core::Werkmap::parse(R"({"schema": "zicht.werkmap/2", "files": ["a.xlsx"]})", bad, error));
  CHECK(error.find("\"files\"") != std::string::npos);
}

TEST_CASE("session: a workbook with several data sheets asks which; the choice re-reads and is remembered") {
  const std::string bytes = slurp(data_path("workbooks/binc_sheets.xlsx"));
  session::Session s;
  load(s, 1, "binc_sheets.xlsx", bytes);
  const auto& first = only_file(s);
  CHECK(chosen_sheet(first) == "Gegevens");
  CHECK(first.source.size() == bytes.size());
  const int64_t data_rows = first.result.report.rows_in;
  CHECK(data_rows == read_file(data_path("binc_like_utf8.csv")).report.rows_in);
  CHECK(s.take_sheet_question() == "binc_sheets.xlsx");
  CHECK(s.take_sheet_question().empty());  // asked once

  const uint64_t v = s.version();
  REQUIRE(s.set_file_read(0, {"Notities", 0}));
  const auto& notes = only_file(s);
  CHECK(chosen_sheet(notes) == "Notities");
  CHECK(notes.result.report.rows_in == 1);  // "Toelichting" is the header, one line of text under it
  CHECK(notes.result.report.workbook.chosen_reason == "user_name");
  CHECK(s.version() > v);
  CHECK(s.werkmap().file_read("binc_sheets.xlsx") == core::FileRead{"Notities", 0});

  // A sheet that does not exist: an error listed, the file unchanged.
  CHECK_FALSE(s.set_file_read(0, {"Bestaat niet", 0}));
  REQUIRE_FALSE(s.errors().empty());
  CHECK(s.errors().back().status.code == core::ErrorCode::NoSuchSheet);
  CHECK(chosen_sheet(only_file(s)) == "Notities");

  // The saved werkmap reads the same file the same way, without asking again.
  const std::string saved = s.save_werkmap("werkmap.json");
  session::Session again;
  core::Werkmap w;
  std::string error;
  REQUIRE(core::Werkmap::parse(saved, w, error));
  again.set_werkmap(w, "werkmap.json");
  load(again, 1, "binc_sheets.xlsx", bytes);
  CHECK(chosen_sheet(only_file(again)) == "Notities");
  CHECK(again.take_sheet_question().empty());

  // Opening a werkmap after the file: the file is read again as the werkmap says.
  session::Session later;
  load(later, 1, "binc_sheets.xlsx", bytes);
  CHECK(chosen_sheet(only_file(later)) == "Gegevens");
  later.set_werkmap(w, "werkmap.json");
  CHECK(chosen_sheet(only_file(later)) == "Notities");
  CHECK(only_file(later).result.report.rows_in == 1);
}

TEST_CASE("session: the header row below title rows is detected, can be set, and set back to automatic") {
  const std::string bytes = slurp(data_path("workbooks/binc_title_rows.xlsx"));
  session::Session s;
  load(s, 1, "binc_title_rows.xlsx", bytes);
  const auto& f = only_file(s);
  CHECK(f.result.report.workbook.header_row == 4);
  CHECK(f.result.report.workbook.header_reason == "detected");
  CHECK(s.take_sheet_question().empty());  // one sheet
  const auto csv = read_file(data_path("binc_like_utf8.csv"));
  CHECK(f.result.report.rows_in == csv.report.rows_in);
  CHECK(f.result.report.columns.front().name == csv.report.columns.front().name);

  REQUIRE(s.set_file_read(0, {"", 1}));
  const auto& forced = only_file(s);
  CHECK(forced.result.report.workbook.header_row == 1);
  CHECK(forced.result.report.workbook.header_reason == "user");
  CHECK(forced.result.report.columns.front().name == "SofS-dashboard export");
  // The second title row and the original header become data rows; the empty row is skipped as in a CSV.
  CHECK(forced.result.report.rows_in == csv.report.rows_in + 2);
  CHECK(s.werkmap().file_read("binc_title_rows.xlsx").header_row == 1);

  REQUIRE(s.set_file_read(0, {}));
  CHECK(only_file(s).result.report.workbook.header_row == 4);
  CHECK(s.werkmap().file_read("binc_title_rows.xlsx").empty());
}

TEST_CASE("session: a CSV has no sheets to choose") {
  session::Session s;
  load(s, 1, "binc_like_utf8.csv", slurp(data_path("binc_like_utf8.csv")));
  CHECK(only_file(s).source.empty());
  CHECK_FALSE(s.set_file_read(0, {"Blad1", 0}));
  CHECK(s.take_sheet_question().empty());
}

TEST_CASE("CLI: the werkmap's sheet for a file is read like --sheet; --sheet wins") {
  const auto dir = zicht_test::temp_dir("zicht-workbook-");
  const std::string book = data_path("workbooks/binc_sheets.xlsx");
  const std::string werkmap = zicht_test::write(
      dir, "werkmap.json", R"({"schema": "zicht.werkmap/2", "files": {"binc_sheets.xlsx": {"sheet": "Notities"}}})");
  auto by_werkmap = zicht_test::run_cli({"inspect", "--settings", werkmap, book});
  REQUIRE(by_werkmap.rc == 0);
  const auto j = nlohmann::json::parse(by_werkmap.out);
  CHECK(j["workbook"]["sheet"]["name"] == "Notities");
  CHECK(j["rows"] == 1);
  auto by_flag = zicht_test::run_cli({"inspect", "--settings", werkmap, "--sheet", "Gegevens", book});
  REQUIRE(by_flag.rc == 0);
  CHECK(nlohmann::json::parse(by_flag.out)["workbook"]["sheet"]["name"] == "Gegevens");

  auto analysed = zicht_test::run_cli({"analyse", "--profile", "generic", "--settings", werkmap, book});
  REQUIRE(analysed.rc == 0);
  const auto a = nlohmann::json::parse(analysed.out);
  CHECK(a["input"]["files"][0]["rows_in"] == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a SofS-dashboard workbook (title rows, Excel dates, a notes sheet) gives the demo CSV's results") {
  // tests/data/make_fixtures.sh made sofs_dashboard.xlsx from `zicht demo --profile sofs`: the same 370 trajectories.
  const auto dir = zicht_test::temp_dir("zicht-dashboard-");
  const std::string csv = (dir / "demo_sofs.csv").string();
  REQUIRE(zicht_test::run_cli({"demo", "--profile", "sofs", "--out", csv}).rc == 0);
  const std::string book = data_path("workbooks/sofs_dashboard.xlsx");
  auto inspected = zicht_test::run_cli({"inspect", "--profile", "sofs", book});
  REQUIRE(inspected.rc == 0);
  const auto ij = nlohmann::json::parse(inspected.out);
  CHECK(ij["workbook"]["sheet"]["name"] == "Registraties");
  CHECK(ij["workbook"]["sheets"].size() == 2);
  CHECK(ij["workbook"]["header"]["row"] == 4);
  CHECK(ij["rows"] == 370);
  CHECK(ij["columns"][2]["type_source"]["kind"] == "excel_date_format");

  auto from_csv = zicht_test::run_cli({"analyse", "--profile", "sofs", csv});
  auto from_book = zicht_test::run_cli({"analyse", "--profile", "sofs", book});
  REQUIRE(from_csv.rc == 0);
  REQUIRE(from_book.rc == 0);
  const auto a = nlohmann::json::parse(from_csv.out), b = nlohmann::json::parse(from_book.out);
  REQUIRE(a["results"].size() == b["results"].size());
  CHECK(a["results"].size() == 14);
  int flags = 0;
  for (size_t i = 0; i < a["results"].size(); ++i) {
    nlohmann::json x = a["results"][i], y = b["results"][i];
    // A flag names its file and row: the workbook's rows sit three lower (two title rows and an empty row).
    REQUIRE(x["flags"].size() == y["flags"].size());
    for (size_t k = 0; k < x["flags"].size(); ++k, ++flags) {
      CHECK(y["flags"][k]["file"] == "sofs_dashboard.xlsx");
      CHECK(y["flags"][k]["row"].get<int64_t>() == x["flags"][k]["row"].get<int64_t>() + 3);
      x["flags"][k].erase("file"), x["flags"][k].erase("row");
      y["flags"][k].erase("file"), y["flags"][k].erase("row");
    }
    INFO(x["id"]);
    CHECK(x == y);
  }
  CHECK(flags > 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("session: the sheet of an .xls and an .ods is chosen the same way") {
  for (const std::string name : {"binc_sheets.xls", "binc_sheets.ods"}) {
    INFO(name);
    const std::string bytes = slurp(data_path("workbooks/" + name));
    session::Session s;
    load(s, 1, name, bytes);
    CHECK(chosen_sheet(only_file(s)) == "Gegevens");
    CHECK(only_file(s).source.size() == bytes.size());
    CHECK(s.take_sheet_question() == name);
    REQUIRE(s.set_file_read(0, {"Notities", 0}));
    CHECK(chosen_sheet(only_file(s)) == "Notities");
    CHECK(only_file(s).result.report.rows_in == 1);
    CHECK(s.werkmap().file_read(name).sheet == "Notities");
  }
}
