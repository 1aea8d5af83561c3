// The command line's messages come from assets/i18n (cli.json, mapping.json, messages.json): every command takes
// --lang nl|en, Dutch by default; and `zicht inspect --profile` reports which record type a file is.
#include <catch2/catch.hpp>

#include "cli_test_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "cli/commands.h"
#include "core/mapping.h"
#include "core/schema.h"
#include "demo/demo.h"

using namespace zicht;

namespace {


std::filesystem::path temp_dir() { return zicht_test::temp_dir("zicht-msgs-"); }
using zicht_test::write;
using Run = zicht_test::CliRun;
Run cli_run(const std::vector<std::string>& args) { return zicht_test::run_cli(args); }

bool has(const std::string& text, const std::string& part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

// The same arguments with --lang nl, --lang en and without --lang.
struct Both {
  Run nl, en, none;
};
Both in_both(std::vector<std::string> args) {
  Both b;
  b.none = cli_run(args);
  args.insert(args.begin() + 1, {"--lang", "nl"});
  b.nl = cli_run(args);
  args[2] = "en";
  b.en = cli_run(args);
  return b;
}

}  // namespace

TEST_CASE("a required field that cannot be mapped: Dutch under --lang nl (the default), English under en") {
  const auto dir = temp_dir();
  const std::string file = write(dir, "zonder_start.csv", "Identificatiecode;Organisatie\r\nT1;Org A\r\nT2;Org B\r\n");
  const Both b = in_both({"analyse", "--profile", "sofs", file});
  CHECK(b.nl.rc == 1);
  CHECK(b.en.rc == 1);
  CHECK(b.nl.out.empty());
  CHECK(b.nl.err ==
        "zicht analyse: zonder_start.csv: verplichte velden van profiel 'sofs' kunnen aan geen kolom gekoppeld "
        "worden:\n"
        "  start_cb (Startdatum traject (contextbegeleiding); gezocht naar een kolom met de naam \"Startdatum "
        "traject\", \"Startdatum CB\", \"Startdatum contextbegeleiding\", \"Start CB\", \"Startdatum\")\n"
        "Kies de kolom in de instellingen (werkmap: profiles.sofs.columns) of geef de kolom in het bestand een van "
        "deze namen.\n");
  CHECK(b.en.err ==
        "zicht analyse: zonder_start.csv: required fields of profile 'sofs' cannot be mapped to a column:\n"
        "  start_cb (Startdatum traject (contextbegeleiding) / Start date (context worker); looked for a column named "
        "\"Startdatum traject\", \"Startdatum CB\", \"Startdatum contextbegeleiding\", \"Start CB\", \"Startdatum\")\n"
        "Name the column in the settings (werkmap: profiles.sofs.columns) or rename it in the file.\n");
  CHECK(b.none.err == b.nl.err);
  // zicht inspect --profile: the same message (naming the file as given), in its --lang; the JSON still says which
  // fields are missing.
  const Both i = in_both({"inspect", "--profile", "sofs", file});
  CHECK(i.nl.rc == 1);
  CHECK(has(i.nl.err, "zicht inspect: " + file + ": verplichte velden van profiel 'sofs'"));
  CHECK(has(i.en.err, "zicht inspect: " + file + ": required fields of profile 'sofs' cannot be mapped"));
  CHECK(i.none.err == i.nl.err);
  CHECK(nlohmann::json::parse(i.en.out)["unmatched_required"] == nlohmann::json{"start_cb"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("usage errors of every command follow --lang, with the usage line") {
  const auto dir = temp_dir();
  const std::string file = write(dir, "export.csv", demo::generate_csv({"sofs", 2023, 20, "modules", false}));
  // analyse: unknown profile, a table the profile does not have.
  Both b = in_both({"analyse", "--profile", "onbekend", file});
  CHECK(b.nl.rc == 2);
  CHECK(b.en.rc == 2);
  CHECK(has(b.nl.err, "zicht analyse: onbekend profiel 'onbekend'; kies uit generic, sofs, binc"));
  CHECK(has(b.nl.err, "\nGebruik: zicht analyse --profile "));
  CHECK(has(b.en.err, "zicht analyse: unknown profile 'onbekend'; use generic, sofs, binc"));
  CHECK(has(b.en.err, "\nUsage: zicht analyse --profile "));
  CHECK(b.none.err == b.nl.err);
  b = in_both({"analyse", "--profile", "sofs", "--table", "ouders=" + file, file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht analyse: --table ouders: profiel 'sofs' heeft de tabellen trajecten\n"));
  CHECK(has(b.en.err, "zicht analyse: --table ouders: profile 'sofs' has the tables trajecten\n"));
  b = in_both({"analyse", "--profile", "sofs", "--table", "ouders", file});
  CHECK(has(b.nl.err, "zicht analyse: --table verwacht NAME=FILE\n"));
  CHECK(has(b.en.err, "zicht analyse: --table needs NAME=FILE\n"));
  b = in_both({"analyse", "--profile", "sofs", "--suppress", "1", file});
  CHECK(has(b.nl.err,
            "--suppress verwacht een geheel getal k van minstens 2 (aantallen 1…k−1 worden verborgen), kreeg '1'"));
  CHECK(has(b.en.err, "--suppress needs a whole number k of at least 2 (counts 1…k−1 are hidden), got '1'"));
  // inspect
  b = in_both({"inspect", "--delimiter", ";;", file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht inspect: --delimiter moet één teken zijn\nGebruik: zicht inspect"));
  CHECK(has(b.en.err, "zicht inspect: --delimiter must be one character\nUsage: zicht inspect"));
  // demo
  b = in_both({"demo", "--profile", "sofs"});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht demo: --out is verplicht\n"));
  CHECK(has(b.en.err, "zicht demo: --out is required\n"));
  CHECK(b.none.err == b.nl.err);
  // aggregate
  b = in_both({"aggregate", "--profile", "sofs", "--out", (dir / "a.json").string(), file, file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht aggregate: geef precies één gegevensbestand (één organisatie per aggregaat)\n"));
  CHECK(has(b.en.err, "zicht aggregate: give exactly one data FILE (one organisation per aggregate)\n"));
  // merge
  const std::string other = write(dir, "ander.json", "{\"schema\": \"zicht.werkmap/1\"}");
  b = in_both({"merge", "--out", (dir / "r.json").string(), other});
  CHECK(b.nl.rc == 1);
  CHECK(has(b.nl.err, "zicht merge: " + other + ": geen Zicht-aggregaat (schema zicht.aggregate/1 verwacht)\n"));
  CHECK(has(b.en.err, "zicht merge: " + other + ": not a Zicht aggregate (schema zicht.aggregate/1 expected)\n"));
  // An unknown command and a --lang that is neither.
  b = in_both({"opruimen"});
  CHECK(has(b.nl.err, "zicht: onbekende opdracht 'opruimen'\nzicht "));
  CHECK(has(b.en.err, "zicht: unknown command 'opruimen'\nzicht "));
  const Run fr = cli_run({"analyse", "--lang", "fr", "--profile", "sofs", file});
  CHECK(fr.rc == 2);
  CHECK(has(fr.err, "zicht analyse: --lang neemt een van nl|en\n"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("--lang also switches the words of a successful run's messages (demo) and leaves the data alone") {
  const auto dir = temp_dir();
  const Run nl = cli_run({"demo", "--profile", "sofs", "--rows", "12", "--out", (dir / "nl.csv").string()});
  const Run en =
      cli_run({"demo", "--lang", "en", "--profile", "sofs", "--rows", "12", "--out", (dir / "en.csv").string()});
  REQUIRE(nl.rc == 0);
  REQUIRE(en.rc == 0);
  CHECK(nl.err ==
        "zicht demo: 12 rijen geschreven naar " + (dir / "nl.csv").string() + " (fictieve demogegevens, seed 2023)\n");
  CHECK(en.err ==
        "zicht demo: 12 rows written to " + (dir / "en.csv").string() + " (fictitious demo data, seed 2023)\n");
  std::ifstream a(dir / "nl.csv", std::ios::binary), b(dir / "en.csv", std::ios::binary);
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  CHECK(sa.str() == sb.str());
  std::filesystem::remove_all(dir);
}

TEST_CASE("core::unmatched: the message as codes, rendered in either language") {
  const core::Schema& s = *core::find_schema("binc");
  const core::Mapping m = core::match_columns(s, {"Iets", "Anders"}, nullptr, "modules");
  REQUIRE_FALSE(m.ok());
  const i18n::Message msg = core::unmatched(s, m, "x.csv");
  CHECK(msg.key == "mapping.unmatched");
  CHECK(msg.args == std::vector<std::string>{"x.csv", "binc"});
  REQUIRE(msg.more.size() == m.missing_required.size() + 1);
  CHECK(msg.more.front().key == "mapping.unmatched.field");
  CHECK(msg.more.front().args.front() == m.missing_required.front());
  CHECK(msg.more.back().key == "mapping.unmatched.hint");
  CHECK(msg.text(i18n::Lang::en) == core::unmatched_message(s, m, "x.csv"));
  CHECK(msg.text(i18n::Lang::nl).rfind("x.csv: verplichte velden van profiel 'binc'", 0) == 0);
}

TEST_CASE("zicht inspect --profile binc reports the record type (kind) of each file and its score") {
  const auto dir = temp_dir();
  const std::string modules = write(dir, "modules.csv", demo::generate_csv({"binc", 2023, 0, "modules", false}));
  const std::string clients = write(dir, "clients.csv", demo::generate_csv({"binc", 2023, 0, "clients", false}));
  Run r = cli_run({"inspect", "--profile", "binc", modules});
  REQUIRE(r.rc == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["profile"] == "binc");
  CHECK(j["kind"] == "modules");
  CHECK(j["score"].get<double>() == Approx(1.0));
  CHECK(j["validation"]["rows_in"] == 1365);
  r = cli_run({"inspect", "--profile", "binc", clients});
  REQUIRE(r.rc == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["kind"] == "clients");
  CHECK(j["score"].get<double>() == Approx(1.0));
  CHECK(j["validation"]["rows_in"] == 368);
  std::filesystem::remove_all(dir);
}

TEST_CASE("analyse --format sheet: one person's page for evolutie; refused in Delen, for other profiles and for an "
          "unknown --person") {
  const auto dir = temp_dir();
  const std::string file = std::string(ZICHT_SOURCE_DIR) + "/tests/data/evolutie/veiligheidsschaal_lang.csv";
  const std::string page = (dir / "blad.html").string();
  // Delen (--suppress K): refused before anything is read or written, with the usage line.
  Both b = in_both({"analyse", "--profile", "evolutie", "--suppress", "5", "--format", "sheet", "--person", "T2-M",
                    "--out", page, file});
  CHECK(b.nl.rc == 2);
  CHECK(b.en.rc == 2);
  CHECK(has(b.nl.err, "zicht analyse: --format sheet is een persoonlijke pagina: enkel in Intern-modus, niet met "
                      "--suppress (Delen)\nGebruik: zicht analyse"));
  CHECK(has(b.en.err, "zicht analyse: --format sheet is a personal page: Intern mode only, not with --suppress "
                      "(Delen)\nUsage: zicht analyse"));
  CHECK(has(b.en.err, "[--format json|csv|html|sheet] [--person ID]"));
  CHECK(b.none.err == b.nl.err);
  CHECK_FALSE(std::filesystem::exists(page));
  // Another profile, --person without evolutie, an id that is not in the data.
  b = in_both({"analyse", "--profile", "generic", "--format", "sheet", file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht analyse: --format sheet is de pagina per persoon van --profile evolutie\n"));
  CHECK(has(b.en.err, "zicht analyse: --format sheet is the one-page sheet per person of --profile evolutie\n"));
  b = in_both({"analyse", "--profile", "generic", "--person", "T2-M", file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.en.err, "zicht analyse: --person belongs to --profile evolutie\n"));
  b = in_both({"analyse", "--profile", "evolutie", "--format", "sheet", "--person", "T9-X", "--out", page, file});
  CHECK(b.nl.rc == 2);
  CHECK(has(b.nl.err, "zicht analyse: --person T9-X: geen persoon met die code en met metingen in de gegevens\n"));
  CHECK(has(b.en.err, "zicht analyse: --person T9-X: no person with that code and with measurements in the data\n"));
  CHECK_FALSE(std::filesystem::exists(page));
  // Intern: the page of the person asked for, in --lang.
  Run ok = cli_run({"analyse", "--profile", "evolutie", "--format", "sheet", "--person", "T2-M", "--out", page, file});
  REQUIRE(ok.rc == 0);
  std::ifstream in(page, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(has(text.str(), "<h1>Mijn evolutie</h1>"));
  CHECK(has(text.str(), "code T2-M"));
  CHECK(has(text.str(), "5 → 6"));
  ok = cli_run({"analyse", "--lang", "en", "--profile", "evolutie", "--format", "sheet", "--person", "T2-M", file});
  REQUIRE(ok.rc == 0);
  CHECK(has(ok.out, "<h1>My progress</h1>"));
  CHECK(has(ok.out, ">better<"));
  std::filesystem::remove_all(dir);
}
