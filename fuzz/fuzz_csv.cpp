// libFuzzer target: CSV reader (dialect sniffing, encodings, quoting, typing). See fuzz/run.sh.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return zicht_fuzz::run_one(data, size); }
