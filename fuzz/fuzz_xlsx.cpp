// libFuzzer target: the .xlsx reader (zip directory, inflate, shared strings, styles, sheets, header detection).
// A random byte string is rarely a zip whose checksums hold, so the first byte picks what the rest is:
//   0: a whole file (mutations of the committed fixtures)
//   1: the XML of sheet 1 in an otherwise valid workbook (styles with date formats, a few shared strings)
//   2: the shared-strings part, with a sheet that references strings 0–3
//   3: the styles part, with a sheet of numbers in styles 0–3
// The bytes then go through the same driver as CSV and JSON (fuzz_common.h): whole and chunked reads must agree.
#include "fuzz_common.h"
#include "../tests/unit/workbook_zip.h"

using namespace zicht_test;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t mode = data[0] & 3, ctl = data[1];
  std::string rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string file;
  switch (mode) {
    case 0: file = rest; break;
    case 1: file = make_zip(xlsx_parts({{"Blad1", rest}}, sst({"naam", "datum", "Jan", "<r><t>Pi</t></r><r><t>et</t></r>"}))); break;
    case 2: {
      std::string rows = row(1, sref("A1", 0) + sref("B1", 1)) + row(2, sref("A2", 2) + num("B2", "44318", 1)) +
                         row(3, sref("A3", 3) + num("B3", "60", 2));
      file = make_zip(xlsx_parts({{"Blad1", rows}}, rest.empty() ? "<sst/>" : rest));
      break;
    }
    default: {
      std::string rows = row(1, istr("A1", "x") + istr("B1", "y")) + row(2, num("A2", "44318.5", 1) + num("B2", "1", 2)) +
                         row(3, num("A3", "0.25", 3) + num("B3", "2", 0));
      file = make_zip(xlsx_parts({{"Blad1", rows}}, "", false, rest));
      break;
    }
  }
  std::string in;
  in += char(ctl);
  in += file;
  return zicht_fuzz::run_one(reinterpret_cast<const uint8_t*>(in.data()), in.size());
}
