// libFuzzer target: the .xls reader (xls_scan.cpp's OLE2 and BIFF walk, then libfreexl, into the sheet assembler).
// A random byte string is rarely a compound file whose sector chains hold, so the first byte picks what the rest is:
//   0: a whole file (mutations of the committed .xls fixtures)
//   1: the Workbook stream (BIFF records from its first BOF), in a valid OLE2 container
//   2: the records of one sheet, in a valid workbook stream (DATEMODE 1904 when the control byte is odd)
// The bytes then go through the same driver as the other readers (fuzz_common.h): whole and chunked reads agree.
#include "fuzz_common.h"
#include "../tests/unit/xls_ole.h"

using namespace zicht_test;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t mode = data[0] % 3, ctl = data[1];
  std::string rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string file;
  switch (mode) {
    case 0: file = rest; break;
    case 1: file = ole_with_workbook(rest); break;
    default: file = ole_with_workbook(biff_one_sheet(rest, ctl & 1)); break;
  }
  std::string in;
  in += char(ctl);
  in += file;
  return zicht_fuzz::run_one(reinterpret_cast<const uint8_t*>(in.data()), in.size());
}
