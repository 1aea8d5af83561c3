#include "session/session.h"

#include <algorithm>
#include <cstring>

#include "core/assets.h"
#include "demo/demo.h"
#include "core/mapping.h"
#include "core/schema.h"
#include "analysis/explore.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "session/run.h"

namespace zicht::session {

double Loading::progress() const { return reader ? reader->progress(size) : 0.0; }

namespace {
// A zip (.xlsx, .xlsm, .ods) or OLE2 compound file (.xls): a workbook whose sheets can be chosen again later.
bool is_workbook_bytes(const uint8_t* p, size_t n) {
  static const uint8_t zip[] = {'P', 'K', 3, 4}, ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  return (n >= 4 && std::memcmp(p, zip, 4) == 0) || (n >= 8 && std::memcmp(p, ole, 8) == 0);
}


bool ends_with_json(const std::string& name) {
  if (name.size() < 5) return false;
  std::string ext = name.substr(name.size() - 5);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".json";
}

std::vector<std::string> column_names(const core::Table& t) {
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  return names;
}

}  // namespace

Session::Session() : pseudo_(std::make_unique<privacy::Pseudonymiser>(privacy::system_random())) {}

void Session::load_builtin_sample() {
  // The built-in demo: each registered profile's fictitious export from the seeded generator, in the profile's own
  // export format, so the app opens on real-looking content and every page has something to show.
  files_.clear();  // the demo replaces whatever was loaded (the user's files stay on disk)
  for (const auto& spec : profiles()) {
    for (const auto& part : spec.demo) {
      const std::string text = demo::generate_csv(part.options);
      LoadedFile f;
      f.name = part.name;
      f.builtin = true;
      f.result = core::read_bytes(part.name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
      detect(f);
      files_.push_back(std::move(f));
    }
  }
  rebind();
  for (const auto& spec : profiles()) remap_profile_files(spec.id);
  ++version_;
}

void Session::begin(int id, const std::string& name, uint64_t size, bool digest_outside) {
  Loading l;
  l.id = id;
  l.name = name;
  l.size = size;
  core::ReadOptions options;
  options.compute_sha256 = !digest_outside;
  l.read = werkmap_.file_read(name);
  options.sheet = l.read.sheet;
  options.header_row = l.read.header_row;
  l.reader = std::make_unique<core::IncrementalReader>(name, options);
  l.reader->set_total_bytes(size);
  loading_.push_back(std::move(l));
}

Loading* Session::find_loading(int id) {
  for (auto& l : loading_)
    if (l.id == id) return &l;
  return nullptr;
}

void Session::erase_loading(int id) {
  loading_.erase(std::remove_if(loading_.begin(), loading_.end(), [id](const Loading& l) { return l.id == id; }),
                 loading_.end());
}

bool Session::open_werkmap(const std::string& name, const uint8_t* data, size_t n) {
  core::Werkmap w;
  std::string error;
  if (!core::Werkmap::parse(std::string_view(reinterpret_cast<const char*>(data), n), w, error)) {
    core::Status s;
    s.code = core::ErrorCode::Usage;
    s.message = error;
    errors_.push_back({name, s, "profiles.werkmap_error"});
    return false;
  }
  set_werkmap(std::move(w), name);
  werkmap_opened_ = true;
  return true;
}

bool Session::feed(int id, const uint8_t* data, size_t n, bool last, const std::string& sha256) {
  Loading* l = find_loading(id);
  if (!l) return true;
  l->waiting = false;
  // A werkmap is small: it arrives whole in the first chunk.
  if (l->first_chunk && last && ends_with_json(l->name) && core::looks_like_werkmap(data, n)) {
    open_werkmap(l->name, data, n);
    erase_loading(id);
    return true;
  }
  // So is a shareable aggregate: kept apart from data, for the regional overview.
  if (l->first_chunk && last && ends_with_json(l->name) && n < (size_t(16) << 20)) {
    nlohmann::json doc = nlohmann::json::parse(data, data + n, nullptr, false);
    if (doc.is_object() && doc.value("schema", std::string()).rfind("zicht.aggregate/", 0) == 0) {
      std::string name = l->name;
      aggregates_.erase(std::remove_if(aggregates_.begin(), aggregates_.end(),
                                       [&](const AggregateFile& a) { return a.name == name; }),
                        aggregates_.end());
      aggregates_.push_back({std::move(name), std::move(doc)});
      aggregate_opened_ = true;
      ++version_;
      erase_loading(id);
      return true;
    }
  }
  if (l->first_chunk) l->keep_source = is_workbook_bytes(data, n);
  l->first_chunk = false;
  if (l->keep_source) l->bytes.insert(l->bytes.end(), data, data + n);
  core::Status s = l->reader->feed(data, n);
  if (!s.ok()) {
    errors_.push_back({l->name, s, ""});
    erase_loading(id);
    return true;
  }
  if (last) {
    if (!sha256.empty()) l->reader->set_sha256(sha256);
    finish(*l);
    erase_loading(id);
    return true;
  }
  return false;
}

void Session::finish(Loading& l) {
  core::Status s = l.reader->finish();
  if (!s.ok()) {
    errors_.push_back({l.name, s, ""});
    return;
  }
  LoadedFile f;
  f.name = l.name;
  f.result.status = s;
  f.result.report = l.reader->report();
  f.result.table = l.reader->take_table();
  f.source = std::move(l.bytes);
  f.read = l.read;
  int with_data = 0;
  for (const auto& sheet : f.result.report.workbook.sheets) with_data += sheet.cells > 0;
  if (with_data > 1 && f.read.sheet.empty()) sheet_question_ = f.name;
  detect(f);
  add(std::move(f));
}

bool Session::reread(LoadedFile& f, const core::FileRead& read) {
  core::ReadOptions options;
  options.sheet = read.sheet;
  options.header_row = read.header_row;
  core::ReadResult r = core::read_bytes(f.name, f.source.data(), f.source.size(), options);
  if (!r.ok()) {  // the file stays as it was
    errors_.push_back({f.name, r.status, ""});
    return false;
  }
  f.result = std::move(r);
  f.read = read;
  f.mapped.reset();  // mapped again by the caller (it points into the old table)
  if (f.profile_auto) detect(f);
  return true;
}

bool Session::set_file_read(size_t index, const core::FileRead& read) {
  if (index >= files_.size() || files_[index].source.empty()) return false;
  LoadedFile& f = files_[index];
  const std::string old_profile = f.profile;
  if (!reread(f, read)) return false;
  werkmap_.set_file_read(f.name, read);
  rebind();
  remap_profile_files(old_profile);
  if (f.profile != old_profile) remap_profile_files(f.profile);
  ++version_;
  return true;
}

void Session::add(LoadedFile f) {
  files_.erase(std::remove_if(files_.begin(), files_.end(),
                              [&](const LoadedFile& g) { return g.builtin || g.name == f.name; }),
               files_.end());
  const std::string profile = f.profile;
  files_.push_back(std::move(f));
  rebind();
  for (const auto& spec : profiles()) remap_profile_files(spec.id);  // a replaced demo file leaves its profile too
  (void)profile;
  ++version_;
}

void Session::fail(int id, const std::string& message) {
  Loading* l = find_loading(id);
  if (!l) return;
  core::Status s;
  s.code = core::ErrorCode::Io;
  s.message = message;
  errors_.push_back({l->name, s, ""});
  erase_loading(id);
}

void Session::cancel(int id) { erase_loading(id); }

void Session::remove_file(size_t index) {
  if (index >= files_.size()) return;
  const std::string profile = files_[index].profile;
  files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
  rebind();
  remap_profile_files(profile);
  ++version_;
}

void Session::detect(LoadedFile& f) {
  const std::vector<std::string> labels = core::column_labels(f.result.report);
  const Detected d = session::detect(column_names(f.result.table), &labels);
  f.profile = d.profile.empty() ? "generic" : d.profile;
  f.table = d.table;
  f.profile_auto = true;
  f.detect_score = d.score;
}

void Session::rebind() {
  // Moving a LoadedFile moves its Table object; the dataset must point at the table where it now lives.
  for (auto& f : files_)
    if (f.mapped) f.mapped->table = &f.result.table;
}

void Session::remap(LoadedFile& f) {
  // One file changed: its profile's files are mapped again together (the primary table sets "now" for the others).
  remap_profile_files(f.profile);
}

void Session::remap_profile_files(const std::string& profile) {
  const ProfileSpec* spec = find_profile(profile);
  for (auto& f : files_)
    if (f.profile == profile) f.mapped.reset();
  if (!spec || !spec->schema) return;
  analysis::Settings settings;
  settings.werkmap = werkmap_.doc();
  core::ProfileSettings ps;
  std::string error;
  if (!mapping_settings(*spec, settings, ps, error)) return;
  // The primary table's files first; the first of them gives the others its as-of date (session::map_tables).
  const TableSpec& primary = spec->tables.front();
  bool have_now = false;
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& f : files_) {
      if (f.profile != profile || (pass == 0) != (primary.accepts(f.table) || f.table.empty())) continue;
      if (f.table.empty()) f.table = primary.id;
      f.mapped = std::make_unique<core::MappedDataset>(map_table(*spec, f.table, f.name, f.result, ps));
      if (!have_now) {  // the primary's first file, else (an optional primary not loaded) the first other one
        ps.as_of = f.mapped->as_of;
        have_now = true;
      }
    }
  }
}

void Session::remap_profile(const std::string& profile) {
  remap_profile_files(profile);
  ++version_;
}

void Session::set_werkmap(core::Werkmap w, const std::string& name) {
  werkmap_ = std::move(w);
  werkmap_name_ = name;
  // A workbook the werkmap says to read otherwise (another sheet or header row) is read again from its bytes.
  for (auto& f : files_) {
    if (f.source.empty()) continue;
    const core::FileRead want = werkmap_.file_read(f.name);
    if (!(want == f.read)) reread(f, want);
  }
  rebind();
  for (const auto& spec : profiles()) remap_profile_files(spec.id);
  ++version_;
}

void Session::set_profile(size_t file, const std::string& profile) {
  if (file >= files_.size() || (profile != "generic" && !find_profile(profile))) return;
  const std::string before = files_[file].profile;
  files_[file].profile = profile;
  files_[file].profile_auto = false;
  files_[file].table.clear();  // the new profile's primary table unless its columns fit another record type
  if (const ProfileSpec* spec = find_profile(profile)) {
    const std::vector<std::string> labels = core::column_labels(files_[file].result.report);
    const Detected d = session::detect(column_names(files_[file].result.table), &labels);
    if (d.profile == profile) files_[file].table = d.table;
    (void)spec;
  }
  remap_profile_files(before);
  remap_profile_files(profile);
  ++version_;
}

void Session::set_column(size_t file, const std::string& field, std::optional<std::string> column) {
  if (file >= files_.size()) return;
  werkmap_.set_column(files_[file].profile, field, std::move(column));
  remap_profile(files_[file].profile);
}

void Session::set_recode(size_t file, const std::string& field, const std::string& value, const std::string& code) {
  if (file >= files_.size()) return;
  if (code.empty())
    werkmap_.clear_recode(files_[file].profile, field, value);
  else
    werkmap_.set_recode(files_[file].profile, field, value, code);
  remap_profile(files_[file].profile);
}

void Session::set_as_of(std::optional<int32_t> days) {
  werkmap_.set_as_of(days);
  for (const auto& spec : profiles()) remap_profile_files(spec.id);
  ++version_;
}

void Session::remove_aggregate(size_t index) {
  if (index >= aggregates_.size()) return;
  aggregates_.erase(aggregates_.begin() + static_cast<std::ptrdiff_t>(index));
  ++version_;
}

void Session::edit_options(const std::function<void(core::Werkmap&)>& edit) {
  edit(werkmap_);
  ++options_version_;
}

void Session::set_note(const std::string& profile, const std::string& page, const std::string& text) {
  werkmap_.set_note(profile, page, text);
}

std::string Session::save_werkmap(const std::string& name) {
  werkmap_name_ = name;
  // The saved file holds the whole mapping in effect (automatic matches too), so next month's export maps the
  // same way; fields without a column stay out so a newly added column can still be matched automatically.
  core::Werkmap out = werkmap_;
  for (const auto& f : files_) {
    if (!f.mapped || f.builtin) continue;
    core::MappingOverrides o = out.overrides(f.profile);
    for (const auto& fm : f.mapped->mapping.fields)
      if (fm.mapped() && !o.columns.count(fm.field)) out.set_column(f.profile, fm.field, fm.column);
  }
  return out.dump();
}

// --- Results ---------------------------------------------------------------------------------------------------

void Session::set_privacy(bool intern, int k) {
  if (intern == intern_ && k == suppress_k_) return;
  intern_ = intern;
  suppress_k_ = k;
  ++privacy_stamp_;
}

bool Session::demo_loaded() const {
  for (const auto& f : files_)
    if (f.builtin) return true;
  return false;
}

std::vector<const LoadedFile*> Session::table_files(const std::string& profile) const {
  const ProfileSpec* spec = find_profile(profile);
  if (!spec) return {};
  std::vector<const LoadedFile*> out(spec->tables.size(), nullptr);
  for (size_t t = 0; t < spec->tables.size(); ++t)
    for (const auto& f : files_)
      if (f.mapped && f.profile == profile && spec->tables[t].accepts(f.table)) {
        out[t] = &f;
        break;
      }
  return out;
}

std::vector<const core::MappedDataset*> Session::tables(const std::string& profile) const {
  std::vector<const core::MappedDataset*> out;
  for (const LoadedFile* f : table_files(profile)) out.push_back(f ? f->mapped.get() : nullptr);
  return out;
}

Session::Cached& Session::cached(const std::string& profile) {
  Cached& c = cache_[profile];
  if (c.key == results_key()) return c;
  c = Cached{};
  c.key = results_key();
  const ProfileSpec* spec = find_profile(profile);
  const std::vector<const LoadedFile*> files = table_files(profile);
  // A profile runs when its primary table is loaded, or, when the primary is optional (kerndataset), any table.
  const bool any = std::any_of(files.begin(), files.end(), [](const LoadedFile* f) { return f != nullptr; });
  if (!spec || files.empty() || (!files.front() && (spec->tables.front().required || !any))) return c;
  std::vector<TableInput> inputs;
  std::vector<analysis::Input> in;
  for (size_t t = 0; t < files.size(); ++t) {
    if (!files[t]) continue;
    inputs.push_back({files[t]->table, files[t]->name, &files[t]->result});
    in.push_back({files[t]->name, &files[t]->result});
  }
  // The profiles it links to: each one's loaded primary table, when it maps (a change there bumps version_ too).
  std::vector<LinkInput> links;
  for (const auto& l : spec->links) {
    const std::vector<const LoadedFile*> lf = table_files(l);
    const LoadedFile* f = lf.empty() ? nullptr : lf.front();
    if (!f || !f->mapped->mapping.ok()) continue;
    links.push_back({l, f->name, &f->result, f->mapped.get()});
    in.push_back({f->name, &f->result});
  }
  // Suppression applies in delen mode, except to the built-in demo (fictitious, and labelled as exempt).
  const bool share = !intern_ && !demo_loaded();
  analysis::Settings settings;
  settings.werkmap = werkmap_.doc();
  if (share) {
    settings.mode = "delen";
    settings.suppress_k = suppress_k_;
  }
  c.raw = run_profile(*spec, inputs, tables(profile), settings, links);
  c.shown = c.raw;
  if (share && !c.shown.results.empty()) privacy::share(c.shown, in, suppress_k_, *pseudo_);
  return c;
}

const analysis::ResultSet& Session::results(const std::string& profile) { return cached(profile).shown; }

const analysis::ResultSet& Session::raw_results(const std::string& profile) { return cached(profile).raw; }

const analysis::ResultSet& Session::explore_results() {
  const uint64_t key = version_ + (privacy_stamp_ << 40);
  if (explore_.key == key) return explore_.shown;
  explore_ = Cached{};
  explore_.key = key;
  std::vector<analysis::Input> inputs;
  for (const auto& f : files_) inputs.push_back({f.name, &f.result});
  explore_.shown = analysis::explore(inputs, analysis::Settings{});
  if (!intern_ && !demo_loaded() && !explore_.shown.results.empty())
    privacy::share(explore_.shown, inputs, suppress_k_, *pseudo_);
  return explore_.shown;
}

const analysis::ResultSet& Session::region_results(std::string& error) {
  const uint64_t key = version_ + (privacy_stamp_ << 40);
  if (region_.key != key) {
    region_ = Cached{};
    region_.key = key;
    region_error_.clear();
    if (!aggregates_.empty()) {
      std::vector<nlohmann::json> docs;
      for (const auto& a : aggregates_) docs.push_back(a.doc);
      try {
        region_.shown = privacy::merge_aggregates(docs, suppress_k_);
      } catch (const std::exception& e) {
        region_error_ = e.what();
      }
    }
  }
  error = region_error_;
  return region_.shown;
}

}  // namespace zicht::session
