#pragma once
// Workshop mode (spec/concept.md §3.1): the facilitator's page for a dot vote and green/red-card statements, made
// for a projector. It enters taps into the session's Workshop and draws the session's live procesflow results; it
// counts and sorts nothing itself.
#include <vector>

#include "analysis/result.h"
#include "session/session.h"
#include "ui/result_view.h"

namespace zicht::ui {

struct WorkshopPageState {
  bool confirm_reset = false;
};

void draw_workshop_page(session::Session& workspace, const ResultViewContext& rv, WorkshopPageState& state,
                        std::vector<const analysis::Result*>& on_screen);

}  // namespace zicht::ui
