// Workshop mode (src/session/workshop.h): taps, undo, the records it writes and how they read back.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/reader.h"
#include "session/session.h"
#include "session/workshop.h"

using namespace zicht;

namespace {

core::ReadResult read(const std::string& name, const std::string& text) {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

std::string cell(const core::Table& t, const char* column, size_t row) {
  const core::Column* c = t.find(column);
  REQUIRE(c);
  return c->raw_text(row);
}

// A five-option workshop with the taps 5, 3, 0, 7, 2 and one mistaken tap on the third option undone.
session::Workshop five_options() {
  session::Workshop w("2024-11-22");
  for (const char* l : {"Drempels", "Nood aan gezinsaanpak", "Op maat van jongere en gezin",
                        "De ideale contextbegeleider", "Contextbegeleiding in gedeelde zorg"})
    w.add_option(l);
  const int taps[] = {5, 3, 0, 7, 2};
  for (size_t i = 0; i < 5; ++i)
    for (int k = 0; k < taps[i]; ++k) w.vote(i);
  w.vote(2);  // the mistaken tap
  REQUIRE(w.undo());
  return w;
}

}  // namespace

TEST_CASE("workshop: each tap counts one, undo takes back exactly the last tap, repeatedly") {
  session::Workshop w("2024-11-22");
  CHECK(w.overleg_id() == "workshop-2024-11-22");
  w.add_option("A");
  w.add_option("B");
  w.vote(0);
  w.vote(1);
  w.vote(1);
  w.vote(0);
  CHECK(w.options()[0].votes == 2);
  CHECK(w.options()[1].votes == 2);
  CHECK(w.total_votes() == 4);
  CHECK(w.undo_depth() == 4);
  REQUIRE(w.undo());  // the last tap was on A
  CHECK(w.options()[0].votes == 1);
  CHECK(w.options()[1].votes == 2);
  REQUIRE(w.undo());  // then the second B
  CHECK(w.options()[1].votes == 1);
  REQUIRE(w.redo());
  CHECK(w.options()[1].votes == 2);
  w.vote(0);  // a new tap: nothing left to redo
  CHECK_FALSE(w.can_redo());
  CHECK(w.options()[0].votes == 2);
  while (w.undo()) {
  }
  CHECK(w.total_votes() == 0);
  CHECK_FALSE(w.undo());
  // Cards undo in the same stack, interleaved with dots.
  w.vote(1);
  w.card(0, 1);
  w.card(0, 0);
  REQUIRE(w.undo());
  CHECK(w.statements()[0].tallies == std::vector<int64_t>{0, 1});
  REQUIRE(w.undo());
  CHECK(w.statements()[0].tallies == std::vector<int64_t>{0, 0});
  CHECK(w.options()[1].votes == 1);
}

TEST_CASE("workshop: removing an option takes its taps off the undo stack; reset keeps the texts") {
  session::Workshop w("2025-01-01");
  w.add_option("A");
  w.add_option("B");
  w.add_option("C");
  w.vote(0);
  w.vote(1);
  w.vote(2);
  w.vote(1);
  w.remove_option(1);  // B and its two taps
  CHECK(w.options().size() == 2);
  CHECK(w.undo_depth() == 2);
  REQUIRE(w.undo());  // C's tap, not B's
  CHECK(w.options()[1].label == "C");
  CHECK(w.options()[1].votes == 0);
  CHECK(w.options()[0].votes == 1);
  w.rename_option(0, "A2");
  w.set_statement_text(0, "Stelling");
  w.card(0, 0);
  const uint64_t v = w.version();
  w.reset_counts();
  CHECK(w.version() > v);
  CHECK(w.total_votes() == 0);
  CHECK(w.statements()[0].tallies == std::vector<int64_t>{0, 0});
  CHECK(w.options()[0].label == "A2");
  CHECK(w.statements()[0].tekst == "Stelling");
  CHECK_FALSE(w.can_undo());
}

TEST_CASE("workshop: a statement's scale sets its positions; a tallied statement keeps its scale") {
  session::Workshop w;
  CHECK(w.overleg_id() == "workshop");
  CHECK(w.statements().size() == 1);
  CHECK(w.statements()[0].schaal == "akkoord/niet akkoord");
  REQUIRE(w.set_statement_scale(0, "eens/half/oneens"));
  CHECK(w.statements()[0].tallies.size() == 3);
  w.card(0, 2);
  CHECK_FALSE(w.set_statement_scale(0, "ja/nee"));
  CHECK(w.statements()[0].schaal == "eens/half/oneens");
  CHECK_FALSE(w.set_statement_scale(0, "misschien"));
  w.add_statement();
  CHECK(w.current() == 1);
  CHECK(w.statements()[1].nummer == 2);
  CHECK(w.statements()[1].schaal == "eens/half/oneens");
  CHECK(session::workshop_positions("geen kader nodig/wel kader nodig") ==
        std::vector<std::string>{"geen kader nodig", "wel kader nodig"});
  CHECK(session::workshop_scales().size() == 4);
}

TEST_CASE("workshop: stemming_csv is the procesflow contract and reads back to the same labels and counts") {
  session::Workshop w = five_options();
  CHECK(w.total_votes() == 17);
  const std::string csv = w.stemming_csv();
  CHECK(csv.rfind("overleg_id;optie;stemmen\r\n", 0) == 0);
  CHECK(csv.find("workshop-2024-11-22;De ideale contextbegeleider;7\r\n") != std::string::npos);
  CHECK(csv.find("workshop-2024-11-22;Op maat van jongere en gezin;0\r\n") != std::string::npos);  // 0 kept
  const core::ReadResult r = read("workshop_stemming.csv", csv);
  REQUIRE(r.ok());
  CHECK(r.report.dialect.delimiter == ';');
  CHECK(r.report.dialect.line_endings == "CRLF");
  REQUIRE(r.table.rows() == 5);
  const std::vector<std::string> votes = {"5", "3", "0", "7", "2"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(cell(r.table, "optie", i) == w.options()[i].label);
    CHECK(cell(r.table, "stemmen", i) == votes[i]);
    CHECK(cell(r.table, "overleg_id", i) == "workshop-2024-11-22");
  }
}

TEST_CASE("workshop: labels with ';', quotes, line breaks and non-ASCII letters survive the round trip") {
  session::Workshop w("2024-11-22");
  const std::vector<std::string> labels = {"Begrip; nuance", "De \"ideale\" begeleider", "Twee\nregels",
                                           "Één gezin – één plan ✓", "-min", ""};
  for (const auto& l : labels) w.add_option(l);
  w.vote(0);
  w.vote(3);
  w.vote(3);
  const std::string csv = w.stemming_csv();
  CHECK(csv.find("\"Begrip; nuance\"") != std::string::npos);
  CHECK(csv.find("\"De \"\"ideale\"\" begeleider\"") != std::string::npos);
  const core::ReadResult r = read("workshop_stemming.csv", csv);
  REQUIRE(r.ok());
  REQUIRE(r.table.rows() == 5);  // the untouched blank option is not a record
  for (size_t i = 0; i < 5; ++i) CHECK(cell(r.table, "optie", i) == labels[i]);
  CHECK(cell(r.table, "stemmen", 3) == "2");
}

TEST_CASE("workshop: stelling_csv writes one row per statement and position, Missing when never tallied") {
  session::Workshop w("2024-11-22");
  w.set_statement_text(0, "Een lerend netwerk; elke maand?");
  for (int k = 0; k < 9; ++k) w.card(0, 0);
  for (int k = 0; k < 3; ++k) w.card(0, 1);
  w.set_argument(0, 1, "te \"veel\" vergaderen");
  w.add_statement();
  REQUIRE(w.set_statement_scale(1, "eens/half/oneens"));
  w.set_statement_text(1, "Kader nodig");
  w.set_statement_outcome(1, "Allemaal akkoord");
  w.add_statement();  // nummer 3, not begun: not written
  const std::string csv = w.stelling_csv();
  CHECK(csv.rfind("stelling_id;overleg_id;nummer;tekst;schaal;uitkomst_tekst;positie;aantal;argumenten\r\n", 0) == 0);
  const core::ReadResult r = read("workshop_stelling.csv", csv);
  REQUIRE(r.ok());
  REQUIRE(r.table.rows() == 5);  // 2 positions + 3 positions
  CHECK(cell(r.table, "stelling_id", 0) == "workshop-2024-11-22-s1");
  CHECK(cell(r.table, "tekst", 0) == "Een lerend netwerk; elke maand?");
  CHECK(cell(r.table, "positie", 0) == "akkoord");
  CHECK(cell(r.table, "aantal", 0) == "9");
  CHECK(cell(r.table, "positie", 1) == "niet akkoord");
  CHECK(cell(r.table, "aantal", 1) == "3");
  CHECK(cell(r.table, "argumenten", 1) == "te \"veel\" vergaderen");
  CHECK(cell(r.table, "nummer", 2) == "2");
  CHECK(cell(r.table, "schaal", 2) == "eens/half/oneens");
  CHECK(cell(r.table, "positie", 4) == "oneens");
  CHECK(cell(r.table, "uitkomst_tekst", 4) == "Allemaal akkoord");
  CHECK(cell(r.table, "aantal", 3) == "");  // only a verbal outcome: Missing, not 0
}

namespace {

std::string report_value(const analysis::Value& v) {
  return v.is_number() ? std::to_string(v.as_double()) : v.s;
}

const analysis::Table& table_of(const analysis::Result& r, const char* id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  return r.tables.front();
}

}  // namespace

TEST_CASE("workshop in the session: live results through the procesflow profile, cached on the workshop") {
  session::Session s;
  CHECK(s.workshop_results().results.empty());  // nothing entered yet
  session::Workshop& w = s.workshop();
  CHECK(w.overleg_id() == "workshop-" + session::Session::today());
  w.set_overleg_id("forum-2024-11-22");
  for (const char* l : {"Drempels", "Nood aan gezinsaanpak", "Op maat van jongere en gezin",
                        "De \"ideale\"; contextbegeleider", "Contextbegeleiding in gedeelde zorg"})
    w.add_option(l);
  const int taps[] = {5, 3, 0, 7, 2};
  for (size_t i = 0; i < 5; ++i)
    for (int k = 0; k < taps[i]; ++k) w.vote(i);
  w.set_statement_text(0, "Één kader voor iedereen");
  for (int k = 0; k < 9; ++k) w.card(0, 0);
  for (int k = 0; k < 3; ++k) w.card(0, 1);

  const analysis::ResultSet& set = s.workshop_results();
  REQUIRE(set.results.size() == 2);
  const analysis::Result* pr = set.find("procesflow.priorities");
  REQUIRE(pr);
  CHECK_FALSE(pr->client_unit);
  const analysis::Table& opts = table_of(*pr, "options");
  const int label = opts.column_index("label"), votes = opts.column_index("votes"), pct = opts.column_index("pct");
  REQUIRE(opts.rows.size() == 5);
  // Sorted by votes, labels as typed: 7, 5, 3, 2, 0 of 17.
  const std::vector<std::pair<std::string, int64_t>> expect = {{"De \"ideale\"; contextbegeleider", 7},
                                                               {"Drempels", 5},
                                                               {"Nood aan gezinsaanpak", 3},
                                                               {"Contextbegeleiding in gedeelde zorg", 2},
                                                               {"Op maat van jongere en gezin", 0}};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(opts.rows[i][size_t(label)].s == expect[i].first);
    CHECK(opts.rows[i][size_t(votes)].i == expect[i].second);
    CHECK(opts.rows[i][size_t(pct)].as_double() == Approx(100.0 * double(expect[i].second) / 17.0));
  }
  const analysis::Result* st = set.find("procesflow.statements");
  REQUIRE(st);
  const analysis::Table& agree = table_of(*st, "agree");
  REQUIRE(agree.rows.size() == 1);
  CHECK(agree.rows[0][size_t(agree.column_index("agree"))].i == 9);
  CHECK(agree.rows[0][size_t(agree.column_index("n"))].i == 12);
  CHECK(agree.rows[0][size_t(agree.column_index("pct_agree"))].as_double() == Approx(75.0));
  // R 4.2.2: binom.test(9, 12)$conf.int = 0.4281415 0.9451394
  CHECK(agree.rows[0][size_t(agree.column_index("lower"))].as_double() == Approx(42.81415).epsilon(1e-6));
  CHECK(agree.rows[0][size_t(agree.column_index("upper"))].as_double() == Approx(94.51394).epsilon(1e-6));

  // Delen (and so presentation) runs the app's privacy step: votes and cards are no clients, so nothing is
  // suppressed (a count of 0 stays 0) and the result says so.
  s.set_privacy(false, 5);
  const analysis::Result* shared = s.workshop_results().find("procesflow.priorities");
  REQUIRE(shared);
  CHECK(table_of(*shared, "options").rows[4][size_t(votes)].i == 0);
  CHECK(table_of(*shared, "options").rows[0][size_t(votes)].i == 7);
  CHECK(shared->notes.back().nl == analysis::Text::key("privacy.note.not_client_unit").nl);
  s.set_privacy(true, 5);

  // Cached: the same set until a tap; an undo changes the numbers at once.
  const analysis::Result* before = s.workshop_results().find("procesflow.priorities");
  CHECK(s.workshop_results().find("procesflow.priorities") == before);
  REQUIRE(w.undo());  // the last card (niet akkoord)
  const analysis::Table& agree2 = table_of(*s.workshop_results().find("procesflow.statements"), "agree");
  CHECK(agree2.rows[0][size_t(agree2.column_index("n"))].i == 11);
}

TEST_CASE("workshop saved: the two files load as procesflow stemming and stelling and give the same numbers") {
  session::Session s;
  session::Workshop& w = s.workshop();
  w.add_option("Ja; zeker");
  w.add_option("Nee");
  w.vote(0);
  w.vote(0);
  w.vote(1);
  w.set_statement_text(0, "Stelling");
  w.card(0, 1);
  const auto saved = s.save_workshop();
  REQUIRE(saved.size() == 2);
  CHECK(saved[0].first == "workshop_stemming.csv");
  CHECK(saved[0].second == w.stemming_csv());
  CHECK(saved[1].first == "workshop_stelling.csv");
  REQUIRE(s.files().size() == 2);
  CHECK(s.files()[0].profile == "procesflow");
  CHECK(s.files()[0].table == "stemming");
  CHECK(s.files()[1].profile == "procesflow");
  CHECK(s.files()[1].table == "stelling");
  REQUIRE(s.files()[0].mapped);
  CHECK(s.files()[0].mapped->mapping.ok());
  const analysis::Result* loaded = s.results("procesflow").find("procesflow.priorities");
  const analysis::Result* live = s.workshop_results().find("procesflow.priorities");
  REQUIRE(loaded);
  REQUIRE(live);
  CHECK(table_of(*loaded, "options").rows.size() == 2);
  for (size_t i = 0; i < 2; ++i)
    for (size_t c = 0; c < table_of(*live, "options").columns.size(); ++c)
      CHECK(report_value(table_of(*loaded, "options").rows[i][c]) == report_value(table_of(*live, "options").rows[i][c]));
  // Saving again replaces the earlier versions instead of adding files.
  w.vote(1);
  s.save_workshop();
  CHECK(s.files().size() == 2);
  CHECK(table_of(*s.results("procesflow").find("procesflow.priorities"), "options").rows[1][3].i == 2);
}
