#include "ui/controls/controls.h"

#include <string>
#include <utility>

namespace zicht::ui::controls {

ControlsFn find(std::string_view profile) {
  static const std::pair<const char*, ControlsFn> kControls[] = {
      {"sofs", sofs_controls},
      {"binc", binc_controls},
      {"matrix", matrix_controls},
      {"kerndataset", kerndataset_controls},
      {"evolutie", evolutie_controls},
      {"trajecten", trajecten_controls},
  };
  for (const auto& [id, fn] : kControls)
    if (profile == id) return fn;
  return nullptr;
}

ResultFn find_result_drawer(std::string_view profile) {
  return profile == "matrix" ? matrix_result : nullptr;
}

}  // namespace zicht::ui::controls
