#pragma once
// The session: what the app has loaded and is loading, the werkmap, and the results computed from them. Plain C++
// (no ImGui), tested natively. Files arrive in chunks from the page and are fed straight into the core's
// incremental reader, so progress is visible, cancel works between chunks and no second full copy of a file is kept.
//
// Each loaded file also gets a profile and record type (detected among the registered profiles, or chosen on the
// Koppeling page) and, for a schema profile, its MappedDataset (mapping + validation). The user's choices live in
// the werkmap; every change there re-maps the files of that profile. A profile's results come from the same
// session::run_profile as `zicht analyse`, cached on the files, the werkmap and the privacy settings. A small .json whose top-level "schema" is "zicht.werkmap/…" is opened as a werkmap, not
// as data.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "analysis/result.h"
#include "core/werkmap.h"
#include "privacy/pseudonym.h"
#include "session/registry.h"
#include "session/workshop.h"

namespace zicht::session {

struct LoadedFile {
  std::string name;
  bool builtin = false;  // the built-in sample, not the user's data
  core::ReadResult result;
  std::string profile = "generic";  // "generic" or a registered profile id
  std::string table;                // the profile's record type (TableSpec id) this file is
  bool profile_auto = true;         // detected, not chosen by the user
  double detect_score = 0;
  // The file understood as its profile (null for generic). Points into `result.table`: rebound after moves.
  std::unique_ptr<core::MappedDataset> mapped;
  // Workbooks (.xlsx, .xlsm, .ods, .xls): the file's bytes (compressed, as loaded), kept so that another sheet or
  // header row is read without asking for the file again, and the sheet / header row it was read with.
  std::vector<uint8_t> source;
  core::FileRead read;
};

// A shareable aggregate (privacy/aggregate.h) opened to build a regional overview: never record data.
struct AggregateFile {
  std::string name;
  nlohmann::json doc;
};

struct Loading {
  int id = 0;
  std::string name;
  uint64_t size = 0;
  bool waiting = false;  // a chunk has been requested and not yet received
  bool first_chunk = true;
  std::unique_ptr<core::IncrementalReader> reader;
  core::FileRead read;         // the sheet / header row asked for (from the werkmap)
  bool keep_source = false;    // a workbook: its bytes are kept (LoadedFile::source)
  std::vector<uint8_t> bytes;  // those bytes, while loading
  double progress() const;
};

struct LoadError {
  std::string file;
  core::Status status;
  std::string key;  // i18n key of the explanation; empty = "error.<status code>"
};

class Session {
 public:
  Session();
  // Size of the chunks asked from the page.
  static constexpr size_t kChunkBytes = size_t(4) << 20;

  // Loads the built-in fictitious demo (SofS export, Binc modules and clients); a user file replaces it.
  void load_builtin_sample();
  // digest_outside: the page computes the file's SHA-256 and passes it with the last chunk (feed's sha256).
  void begin(int id, const std::string& name, uint64_t size, bool digest_outside = false);
  // Feeds one chunk; returns true when the file is complete (or failed) and no more chunks are needed.
  bool feed(int id, const uint8_t* data, size_t n, bool last, const std::string& sha256 = {});
  void fail(int id, const std::string& message);
  void cancel(int id);
  void remove_file(size_t index);
  // Workbooks: reads file `index` again with another sheet and/or header row (empty = the reader's own choice),
  // from its kept bytes, and remembers the choice in the werkmap by file name. The profile is detected again unless
  // the user chose it. False (with an error listed, the file unchanged) when the file is not a workbook or the
  // sheet does not exist.
  bool set_file_read(size_t index, const core::FileRead& read);
  // The name of a workbook just loaded with more than one sheet holding data and no sheet remembered for it (the app
  // then asks which sheet), once; empty otherwise.
  std::string take_sheet_question() {
    std::string s;
    s.swap(sheet_question_);
    return s;
  }
  void dismiss_errors() { errors_.clear(); }

  const std::vector<LoadedFile>& files() const { return files_; }
  std::vector<Loading>& loading() { return loading_; }
  const std::vector<Loading>& loading() const { return loading_; }
  const std::vector<LoadError>& errors() const { return errors_; }

  // --- Shareable aggregates (a .json whose "schema" is "zicht.aggregate/…" opens as one, not as data) ---
  const std::vector<AggregateFile>& aggregates() const { return aggregates_; }
  void remove_aggregate(size_t index);
  // True once after an aggregate was opened (the app then shows the regional overview).
  bool take_aggregate_opened() {
    const bool b = aggregate_opened_;
    aggregate_opened_ = false;
    return b;
  }

  // --- Profiles and the werkmap ---
  const core::Werkmap& werkmap() const { return werkmap_; }
  const std::string& werkmap_name() const { return werkmap_name_; }  // last opened or saved werkmap file
  // Replaces the werkmap (opened from a file) and re-maps every file.
  void set_werkmap(core::Werkmap w, const std::string& name);
  void set_profile(size_t file, const std::string& profile);
  // Field → column choice (nullopt = not mapped), saved in the werkmap for the file's profile.
  void set_column(size_t file, const std::string& field, std::optional<std::string> column);
  // A value outside a code list mapped to a code (empty code = remove the recoding).
  void set_recode(size_t file, const std::string& field, const std::string& value, const std::string& code);
  void set_as_of(std::optional<int32_t> days);
  // Changes analysis options in the werkmap (a profile's filters, norms, clusters, consent, settings; the
  // denominator; the reference marks): no re-mapping, only the profile pages recompute (see options_version).
  void edit_options(const std::function<void(core::Werkmap&)>& edit);
  // A page's note (empty removes it): kept in the werkmap and the page report; nothing recomputes.
  void set_note(const std::string& profile, const std::string& page, const std::string& text);
  // The werkmap as saved (also records the name).
  std::string save_werkmap(const std::string& name);
  // True once after a werkmap was opened from a file (the app then shows the Koppeling page).
  bool take_werkmap_opened() {
    const bool b = werkmap_opened_;
    werkmap_opened_ = false;
    return b;
  }
  // Bumped on every change of files, mappings or validation (pages cache on it).
  uint64_t version() const { return version_; }
  // Bumped on every change of the werkmap's analysis options (and with version()).
  uint64_t options_version() const { return version_ + options_version_; }

  // --- Results (computed when first asked for, then cached until files, werkmap or privacy settings change) ---
  // Privacy (SPEC §5): intern or delen with k; the built-in demo is exempt from suppression.
  void set_privacy(bool intern, int k);
  bool intern() const { return intern_; }
  int suppress_k() const { return suppress_k_; }
  privacy::Pseudonymiser& pseudonymiser() { return *pseudo_; }
  bool demo_loaded() const;
  // The files a profile's tables come from (in TableSpec order; null = none loaded), and their mapped datasets.
  std::vector<const LoadedFile*> table_files(const std::string& profile) const;
  std::vector<const core::MappedDataset*> tables(const std::string& profile) const;
  // A profile's results as shown (shared in delen mode); empty when its primary table is not loaded. For each
  // profile it links to (ProfileSpec::links), the loaded file of that profile's primary table is its link, when it
  // maps; a change to that file or its mapping bumps version() and so recomputes these results.
  const analysis::ResultSet& results(const std::string& profile);
  // The same before suppression (for shareable aggregates, which suppress themselves).
  const analysis::ResultSet& raw_results(const std::string& profile);
  // Verkennen: every loaded file described (the generic profile).
  const analysis::ResultSet& explore_results();
  // The regional overview: the opened aggregates merged and suppressed again with k; error set when they clash.
  const analysis::ResultSet& region_results(std::string& error);
  // The key results are cached on: changes whenever any cached result may change.
  uint64_t results_key() const { return options_version() + (privacy_stamp_ << 40); }

  // --- Workshop mode (session/workshop.h, session/workshop_run.cpp) ---
  Workshop& workshop() { return workshop_; }
  // The workshop's live results (procesflow.priorities and .statements of its current records, computed as
  // `zicht analyse --profile procesflow` computes them from the saved files), cached on the workshop's version.
  // Empty when nothing is entered yet or the procesflow profile is not registered.
  const analysis::ResultSet& workshop_results();
  // Why the workshop's records could not be analysed (empty when they could); text(lang) for the message.
  const i18n::Message& workshop_error() const { return workshop_error_; }
  // Puts the workshop's records into the session as loaded files ("workshop_stemming.csv",
  // "workshop_stelling.csv", replacing earlier versions; only those with a row) and returns them (name, bytes) to
  // offer as downloads.
  std::vector<std::pair<std::string, std::string>> save_workshop();
  static std::string today();  // local date, yyyy-mm-dd

 private:
  Loading* find_loading(int id);
  void finish(Loading& l);
  void erase_loading(int id);
  // A user file replaces the built-in sample; a file with the same name replaces the earlier one.
  void add(LoadedFile f);
  void detect(LoadedFile& f);
  // A workbook read again from its kept bytes with another sheet / header row (profile detected again unless
  // chosen); false with an error listed, the file unchanged, when that fails.
  bool reread(LoadedFile& f, const core::FileRead& read);
  void remap(LoadedFile& f);
  void remap_profile(const std::string& profile);
  void remap_profile_files(const std::string& profile);  // without a version bump
  void rebind();
  bool open_werkmap(const std::string& name, const uint8_t* data, size_t n);

  std::vector<LoadedFile> files_;
  std::vector<Loading> loading_;
  std::vector<LoadError> errors_;
  core::Werkmap werkmap_;
  std::string werkmap_name_;
  uint64_t version_ = 1;
  uint64_t options_version_ = 0;
  bool werkmap_opened_ = false;
  std::string sheet_question_;
  std::vector<AggregateFile> aggregates_;
  bool aggregate_opened_ = false;

  struct Cached {
    uint64_t key = ~uint64_t(0);
    analysis::ResultSet shown, raw;
  };
  Cached& cached(const std::string& profile);
  std::map<std::string, Cached> cache_;
  Cached explore_, region_;
  std::string region_error_;
  bool intern_ = true;
  int suppress_k_ = 5;
  uint64_t privacy_stamp_ = 0;
  std::unique_ptr<privacy::Pseudonymiser> pseudo_;
  Workshop workshop_{today()};
  Cached workshop_cache_;
  i18n::Message workshop_error_;
  int workshop_load_id_ = 0;
};

}  // namespace zicht::session
