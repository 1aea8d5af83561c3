// The sniff report (what the reader detected and why) and reader messages as codes rendered in Dutch and English.
#include "test_core_helpers.h"

using namespace zicht::core;
using namespace zicht_test;
using zicht::i18n::Lang;

static std::vector<std::string> ev(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

TEST_CASE("sniff: semicolon CSV with decimal commas") {
  auto r = read_str("naam;bedrag;datum\nA;1,5;01/02/2023\nB;2,25;03/04/2023\nC;3,0;05/06/2023\n");
  REQUIRE(r.ok());
  const Sniff& s = r.report.sniff;
  CHECK(s.format.value == "csv");
  CHECK(s.format.reason == "not_json");
  CHECK(s.encoding.value == "utf-8");
  CHECK(s.encoding.reason == "valid_utf8");
  CHECK(s.delimiter.value == ";");
  CHECK(s.delimiter.reason == "consistent_fields");
  CHECK(s.delimiter.evidence == ev({"4", "4", "3"}));  // 4 of 4 rows have 3 fields
  // ',' splits the decimals too, but not consistently: 3 of 4 rows have 2 fields.
  REQUIRE(s.delimiter_candidates.size() == 4);
  CHECK(s.delimiter_candidates[1].delimiter == ',');
  CHECK(s.delimiter_candidates[1].fields == 2);
  CHECK(s.delimiter_candidates[1].consistent == 3);
  CHECK(s.quote.value == "\"");
  CHECK(s.quote.reason == "double_quote");
  CHECK(s.header.value == "yes");
  CHECK(s.header.reason == "first_row_names");
  CHECK(render_reason("delimiter", s.delimiter, Lang::en) == "4 of 4 rows have 3 fields");
  CHECK(render_reason("delimiter", s.delimiter, Lang::nl) == "4 van 4 rijen hebben 3 velden");
  CHECK(r.table.columns[1].type == ColumnType::Decimal);
}

TEST_CASE("sniff: tab-separated, headerless numbers, user overrides") {
  auto t = read_str("a\tb\tc\n1\t2\t3\n4\t5\t6\n");
  REQUIRE(t.ok());
  CHECK(t.report.sniff.delimiter.value == "\t");
  CHECK(t.report.sniff.delimiter.evidence == ev({"3", "3", "3"}));

  auto h = read_str("1,2,3\n4,5,6\n7,8,9\n");
  REQUIRE(h.ok());
  CHECK(h.report.sniff.header.value == "no");
  CHECK(h.report.sniff.header.reason == "first_row_values");
  CHECK(h.report.sniff.header.evidence == ev({"1", "1"}));  // the value and its field number
  REQUIRE(h.report.notes.size() == 1);
  CHECK(h.report.notes[0].code == "note.no_header");
  CHECK(h.table.rows() == 3);

  ReadOptions o;
  o.delimiter = ';';
  o.header = true;
  o.encoding = Encoding::Windows1252;
  auto u = read_str("1;2\n3;4\n", o);
  REQUIRE(u.ok());
  CHECK(u.report.sniff.delimiter.reason == "user");
  CHECK(u.report.sniff.header.reason == "user");
  CHECK(u.report.sniff.header.value == "yes");
  CHECK(u.report.sniff.encoding.reason == "user");
  CHECK(u.report.sniff.encoding.value == "windows-1252");
  CHECK(u.report.encoding_overridden);
  CHECK(u.report.sniff.delimiter_candidates.empty());
}

TEST_CASE("sniff: one line, single quotes, no delimiter") {
  auto one = read_str("x");
  CHECK(one.report.sniff.header.reason == "single_line");
  auto sq = read_str("a,b\n'x, y',1\n'z',2\n'w',3\n");
  REQUIRE(sq.ok());
  CHECK(sq.report.sniff.quote.value == "'");
  CHECK(sq.report.sniff.quote.reason == "single_quotes");
  CHECK(sq.report.sniff.quote.evidence == ev({"3"}));
  CHECK(sq.table.columns[0].str(0) == "x, y");
  auto none = read_str("onlyone\nx\ny\n");
  CHECK(none.report.sniff.delimiter.reason == "none_found");
  REQUIRE_FALSE(none.report.notes.empty());
  CHECK(none.report.notes[0].code == "note.no_delimiter");
}

TEST_CASE("sniff: JSON formats; delimiter, quote and header do not apply") {
  auto obj = read_str(R"({"a": 1, "b": {"c": 2}})", {}, "x.json");
  REQUIRE(obj.ok());
  CHECK(obj.report.format == Format::JsonRecords);
  CHECK(obj.report.sniff.format.value == "json-records");
  CHECK(obj.report.sniff.format.reason == "single_object");
  CHECK(obj.report.sniff.delimiter.reason == "not_csv");
  CHECK(obj.report.sniff.header.value == "");
  REQUIRE(obj.report.notes.size() == 1);
  CHECK(obj.report.notes[0] == Note{"note.single_object", {}});
  CHECK(obj.table.find("b.c") != nullptr);

  auto col = read_str(R"({"columns": {"a": [1, 2, 3], "b": ["x"]}})", {}, "c.json");
  REQUIRE(col.ok());
  CHECK(col.report.sniff.format.value == "json-columnar");
  CHECK(col.report.sniff.format.reason == "columns_object");
  CHECK(col.report.sniff.format.evidence == ev({"2"}));
  auto arr = read_str(R"([{"a":1},{"a":2}])", {}, "a.json");
  CHECK(arr.report.sniff.format.reason == "json_array");
  auto nd = read_str("{\"a\":1}\n{\"a\":2}\n", {}, "n.json");
  CHECK(nd.report.sniff.format.value == "ndjson");
  CHECK(nd.report.sniff.format.reason == "several_values");
}

TEST_CASE("sniff: latin-1 text, BOM and binary files") {
  auto w = read_str("naam,stad\nJos\xE9,Li\xE8ge\nAn,Gent\n");
  REQUIRE(w.ok());
  CHECK(w.report.sniff.encoding.value == "windows-1252");
  CHECK(w.report.sniff.encoding.reason == "invalid_utf8");
  CHECK(w.report.sniff.encoding.evidence == ev({"2", "29"}));
  CHECK(w.report.encoding_reason == "not valid UTF-8 (2 invalid sequences in the first 29 bytes): decoded as Windows-1252");
  CHECK(render_reason("encoding", w.report.sniff.encoding, Lang::nl) ==
        "geen geldige UTF-8 (2 ongeldige reeksen in de eerste 29 bytes): gelezen als Windows-1252");
  CHECK(w.table.columns[1].str(0) == "Liège");

  auto bom = read_str("\xEF\xBB\xBF" "a,b\n1,2\n");
  CHECK(bom.report.sniff.encoding.reason == "bom");
  CHECK(bom.report.sniff.encoding.value == "utf-8-bom");

  auto zip = read_str(std::string("PK\x03\x04xxxx", 8), {}, "data.xlsx");  // a zip cut off after 8 bytes
  CHECK(zip.status.code == ErrorCode::BrokenWorkbook);
  CHECK(zip.report.sniff.format.reason == "magic_bytes");
  CHECK(zip.report.sniff.format.value == "zip");
  CHECK(zip.status.detail.code == "error.workbook_truncated");
}

TEST_CASE("reader notes are codes with arguments, rendered in Dutch and English") {
  auto r = read_str("a,b,c\n1,2,3\n4\n5,6\n");
  REQUIRE(r.ok());
  REQUIRE(r.report.notes.size() == 1);
  const Note& n = r.report.notes[0];
  CHECK(n.code == "note.short_rows");
  CHECK(n.args == ev({"2"}));
  CHECK(render_note(n, Lang::en) == "2 rows have fewer fields than the header (missing cells)");
  CHECK(render_note(n, Lang::nl) == "2 rijen hebben minder velden dan de kopregel (ontbrekende cellen)");
  CHECK(render_note(n) == render_note(n, Lang::en));  // English is the default rendering

  auto d = read_str("a,a\n1,2\n");
  REQUIRE(d.report.notes.size() == 1);
  CHECK(d.report.notes[0].code == "note.duplicate_name");
  CHECK(render_note(d.report.notes[0], Lang::nl) == "dubbele kolomnaam \"a\" hernoemd naar \"a_2\"");
  // Every note and reason code has a text: an unknown code would render as its own key.
  for (auto* res : {&r, &d})
    for (const Note& x : res->report.notes) CHECK(render_note(x, Lang::nl).rfind("reader.", 0) != 0);
}

TEST_CASE("errors keep naming file, row and rule in both languages") {
  ReadOptions o;
  o.max_json_depth = 2;
  auto r = read_str("[{\"a\":1},{\"a\":{\"b\":{\"c\":1}}}]", o, "diep.json");
  REQUIRE(r.status.code == ErrorCode::NestingTooDeep);
  CHECK(r.status.detail.code == "error.nesting_too_deep");
  CHECK(r.status.message == render_status(r.status, "diep.json", Lang::en));
  CHECK(r.status.message == "diep.json, row 2: JSON nested deeper than 2 levels [nesting_too_deep]");
  CHECK(render_status(r.status, "diep.json", Lang::nl) ==
        "diep.json, rij 2: JSON dieper genest dan 2 niveaus [nesting_too_deep]");
  auto j = inspect_json(r);
  CHECK(j["error"]["message"] == r.status.message);
  CHECK(j["error"]["detail"]["code"] == "error.nesting_too_deep");
  CHECK(j["error"]["detail"]["args"][0] == "2");
  // A status made outside the reader (no detail code) renders as its message.
  Status s;
  s.code = ErrorCode::Io;
  s.message = "kapot";
  CHECK(render_status(s, "f.csv", Lang::nl) == "kapot");
}

TEST_CASE("the inspect JSON carries the sniff decisions and the note codes next to the English notes") {
  auto r = read_str("1;2\n3\n");
  auto j = inspect_json(r);
  CHECK(j["sniff"]["delimiter"]["value"] == ";");
  CHECK(j["sniff"]["header"]["reason"] == "first_row_values");
  CHECK(j["sniff"]["encoding"]["text"] == "valid UTF-8");
  REQUIRE(j["notes"].size() == j["note_codes"].size());
  CHECK(j["note_codes"][0]["code"] == "note.no_header");
  CHECK(j["notes"][0] == "first row holds numbers or dates: read as data (no header row)");
}
