#include <catch2/catch.hpp>

#include "analysis/explore.h"
#include "report/csv_export.h"
#include "report/format.h"
#include "report/html_export.h"
#include "report/json_export.h"

using namespace zicht;

namespace {

core::ReadResult read(const std::string& text) {
  return core::read_bytes("inj.csv", reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

// Categories that try to break every exporter: formulas, markup, quotes, newlines, right-to-left marks, 100 kB.
std::string injection_csv() {
  const std::string big(100 * 1024, 'x');
  std::string csv = "Waarde;Aantal\n";
  const std::vector<std::string> nasty = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)",
                                          "<script>alert(1)</script>", "\"quoted\" 'single'", "line1\nline2",
                                          "\xE2\x80\xAE" "evil\xE2\x80\xAC", big, "a;b,c"};
  for (int rep = 0; rep < 2; ++rep)
    for (size_t i = 0; i < nasty.size(); ++i) {
      std::string cell = nasty[i];
      std::string quoted = "\"";
      for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
      }
      quoted += "\"";
      csv += quoted + ";" + std::to_string(i) + "\n";
    }
  return csv;
}

}  // namespace

TEST_CASE("Injection set round-trips safely through JSON, CSV and HTML") {
  auto data = read(injection_csv());
  REQUIRE(data.ok());
  REQUIRE(data.report.rows_in == 20);
  auto set = analysis::explore({{"inj.csv", &data}}, {}, analysis::ExploreOptions{40});
  const auto* r = set.find("verkennen.waarde");
  REQUIRE(r);
  REQUIRE(r->tables[0].id == "frequencies");
  REQUIRE(r->tables[0].rows.size() == 10);

  // JSON: parses back to the same strings.
  const std::string json = report::results_json(set, i18n::Lang::nl).dump();
  auto back = nlohmann::json::parse(json);
  std::vector<std::string> cats;
  for (const auto& res : back["results"])
    if (res["id"] == "verkennen.waarde")
      for (const auto& row : res["tables"][0]["rows"]) cats.push_back(row[0].get<std::string>());
  CHECK(std::find(cats.begin(), cats.end(), "<script>alert(1)</script>") != cats.end());
  CHECK(std::find(cats.begin(), cats.end(), "line1\nline2") != cats.end());
  CHECK(std::find(cats.begin(), cats.end(), std::string(100 * 1024, 'x')) != cats.end());

  // CSV: formulas neutralised, quotes doubled, newline kept inside quotes.
  const std::string csv = report::table_csv(*r, r->tables[0], set.provenance, i18n::Lang::nl, {});
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  CHECK(csv.find("\r\n'+1+1,") != std::string::npos);
  CHECK(csv.find("\r\n'-2+3,") != std::string::npos);
  CHECK(csv.find("\r\n'@SUM(A1),") != std::string::npos);
  CHECK(csv.find("\"line1\nline2\"") != std::string::npos);
  CHECK(csv.find("\"a;b,c\"") != std::string::npos);
  CHECK(csv.find("\r\n=") == std::string::npos);

  // HTML: nothing user-supplied becomes markup.
  const std::string html = report::results_html(set, i18n::Lang::nl);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;quoted&quot; &#39;single&#39;") != std::string::npos);
  CHECK(html.find("http-equiv=\"Content-Security-Policy\"") != std::string::npos);
  CHECK(html.find("<caption>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\">") != std::string::npos);
  CHECK(html.find("inj.csv sha256:" + data.report.sha256) != std::string::npos);  // provenance in the footer
}

TEST_CASE("html_escape drops characters XML forbids and escapes markup") {
  CHECK(report::html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(report::html_escape(std::string("x\x01y\x1Fz\tq", 8)) == "xyz\tq");
}

TEST_CASE("Display formatting: Dutch decimal comma and grouping from 10,000") {
  using i18n::Lang;
  CHECK(report::format_number(52.7272727, 1, Lang::nl) == "52,7");
  CHECK(report::format_number(52.7272727, 1, Lang::en) == "52.7");
  CHECK(report::format_number(1234567.891, 2, Lang::nl) == "1.234.567,89");
  CHECK(report::format_number(1234567.891, 2, Lang::en) == "1,234,567.89");
  CHECK(report::format_number(-0.04, 1, Lang::nl) == "0,0");
  CHECK(report::format_number(-3.25, -1, Lang::nl) == "−3,25");
  CHECK(report::format_number(2.5, -1, Lang::nl) == "2,5");
  CHECK(report::format_integer(2021, Lang::nl) == "2021");
  CHECK(report::format_integer(12345, Lang::nl) == "12.345");
  CHECK(report::format_integer(-402, Lang::en) == "−402");
  // A positive value that rounds to zero at the column's decimals says so (a p-value is never "0,0000").
  CHECK(report::format_value(analysis::Value::num(1.2e-11), 4, Lang::nl) == "< 0,0001");
  CHECK(report::format_value(analysis::Value::num(0.04), 1, Lang::en) == "< 0.1");
  CHECK(report::format_value(analysis::Value::num(0.00005), 4, Lang::nl) == "0,0001");
  CHECK(report::format_value(analysis::Value::num(0.0), 4, Lang::nl) == "0,0000");
}

TEST_CASE("CSV export: one file per result table, named by result id, with provenance comments") {
  auto data = read("Status;N\nopen;1\ngesloten;2\nopen;3\n");
  auto set = analysis::explore({{"s.csv", &data}}, {});
  auto files = report::results_csv(set, i18n::Lang::nl, report::CsvOptions::excel_be());
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.name);
  CHECK(std::find(names.begin(), names.end(), "verkennen.status.frequencies.csv") != names.end());
  CHECK(std::find(names.begin(), names.end(), "verkennen.overview.columns.csv") != names.end());
  for (const auto& f : files) {
    CHECK(f.content.rfind("\xEF\xBB\xBF# ", 0) == 0);
    CHECK(f.content.find("# Zicht " ZICHT_VERSION) != std::string::npos);
  }
}

TEST_CASE("the HTML report prints the page notes (het verhaal achter de cijfers), escaped, with paragraphs") {
  analysis::ResultSet set;
  report::HtmlOptions opt;
  opt.story = {{"Overzicht", "Eerste alinea <b>\nnieuwe regel\n\nTweede alinea"}, {"Stappen", ""}};
  const std::string html = report::results_html(set, i18n::Lang::nl, opt);
  CHECK(html.find("<h2>Het verhaal achter de cijfers — Overzicht</h2>") != std::string::npos);
  CHECK(html.find("<p>Eerste alinea &lt;b&gt;<br/>nieuwe regel</p>") != std::string::npos);
  CHECK(html.find("<p>Tweede alinea</p>") != std::string::npos);
  CHECK(html.find("Stappen") == std::string::npos);  // an empty note prints nothing
  CHECK(report::results_html(set, i18n::Lang::en, opt).find("The story behind the numbers — Overzicht") != std::string::npos);
}
