// libFuzzer target: the .ods reader (content.xml: repeated rows and columns, spans, value types, hidden sheets).
// The first byte picks what the rest is: 0 a whole file (mutations of the committed fixtures), otherwise the
// content.xml of an otherwise valid OpenDocument spreadsheet. Then the shared driver (fuzz_common.h).
#include "fuzz_common.h"
#include "../tests/unit/workbook_zip.h"

using namespace zicht_test;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t mode = data[0] & 1, ctl = data[1];
  std::string rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string in;
  in += char(ctl);
  in += mode == 0 ? rest : make_ods(rest);
  return zicht_fuzz::run_one(reinterpret_cast<const uint8_t*>(in.data()), in.size());
}
