// Automatic column matching: exact synonym > normalised > fuzzy; one column per field; user overrides; detection.
#include <catch2/catch.hpp>

#include <set>

#include "core/mapping.h"

using namespace zicht::core;

TEST_CASE("name similarity: exact, normalised, fuzzy, none") {
  std::string m;
  CHECK(name_similarity(" startdatum TRAJECT ", "Startdatum traject", &m) == 1.0);
  CHECK(m == "exact");
  CHECK(name_similarity("Kind-ID", "Kind ID", &m) == Approx(0.9));
  CHECK(m == "normalised");
  CHECK(name_similarity("KindID", "Kind ID", &m) == Approx(0.9));
  CHECK(name_similarity("Cliënt_ID", "Client ID", &m) == Approx(0.9));
  CHECK(name_similarity("Veiligheidsplan volwasenen", "Veiligheidsplan volwassenen", &m) > 0.7);
  CHECK(m == "fuzzy");
  CHECK(name_similarity("Opmerking", "Organisatie") == 0);
  CHECK(name_similarity("Bedrag", "Begindatum") == 0);
}

TEST_CASE("a SofS export with the dashboard's Dutch headers maps completely and exactly") {
  const Schema& s = *find_schema("sofs");
  std::vector<std::string> cols = {"Identificatiecode", "Organisatie", "Startdatum traject", "Typering casus",
                                   "Mapping intern", "Mapping met familie", "3 huizen", "Gevaarsboodschap",
                                   "Veiligheidsdoel", "Netwerk met aantal", "Netwerkberaden", "Veiligheidsschaal",
                                   "Traject", "W&P", "Veiligheidsplan volwassenen", "Kindversie veiligheidsplan",
                                   "Plan B", "Plan B in werking", "Einddatum", "Mapping met familie CB", "Opmerking"};
  Mapping m = match_columns(s, cols);
  CHECK(m.ok());
  CHECK(m.kind == "trajecten");
  CHECK(m.find("start_cb")->column == "Startdatum traject");
  CHECK(m.find("traject")->column == "Traject");
  CHECK(m.find("woord_en_beeld")->column == "W&P");
  CHECK(m.find("netwerkfiguren")->column == "Netwerk met aantal");
  CHECK(m.find("mapping_familie")->column == "Mapping met familie");
  CHECK(m.find("mapping_familie_cb")->column == "Mapping met familie CB");
  CHECK(m.find("plan_b_in_werking")->column == "Plan B in werking");
  CHECK(m.find("plan_b")->column == "Plan B");
  CHECK_FALSE(m.find("start_consulent")->mapped());
  int mapped = 0;
  for (const auto& f : m.fields) {
    if (!f.mapped()) continue;
    ++mapped;
    CHECK(f.method == "exact");
    CHECK(f.confidence == 1.0);
  }
  CHECK(mapped == 20);  // every column but "Opmerking"
  CHECK(m.score == Approx(20.0 / 21.0));
}

TEST_CASE("each column goes to at most one field, the better match wins") {
  const Schema& s = *find_schema("sofs");
  // "Veiligheidsplan" is a synonym of the adult plan; the child plan must not take the same column.
  Mapping m = match_columns(s, {"Traject ID", "Startdatum", "Veiligheidsplan"});
  CHECK(m.find("veiligheidsplan_volwassenen")->column == "Veiligheidsplan");
  CHECK_FALSE(m.find("veiligheidsplan_kind")->mapped());
  std::set<int> used;
  for (const auto& f : m.fields)
    if (f.mapped()) CHECK(used.insert(f.column_index).second);
}

TEST_CASE("normalised and fuzzy matches report their method and confidence") {
  const Schema& s = *find_schema("binc");
  Mapping m = match_columns(s, {"KIND-NR ID", "Module-type", "Begin datum", "Eindatum", "VZB-organisatie type"});
  REQUIRE(m.ok());
  CHECK(m.kind == "modules");
  CHECK(m.find("kind_id")->column == "KIND-NR ID");
  CHECK(m.find("kind_id")->method == "fuzzy");
  CHECK(m.find("module_type")->method == "normalised");
  CHECK(m.find("start")->column == "Begin datum");
  CHECK(m.find("start")->method == "normalised");
  CHECK(m.find("einde")->column == "Eindatum");
  CHECK(m.find("einde")->method == "fuzzy");
  CHECK(m.find("einde")->confidence < 0.9);
  CHECK(m.find("vzb_organisatietype")->column == "VZB-organisatie type");
}

TEST_CASE("unmatched required fields are reported with a clear explanation") {
  const Schema& s = *find_schema("sofs");
  Mapping m = match_columns(s, {"Identificatiecode", "Organisatie", "Einddatum"});
  CHECK_FALSE(m.ok());
  CHECK(m.missing_required == std::vector<std::string>{"start_cb"});
  const std::string msg = unmatched_message(s, m, "export.csv");
  CHECK(msg.find("export.csv") != std::string::npos);
  CHECK(msg.find("start_cb") != std::string::npos);
  CHECK(msg.find("Startdatum traject") != std::string::npos);
}

TEST_CASE("user overrides: a chosen column, a deliberately unmapped field") {
  const Schema& s = *find_schema("sofs");
  MappingOverrides o;
  o.columns["start_cb"] = std::string("Aanvang");
  o.columns["organisatie"] = std::nullopt;
  o.columns["typering"] = std::string("Kolom die niet bestaat");  // ignored: not in this file
  Mapping m = match_columns(s, {"Identificatiecode", "Aanvang", "Organisatie", "Typering casus"}, &o);
  CHECK(m.ok());
  CHECK(m.find("start_cb")->column == "Aanvang");
  CHECK(m.find("start_cb")->method == "user");
  CHECK_FALSE(m.find("organisatie")->mapped());
  CHECK(m.find("organisatie")->method == "user");
  CHECK(m.find("typering")->column == "Typering casus");
}

TEST_CASE("profile detection: SofS, Binc modules, Binc clients, generic") {
  auto g = detect_profile({"Identificatiecode", "Startdatum traject", "Typering casus", "Mapping met familie",
                           "Netwerkberaden", "Einddatum"});
  CHECK(g.profile == "sofs");
  g = detect_profile({"Kind ID", "Module", "Begindatum", "Einddatum", "Schakeling", "Bedrag"});
  CHECK(g.profile == "binc");
  CHECK(g.kind == "modules");
  g = detect_profile({"Kind ID", "Geslacht", "Gezinssituatie", "Schuldenlast", "Thuistaal"});
  CHECK(g.profile == "binc");
  CHECK(g.kind == "clients");
  g = detect_profile({"land", "jaar", "inwoners"});
  CHECK(g.profile == "generic");
  CHECK(g.score == 0);
}
