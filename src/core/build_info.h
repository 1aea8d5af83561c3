// Zicht core — the build's identity (shown in "Over Zicht" and in every output's provenance).
#pragma once

namespace zicht::core {

// The git commit the build was made from (12 hex digits), or "unknown". Defined in one translation unit only, so a
// new commit recompiles one file, not the library.
const char* build_id();

}  // namespace zicht::core
