// Profile schemas (assets/schemas/*.json): they load, carry the SPEC §2 field ids, verbatim codes and the
// per-field missing / NVT tokens.
#include <catch2/catch.hpp>

#include <set>

#include "core/assets.h"
#include "core/schema.h"

using namespace zicht::core;
namespace assets = zicht::assets;

TEST_CASE("both schemas are compiled in and parse") {
  REQUIRE(assets::find("schemas/sofs.json"));
  REQUIRE(assets::find("schemas/binc.json"));
  const Schema* sofs = find_schema("sofs");
  const Schema* binc = find_schema("binc");
  REQUIRE(sofs);
  REQUIRE(binc);
  CHECK(find_schema("generic") == nullptr);
  CHECK(is_known_profile("generic"));
  CHECK(is_known_profile("kerndataset"));
  CHECK(is_known_profile("evolutie"));
  CHECK(is_known_profile("trajecten"));  // issue 21
  CHECK_FALSE(is_known_profile("no-such-profile"));
  CHECK(sofs->fields.size() == 40);  // 20 main fields + 10 steps × (cb, consulent)
  CHECK(binc->fields.size() == 27);
  std::set<std::string> ids;
  for (const auto& f : sofs->fields) CHECK(ids.insert(f.id).second);
}

TEST_CASE("sofs: the SPEC field ids, types and roles") {
  const Schema& s = *find_schema("sofs");
  for (const char* id : {"traject_id", "organisatie", "start_cb", "start_consulent", "typering", "netwerkberaden",
                         "netwerkfiguren", "plan_b", "plan_b_in_werking", "einddatum"})
    CHECK(s.field(id));
  const char* steps[] = {"mapping_intern", "mapping_familie", "drie_huizen", "gevaarsboodschap", "veiligheidsdoel",
                         "veiligheidsschaal", "traject", "woord_en_beeld", "veiligheidsplan_volwassenen",
                         "veiligheidsplan_kind"};
  for (const char* st : steps) {
    INFO(st);
    REQUIRE(s.field(st));
    CHECK(s.field(st)->type == FieldType::Step);
    CHECK(s.field(st)->role == "step");
    CHECK(s.field(std::string(st) + "_cb")->type == FieldType::Bool);
    CHECK(s.field(std::string(st) + "_consulent")->who == "consulent");
  }
  CHECK(s.field("traject_id")->required);
  CHECK(s.field("start_cb")->required);
  CHECK(s.field("netwerkberaden")->type == FieldType::Count);
  const FieldSpec& t = *s.field("typering");
  std::vector<std::string> codes;
  for (const auto& c : t.codes) codes.push_back(c.code);
  CHECK(codes == std::vector<std::string>{"EM", "FM", "SM", "V", "IFG", "Geen"});
  CHECK(t.find_code("Verwaarlozing") == std::string("V"));
  CHECK(t.find_code("ifg") == std::string("IFG"));
  CHECK_FALSE(t.find_code("Emotioneel"));
  CHECK(s.field("einddatum")->is_no("nee"));
  CHECK(s.field("mapping_familie")->is_yes("Ja"));
  const auto& syn = s.field("woord_en_beeld")->synonyms;
  CHECK(std::find(syn.begin(), syn.end(), "W&P") != syn.end());
}

TEST_CASE("binc: Table 5 and Table 6 categories verbatim, per-field missing kinds") {
  const Schema& s = *find_schema("binc");
  for (const char* id : {"kind_id", "gezin_id", "module_id", "module_type", "start", "einde", "schakeling",
                         "begeleidingsjaar", "vzb_organisatietype", "organisatie", "geslacht", "instroomleeftijd",
                         "dagbesteding", "opleidingsniveau", "schoolachterstand", "niet_begeleide_minderjarige",
                         "gezinssituatie", "adoptiegezin", "pleeggezin", "pleegzorg_moment", "aantal_kinderen",
                         "huisvesting", "thuistaal", "gezondheid", "schuldenlast", "opleiding_opvoedingsfiguur",
                         "arbeidssituatie"})
    CHECK(s.field(id));
  // Table 6: 11 categories, "Niet van toepassing" a real category (not an NVT token) in this field.
  const FieldSpec& vzb = *s.field("vzb_organisatietype");
  CHECK(vzb.codes.size() == 11);
  CHECK(vzb.codes.back().code == "Niet van toepassing");
  CHECK_FALSE(vzb.is_nvt_token("Niet van toepassing"));
  CHECK(vzb.find_code("Niet van toepassing") == std::string("Niet van toepassing"));
  CHECK(vzb.find_code("Voorziening extreme gedrags- en emotionele problemen (GES+)"));
  // ...while for a family variable it is the NVT kind.
  CHECK(s.field("huisvesting")->is_nvt_token("Niet van toepassing"));
  // "onbekend" is part of a real code in arbeidssituatie, never a missing token.
  const FieldSpec& arb = *s.field("arbeidssituatie");
  CHECK_FALSE(arb.is_missing_token("onbekend"));
  CHECK(arb.find_code("Inkomen uit arbeid voltijds + onbekend") == std::string("Inkomen uit arbeid voltijds + onbekend"));
  CHECK(arb.find_code("voltijds+vervangingsinkomen") == std::string("Inkomen uit arbeid voltijds + vervangingsinkomen"));
  CHECK(arb.multi == "+");
  CHECK(s.field("dagbesteding")->codes.size() == 7);
  CHECK(s.field("opleidingsniveau")->codes.size() == 13);
  CHECK(s.field("gezinssituatie")->codes.size() == 9);
  CHECK(s.field("opleiding_opvoedingsfiguur")->codes.size() == 6);
  CHECK(s.field("module_type")->closed == false);
  REQUIRE(s.kind("modules"));
  REQUIRE(s.kind("clients"));
  CHECK(s.kind("clients")->required == std::vector<std::string>{"kind_id"});
  CHECK(s.settings.value("sofs_module_type", "") == "Contextbegeleiding i.f.v. veiligheidsplanning SofS");
  for (const auto& f : s.fields) {
    INFO(f.id);
    CHECK(!f.label_nl.empty());
    CHECK(!f.label_en.empty());
    CHECK(!f.synonyms.empty());
    for (const auto& c : f.codes) CHECK(!c.en.empty());
  }
}

TEST_CASE("fold_text: case, accents, punctuation, whitespace") {
  CHECK(fold_text("  Oriëntatie\tCENTRUM ", false) == "orientatie centrum");
  CHECK(fold_text("W&P", true) == "w p");
  CHECK(fold_text("Kind-ID", true) == "kind id");
  CHECK(fold_text("Cliënt  ID", true) == "client id");
}

TEST_CASE("parse_schema rejects a broken document with a message") {
  Schema s;
  std::string err;
  CHECK_FALSE(parse_schema(nlohmann::json::object(), s, err));
  CHECK(!err.empty());
  auto doc = nlohmann::json::parse(R"({"schema":"zicht.profile/1","id":"x","title":{"nl":"x","en":"x"},
    "kinds":[{"id":"k","required":["nope"]}],"fields":[{"id":"a","type":"string","label":{"nl":"a","en":"a"}}]})");
  CHECK_FALSE(parse_schema(doc, s, err));
  CHECK(err.find("nope") != std::string::npos);
}
