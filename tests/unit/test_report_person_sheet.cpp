// The one-page sheet per person (issue 23): on the hand-made safety-scale file, T2-M (moeder; 5 at the start, 3 after
// three months, 6 after six) gets one row with the arrow up, "beter" and "5 → 6"; the page is well-formed XML (the
// strict parser the workbook readers use), has no script, no file name and no external resource; Delen has nothing
// to show; English has English words.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "analysis/evolutie.h"
#include "core/reader.h"
#include "core/werkmap.h"
#include "core/xml_sax.h"
#include "privacy/privacy.h"
#include "report/person_sheet.h"
#include "session/run.h"

namespace {

using namespace zicht;

const std::string kFile = std::string(ZICHT_SOURCE_DIR) + "/tests/data/evolutie/veiligheidsschaal_lang.csv";

struct Run {
  core::ReadResult read;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_for(const std::string& person) {
  analysis::evolutie::Options o;
  o.person = person;
  core::Werkmap w;
  o.store(w);
  analysis::Settings s;
  s.werkmap = w.doc();
  auto r = std::make_unique<Run>();
  r->read = core::read_file(kFile);
  REQUIRE(r->read.ok());
  const session::ProfileSpec* spec = session::find_profile("evolutie");
  REQUIRE(spec);
  std::vector<session::TableInput> in = {{"meting", "veiligheidsschaal_lang.csv", &r->read}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, s, r->set, error));
  return r;
}

const analysis::Result& person_result(const analysis::ResultSet& set) {
  const analysis::Result* r = set.find("evolutie.person");
  REQUIRE(r);
  return *r;
}

// Well-formed XML by expat (the DOCTYPE line aside: the parser refuses DTDs on purpose).
class Counter : public core::XmlSax {
 public:
  int elements = 0;

 protected:
  void on_start(std::string_view, const char**) override { ++elements; }
  void on_end(std::string_view) override {}
};

bool well_formed(const std::string& html) {
  const size_t at = html.find("<html");
  if (at == std::string::npos) return false;
  Counter c;
  const std::string body = html.substr(at);
  const bool ok = c.feed(body.data(), body.size(), true);
  if (!ok) UNSCOPED_INFO(c.error());
  return ok && c.elements > 5;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

void check_safe(const std::string& html) {
  CHECK(well_formed(html));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("veiligheidsschaal_lang") == std::string::npos);  // no file names
  CHECK(html.find(".csv") == std::string::npos);
  CHECK(html.find("@page { size: A4; margin: 12mm; }") != std::string::npos);
}

}  // namespace

TEST_CASE("person sheet: T2-M gets the arrow up, 'beter' and 5 → 6, one row per domain, safe and well-formed") {
  auto r = run_for("T2-M");
  const auto& res = person_result(r->set);
  const std::string html = report::person_sheet_html(res, r->set.provenance, i18n::Lang::nl);
  check_safe(html);
  CHECK(html.find("lang=\"nl\"") != std::string::npos);
  CHECK(html.find("<h1>Mijn evolutie</h1>") != std::string::npos);
  CHECK(html.find("<p class=\"who\">moeder</p>") != std::string::npos);
  CHECK(html.find("class=\"icon-up\"") != std::string::npos);
  CHECK(html.find("class=\"icon-down\"") == std::string::npos);
  // The arrow is drawn in the "better" colour of the palette (impact.plus, light theme).
  CHECK(html.find("fill=\"rgb(0,114,178)\"") != std::string::npos);
  CHECK(html.find(">beter<") != std::string::npos);
  CHECK(html.find("5 → 6") != std::string::npos);
  CHECK(html.find("start → 6 mnd") != std::string::npos);
  CHECK(html.find("laatste meting 16/08/2023") != std::string::npos);
  // One row per domain: the safety scale only.
  CHECK(count(html, "<div class=\"row\">") == 1);
  // The id only small, in the footer; the footer says up to when and that it is internal.
  CHECK(count(html, "T2-M") == 1);
  CHECK(html.find("<span>code T2-M</span>") != std::string::npos);
  CHECK(html.find("Zicht · gegevens tot " + r->set.provenance.as_of + " · enkel intern") != std::string::npos);
  // The sparkline: three moments, one polyline through them (no gap), on the scale's 0–10.
  CHECK(count(html, "<polyline") == 1);
  CHECK(html.find(">10</text>") != std::string::npos);
}

TEST_CASE("person sheet: a worse and an equal change get their own icons; strings are escaped") {
  auto r = run_for("T2-M");
  analysis::Result res = person_result(r->set);
  analysis::Table* sum = nullptr;
  for (auto& t : res.tables)
    if (t.id == "summary") sum = &t;
  REQUIRE(sum);
  REQUIRE(sum->rows.size() == 1);
  auto worse = sum->rows[0];
  worse[0] = analysis::Value::str("↓");
  worse[1] = analysis::Value::str("<b>Thuis & \"school\"</b>");
  worse[5] = analysis::Value::label(analysis::Text{"minder goed", "worse"});
  auto same = sum->rows[0];
  same[0] = analysis::Value::str("=");
  same[1] = analysis::Value::str("Vrije tijd");
  auto none = sum->rows[0];
  none[0] = analysis::Value::str("·");
  none[1] = analysis::Value::str("Werk");
  none[2] = analysis::Value::na();
  sum->rows.push_back(worse);
  sum->rows.push_back(same);
  sum->rows.push_back(none);
  const std::string html = report::person_sheet_html(res, r->set.provenance, i18n::Lang::nl);
  check_safe(html);
  CHECK(count(html, "<div class=\"row\">") == 4);
  CHECK(html.find("class=\"icon-down\"") != std::string::npos);
  CHECK(html.find("fill=\"rgb(213,94,0)\"") != std::string::npos);  // impact.min
  CHECK(html.find("class=\"icon-same\"") != std::string::npos);
  CHECK(html.find("class=\"icon-none\"") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;Thuis &amp; &quot;school&quot;&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("person sheet: nine domains fit the page; more get the dense rows") {
  auto r = run_for("T2-M");
  analysis::Result res = person_result(r->set);
  for (auto& t : res.tables)
    if (t.id == "summary")
      while (t.rows.size() < 10) t.rows.push_back(t.rows.front());
  const std::string html = report::person_sheet_html(res, r->set.provenance, i18n::Lang::nl);
  CHECK(count(html, "<div class=\"row\">") == 10);
  CHECK(html.find("<main class=\"dense\">") != std::string::npos);
  for (auto& t : res.tables)
    if (t.id == "summary") t.rows.resize(9);
  CHECK(report::person_sheet_html(res, r->set.provenance, i18n::Lang::nl).find("<main>") != std::string::npos);
}

TEST_CASE("person sheet: in Delen mode there is nothing to show") {
  auto r = run_for("T2-M");
  analysis::ResultSet shared = r->set;
  privacy::PrivacyOptions po;
  po.k = 5;
  privacy::apply(shared, po);
  shared.provenance.mode = "delen";
  const std::string html = report::person_sheet_html(person_result(shared), shared.provenance, i18n::Lang::nl);
  check_safe(html);
  CHECK(html.find("Niets te tonen") != std::string::npos);
  CHECK(html.find("Intern") != std::string::npos);
  CHECK(html.find("<div class=\"row\">") == std::string::npos);
  CHECK(html.find("T2-M") == std::string::npos);
  CHECK(html.find("moeder") == std::string::npos);
  const std::string en = report::person_sheet_html(person_result(shared), shared.provenance, i18n::Lang::en);
  CHECK(en.find("Nothing to show") != std::string::npos);
  // No person with measurements (an intern result without tables) says that instead.
  analysis::Result empty;
  empty.id = "evolutie.person";
  const std::string none = report::person_sheet_html(empty, r->set.provenance, i18n::Lang::nl);
  CHECK(well_formed(none));
  CHECK(none.find("geen persoon met metingen") != std::string::npos);
}

TEST_CASE("person sheet: English words in English") {
  auto r = run_for("T2-M");
  const std::string html = report::person_sheet_html(person_result(r->set), r->set.provenance, i18n::Lang::en);
  check_safe(html);
  CHECK(html.find("lang=\"en\"") != std::string::npos);
  CHECK(html.find("<h1>My progress</h1>") != std::string::npos);
  CHECK(html.find(">better<") != std::string::npos);
  CHECK(html.find(">beter<") == std::string::npos);
  CHECK(html.find("5 → 6") != std::string::npos);
  CHECK(html.find("start → 6 mo") != std::string::npos);
  CHECK(html.find("last measured 16/08/2023") != std::string::npos);
  CHECK(html.find("data up to") != std::string::npos);
  CHECK(html.find("internal only") != std::string::npos);
  CHECK(html.find("gegevens") == std::string::npos);
}
