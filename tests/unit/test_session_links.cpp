// Links between profiles (spec/shared-rules.md): a profile that links to `sofs` gets the sofs file's primary table,
// mapped as sofs, from `zicht analyse --link sofs=FILE` and from the app's session alike.
#include <catch2/catch.hpp>

#include "cli_test_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "core/reader.h"
#include "core/sha256.h"
#include "demo/demo.h"
#include "report/json_export.h"
#include "session/registry.h"
#include "session/run.h"
#include "session/session.h"

using namespace zicht;

namespace {

std::filesystem::path temp_dir() { return zicht_test::temp_dir("zicht-links-"); }
using zicht_test::write;

// Runs the command line in-process: exit code, standard output and standard error.
int cli_run(const std::vector<std::string>& args, std::string& out, std::string& err) {
  const zicht_test::CliRun r = zicht_test::run_cli(args);
  out = r.out;
  err = r.err;
  return r.rc;
}

void load(session::Session& s, int id, const std::string& name, const std::string& bytes) {
  s.begin(id, name, bytes.size());
  REQUIRE(s.feed(id, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), true));
}


std::string results_text(const analysis::ResultSet& set) {
  return report::results_json(set, i18n::Lang::nl).dump(2) + "\n";
}

// The demo SofS export's trajectory ids, in file order.
std::vector<std::string> sofs_ids(const std::string& csv) {
  const core::ReadResult r = core::read_bytes("sofs.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(r.ok());
  std::vector<std::string> ids;
  for (const auto& c : r.table.columns)
    if (c.name == "Identificatiecode")
      for (size_t row = 0; row < r.table.rows(); ++row) ids.push_back(c.raw_text(row));
  REQUIRE(ids.size() == r.table.rows());
  return ids;
}

// A plug-in profile "koppelproef" with one table of measurements per trajectory, linking to sofs: its one result
// counts the measurements whose trajectory id is in the linked sofs file (null when no sofs file is linked).
void register_koppelproef() {
  const nlohmann::json doc = {
      {"schema", "zicht.profile/1"},
      {"id", "koppelproef"},
      {"title", {{"nl", "Koppelproef"}, {"en", "Link trial"}}},
      {"unit", "meting"},
      {"missing", {""}},
      {"nvt", {"NVT"}},
      {"kinds",
       {{{"id", "metingen"},
         {"label", {{"nl", "metingen"}, {"en", "measurements"}}},
         {"required", {"traject_id", "score"}}}}},
      {"fields",
       {{{"id", "traject_id"}, {"type", "string"}, {"role", "identifier"}, {"required", true},
         {"label", {{"nl", "Traject"}, {"en", "Trajectory"}}}, {"synonyms", {"Trajectcode"}}},
        {{"id", "score"}, {"type", "count"}, {"role", "count"}, {"required", true},
         {"label", {{"nl", "Score"}, {"en", "Score"}}}, {"synonyms", {"Meetscore"}}}}},
  };
  auto schema = std::make_shared<core::Schema>();
  std::string error;
  REQUIRE(core::parse_schema(doc, *schema, error));
  session::ProfileSpec p;
  p.id = "koppelproef";
  p.nav_key = "nav.section_sofs";
  p.schema = schema;
  p.tables = {{"metingen", true, ""}};
  p.links = {"sofs"};
  p.pages = {{"koppeling", "page.sofs.overzicht", {"koppelproef.in_sofs"}}};
  p.results = [](const session::RunInputs& in) {
    const core::MappedDataset& m = *in.tables.at(0);
    const core::MappedDataset* sofs = in.links.at(0);
    analysis::Value matched = analysis::Value::na();
    if (sofs) {
      std::set<std::string> ids;
      const core::MappedField* id = sofs->field("traject_id");
      for (size_t r = 0; r < sofs->rows(); ++r)
        if (sofs->used[r]) ids.insert(sofs->text(*id, r));
      int64_t n = 0;
      const core::MappedField* own = m.field("traject_id");
      for (size_t r = 0; r < m.rows(); ++r) n += m.used[r] && ids.count(m.text(*own, r)) ? 1 : 0;
      matched = analysis::Value::of(n);
    }
    analysis::Result r;
    r.id = "koppelproef.in_sofs";
    r.title = {"Metingen met een SofS-traject", "Measurements with a SofS trajectory"};
    analysis::Table t;
    t.id = "n";
    t.columns = {{"metingen", analysis::Text::same("metingen"), analysis::Role::count},
                 {"in_sofs", analysis::Text::same("in_sofs"), analysis::Role::count}};
    t.rows = {{analysis::Value::of(static_cast<int64_t>(m.validation.rows_used)), matched}};
    r.tables.push_back(t);
    return std::vector<analysis::Result>{r};
  };
  session::register_profile(p);
}

const analysis::Value& in_sofs(const analysis::ResultSet& set) {
  return set.find("koppelproef.in_sofs")->tables.at(0).rows.at(0).at(1);
}

}  // namespace

TEST_CASE("--link sofs=FILE and the session give a linking profile the same sofs table, with provenance") {
  register_koppelproef();
  const std::string sofs_csv = demo::generate_csv({"sofs", 2023, 0, "modules", false});
  const std::vector<std::string> ids = sofs_ids(sofs_csv);
  REQUIRE(ids.size() == 370);
  // Seven measurements: three of the first 100 trajectories, two of the others, two unknown ids.
  const std::string metingen = "Trajectcode;Meetscore\r\n" + ids[0] + ";3\r\n" + ids[1] + ";4\r\n" + ids[99] +
                               ";2\r\n" + ids[100] + ";5\r\n" + ids[369] + ";1\r\nONBEKEND-1;2\r\nONBEKEND-2;4\r\n";
  const auto dir = temp_dir();
  const std::string sofs_path = write(dir, "export_sofs.csv", sofs_csv);
  const std::string metingen_path = write(dir, "metingen.csv", metingen);

  session::Session s;
  load(s, 1, "metingen.csv", metingen);
  REQUIRE(s.files().at(0).profile == "koppelproef");
  // Without a sofs file the link is null: the count is missing, not 0.
  CHECK(in_sofs(s.results("koppelproef")).kind == analysis::Value::Kind::missing);
  CHECK(s.results("koppelproef").provenance.files.size() == 1);
  load(s, 2, "export_sofs.csv", sofs_csv);
  REQUIRE(s.files().at(1).profile == "sofs");
  const analysis::ResultSet& app = s.results("koppelproef");
  CHECK(in_sofs(app).i == 5);
  // The linked file is an input of the provenance: its hash and its own row accounting, marked as the sofs link.
  REQUIRE(app.provenance.files.size() == 2);
  CHECK(app.provenance.files[0].name == "metingen.csv");
  CHECK(app.provenance.files[0].rows_in == 7);
  CHECK(app.provenance.files[0].link.empty());
  CHECK(app.provenance.files[1].name == "export_sofs.csv");
  CHECK(app.provenance.files[1].sha256 == core::sha256_hex(sofs_csv));
  CHECK(app.provenance.files[1].rows_in == 370);
  CHECK(app.provenance.files[1].rows_used + app.provenance.files[1].rows_excluded == 370);
  CHECK(app.provenance.files[1].link == "sofs");

  // The CLI: byte-identical JSON, the linked file in input.files with "link": "sofs".
  std::string out, err;
  REQUIRE(cli_run({"analyse", "--profile", "koppelproef", "--link", "sofs=" + sofs_path, metingen_path}, out, err) ==
          0);
  CHECK(out == results_text(app));
  const nlohmann::json j = nlohmann::json::parse(out);
  CHECK(j["input"]["files"][1]["link"] == "sofs");
  CHECK(j["input"]["files"][1]["rows_in"] == 370);
  CHECK_FALSE(j["input"]["files"][0].contains("link"));
  // Without --link the link is null in the CLI as well.
  REQUIRE(cli_run({"analyse", "--profile", "koppelproef", metingen_path}, out, err) == 0);
  CHECK(nlohmann::json::parse(out)["results"][0]["tables"][0]["rows"][0][1].is_null());

  // A smaller sofs file replaces the linked one: the cached results are recomputed (3 of the first 100).
  const std::string first100 = demo::generate_csv({"sofs", 2023, 100, "modules", false});
  const uint64_t key = s.results_key();
  load(s, 3, "export_sofs.csv", first100);
  CHECK(s.results_key() != key);
  CHECK(in_sofs(s.results("koppelproef")).i == 3);
  CHECK(s.results("koppelproef").provenance.files.at(1).rows_in == 100);
  const std::string small_path = write(dir, "export_sofs.csv", first100);
  REQUIRE(cli_run({"analyse", "--profile", "koppelproef", "--link", "sofs=" + small_path, metingen_path}, out, err) ==
          0);
  CHECK(out == results_text(s.results("koppelproef")));

  // The linked file is mapped with sofs's own mapping in the werkmap: traject_id taken from the organisation
  // column matches none of the measurements, on screen and in the CLI given that werkmap.
  size_t sofs_file = 0;
  for (size_t i = 0; i < s.files().size(); ++i)
    if (s.files()[i].profile == "sofs") sofs_file = i;
  s.set_column(sofs_file, "traject_id", std::string("Organisatie"));
  CHECK(in_sofs(s.results("koppelproef")).i == 0);
  const std::string werkmap = write(dir, "werkmap.json", s.werkmap().dump());
  REQUIRE(cli_run({"analyse", "--profile", "koppelproef", "--settings", werkmap, "--link", "sofs=" + small_path,
                   metingen_path}, out, err) == 0);
  CHECK(out == results_text(s.results("koppelproef")));

  // Removing the sofs file leaves the link empty again.
  s.remove_file(sofs_file);
  CHECK(in_sofs(s.results("koppelproef")).kind == analysis::Value::Kind::missing);
  std::filesystem::remove_all(dir);
}

TEST_CASE("--link: an undeclared link and a file that does not map are errors naming the flag and the file") {
  register_koppelproef();
  const auto dir = temp_dir();
  const std::string sofs_path = write(dir, "export_sofs.csv", demo::generate_csv({"sofs", 2023, 50, "modules", false}));
  const std::string metingen_path = write(dir, "metingen.csv", "Trajectcode;Meetscore\r\nT1;3\r\n");
  std::string out, err;
  // sofs links to nothing: a usage error (2).
  CHECK(cli_run({"analyse", "--lang", "en", "--profile", "sofs", "--link", "binc=" + metingen_path, sofs_path}, out,
                err) == 2);
  CHECK(err.find("--link binc=" + metingen_path) != std::string::npos);
  CHECK(err.find("profile 'sofs' does not link to any other profile") != std::string::npos);
  // koppelproef links to sofs only.
  CHECK(cli_run({"analyse", "--lang", "en", "--profile", "koppelproef", "--link", "binc=" + sofs_path, metingen_path},
                out, err) == 2);
  CHECK(err.find("--link binc=" + sofs_path + ": profile 'koppelproef' does not link to profile 'binc' (it links to "
                 "sofs)") != std::string::npos);
  CHECK(cli_run({"analyse", "--lang", "en", "--profile", "koppelproef", "--link", "sofs=" + sofs_path, "--link",
                 "sofs=" + sofs_path, metingen_path}, out, err) == 2);
  CHECK(err.find("--link sofs is given twice") != std::string::npos);
  // A file that is no sofs export: an input error (1) naming the flag, the file and the sofs fields it lacks.
  CHECK(cli_run({"analyse", "--lang", "en", "--profile", "koppelproef", "--link", "sofs=" + metingen_path,
                 metingen_path}, out, err) == 1);
  CHECK(err.find("zicht analyse: --link sofs=" + metingen_path + ": metingen.csv: required fields of profile 'sofs' "
                 "cannot be mapped") != std::string::npos);
  CHECK(err.find("start_cb") != std::string::npos);
  CHECK(out.empty());
  // Unreadable: named the same way.
  CHECK(cli_run({"analyse", "--profile", "koppelproef", "--link", "sofs=" + (dir / "bestaat-niet.csv").string(),
                 metingen_path}, out, err) == 1);
  CHECK(err.find("--link sofs=" + (dir / "bestaat-niet.csv").string() + ": ") != std::string::npos);

  // session::analyse refuses an undeclared link too (the app and tools that skip the CLI's checks).
  const core::ReadResult m = core::read_file(metingen_path);
  analysis::ResultSet set;
  i18n::Message error;
  CHECK_FALSE(session::analyse(*session::find_profile("koppelproef"), {{"metingen", "metingen.csv", &m}},
                               {{"binc", "x.csv", &m, nullptr}}, analysis::Settings{}, set, error));
  CHECK(error.text(i18n::Lang::en) == "profile 'koppelproef' does not link to profile 'binc'");
  CHECK(error.text(i18n::Lang::nl) == "profiel 'koppelproef' koppelt niet naar profiel 'binc'");
  std::filesystem::remove_all(dir);
}
