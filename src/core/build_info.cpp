#include "core/build_info.h"

namespace zicht::core {

const char* build_id() { return ZICHT_BUILD; }

}  // namespace zicht::core
