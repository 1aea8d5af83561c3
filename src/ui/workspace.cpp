#include "ui/workspace.h"

#include <algorithm>

#include "core/assets.h"
#include "demo/demo.h"
#include "core/mapping.h"
#include "core/schema.h"

namespace zicht::ui {

double Loading::progress() const { return reader ? reader->progress(size) : 0.0; }

namespace {

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

void Workspace::load_builtin_sample() {
  // The built-in demo: fictitious SofS-dashboard and Binc exports from the seeded generator, in the profiles' own
  // export format, so the app opens on real-looking content and every page has something to show.
  struct Part {
    const char* name;
    demo::DemoOptions options;
  };
  files_.clear();  // the demo replaces whatever was loaded (the user's files stay on disk)
  const Part parts[] = {{"demo_sofs.csv", {"sofs", 2023, 0, "modules", false}},
                        {"demo_binc_modules.csv", {"binc", 2023, 0, "modules", false}},
                        {"demo_binc_clients.csv", {"binc", 2023, 0, "clients", false}}};
  for (const Part& part : parts) {
    const std::string text = demo::generate_csv(part.options);
    LoadedFile f;
    f.name = part.name;
    f.builtin = true;
    f.result = core::read_bytes(part.name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
    detect(f);
    files_.push_back(std::move(f));
  }
  rebind();
  for (auto& f : files_) remap(f);
  ++version_;
}

void Workspace::begin(int id, const std::string& name, uint64_t size, bool digest_outside) {
  Loading l;
  l.id = id;
  l.name = name;
  l.size = size;
  core::ReadOptions options;
  options.compute_sha256 = !digest_outside;
  l.reader = std::make_unique<core::IncrementalReader>(name, options);
  l.reader->set_total_bytes(size);
  loading_.push_back(std::move(l));
}

Loading* Workspace::find_loading(int id) {
  for (auto& l : loading_)
    if (l.id == id) return &l;
  return nullptr;
}

void Workspace::erase_loading(int id) {
  loading_.erase(std::remove_if(loading_.begin(), loading_.end(), [id](const Loading& l) { return l.id == id; }),
                 loading_.end());
}

bool Workspace::open_werkmap(const std::string& name, const uint8_t* data, size_t n) {
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

bool Workspace::feed(int id, const uint8_t* data, size_t n, bool last, const std::string& sha256) {
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
  l->first_chunk = false;
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

void Workspace::finish(Loading& l) {
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
  detect(f);
  add(std::move(f));
}

void Workspace::add(LoadedFile f) {
  files_.erase(std::remove_if(files_.begin(), files_.end(),
                              [&](const LoadedFile& g) { return g.builtin || g.name == f.name; }),
               files_.end());
  files_.push_back(std::move(f));
  rebind();
  remap(files_.back());
  ++version_;
}

void Workspace::fail(int id, const std::string& message) {
  Loading* l = find_loading(id);
  if (!l) return;
  core::Status s;
  s.code = core::ErrorCode::Io;
  s.message = message;
  errors_.push_back({l->name, s, ""});
  erase_loading(id);
}

void Workspace::cancel(int id) { erase_loading(id); }

void Workspace::remove_file(size_t index) {
  if (index < files_.size()) files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
  rebind();
  ++version_;
}

void Workspace::detect(LoadedFile& f) {
  const core::ProfileGuess g = core::detect_profile(column_names(f.result.table));
  f.profile = g.profile;
  f.profile_auto = true;
  f.detect_score = g.score;
}

void Workspace::rebind() {
  // Moving a LoadedFile moves its Table object; the dataset must point at the table where it now lives.
  for (auto& f : files_)
    if (f.mapped) f.mapped->table = &f.result.table;
}

void Workspace::remap(LoadedFile& f) {
  f.mapped.reset();
  const core::Schema* schema = core::find_schema(f.profile);
  if (!schema) return;
  core::ProfileSettings ps;
  ps.overrides = werkmap_.overrides(f.profile);
  ps.as_of = werkmap_.as_of();
  const core::Mapping m = core::match_columns(*schema, column_names(f.result.table), &ps.overrides);
  f.mapped = std::make_unique<core::MappedDataset>(
      core::map_dataset(f.name, f.result.table, f.result.report, *schema, m, ps));
}

void Workspace::remap_profile(const std::string& profile) {
  for (auto& f : files_)
    if (f.profile == profile) remap(f);
  ++version_;
}

void Workspace::set_werkmap(core::Werkmap w, const std::string& name) {
  werkmap_ = std::move(w);
  werkmap_name_ = name;
  for (auto& f : files_) remap(f);
  ++version_;
}

void Workspace::set_profile(size_t file, const std::string& profile) {
  if (file >= files_.size() || !core::is_known_profile(profile)) return;
  files_[file].profile = profile;
  files_[file].profile_auto = false;
  remap(files_[file]);
  ++version_;
}

void Workspace::set_column(size_t file, const std::string& field, std::optional<std::string> column) {
  if (file >= files_.size()) return;
  werkmap_.set_column(files_[file].profile, field, std::move(column));
  remap_profile(files_[file].profile);
}

void Workspace::set_recode(size_t file, const std::string& field, const std::string& value, const std::string& code) {
  if (file >= files_.size()) return;
  if (code.empty())
    werkmap_.clear_recode(files_[file].profile, field, value);
  else
    werkmap_.set_recode(files_[file].profile, field, value, code);
  remap_profile(files_[file].profile);
}

void Workspace::set_as_of(std::optional<int32_t> days) {
  werkmap_.set_as_of(days);
  for (auto& f : files_) remap(f);
  ++version_;
}

void Workspace::remove_aggregate(size_t index) {
  if (index >= aggregates_.size()) return;
  aggregates_.erase(aggregates_.begin() + static_cast<std::ptrdiff_t>(index));
  ++version_;
}

void Workspace::patch_werkmap_options(const nlohmann::json& patch) {
  werkmap_.patch_options(patch);
  ++options_version_;
}

std::string Workspace::save_werkmap(const std::string& name) {
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

}  // namespace zicht::ui
