#pragma once
// Page controls per profile: what a profile's pages show above their results (filters, norms, the unit switch …),
// drawn from the profile's typed options. A profile adds one drawing function in its own file here and one line in
// controls.cpp; the page and the app shell name no profile.
#include <string_view>

#include "ui/pages/page_profile.h"

namespace zicht::ui::controls {

using ControlsFn = void (*)(const ProfilePageArgs&);
// The controls of a profile's pages; null when it has none.
ControlsFn find(std::string_view profile);
// A profile's own drawing of one of its results (an interactive grid instead of the generic table and chart);
// returns false when it leaves the result to the generic view.
using ResultFn = bool (*)(const ProfilePageArgs&, const analysis::Result&);
ResultFn find_result_drawer(std::string_view profile);

void sofs_controls(const ProfilePageArgs& a);
void binc_controls(const ProfilePageArgs& a);
void matrix_controls(const ProfilePageArgs& a);
void kerndataset_controls(const ProfilePageArgs& a);
void evolutie_controls(const ProfilePageArgs& a);
void trajecten_controls(const ProfilePageArgs& a);
bool matrix_result(const ProfilePageArgs& a, const analysis::Result& r);

}  // namespace zicht::ui::controls
