// Gegevens: every loaded file as the reader understood it — format, encoding, dialect, rows and per column the
// detected type and missing counts. Everything shown comes from the core's ReadReport.
#include <nlohmann/json.hpp>

#include "platform/platform.h"
#include "ui/app.h"
#include "ui/pages/workbook_read.h"

namespace zicht::ui {
namespace {

std::string dialect_text(const core::Dialect& d) {
  std::string delim = d.delimiter == '\t' ? "TAB" : std::string(1, d.delimiter);
  return delim + " / " + std::string(1, d.quote);
}

// One line per sniff decision: "Scheidingsteken: ; — 19 van 20 rijen hebben 5 velden".
void draw_sniff(const PageContext& ctx, const core::Sniff& s) {
  const std::pair<const char*, const core::SniffDecision*> rows[] = {
      {"format", &s.format}, {"encoding", &s.encoding}, {"delimiter", &s.delimiter}, {"quote", &s.quote},
      {"header", &s.header}};
  for (const auto& [what, d] : rows) {
    if (d->reason.empty() || d->reason == "not_csv") continue;
    std::string value = d->value;
    if (value == "\t") value = ctx.tr("reader.sniff.value.tab");
    else if (value == "yes" || value == "no") value = ctx.tr(("reader.sniff.value." + value).c_str());
    ImGui::TextDisabled("%s", i18n::format(ctx.tr("reader.sniff.line"),
                                           {ctx.tr((std::string("reader.sniff.label.") + what).c_str()), value,
                                            core::render_reason(what, *d, ctx.lang)})
                                  .c_str());
  }
}

}  // namespace

void draw_data_page(PageContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("data.title").c_str());
  ImGui::PopFont();
  const auto& files = ctx.workspace.files();
  if (files.empty()) {
    ImGui::TextWrapped("%s", ctx.tr("data.empty").c_str());
    if (primary_button(ctx.theme, ctx.tr("start.open").c_str())) *ctx.request_open_file = true;
    return;
  }
  int remove = -1;
  std::function<void()> reread;
  for (size_t i = 0; i < files.size(); ++i) {
    const LoadedFile& f = files[i];
    const core::ReadReport& r = f.result.report;
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    if (f.builtin) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", ctx.tr("data.builtin").c_str());
    }
    // Encoding and delimiter belong to text files; a workbook or statistical file says only its format.
    const bool text_file = r.format == core::Format::Csv;
    ImGui::TextUnformatted((text_file ? i18n::format(ctx.tr("data.summary"),
                                                     {std::to_string(r.rows_in), std::to_string(r.columns.size()),
                                                      core::format_name(r.format), core::encoding_name(r.encoding),
                                                      dialect_text(r.dialect)})
                                      : i18n::format(ctx.tr("data.summary_file"),
                                                     {std::to_string(r.rows_in), std::to_string(r.columns.size()),
                                                      core::format_name(r.format)}))
                               .c_str());
    if (auto a = draw_workbook_read(ctx, i, f)) reread = std::move(a);
    draw_sniff(ctx, r.sniff);
    for (const auto& note : r.notes) ImGui::BulletText("%s", core::render_note(note, ctx.lang).c_str());

    if (ImGui::Button(ctx.tr("data.download_inspect").c_str())) {
      const std::string text = core::inspect_json(f.result).dump(2);
      platform::download(f.name + ".inspect.json", "application/json", text.data(), text.size());
    }
    if (i == 0) ctx.anchor("data.download_inspect");
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("data.remove").c_str())) remove = static_cast<int>(i);

    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
    const float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(r.columns.size()) + 2.5f),
                             ImGui::GetContentRegionAvail().y * 0.8f + 80);
    if (ImGui::BeginTable("##cols", 8, flags, ImVec2(0, h))) {
      ImGui::TableSetupScrollFreeze(1, 1);
      for (const char* key : {"data.col_name", "data.col_type", "data.col_values", "data.col_missing",
                              "data.col_nvt", "data.col_invalid", "data.col_distinct", "data.col_examples"})
        ImGui::TableSetupColumn(ctx.tr(key).c_str());
      ImGui::TableHeadersRow();
      for (const auto& c : r.columns) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ctx.tr((std::string("type.") + core::column_type_name(c.type)).c_str()).c_str());
        for (int64_t v : {c.values, c.missing, c.nvt, c.invalid, c.distinct}) {
          ImGui::TableNextColumn();
          ImGui::Text("%lld", static_cast<long long>(v));
        }
        ImGui::TableNextColumn();
        std::string ex;
        for (const auto& e : c.examples) ex += (ex.empty() ? "" : " · ") + e;
        ImGui::TextUnformatted(ex.c_str());
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  if (reread) reread();
  else if (remove >= 0) ctx.workspace.remove_file(static_cast<size_t>(remove));
}

}  // namespace zicht::ui
