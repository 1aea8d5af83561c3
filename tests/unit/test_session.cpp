// The session (src/session): one run path for the app and the CLI, the profile registry, the results cache.
#include <catch2/catch.hpp>

#include "cli_test_support.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "analysis/sofs.h"
#include "cli/commands.h"
#include "demo/demo.h"
#include "report/json_export.h"
#include "session/registry.h"
#include "session/run.h"
#include "session/session.h"

using namespace zicht;

namespace {

// Loads bytes into the session the way the app does (chunks through the incremental reader), as the user's file.
void load(session::Session& s, int id, const std::string& name, const std::string& bytes) {
  s.begin(id, name, bytes.size());
  const size_t half = bytes.size() / 2;
  REQUIRE_FALSE(s.feed(id, reinterpret_cast<const uint8_t*>(bytes.data()), half, false));
  REQUIRE(s.feed(id, reinterpret_cast<const uint8_t*>(bytes.data()) + half, bytes.size() - half, true));
}

std::filesystem::path temp_dir() { return zicht_test::temp_dir("zicht-session-"); }
using zicht_test::write;

using zicht_test::cli_run;

// "" when equal, else the first line where they differ (so a failure says where, not 2,000 lines of JSON).
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(x, la)), gb = static_cast<bool>(std::getline(y, lb));
    if (!ga && !gb) return "";
    if (!ga || !gb || la != lb) return "line " + std::to_string(line) + ": CLI «" + la + "» app «" + lb + "»";
  }
}

std::string results_text(const analysis::ResultSet& set) {
  return report::results_json(set, i18n::Lang::nl).dump(2) + "\n";
}

}  // namespace

TEST_CASE("the registry lists the built-in profiles with their tables, pages, templates and demo files") {
  const session::ProfileSpec* sofs = session::find_profile("sofs");
  const session::ProfileSpec* binc = session::find_profile("binc");
  REQUIRE(sofs);
  REQUIRE(binc);
  CHECK(session::find_profile("generic") == nullptr);
  CHECK(session::profile_names().front() == "generic");
  CHECK(sofs->pages.size() == 9);
  CHECK(sofs->pages.front().results == std::vector<std::string>{"sofs.overview", "sofs.case_type"});
  REQUIRE(binc->tables.size() == 2);
  CHECK(binc->tables[0].id == "modules");
  CHECK(binc->tables[1].id == "clients");
  CHECK_FALSE(binc->tables[1].required);
  CHECK(binc->templates.size() == 2);
  CHECK(binc->demo.size() == 2);
  CHECK(binc->page("overgangen")->results == std::vector<std::string>{"binc.transitions"});
}

TEST_CASE("session: the demo is loaded, detected per record type, mapped and analysed; results are cached") {
  session::Session s;
  s.load_builtin_sample();
  REQUIRE(s.files().size() == 14 + 9);  // + the procesflow demo (issue 21)
  CHECK(s.files()[3].profile == "matrix");  // the standalone matrix demo (spec/shared-rules.md, Demos)
  CHECK(s.files()[3].table == "cells");
  CHECK(s.results("matrix").results.size() == 9);
  // The kerndataset demo: five record types, each detected by its columns, linked to the SofS demo.
  const char* const kKern[] = {"opvolging", "ouder", "kind", "zelfevaluatie", "casus"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(s.files()[4 + i].profile == "kerndataset");
    CHECK(s.files()[4 + i].table == kKern[i]);
  }
  {
    const analysis::ResultSet& k = s.results("kerndataset");
    REQUIRE(k.results.size() == 15);
    CHECK(k.provenance.files.size() == 6);  // five tables and the linked SofS file
    CHECK(k.provenance.files.back().link == "sofs");
    const analysis::Result* panel = k.find("kerndataset.case_panel");
    REQUIRE(panel);
    CHECK(panel->tables.at(0).rows.size() == 19);  // with the plan-B rows from the SofS link
  }
  // The evolutie demo: four record types, linked to the SofS demo (the same 18-case panel ids).
  const char* const kEvo[] = {"meting", "instrument", "telling", "fase"};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(s.files()[9 + i].profile == "evolutie");
    CHECK(s.files()[9 + i].table == kEvo[i]);
  }
  {
    const analysis::ResultSet& e = s.results("evolutie");
    REQUIRE(e.results.size() == 9);
    CHECK(e.provenance.files.size() == 5);  // four tables and the linked SofS file
    CHECK(e.provenance.files.back().link == "sofs");
    const analysis::Result* pattern = e.find("evolutie.pattern");
    REQUIRE(pattern);
    // Spec §5.4: stijging 8, U-vorm 3, enkel start 3, niet bevraagd 2, geen evolutie 2.
    const auto& classes = pattern->tables.at(0);
    REQUIRE(classes.rows.size() == 7);
    CHECK(classes.rows[0][1].i == 8);
    CHECK(classes.rows[1][1].i == 3);
    CHECK(classes.rows[2][1].i == 3);
    CHECK(classes.rows[3][1].i == 2);
    CHECK(classes.rows[4][1].i == 2);
  }
  // The Co-ncept trajecten demo (issue 21): one register, 28 registrations, as of its latest date.
  CHECK(s.files()[13].profile == "trajecten");
  CHECK(s.files()[13].table == "registratie");
  {
    const analysis::ResultSet& t = s.results("trajecten");
    REQUIRE(t.results.size() == 11);
    CHECK(t.provenance.files.at(0).rows_in == 28);
  }
  // The procesflow demo: nine record types (overleg carries the themes, stelling the positions), each detected.
  const char* const kProc[] = {"overleg", "aanwezigheid", "thema", "bevinding", "actiepunt",
                               "aanbeveling", "stemming", "stelling", "citaat"};
  for (size_t i = 0; i < 9; ++i) {
    INFO(kProc[i]);
    CHECK(s.files()[14 + i].profile == "procesflow");
    CHECK(s.files()[14 + i].table == kProc[i]);
  }
  {
    const analysis::ResultSet& p = s.results("procesflow");
    REQUIRE(p.results.size() == 10);
    CHECK(p.provenance.files.size() == 10);  // nine tables and the linked trajecten register
    CHECK(p.provenance.files.back().link == "trajecten");
  }
  CHECK(s.files()[0].profile == "sofs");
  CHECK(s.files()[0].table == "trajecten");
  CHECK(s.files()[1].profile == "binc");
  CHECK(s.files()[1].table == "modules");
  CHECK(s.files()[2].profile == "binc");
  CHECK(s.files()[2].table == "clients");
  // One "now" for both Binc tables: the client file takes the module file's as-of date.
  REQUIRE(s.files()[1].mapped);
  REQUIRE(s.files()[2].mapped);
  CHECK(s.files()[2].mapped->as_of == s.files()[1].mapped->as_of);

  const analysis::ResultSet& sofs = s.results("sofs");
  REQUIRE(sofs.results.size() == 14);
  CHECK(sofs.provenance.profile == "sofs");
  CHECK(sofs.provenance.files.at(0).rows_in == 370);
  // Cache hit: the same set, not recomputed, while nothing changed.
  const uint64_t key = s.results_key();
  CHECK(&s.results("sofs") == &sofs);
  CHECK(s.results_key() == key);
  const std::string before = results_text(sofs);
  CHECK(results_text(s.results("sofs")) == before);

  // A changed setting recomputes: the network-meeting band 6–12 becomes 4–10.
  s.edit_options([](core::Werkmap& w) {
    auto o = analysis::sofs::Options::from_werkmap(w);
    o.meetings_low = 4;
    o.meetings_high = 10;
    o.store(w);
  });
  CHECK(s.results_key() != key);
  CHECK(s.werkmap().options("sofs", "norms")["meetings_low"] == 4);
  // A page note is kept in the werkmap and recomputes nothing.
  const uint64_t options_key = s.results_key();
  s.set_note("sofs", "stappen", "Het verhaal achter de cijfers");
  CHECK(s.results_key() == options_key);
  CHECK(s.werkmap().note("sofs", "stappen") == "Het verhaal achter de cijfers");
  const std::string after = results_text(s.results("sofs"));
  CHECK(after != before);

  // Werkmap round trip: saved, opened again in a new session over the same files, the same results.
  const std::string saved = s.save_werkmap("mijn.werkmap.json");
  core::Werkmap w;
  std::string error;
  REQUIRE(core::Werkmap::parse(saved, w, error));
  session::Session t;
  t.load_builtin_sample();
  t.set_werkmap(w, "mijn.werkmap.json");
  CHECK(t.werkmap().doc()["profiles"]["sofs"]["norms"] == s.werkmap().doc()["profiles"]["sofs"]["norms"]);
  CHECK(t.werkmap().note("sofs", "stappen") == "Het verhaal achter de cijfers");
  CHECK(results_text(t.results("sofs")) == after);
}

TEST_CASE("session: delen mode suppresses the user's files, not the built-in demo") {
  session::Session s;
  s.load_builtin_sample();
  const std::string intern = results_text(s.results("binc"));
  s.set_privacy(false, 5);
  CHECK(results_text(s.results("binc")) == intern);  // the demo is exempt
  session::Session u;
  load(u, 1, "modules.csv", demo::generate_csv({"binc", 2023, 0, "modules", false}));
  const std::string user_intern = results_text(u.results("binc"));
  u.set_privacy(false, 5);
  const analysis::ResultSet& shared = u.results("binc");
  CHECK(results_text(shared) != user_intern);
  CHECK(shared.provenance.mode == "delen");
  CHECK(results_text(u.raw_results("binc")) != results_text(shared));
}

TEST_CASE("app and CLI: the same files and werkmap give byte-identical results, for every profile") {
  const auto dir = temp_dir();
  const std::string sofs_csv = demo::generate_csv({"sofs", 2023, 0, "modules", false});
  const std::string modules_csv = demo::generate_csv({"binc", 2023, 0, "modules", false});
  const std::string clients_csv = demo::generate_csv({"binc", 2023, 0, "clients", false});
  const std::string sofs_path = write(dir, "export_sofs.csv", sofs_csv);
  const std::string modules_path = write(dir, "binc_modules.csv", modules_csv);
  const std::string clients_path = write(dir, "binc_clients.csv", clients_csv);

  session::Session s;
  load(s, 1, "export_sofs.csv", sofs_csv);
  load(s, 2, "binc_modules.csv", modules_csv);
  load(s, 3, "binc_clients.csv", clients_csv);
  s.edit_options([](core::Werkmap& w) {
    auto o = analysis::sofs::Options::from_werkmap(w);
    o.duration_months = 6;
    o.store(w);
  });
  const std::string settings = write(dir, "werkmap.json", s.werkmap().dump());

  std::string out;
  REQUIRE(cli_run({"analyse", "--profile", "sofs", "--settings", settings, sofs_path}, out) == 0);
  CHECK(first_difference(out, results_text(s.results("sofs"))) == "");
  // Binc: the client file by its columns, or named as a table; the same either way.
  REQUIRE(cli_run({"analyse", "--profile", "binc", "--settings", settings, modules_path, clients_path}, out) == 0);
  CHECK(first_difference(out, results_text(s.results("binc"))) == "");
  REQUIRE(cli_run({"analyse", "--profile", "binc", "--settings", settings, "--table", "clients=" + clients_path,
                   modules_path}, out) == 0);
  CHECK(first_difference(out, results_text(s.results("binc"))) == "");
  // In delen mode as well (the pseudonyms differ per session; the counts and suppression do not).
  s.set_privacy(false, 5);
  REQUIRE(cli_run({"analyse", "--profile", "binc", "--suppress", "5", "--settings", settings, modules_path,
                   clients_path}, out) == 0);
  const nlohmann::json cli = nlohmann::json::parse(out), app = report::results_json(s.results("binc"), i18n::Lang::nl);
  CHECK(cli["provenance"] == app["provenance"]);
  CHECK(cli["results"].size() == app["results"].size());
  std::filesystem::remove_all(dir);
}

TEST_CASE("a profile registered by a plug-in shows up in the navigation model, the detection and the CLI") {
  // A small profile of its own: one table "metingen" with an id and a score.
  const nlohmann::json doc = {
      {"schema", "zicht.profile/1"},
      {"id", "proef"},
      {"title", {{"nl", "Proef"}, {"en", "Trial"}}},
      {"unit", "meting"},
      {"missing", {""}},
      {"nvt", {"NVT"}},
      {"kinds",
       {{{"id", "metingen"}, {"label", {{"nl", "metingen"}, {"en", "measurements"}}}, {"required", {"meting_id", "score"}},
         {"identifier", "meting_id"}}}},
      {"fields",
       {{{"id", "meting_id"}, {"type", "string"}, {"role", "identifier"}, {"required", true},
         {"label", {{"nl", "Meting"}, {"en", "Measurement"}}}, {"synonyms", {"Meting ID"}}},
        {{"id", "score"}, {"type", "count"}, {"role", "count"}, {"required", true},
         {"label", {{"nl", "Score"}, {"en", "Score"}}}, {"synonyms", {"Proefscore"}}}}},
  };
  auto schema = std::make_shared<core::Schema>();
  std::string error;
  const bool parsed = core::parse_schema(doc, *schema, error);
  INFO(error);
  REQUIRE(parsed);
  static std::atomic<int> runs{0};
  session::ProfileSpec p;
  p.id = "proef";
  p.nav_key = "nav.section_sofs";
  p.schema = schema;
  p.tables = {{"metingen", true, ""}};
  p.pages = {{"scores", "page.sofs.overzicht", {"proef.n"}}};
  p.results = [](const session::RunInputs& in) {
    const auto& t = in.tables;
    ++runs;
    analysis::Result r;
    r.id = "proef.n";
    r.title = {"Aantal metingen", "Measurements"};
    analysis::Table table;
    table.id = "n";
    table.columns = {{"n", analysis::Text::same("n"), analysis::Role::count}};
    table.rows = {{analysis::Value::of(static_cast<int64_t>(t[0]->validation.rows_used))}};
    r.tables.push_back(table);
    return std::vector<analysis::Result>{r};
  };
  session::register_profile(p);

  // The navigation model: every registered profile with its pages.
  bool listed = false;
  for (const auto& spec : session::profiles())
    if (spec.id == "proef") listed = spec.pages.size() == 1 && spec.pages[0].id == "scores";
  CHECK(listed);
  const auto names = session::profile_names();
  CHECK(std::find(names.begin(), names.end(), "proef") != names.end());

  // Detection: a file with its columns is that profile's table.
  const std::string csv = "Meting ID;Proefscore\r\nA;3\r\nB;5\r\nC;4\r\n";
  session::Session s;
  load(s, 1, "metingen.csv", csv);
  REQUIRE(s.files().size() == 1);
  CHECK(s.files()[0].profile == "proef");
  CHECK(s.files()[0].table == "metingen");
  const int before = runs;
  CHECK(s.results("proef").results.at(0).tables.at(0).rows.at(0).at(0).i == 3);
  s.results("proef");
  CHECK(runs == before + 1);  // computed once, then cached

  // The CLI knows it without a change: --profile proef runs it.
  const auto dir = temp_dir();
  const std::string path = write(dir, "metingen.csv", csv);
  std::string out;
  REQUIRE(cli_run({"analyse", "--profile", "proef", path}, out) == 0);
  CHECK(first_difference(out, results_text(s.results("proef"))) == "");
  CHECK(nlohmann::json::parse(out)["results"][0]["id"] == "proef.n");
  CHECK(cli_run({"analyse", "--profile", "proef", "--table", "clients=" + path, path}, out) == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("every registered profile names its section, its pages and their subtitle in Dutch and English") {
  for (const auto& p : session::profiles())
    for (const auto lang : {i18n::Lang::nl, i18n::Lang::en}) {
      if (p.id == "proef") continue;  // the plug-in registered by a test above borrows SofS's strings
      INFO(p.id);
      CHECK(i18n::tr(p.nav_key, lang) != p.nav_key);
      const std::string sub = "page." + p.id + ".subtitle";
      CHECK(i18n::tr(sub, lang) != sub);  // the line under every page title ("… rijen gelezen · stand op …")
      for (const auto& page : p.pages) CHECK(i18n::tr(page.title_key, lang) != page.title_key);
    }
}
