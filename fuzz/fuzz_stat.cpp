// libFuzzer target: statistical files through ReadStat (SPSS .sav/.zsav/.por, Stata .dta, SAS .sas7bdat/.xpt):
// magic-byte sniffing, the memory I/O handlers, value labels, missing values, dates, encodings, the typed table.
// Seeded with the fixtures of tests/data/stat/ (fuzz/corpus/stat/, each behind the option byte of fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return zicht_fuzz::run_one(data, size); }
