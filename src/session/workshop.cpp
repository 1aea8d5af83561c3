#include "session/workshop.h"

#include <algorithm>

namespace zicht::session {
namespace {

// A cell of the records: quoted when it holds the delimiter, a quote or a line break (RFC 4180, quotes doubled).
// Labels are written verbatim otherwise, so they read back exactly as typed.
void cell(std::string& out, std::string_view v, bool first = false) {
  if (!first) out.push_back(';');
  const bool quote = v.find_first_of(";\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(v);
    return;
  }
  out.push_back('"');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void end_row(std::string& out) { out += "\r\n"; }

}  // namespace

const std::vector<std::string>& workshop_scales() {
  static const std::vector<std::string> s = {"akkoord/niet akkoord", "ja/nee", "eens/half/oneens",
                                             "geen kader nodig/wel kader nodig"};
  return s;
}

std::vector<std::string> workshop_positions(std::string_view schaal) {
  if (schaal == "akkoord/niet akkoord") return {"akkoord", "niet akkoord"};
  if (schaal == "ja/nee") return {"ja", "nee"};
  if (schaal == "eens/half/oneens") return {"eens", "half", "oneens"};
  if (schaal == "geen kader nodig/wel kader nodig") return {"geen kader nodig", "wel kader nodig"};
  return {};
}

Workshop::Workshop(const std::string& today) : overleg_id_("workshop" + (today.empty() ? "" : "-" + today)) {
  add_statement();
  version_ = 1;
}

void Workshop::set_overleg_id(const std::string& id) {
  if (id == overleg_id_) return;
  overleg_id_ = id;
  changed();
}

void Workshop::set_vote_title(const std::string& t) {
  if (t == vote_title_) return;
  vote_title_ = t;
  changed();
}

void Workshop::add_option(const std::string& label) {
  options_.push_back({next_id_++, label, 0});
  changed();
}

void Workshop::rename_option(size_t index, const std::string& label) {
  if (index >= options_.size() || options_[index].label == label) return;
  options_[index].label = label;
  changed();
}

void Workshop::remove_option(size_t index) {
  if (index >= options_.size()) return;
  const int id = options_[index].id;
  auto gone = [id](const Tap& t) { return !t.card && t.id == id; };
  undo_.erase(std::remove_if(undo_.begin(), undo_.end(), gone), undo_.end());
  redo_.erase(std::remove_if(redo_.begin(), redo_.end(), gone), redo_.end());
  options_.erase(options_.begin() + static_cast<std::ptrdiff_t>(index));
  changed();
}

void Workshop::vote(size_t index) {
  if (index >= options_.size()) return;
  const Tap t{false, options_[index].id, 0};
  apply(t, +1);
  undo_.push_back(t);
  redo_.clear();
}

int64_t Workshop::total_votes() const {
  int64_t n = 0;
  for (const auto& o : options_) n += o.votes;
  return n;
}

void Workshop::set_current(size_t index) {
  if (index >= statements_.size() || index == current_) return;
  current_ = index;
  changed();
}

void Workshop::add_statement() {
  WorkshopStatement s;
  s.id = next_id_++;
  if (!statements_.empty()) {
    s.nummer = statements_.back().nummer + 1;
    s.schaal = statements_.back().schaal;
  }
  const size_t n = workshop_positions(s.schaal).size();
  s.tallies.assign(n, 0);
  s.arguments.assign(n, "");
  statements_.push_back(std::move(s));
  current_ = statements_.size() - 1;
  changed();
}

void Workshop::remove_statement(size_t index) {
  if (index >= statements_.size() || statements_.size() == 1) return;  // one statement is always there
  const int id = statements_[index].id;
  auto gone = [id](const Tap& t) { return t.card && t.id == id; };
  undo_.erase(std::remove_if(undo_.begin(), undo_.end(), gone), undo_.end());
  redo_.erase(std::remove_if(redo_.begin(), redo_.end(), gone), redo_.end());
  statements_.erase(statements_.begin() + static_cast<std::ptrdiff_t>(index));
  current_ = std::min(current_, statements_.size() - 1);
  changed();
}

void Workshop::set_statement_text(size_t index, const std::string& tekst) {
  if (index >= statements_.size() || statements_[index].tekst == tekst) return;
  statements_[index].tekst = tekst;
  changed();
}

void Workshop::set_statement_number(size_t index, int nummer) {
  if (index >= statements_.size() || statements_[index].nummer == nummer) return;
  statements_[index].nummer = nummer;
  changed();
}

bool Workshop::set_statement_scale(size_t index, const std::string& schaal) {
  if (index >= statements_.size()) return false;
  WorkshopStatement& s = statements_[index];
  if (s.schaal == schaal) return true;
  const size_t n = workshop_positions(schaal).size();
  if (n == 0) return false;
  for (int64_t t : s.tallies)
    if (t != 0) return false;
  s.schaal = schaal;
  s.tallies.assign(n, 0);
  s.arguments.resize(n);
  changed();
  return true;
}

void Workshop::set_statement_outcome(size_t index, const std::string& uitkomst) {
  if (index >= statements_.size() || statements_[index].uitkomst == uitkomst) return;
  statements_[index].uitkomst = uitkomst;
  changed();
}

void Workshop::set_argument(size_t index, size_t position, const std::string& text) {
  if (index >= statements_.size() || position >= statements_[index].arguments.size() ||
      statements_[index].arguments[position] == text)
    return;
  statements_[index].arguments[position] = text;
  changed();
}

void Workshop::card(size_t index, size_t position) {
  if (index >= statements_.size() || position >= statements_[index].tallies.size()) return;
  const Tap t{true, statements_[index].id, position};
  apply(t, +1);
  undo_.push_back(t);
  redo_.clear();
}

WorkshopOption* Workshop::option(int id) {
  for (auto& o : options_)
    if (o.id == id) return &o;
  return nullptr;
}

WorkshopStatement* Workshop::statement(int id) {
  for (auto& s : statements_)
    if (s.id == id) return &s;
  return nullptr;
}

void Workshop::apply(const Tap& t, int delta) {
  if (t.card) {
    if (WorkshopStatement* s = statement(t.id); s && t.position < s->tallies.size())
      s->tallies[t.position] = std::max<int64_t>(0, s->tallies[t.position] + delta);
  } else if (WorkshopOption* o = option(t.id)) {
    o->votes = std::max<int64_t>(0, o->votes + delta);
  }
  changed();
}

bool Workshop::undo() {
  if (undo_.empty()) return false;
  const Tap t = undo_.back();
  undo_.pop_back();
  apply(t, -1);
  redo_.push_back(t);
  return true;
}

bool Workshop::redo() {
  if (redo_.empty()) return false;
  const Tap t = redo_.back();
  redo_.pop_back();
  apply(t, +1);
  undo_.push_back(t);
  return true;
}

void Workshop::reset_counts() {
  for (auto& o : options_) o.votes = 0;
  for (auto& s : statements_) std::fill(s.tallies.begin(), s.tallies.end(), 0);
  undo_.clear();
  redo_.clear();
  changed();
}

std::string Workshop::stelling_id(const WorkshopStatement& s) const {
  return overleg_id_ + "-s" + std::to_string(s.nummer);
}

std::string Workshop::stemming_csv() const {
  std::string out;
  cell(out, "overleg_id", true);
  cell(out, "optie");
  cell(out, "stemmen");
  end_row(out);
  for (const auto& o : options_) {
    if (o.label.empty() && o.votes == 0) continue;  // an untouched blank line of the page
    cell(out, overleg_id_, true);
    cell(out, o.label);
    cell(out, std::to_string(o.votes));
    end_row(out);
  }
  return out;
}

std::string Workshop::stelling_csv() const {
  std::string out;
  bool first = true;
  for (const char* h : {"stelling_id", "overleg_id", "nummer", "tekst", "schaal", "uitkomst_tekst", "positie",
                        "aantal", "argumenten"}) {
    cell(out, h, first);
    first = false;
  }
  end_row(out);
  for (const auto& s : statements_) {
    int64_t tallied = 0;
    for (int64_t t : s.tallies) tallied += t;
    if (s.tekst.empty() && s.uitkomst.empty() && tallied == 0) continue;  // a statement not begun
    const std::vector<std::string> positions = workshop_positions(s.schaal);
    for (size_t p = 0; p < positions.size(); ++p) {
      cell(out, stelling_id(s), true);
      cell(out, overleg_id_);
      cell(out, std::to_string(s.nummer));
      cell(out, s.tekst);
      cell(out, s.schaal);
      cell(out, s.uitkomst);
      cell(out, positions[p]);
      // Never tallied (only a text or a verbal outcome): the counts are Missing, not zero (spec §3.2).
      cell(out, tallied == 0 ? std::string() : std::to_string(p < s.tallies.size() ? s.tallies[p] : 0));
      cell(out, p < s.arguments.size() ? s.arguments[p] : std::string());
      end_row(out);
    }
  }
  return out;
}

}  // namespace zicht::session
