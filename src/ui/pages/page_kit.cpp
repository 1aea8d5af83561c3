#include "ui/pages/page_kit.h"

#include <algorithm>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.h"
#include "report/format.h"
#include "report/json_export.h"
#include "ui/pages/page_explore.h"

namespace zicht::ui {

void draw_report_actions(const analysis::ResultSet& all, const std::vector<const analysis::Result*>& on_screen,
                         const ResultViewContext& ctx, const std::string& prefix, const std::string& file_stem,
                         ReportActionsState& state, const report::HtmlOptions& html) {
  const auto tr = [&](const char* key) { return i18n::tr(key, ctx.lang); };
  if (ImGui::Button(tr("report.html_page").c_str())) {
    const std::string doc = report::results_html(subset(all, on_screen), ctx.lang, html);
    platform::download("zicht-" + file_stem + ".html", "text/html;charset=utf-8", doc.data(), doc.size());
  }
  ctx.anchor(prefix + ".report_page");
  ImGui::SameLine();
  if (ImGui::Button(tr("report.html_all").c_str())) {
    const std::string doc = report::results_html(all, ctx.lang, html);
    platform::download("zicht-rapport.html", "text/html;charset=utf-8", doc.data(), doc.size());
  }
  ctx.anchor(prefix + ".report_all");
  ImGui::SameLine();
  if (ImGui::Button(tr("report.json").c_str())) {
    const std::string json = report::results_json(all, ctx.lang).dump(2);
    platform::download("zicht-resultaten.json", "application/json", json.data(), json.size());
  }
  ctx.anchor(prefix + ".json");
  ImGui::SameLine();
  ImGui::Checkbox(tr("a11y.show").c_str(), &state.accessible_html);
  ctx.anchor(prefix + ".a11y");
  // The twin is rebuilt only when what it shows changes (results, language, page, marks, the page note), never per
  // frame: it lays out every chart of the page as SVG.
  std::string key;
  if (state.accessible_html) {
    key = std::to_string(results_generation()) + "|" + std::string(i18n::code(ctx.lang)) + "|" + prefix + "|" +
          (ctx.marks.published ? "p" : "-") + (ctx.marks.norms ? "n" : "-") + "|" + html.title;
    for (const auto* r : on_screen) key += "|" + r->id;
    for (const auto& [h, t] : html.story) key += "|" + h + "\x1f" + t;
  }
  if (key == state.twin_key) return;
  state.twin_key = key;
  std::string twin;
  if (state.accessible_html) {
    report::HtmlOptions opt = html;
    opt.standalone = false;
    twin = report::results_html(subset(all, on_screen), ctx.lang, opt);
  }
  if (twin != state.accessible_html_shown) {
    platform::set_accessible_html(twin);
    state.accessible_html_shown = std::move(twin);
  }
}

namespace {

int find_role(const analysis::Table& t, analysis::Role role, int after = -1) {
  for (int i = after + 1; i < static_cast<int>(t.columns.size()); ++i)
    if (t.columns[static_cast<size_t>(i)].role == role) return i;
  return -1;
}

}  // namespace

bool draw_headlines(const analysis::Result& r, const ResultViewContext& ctx, core::Denominator policy) {
  const std::string denominator = core::denominator_id(policy);
  if (r.tables.empty() || r.tables.front().rows.empty()) return false;
  const analysis::Table& t = r.tables.front();
  const Palette& pal = palette(ctx.theme);
  const int label_col = find_role(t, analysis::Role::category);
  // The percentage and denominator of the chosen policy (SPEC §4), else the first ones.
  int pct_col = t.column_index("pct_" + denominator);
  int den_col = t.column_index("denom_" + denominator);
  if (pct_col < 0) pct_col = find_role(t, analysis::Role::percent);
  if (den_col < 0) den_col = find_role(t, analysis::Role::denominator);
  const int stat_col = find_role(t, analysis::Role::statistic);
  const int count_col = find_role(t, analysis::Role::count);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float card_w = std::max(170.0f, std::min(240.0f, (avail - 3 * 12.0f) / 4.0f));
  const float card_h = ImGui::GetTextLineHeight() * 1.0f + ctx.fonts.large->FontSize * 1.25f +
                       ImGui::GetTextLineHeightWithSpacing() * 2.2f;
  float x = 0;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, pal.panel);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 6.0f);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    auto cell = [&](int c) -> const analysis::Value* {
      return c >= 0 && c < static_cast<int>(row.size()) ? &row[static_cast<size_t>(c)] : nullptr;
    };
    const analysis::Value* label = cell(label_col);
    const analysis::Value* count = cell(count_col);
    const analysis::Value* den = cell(den_col);
    const analysis::Value* pct = cell(pct_col);
    const analysis::Value* stat = cell(stat_col);
    std::string figure;
    if (stat && stat->kind != analysis::Value::Kind::missing)
      figure = report::format_value(*stat, stat->kind == analysis::Value::Kind::integer ? 0 : 1, ctx.lang);
    else if (pct && pct->kind != analysis::Value::Kind::missing)
      figure = report::format_value(*pct, 1, ctx.lang) + " %";
    else if (count && count->kind != analysis::Value::Kind::missing)
      figure = report::format_value(*count, 0, ctx.lang);
    else
      figure = "—";
    if (x > 0 && x + card_w > avail) x = 0;
    if (x > 0) ImGui::SameLine(0, 12);
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginChild("##card", ImVec2(card_w, card_h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(12, 8));
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
    ImGui::PushTextWrapPos(card_w - 8);
    ImGui::TextUnformatted(label ? label->text_in(ctx.lang).c_str() : "");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetCursorPosX(12);
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextUnformatted(figure.c_str());
    ImGui::PopFont();
    const bool shows_stat = stat && stat->kind != analysis::Value::Kind::missing;
    if (!shows_stat && count && den && count->is_number() && den->is_number() && pct_col >= 0) {
      ImGui::SetCursorPosX(12);
      ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
      ImGui::TextUnformatted(i18n::format(i18n::tr("page.n_of", ctx.lang),
                                          {report::format_value(*count, 0, ctx.lang),
                                           report::format_value(*den, 0, ctx.lang)})
                                 .c_str());
      ImGui::PopStyleColor();
    }
    ImGui::EndChild();
    ctx.anchor(r.id + ".card." + std::to_string(i));
    ImGui::PopID();
    x += card_w + 12;
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return true;
}

void draw_page_note(const std::string& text, const ResultViewContext& ctx, const std::string& anchor,
                    const std::function<void(const std::string&)>& on_change) {
  const Palette& pal = palette(ctx.theme);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(i18n::tr("page.note", ctx.lang).c_str());
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
  ImGui::TextWrapped("%s", i18n::tr("page.note_help", ctx.lang).c_str());
  ImGui::PopStyleColor();
  std::string buf = text;
  if (ImGui::InputTextMultiline(("##note" + anchor).c_str(), &buf,
                                ImVec2(std::min(900.0f, ImGui::GetContentRegionAvail().x),
                                       ImGui::GetTextLineHeight() * 5)))
    on_change(buf);
  ctx.anchor(anchor);
}

void draw_page_title(const std::string& title, const std::string& subtitle, const ResultViewContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  if (!subtitle.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(ctx.theme).text_muted);
    ImGui::TextWrapped("%s", subtitle.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace zicht::ui
