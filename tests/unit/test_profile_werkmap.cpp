// The werkmap settings file: one layout for every profile (version 2), typed shared settings (denominator, marks,
// as-of date), round trip with unknown keys preserved, every older version opened, recognition.
#include <catch2/catch.hpp>

#include "core/werkmap.h"

using namespace zicht::core;

TEST_CASE("a new werkmap has the current schema and the default sections") {
  Werkmap w;
  const auto& d = w.doc();
  CHECK(d["schema"] == "zicht.werkmap/2");
  CHECK(d["denominator"] == "valid");
  CHECK(w.denominator() == Denominator::valid);
  CHECK(d["as_of"].is_null());
  CHECK(d["profiles"].is_object());
  CHECK(w.marks() == Marks{true, true});
  // Version 2 keeps nothing per section at the top: everything of a profile is under profiles.<id>.
  for (const char* s : {"norms", "clusters", "consent", "filters", "notes", "settings"}) CHECK_FALSE(d.contains(s));
}

TEST_CASE("round trip: mapping, recodings, as-of date and denominator survive; unknown keys are preserved") {
  Werkmap w;
  w.set_column("sofs", "start_cb", std::string("Aanvang"));
  w.set_column("sofs", "organisatie", std::nullopt);
  w.set_recode("sofs", "typering", "Emotioneel", "EM");
  int32_t d;
  REQUIRE(parse_iso_date("2023-10-05", d));
  w.set_as_of(d);
  w.set_denominator(Denominator::all);
  w.set_note("sofs", "overzicht", "Verhaal achter de cijfers");
  std::string text = w.dump();
  // a later version adds keys this one does not know
  auto doc = nlohmann::json::parse(text);
  doc["future_setting"] = {{"x", 1}};
  doc["profiles"]["sofs"]["future_profile_key"] = true;
  doc["profiles"]["sofs"]["norms"] = {{"netwerkberaden", {{"min", 6}, {"max", 12}}}};

  Werkmap back;
  std::string err;
  REQUIRE(Werkmap::parse(doc.dump(), back, err));
  auto o = back.overrides("sofs");
  CHECK(o.columns.at("start_cb") == std::optional<std::string>("Aanvang"));
  CHECK(o.columns.at("organisatie") == std::nullopt);
  CHECK(o.recode.at("typering").at("Emotioneel") == "EM");
  REQUIRE(back.as_of());
  CHECK(*back.as_of() == d);
  CHECK(back.denominator() == Denominator::all);
  // unknown keys survive load + modify + save
  back.set_column("sofs", "typering", std::string("Typering"));
  auto again = nlohmann::json::parse(back.dump());
  CHECK(again["future_setting"]["x"] == 1);
  CHECK(again["profiles"]["sofs"]["future_profile_key"] == true);
  CHECK(again["profiles"]["sofs"]["norms"]["netwerkberaden"]["min"] == 6);
  CHECK(back.note("sofs", "overzicht") == "Verhaal achter de cijfers");
  CHECK(again["profiles"]["sofs"]["notes"]["overzicht"] == "Verhaal achter de cijfers");
  CHECK(again["profiles"]["sofs"]["columns"]["typering"] == "Typering");
  // set_overrides rewrites columns/recode but keeps the other keys of the profile
  back.set_overrides("sofs", MappingOverrides{});
  again = nlohmann::json::parse(back.dump());
  CHECK(again["profiles"]["sofs"]["future_profile_key"] == true);
  CHECK(again["profiles"]["sofs"]["columns"].empty());
}

TEST_CASE("version check: older versions load (migrated), newer ones are refused with a message") {
  Werkmap w;
  std::string err;
  REQUIRE(Werkmap::parse(R"({"schema":"zicht.werkmap/0","mapping":{"sofs":{"start_cb":"Begin"}},
                             "recode":{"sofs":{"plan_b":{"familie":"netwerk"}}},"notes":{"a":"b"}})",
                         w, err));
  CHECK(w.loaded_version() == 0);
  CHECK(w.doc()["schema"] == "zicht.werkmap/2");
  CHECK(w.overrides("sofs").columns.at("start_cb") == std::optional<std::string>("Begin"));
  CHECK(w.overrides("sofs").recode.at("plan_b").at("familie") == "netwerk");
  CHECK(w.doc()["notes"]["a"] == "b");  // a note that names no page is kept where it was
  CHECK_FALSE(w.doc().contains("mapping"));

  CHECK_FALSE(Werkmap::parse(R"({"schema":"zicht.werkmap/3"})", w, err));
  CHECK(err.find("newer") != std::string::npos);
  CHECK_FALSE(Werkmap::parse(R"({"schema":"zicht.results/1"})", w, err));
  CHECK(err.find("not a werkmap") != std::string::npos);
  CHECK_FALSE(Werkmap::parse("{not json", w, err));
  CHECK_FALSE(Werkmap::parse(R"({"schema":"zicht.werkmap/1","as_of":"31/02/2023"})", w, err));
  CHECK(err.find("as_of") != std::string::npos);
}

TEST_CASE("a werkmap is recognised among dropped files, data is not") {
  auto yes = [](const std::string& s) { return looks_like_werkmap(reinterpret_cast<const uint8_t*>(s.data()), s.size()); };
  CHECK(yes(R"({"schema": "zicht.werkmap/1", "profiles": {}})"));
  CHECK(yes("\xEF\xBB\xBF  \n{\"schema\":\"zicht.werkmap/1\"}"));
  CHECK_FALSE(yes(R"([{"schema": "zicht.werkmap/1"}])"));
  CHECK_FALSE(yes(R"({"data": {"schema": "zicht.werkmap/1"}})"));
  CHECK_FALSE(yes(R"({"schema": "something else"})"));
  CHECK_FALSE(yes("Kind ID;Module\r\nK1;X\r\n"));
}

TEST_CASE("a version-1 werkmap opens in the version-2 layout: every section moved under its profile") {
  // As saved by the app before version 2 (sections per option, then per profile; notes as "<profile>.<page>").
  const char* v1 = R"({"schema": "zicht.werkmap/1", "as_of": "2023-10-05", "denominator": "applicable",
    "profiles": {"sofs": {"columns": {"start_cb": "Begin"}, "recode": {}}},
    "norms": {"sofs": {"meetings_low": 5, "meetings_high": 10}, "binc": {"min_path": 3}},
    "filters": {"sofs": {"organisations": ["Org A"], "status": "open"}},
    "consent": {"sofs": ["Org A", "Org B"]},
    "clusters": {"binc": {"Thuisbegeleiding": "Ambulant"}},
    "settings": {"binc": {"unit": "schakelingen", "organisations": ["Org C"]}},
    "marks": {"published": false},
    "notes": {"sofs.stappen": "Zomer", "binc.voor_na": "Winter"},
    "future": {"x": 1}})";
  Werkmap w;
  std::string err;
  REQUIRE(Werkmap::parse(v1, w, err));
  CHECK(w.loaded_version() == 1);
  const auto& d = w.doc();
  CHECK(d["schema"] == "zicht.werkmap/2");
  for (const char* s : {"norms", "filters", "consent", "clusters", "settings", "notes"}) CHECK_FALSE(d.contains(s));
  CHECK(w.options("sofs", "norms")["meetings_low"] == 5);
  CHECK(w.options("binc", "norms")["min_path"] == 3);
  CHECK(w.options("sofs", "filters")["status"] == "open");
  CHECK(w.options("sofs", "consent") == nlohmann::json({"Org A", "Org B"}));
  CHECK(w.options("binc", "clusters")["Thuisbegeleiding"] == "Ambulant");
  // The organisation filter that version 1 kept among a profile's settings is a filter now.
  CHECK(w.options("binc", "filters")["organisations"] == nlohmann::json({"Org C"}));
  CHECK_FALSE(w.options("binc", "settings").contains("organisations"));
  CHECK(w.options("binc", "settings")["unit"] == "schakelingen");
  CHECK(w.note("sofs", "stappen") == "Zomer");
  CHECK(w.note("binc", "voor_na") == "Winter");
  CHECK(w.denominator() == Denominator::applicable);
  CHECK(w.marks() == Marks{false, true});
  CHECK(w.overrides("sofs").columns.at("start_cb") == std::optional<std::string>("Begin"));
  REQUIRE(w.as_of());
  CHECK(d["future"]["x"] == 1);
  // Saved again it is a version-2 file that reads back the same.
  Werkmap back;
  REQUIRE(Werkmap::parse(w.dump(), back, err));
  CHECK(back.loaded_version() == 2);
  CHECK(back.doc() == w.doc());
  // Version 1's single consent list (for every profile) still holds where a profile has none of its own.
  REQUIRE(Werkmap::parse(R"({"schema": "zicht.werkmap/1", "consent": ["Org Z"]})", w, err));
  CHECK(w.options("binc", "consent") == nlohmann::json({"Org Z"}));
}

TEST_CASE("typed settings: denominator as an enum, marks, notes and option sections per profile") {
  Werkmap w;
  for (Denominator d : kDenominators) {
    w.set_denominator(d);
    CHECK(w.denominator() == d);
    Denominator back;
    REQUIRE(parse_denominator(denominator_id(d), back));
    CHECK(back == d);
  }
  Denominator none;
  CHECK_FALSE(parse_denominator("percent", none));
  // An unknown denominator in a file falls back to "valid" rather than failing the werkmap.
  std::string err;
  REQUIRE(Werkmap::parse(R"({"schema": "zicht.werkmap/2", "denominator": "percent"})", w, err));
  CHECK(w.denominator() == Denominator::valid);
  CHECK(w.doc()["denominator"] == "valid");

  w.set_marks({false, true});
  CHECK(w.marks() == Marks{false, true});
  CHECK(w.doc()["marks"]["published"] == false);

  CHECK(w.set_options("sofs", "norms", {{"meetings_low", 5}}));
  CHECK_FALSE(w.set_options("sofs", "columns", nlohmann::json::object()));  // the mapping is not an option
  CHECK(w.options("sofs", "norms")["meetings_low"] == 5);
  CHECK(w.options("binc", "norms").is_null());
  CHECK(w.set_options("sofs", "norms", nullptr));
  CHECK_FALSE(w.doc()["profiles"]["sofs"].contains("norms"));

  w.set_note("sofs", "overzicht", "Zomer");
  CHECK(w.note("sofs", "overzicht") == "Zomer");
  w.set_note("sofs", "overzicht", "");
  CHECK(w.note("sofs", "overzicht").empty());
  CHECK_FALSE(w.doc()["profiles"]["sofs"].contains("notes"));
}

TEST_CASE("settings without a schema are read in the layout their keys show") {
  Werkmap w;
  std::string err;
  REQUIRE(Werkmap::from_settings(nlohmann::json::parse(R"({"norms": {"sofs": {"duration_months": 6}}})"), w, err));
  CHECK(w.options("sofs", "norms")["duration_months"] == 6);
  REQUIRE(Werkmap::from_settings(
      nlohmann::json::parse(R"({"profiles": {"sofs": {"norms": {"duration_months": 7}}}, "denominator": "all"})"), w,
      err));
  CHECK(w.options("sofs", "norms")["duration_months"] == 7);
  CHECK(w.denominator() == Denominator::all);
  CHECK_FALSE(Werkmap::from_settings(nlohmann::json::array(), w, err));
}
