// libFuzzer target: JSON reader (records array, columnar object, NDJSON, flattening, depth limit).
// Inputs that do not start with '[' or '{' are given a '[' prefix so most runs exercise the JSON path.
#include <vector>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  size_t i = 1;
  while (i < size && (data[i] == ' ' || data[i] == '\n')) ++i;
  if (i < size && (data[i] == '[' || data[i] == '{')) return zicht_fuzz::run_one(data, size);
  std::vector<uint8_t> buf(data, data + size);
  buf.insert(buf.begin() + 1, '[');
  return zicht_fuzz::run_one(buf.data(), buf.size());
}
