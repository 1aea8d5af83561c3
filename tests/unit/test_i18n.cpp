#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/reader.h"

using namespace zicht::i18n;

TEST_CASE("Dutch and English string tables have the same keys") {
  CHECK(missing_keys_report() == "");
}

TEST_CASE("Dutch is the default and English is available") {
  CHECK(tr("status.local", Lang::nl) == "Lokaal — er wordt niets verstuurd");
  CHECK(tr("status.local", Lang::en) == "Local — nothing is sent");
  CHECK(parse_lang("fr") == Lang::nl);
  CHECK(tr("no.such.key", Lang::en) == "no.such.key");
}

TEST_CASE("format fills numbered placeholders") {
  CHECK(format("{0} van {1} rijen", {"12", "40"}) == "12 van 40 rijen");
  CHECK(format("{1}-{0}-{2}", {"a", "b"}) == "b-a-{2}");
}

TEST_CASE("every read error has its sentence in both languages (the app's error dialog shows it)") {
  using zicht::core::ErrorCode;
  for (int c = int(ErrorCode::Io); c <= int(ErrorCode::MalformedFile); ++c) {
    const std::string key = std::string("error.") + zicht::core::error_code_name(ErrorCode(c));
    INFO(key);
    CHECK(key != "error.unknown");
    CHECK(tr(key, Lang::nl) != key);
    CHECK(tr(key, Lang::en) != key);
  }
}
