#pragma once
// What the app has loaded and is loading. Plain C++ (no ImGui): files arrive in chunks from the page and are fed
// straight into the core's incremental reader, so progress is visible, cancel works between chunks and no second
// full copy of a file is kept.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/reader.h"

namespace zicht::ui {

struct LoadedFile {
  std::string name;
  bool builtin = false;  // the built-in sample, not the user's data
  core::ReadResult result;
};

struct Loading {
  int id = 0;
  std::string name;
  uint64_t size = 0;
  bool waiting = false;  // a chunk has been requested and not yet received
  std::unique_ptr<core::IncrementalReader> reader;
  double progress() const;
};

struct LoadError {
  std::string file;
  core::Status status;
};

class Workspace {
 public:
  // Size of the chunks asked from the page.
  static constexpr size_t kChunkBytes = size_t(4) << 20;

  void load_builtin_sample();
  void begin(int id, const std::string& name, uint64_t size);
  // Feeds one chunk; returns true when the file is complete (or failed) and no more chunks are needed.
  bool feed(int id, const uint8_t* data, size_t n, bool last);
  void fail(int id, const std::string& message);
  void cancel(int id);
  void remove_file(size_t index);
  void dismiss_errors() { errors_.clear(); }

  const std::vector<LoadedFile>& files() const { return files_; }
  std::vector<Loading>& loading() { return loading_; }
  const std::vector<Loading>& loading() const { return loading_; }
  const std::vector<LoadError>& errors() const { return errors_; }

 private:
  Loading* find_loading(int id);
  void finish(Loading& l);
  void erase_loading(int id);
  // A user file replaces the built-in sample; a file with the same name replaces the earlier one.
  void add(LoadedFile f);

  std::vector<LoadedFile> files_;
  std::vector<Loading> loading_;
  std::vector<LoadError> errors_;
};

}  // namespace zicht::ui
