#include "test_core_helpers.h"

using namespace zicht::core;
using namespace zicht_test;

TEST_CASE("JSON array of records, nested objects flattened with dotted names") {
  std::string s = R"([
    {"kind_id": "K1", "start": "2023-01-02", "n": 3, "score": 2.5, "ok": true, "adres": {"gemeente": "Liège", "pc": 4000}},
    {"kind_id": "K2", "start": "2023-02-03", "n": 4, "score": null, "ok": false, "tags": ["a", "b"]},
    {"kind_id": "K3", "start": "15/03/2023", "n": 5, "score": 1, "ok": true}
  ])";
  auto r = read_str(s, {}, "x.json");
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::JsonRecords);
  const Table& t = r.table;
  REQUIRE(t.rows() == 3);
  CHECK(t.row_number == std::vector<int64_t>{1, 2, 3});
  const Column* gem = t.find("adres.gemeente");
  REQUIRE(gem);
  CHECK(gem->str(0) == "Liège");
  CHECK(gem->state[1] == CellState::Missing);
  REQUIRE(t.find("adres.pc"));
  REQUIRE(t.find("tags.1"));
  CHECK(t.find("tags.1")->str(1) == "b");
  CHECK(t.find("n")->type == ColumnType::Integer);
  CHECK(t.find("score")->type == ColumnType::Decimal);
  CHECK(t.find("score")->state[1] == CellState::Missing);
  CHECK(t.find("ok")->type == ColumnType::Boolean);
  CHECK(t.find("start")->type == ColumnType::Date);
  CHECK(format_iso_date(t.find("start")->days[2]) == "2023-03-15");
}

TEST_CASE("JSON columnar {\"columns\": {...}}") {
  std::string s = R"({"columns": {"id": [1, 2, 3], "naam": ["a", "b", null], "bedrag": [1.5, 2, 3.25]}})";
  auto r = read_str(s, {}, "c.json");
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::JsonColumnar);
  REQUIRE(r.table.rows() == 3);
  CHECK(r.table.find("id")->ints[2] == 3);
  CHECK(r.table.find("naam")->state[2] == CellState::Missing);
  CHECK(r.table.find("bedrag")->reals[2] == 3.25);
  auto ragged = read_str(R"({"columns": {"a": [1, 2, 3], "b": [1]}})");
  REQUIRE(ragged.ok());
  CHECK(ragged.table.rows() == 3);
  CHECK(ragged.table.find("b")->state[2] == CellState::Missing);
  CHECK_FALSE(ragged.report.notes.empty());
}

TEST_CASE("NDJSON, one record per line; incremental in small chunks") {
  std::string s;
  for (int i = 0; i < 500; ++i)
    s += "{\"id\": " + std::to_string(i) + ", \"d\": \"2023-01-" + std::to_string(10 + i % 20) + "\", \"x\": {\"y\": \"v" +
         std::to_string(i % 7) + "\"}}\n";
  auto whole = read_str(s, {}, "n.ndjson");
  REQUIRE(whole.ok());
  CHECK(whole.report.format == Format::NdJson);
  CHECK(whole.table.rows() == 500);
  CHECK(whole.table.find("x.y")->type == ColumnType::Categorical);
  CHECK(whole.table.row_number[499] == 500);
  ReadOptions o;
  o.sniff_bytes = 100;
  for (size_t step : {1u, 13u, 4096u}) {
    auto part = read_chunked(s, step, o);
    REQUIRE(part.ok());
    CHECK(table_diff(whole.table, part.table) == "");
  }
  // array of records in chunks
  std::string arr = "[";
  for (int i = 0; i < 300; ++i) arr += (i ? "," : "") + std::string("{\"a\": \"x,]}\\\"") + std::to_string(i) + "\"}";
  arr += "]";
  auto w2 = read_str(arr);
  REQUIRE(w2.ok());
  CHECK(w2.table.rows() == 300);
  CHECK(w2.table.columns[0].str(0) == "x,]}\"0");
  auto p2 = read_chunked(arr, 5, o);
  REQUIRE(p2.ok());
  CHECK(table_diff(w2.table, p2.table) == "");
}

TEST_CASE("malformed JSON gives a clear error with the record number") {
  auto r = read_str(R"([{"a": 1}, {"a": 2,, }])", {}, "bad.json");
  CHECK(r.status.code == ErrorCode::MalformedJson);
  CHECK(r.status.row == 2);
  CHECK(r.status.message.find("bad.json") != std::string::npos);
  auto t = read_str(R"([{"a": 1}, {"a": )");
  CHECK(t.status.code == ErrorCode::MalformedJson);
  auto u = read_str("[1, 2] x");
  CHECK(u.status.code == ErrorCode::MalformedJson);
}
