// The werkmap settings file: round trip with unknown keys preserved, version check, recognition.
#include <catch2/catch.hpp>

#include "core/werkmap.h"

using namespace zicht::core;

TEST_CASE("a new werkmap has the current schema and the default sections") {
  Werkmap w;
  const auto& d = w.doc();
  CHECK(d["schema"] == "zicht.werkmap/1");
  CHECK(d["denominator"] == "valid");
  CHECK(d["as_of"].is_null());
  for (const char* s : {"profiles", "norms", "clusters", "consent", "filters", "notes"}) CHECK(d[s].is_object());
}

TEST_CASE("round trip: mapping, recodings, as-of date and denominator survive; unknown keys are preserved") {
  Werkmap w;
  w.set_column("sofs", "start_cb", std::string("Aanvang"));
  w.set_column("sofs", "organisatie", std::nullopt);
  w.set_recode("sofs", "typering", "Emotioneel", "EM");
  int32_t d;
  REQUIRE(parse_iso_date("2023-10-05", d));
  w.set_as_of(d);
  w.set_denominator("all");
  w.section("notes")["sofs.overview"] = "Verhaal achter de cijfers";
  std::string text = w.dump();
  // a later version adds keys this one does not know
  auto doc = nlohmann::json::parse(text);
  doc["future_setting"] = {{"x", 1}};
  doc["profiles"]["sofs"]["future_profile_key"] = true;
  doc["norms"]["netwerkberaden"] = {{"min", 6}, {"max", 12}};

  Werkmap back;
  std::string err;
  REQUIRE(Werkmap::parse(doc.dump(), back, err));
  auto o = back.overrides("sofs");
  CHECK(o.columns.at("start_cb") == std::optional<std::string>("Aanvang"));
  CHECK(o.columns.at("organisatie") == std::nullopt);
  CHECK(o.recode.at("typering").at("Emotioneel") == "EM");
  REQUIRE(back.as_of());
  CHECK(*back.as_of() == d);
  CHECK(back.denominator() == "all");
  // unknown keys survive load + modify + save
  back.set_column("sofs", "typering", std::string("Typering"));
  auto again = nlohmann::json::parse(back.dump());
  CHECK(again["future_setting"]["x"] == 1);
  CHECK(again["profiles"]["sofs"]["future_profile_key"] == true);
  CHECK(again["norms"]["netwerkberaden"]["min"] == 6);
  CHECK(again["notes"]["sofs.overview"] == "Verhaal achter de cijfers");
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
  CHECK(w.doc()["schema"] == "zicht.werkmap/1");
  CHECK(w.overrides("sofs").columns.at("start_cb") == std::optional<std::string>("Begin"));
  CHECK(w.overrides("sofs").recode.at("plan_b").at("familie") == "netwerk");
  CHECK(w.doc()["notes"]["a"] == "b");
  CHECK_FALSE(w.doc().contains("mapping"));

  CHECK_FALSE(Werkmap::parse(R"({"schema":"zicht.werkmap/2"})", w, err));
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

TEST_CASE("analysis options are patched into the werkmap without touching its schema or mapping") {
  Werkmap w;
  w.set_column("sofs", "start_cb", std::string("Begin"));
  w.patch_options(nlohmann::json::parse(R"({"norms":{"sofs":{"meetings_low":5}},"notes":{"sofs.overzicht":"Zomer"},
                                             "schema":"zicht.werkmap/9","profiles":{},"denominator":"all"})"));
  CHECK(w.doc()["schema"] == "zicht.werkmap/1");
  CHECK(w.overrides("sofs").columns.at("start_cb") == std::optional<std::string>("Begin"));
  CHECK(w.doc()["norms"]["sofs"]["meetings_low"] == 5);
  CHECK(w.doc()["notes"]["sofs.overzicht"] == "Zomer");
  CHECK(w.denominator() == "all");
  // A second patch merges (RFC 7386): other keys stay, null removes.
  w.patch_options(nlohmann::json::parse(R"({"norms":{"sofs":{"meetings_high":10}},"notes":{"sofs.overzicht":null}})"));
  CHECK(w.doc()["norms"]["sofs"]["meetings_low"] == 5);
  CHECK(w.doc()["norms"]["sofs"]["meetings_high"] == 10);
  CHECK_FALSE(w.doc()["notes"].contains("sofs.overzicht"));
  // The chart pages' reference-mark switches are werkmap settings too.
  w.patch_options(nlohmann::json::parse(R"({"marks":{"published":false}})"));
  w.patch_options(nlohmann::json::parse(R"({"marks":{"norms":false}})"));
  CHECK(w.doc()["marks"]["published"] == false);
  CHECK(w.doc()["marks"]["norms"] == false);
  // Survives a save and load.
  Werkmap back;
  std::string err;
  REQUIRE(Werkmap::parse(w.dump(), back, err));
  CHECK(back.doc()["norms"] == w.doc()["norms"]);
}
