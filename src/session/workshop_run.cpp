// Workshop mode in the session: the workshop's live results and saving its records as loaded files. The records are
// read and analysed exactly as `zicht analyse --profile procesflow --table stemming=… --table stelling=…` reads and
// analyses the saved files (session::analyse), so the projected numbers are the numbers of the files.
#include <algorithm>
#include <ctime>

#include "privacy/privacy.h"
#include "session/run.h"
#include "session/session.h"

namespace zicht::session {
namespace {

constexpr const char* kProfile = "procesflow";
// The page shows these two (spec/concept.md §3.3): the dot vote and the statements.
constexpr const char* kShown[] = {"procesflow.priorities", "procesflow.statements"};

// The workshop's records with at least one data row: (file name, procesflow record type, CSV bytes).
struct Record {
  std::string name, table, csv;
};
std::vector<Record> records(const Workshop& w) {
  std::vector<Record> out;
  auto add = [&](const char* name, const char* table, std::string csv) {
    if (std::count(csv.begin(), csv.end(), '\n') > 1) out.push_back({name, table, std::move(csv)});
  };
  add("workshop_stemming.csv", "stemming", w.stemming_csv());
  add("workshop_stelling.csv", "stelling", w.stelling_csv());
  return out;
}

}  // namespace

std::string Session::today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
#ifdef _WIN32
  localtime_s(&tm, &t);
#else
  localtime_r(&t, &tm);
#endif
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

const analysis::ResultSet& Session::workshop_results() {
  // Also on the privacy settings: presentation shows a room what delen shows (no Intern-only arguments).
  const uint64_t key = workshop_.version() + (privacy_stamp_ << 40);
  if (workshop_cache_.key == key) return workshop_cache_.shown;
  workshop_cache_ = Cached{};
  workshop_cache_.key = key;
  const ProfileSpec* spec = find_profile(kProfile);
  const std::vector<Record> recs = records(workshop_);
  if (!spec || recs.empty()) return workshop_cache_.shown;
  std::vector<core::ReadResult> read;
  read.reserve(recs.size());
  std::vector<TableInput> inputs;
  std::vector<analysis::Input> in;
  for (const auto& r : recs) {
    read.push_back(core::read_bytes(r.name, reinterpret_cast<const uint8_t*>(r.csv.data()), r.csv.size()));
    inputs.push_back({r.table, r.name, &read.back()});
    in.push_back({r.name, &read.back()});
  }
  analysis::ResultSet all;
  i18n::Message error;
  // The CLI's defaults (no werkmap): the user's filters for loaded procesflow files do not hide the workshop.
  if (!analyse(*spec, inputs, {}, analysis::Settings{}, all, error)) {
    workshop_error_ = std::move(error);
    return workshop_cache_.shown;
  }
  workshop_error_ = i18n::Message{};
  workshop_cache_.shown.provenance = all.provenance;
  for (const char* id : kShown)
    if (const analysis::Result* r = all.find(id)) workshop_cache_.shown.results.push_back(*r);
  workshop_cache_.raw = std::move(all);
  // Votes and cards are not clients (client_unit = false): delen suppresses nothing here, it leaves out what is
  // Intern only. The facilitator's own entries are no demo, so the mode applies.
  if (!intern_ && !workshop_cache_.shown.results.empty())
    privacy::share(workshop_cache_.shown, in, suppress_k_, *pseudo_);
  return workshop_cache_.shown;
}

std::vector<std::pair<std::string, std::string>> Session::save_workshop() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& r : records(workshop_)) {
    // Through the same reader as a file the user opens (detected as procesflow stemming / stelling); the ids are
    // negative so they never meet the page's file ids.
    const int id = --workshop_load_id_;
    begin(id, r.name, r.csv.size());
    feed(id, reinterpret_cast<const uint8_t*>(r.csv.data()), r.csv.size(), true);
    out.emplace_back(r.name, std::move(r.csv));
  }
  return out;
}

}  // namespace zicht::session
