// Datakwaliteit: every flag — the profile's validation (core/validation.h) and the reader's own flags — with file,
// ORIGINAL row number, column, value and rule; filterable by rule, column and file; summary counts (rows in = used
// + excluded, flags per rule); exportable as CSV. Intern mode shows row numbers and values (ids included) so errors
// can be fixed at the source (SPEC §5); without it they are left out on screen and in the export.
#include <algorithm>
#include <set>

#include "core/build_info.h"
#include "platform/platform.h"
#include "report/csv_writer.h"
#include "ui/app.h"

namespace zicht::ui {
namespace {

// One flag as the page shows it; points into the workspace (rebuilt whenever the workspace changes).
struct FlagView {
  const std::string* file;
  int64_t row;
  const std::string* column;
  const std::string* field;  // empty for reader flags
  const std::string* value;
  const std::string* rule;
};

const std::string kEmpty;

// Reader rules about the file's structure; typing rules are replaced by the profile's own checks when a file
// has a profile.
bool structural_rule(const std::string& r) {
  return r == "short_row" || r == "long_row" || r == "stray_quote" || r == "unbalanced_quote" || r == "ragged_row";
}

struct QualityState {
  uint64_t version = 0;
  std::vector<FlagView> all;
  std::vector<std::string> rules, columns, files;
  int rule = 0, column = 0, file = 0;  // 0 = all
  std::vector<size_t> shown;
  bool dirty = true;
};

QualityState g;

void rebuild(const session::Session& ws) {
  g.all.clear();
  std::set<std::string> rules, columns;
  g.files.clear();
  for (const auto& f : ws.files()) {
    g.files.push_back(f.name);
    for (const auto& fl : f.result.report.flags) {
      if (f.mapped && !structural_rule(fl.rule)) continue;
      g.all.push_back({&f.name, fl.row, &fl.column, &kEmpty, &fl.value, &fl.rule});
    }
    if (f.mapped)
      for (const auto& fl : f.mapped->validation.flags)
        g.all.push_back({&f.name, fl.row, &fl.column, &fl.field, &fl.value, &fl.rule});
  }
  for (const auto& v : g.all) {
    rules.insert(*v.rule);
    columns.insert(*v.column);
  }
  g.rules.assign(rules.begin(), rules.end());
  g.columns.assign(columns.begin(), columns.end());
  g.rule = g.column = g.file = 0;
  g.version = ws.version();
  g.dirty = true;
}

void refilter() {
  g.shown.clear();
  for (size_t i = 0; i < g.all.size(); ++i) {
    const FlagView& v = g.all[i];
    if (g.rule && *v.rule != g.rules[static_cast<size_t>(g.rule - 1)]) continue;
    if (g.column && *v.column != g.columns[static_cast<size_t>(g.column - 1)]) continue;
    if (g.file && *v.file != g.files[static_cast<size_t>(g.file - 1)]) continue;
    g.shown.push_back(i);
  }
  g.dirty = false;
}

std::string rule_label(PageContext& ctx, const std::string& rule) { return ctx.tr(("rule." + rule).c_str()); }

// A filter combo over `options` (index 0 = all); returns true when the choice changed.
bool filter_combo(PageContext& ctx, const char* id, const char* label_key, const std::vector<std::string>& options,
                  int& current, bool rules) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ctx.tr(label_key).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220);
  const std::string all = ctx.tr("quality.filter_all");
  auto label = [&](int i) { return i == 0 ? all : rules ? rule_label(ctx, options[static_cast<size_t>(i - 1)]) : options[static_cast<size_t>(i - 1)]; };
  bool changed = false;
  if (ImGui::BeginCombo(id, label(current).c_str(), ImGuiComboFlags_HeightLarge)) {
    for (int i = 0; i <= static_cast<int>(options.size()); ++i) {
      if (ImGui::Selectable(label(i).c_str(), i == current)) {
        current = i;
        changed = true;
      }
      if (rules && i > 0) ctx.anchor(("quality.rule_item." + options[static_cast<size_t>(i - 1)]).c_str());
    }
    ImGui::EndCombo();
  }
  ctx.anchor((std::string("quality.filter.") + (id + 2)).c_str());
  return changed;
}

void export_csv(PageContext& ctx) {
  report::CsvWriter w(report::CsvOptions::excel_be());
  w.comment(std::string("Zicht ") + ZICHT_VERSION + " (" + core::build_id() + ") — " + ctx.tr("quality.title"));
  w.comment(*ctx.intern_mode ? ctx.tr("quality.mode_intern") : ctx.tr("quality.mode_share"));
  const bool intern = *ctx.intern_mode;
  for (const char* key : {"quality.col_file", "quality.col_row", "quality.col_column", "quality.col_field",
                          "quality.col_value", "quality.col_rule_id", "quality.col_rule"}) {
    if (!intern && (std::string(key) == "quality.col_row" || std::string(key) == "quality.col_value")) continue;
    w.text(ctx.tr(key));
  }
  w.end_row();
  for (size_t i : g.shown) {
    const FlagView& v = g.all[i];
    w.text(*v.file);
    if (intern) w.integer(v.row);
    w.text(*v.column);
    w.text(*v.field);
    if (intern) w.text(*v.value);
    w.text(*v.rule);
    w.text(rule_label(ctx, *v.rule));
    w.end_row();
  }
  const std::string out = w.take();
  platform::download("datakwaliteit.csv", "text/csv", out.data(), out.size());
}

void draw_summary(PageContext& ctx) {
  const Palette& pal = palette(ctx.theme);
  for (const auto& f : ctx.workspace.files()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    int64_t in, used, excluded;
    std::map<std::string, int64_t> by_rule;
    if (f.mapped) {
      const auto& v = f.mapped->validation;
      in = v.rows_in, used = v.rows_used, excluded = v.rows_excluded;
      by_rule = v.flags_by_rule;
      for (const auto& [rule, n] : f.result.report.flags_by_rule)
        if (structural_rule(rule)) by_rule[rule] += n;
    } else {
      in = used = f.result.report.rows_in;
      excluded = 0;
      by_rule = f.result.report.flags_by_rule;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(i18n::format(ctx.tr("quality.rows_summary"),
                                        {std::to_string(in), std::to_string(used), std::to_string(excluded)})
                               .c_str());
    if (by_rule.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, pal.good);
      ImGui::TextUnformatted(ctx.tr("quality.file_clean").c_str());
      ImGui::PopStyleColor();
      continue;
    }
    // Per rule, in the rules' display order, on as few lines as the width allows.
    std::string line;
    std::vector<std::string> order = core::validation_rules();
    for (const auto& [rule, n] : by_rule)
      if (std::find(order.begin(), order.end(), rule) == order.end()) order.push_back(rule);
    for (const auto& rule : order) {
      auto it = by_rule.find(rule);
      if (it == by_rule.end()) continue;
      line += (line.empty() ? "" : "  ·  ") + rule_label(ctx, rule) + ": " + std::to_string(it->second);
    }
    ImGui::Indent();
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::Unindent();
  }
}

}  // namespace

void draw_quality_page(PageContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("quality.title").c_str());
  ImGui::PopFont();
  if (ctx.workspace.files().empty()) {
    ImGui::TextWrapped("%s", ctx.tr("data.empty").c_str());
    return;
  }
  if (g.version != ctx.workspace.version()) rebuild(ctx.workspace);
  ImGui::TextWrapped("%s", ctx.tr("quality.intro").c_str());
  ImGui::Spacing();
  draw_summary(ctx);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  if (g.all.empty()) {
    ImGui::TextWrapped("%s", ctx.tr("quality.none").c_str());
    return;
  }
  if (filter_combo(ctx, "##rule", "quality.filter_rule", g.rules, g.rule, true)) g.dirty = true;
  ImGui::SameLine(0, 20);
  if (filter_combo(ctx, "##column", "quality.filter_column", g.columns, g.column, false)) g.dirty = true;
  if (g.files.size() > 1) {
    ImGui::SameLine(0, 20);
    if (filter_combo(ctx, "##file", "quality.filter_file", g.files, g.file, false)) g.dirty = true;
  }
  if (g.dirty) refilter();
  ImGui::Checkbox(ctx.tr("quality.intern").c_str(), ctx.intern_mode);
  ctx.anchor("quality.intern");
  ImGui::SameLine(0, 20);
  if (ImGui::Button(ctx.tr("quality.export_csv").c_str())) export_csv(ctx);
  ctx.anchor("quality.export_csv");
  ImGui::SameLine(0, 20);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", i18n::format(ctx.tr("quality.shown"), {std::to_string(g.shown.size()), std::to_string(g.all.size())}).c_str());

  if (ctx.presentation) {  // row-level lists are not for a room
    ImGui::TextDisabled("%s", ctx.tr("presentation.rows_hidden").c_str());
    return;
  }
  const bool intern = *ctx.intern_mode;
  const int ncols = intern ? 5 : 3;
  const float h = std::max(160.0f, ImGui::GetContentRegionAvail().y - 4);
  if (ImGui::BeginTable("##flags", ncols,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp,
                        ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ctx.tr("quality.col_file").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    if (intern) ImGui::TableSetupColumn(ctx.tr("quality.col_row").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(ctx.tr("quality.col_column").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    if (intern) ImGui::TableSetupColumn(ctx.tr("quality.col_value").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(ctx.tr("quality.col_rule").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(g.shown.size()));
    while (clip.Step()) {
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const FlagView& v = g.all[g.shown[static_cast<size_t>(i)]];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(v.file->c_str());
        if (intern) {
          ImGui::TableNextColumn();
          ImGui::Text("%lld", static_cast<long long>(v.row));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(v.column->c_str());
        if (intern) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(v.value->c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rule_label(ctx, *v.rule).c_str());
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace zicht::ui
