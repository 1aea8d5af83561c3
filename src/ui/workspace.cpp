#include "ui/workspace.h"

#include <algorithm>

#include "core/assets.h"

namespace zicht::ui {

double Loading::progress() const { return reader ? reader->progress(size) : 0.0; }

void Workspace::load_builtin_sample() {
  const char* name = "voorbeeld_modules.csv";
  auto text = assets::find(std::string("samples/") + name);
  if (!text) return;
  LoadedFile f;
  f.name = name;
  f.builtin = true;
  f.result = core::read_bytes(name, reinterpret_cast<const uint8_t*>(text->data()), text->size());
  files_.push_back(std::move(f));
}

void Workspace::begin(int id, const std::string& name, uint64_t size) {
  Loading l;
  l.id = id;
  l.name = name;
  l.size = size;
  l.reader = std::make_unique<core::IncrementalReader>(name);
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

bool Workspace::feed(int id, const uint8_t* data, size_t n, bool last) {
  Loading* l = find_loading(id);
  if (!l) return true;
  l->waiting = false;
  core::Status s = l->reader->feed(data, n);
  if (!s.ok()) {
    errors_.push_back({l->name, s});
    erase_loading(id);
    return true;
  }
  if (last) {
    finish(*l);
    erase_loading(id);
    return true;
  }
  return false;
}

void Workspace::finish(Loading& l) {
  core::Status s = l.reader->finish();
  if (!s.ok()) {
    errors_.push_back({l.name, s});
    return;
  }
  LoadedFile f;
  f.name = l.name;
  f.result.status = s;
  f.result.report = l.reader->report();
  f.result.table = l.reader->take_table();
  add(std::move(f));
}

void Workspace::add(LoadedFile f) {
  files_.erase(std::remove_if(files_.begin(), files_.end(),
                              [&](const LoadedFile& g) { return g.builtin || g.name == f.name; }),
               files_.end());
  files_.push_back(std::move(f));
}

void Workspace::fail(int id, const std::string& message) {
  Loading* l = find_loading(id);
  if (!l) return;
  core::Status s;
  s.code = core::ErrorCode::Io;
  s.message = message;
  errors_.push_back({l->name, s});
  erase_loading(id);
}

void Workspace::cancel(int id) { erase_loading(id); }

void Workspace::remove_file(size_t index) {
  if (index < files_.size()) files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
}

}  // namespace zicht::ui
