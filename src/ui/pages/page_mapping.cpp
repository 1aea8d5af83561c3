// Koppeling: per loaded file the profile (auto-detected by best match score, or chosen), each field's column with
// its confidence, fixable with a combo box, and the values outside a code list with their counts, mappable to a
// listed code. Every choice goes into the werkmap, which can be saved and opened here. Matching, validation and
// recoding are computed by the core (core/mapping.h, core/mapped_dataset.h); this page only draws and forwards.
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <functional>

#include "core/mapping.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "platform/platform.h"
#include "session/registry.h"
#include "ui/app.h"
#include "ui/pages/workbook_read.h"

namespace zicht::ui {
namespace {

constexpr const char* kWerkmapFile = "zicht-werkmap.json";

// A choice re-maps the file (its MappedDataset is rebuilt), so it is applied after the page is drawn, never while
// the page still reads the old dataset.
std::function<void()> g_pending;
void defer(std::function<void()> f) { g_pending = std::move(f); }

std::string profile_label(PageContext& ctx, const std::string& id) { return ctx.tr(("profiles.name." + id).c_str()); }

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", x * 100.0);
  return buf;
}

void draw_werkmap_bar(PageContext& ctx) {
  session::Session& ws = ctx.workspace;
  if (primary_button(ctx.theme, ctx.tr("profiles.save_werkmap").c_str())) {
    const std::string text = ws.save_werkmap(kWerkmapFile);
    platform::download(kWerkmapFile, "application/json", text.data(), text.size());
  }
  ctx.anchor("mapping.save_werkmap");
  ImGui::SameLine();
  if (ImGui::Button(ctx.tr("profiles.open_werkmap").c_str())) *ctx.request_open_file = true;
  ctx.anchor("mapping.open_werkmap");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", ws.werkmap_name().empty()
                                ? ctx.tr("profiles.werkmap_none").c_str()
                                : i18n::format(ctx.tr("profiles.werkmap_current"), {ws.werkmap_name()}).c_str());

  // As-of date: empty = derived from the data.
  static char as_of_buf[16] = "";
  static uint64_t seen_version = 0;
  if (seen_version != ws.version()) {
    seen_version = ws.version();
    auto a = ws.werkmap().as_of();
    std::snprintf(as_of_buf, sizeof as_of_buf, "%s", a ? core::format_iso_date(*a).c_str() : "");
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ctx.tr("profiles.as_of").c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4);
  const bool enter = ImGui::InputTextWithHint("##asof", "JJJJ-MM-DD", as_of_buf, sizeof as_of_buf,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ctx.anchor("mapping.as_of");
  ImGui::SameLine();
  if (ImGui::Button(ctx.tr("profiles.apply").c_str()) || enter) {
    int32_t d;
    if (as_of_buf[0] == 0) ws.set_as_of(std::nullopt);
    else if (core::parse_iso_date(as_of_buf, d)) ws.set_as_of(d);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", ctx.tr("profiles.as_of_hint").c_str());
}

void draw_fields_table(PageContext& ctx, size_t fi, const LoadedFile& f) {
  const core::MappedDataset& ds = *f.mapped;
  const core::Schema& schema = *ds.schema;
  const bool en = ctx.lang == i18n::Lang::en;
  const auto& cols = f.result.table.columns;
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  const float h = std::min(row_h * (static_cast<float>(ds.mapping.fields.size()) + 1.5f), 400.0f);
  if (!ImGui::BeginTable("##fields", 5,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_SizingStretchProp,
                         ImVec2(0, h)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_field").c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_required").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_column").c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_confidence").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_method").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableHeadersRow();
  const Palette& pal = palette(ctx.theme);
  for (const auto& fm : ds.mapping.fields) {
    const core::FieldSpec* spec = schema.field(fm.field);
    if (!spec) continue;
    const core::FileKind* kind = schema.kind(ds.mapping.kind);
    bool required = false;
    if (kind)
      for (const auto& r : kind->required) required = required || r == fm.field;
    ImGui::TableNextRow();
    ImGui::PushID(fm.field.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(spec->label(en).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", fm.field.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (required) {
      ImGui::PushStyleColor(ImGuiCol_Text, fm.mapped() ? pal.text : pal.warning);
      ImGui::TextUnformatted(ctx.tr("profiles.required_yes").c_str());
      ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string none = ctx.tr("profiles.not_mapped");
    const char* preview = fm.mapped() ? fm.column.c_str() : none.c_str();
    const std::string combo_anchor = "mapping." + std::to_string(fi) + ".col." + fm.field;
    if (ImGui::BeginCombo("##col", preview, ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(none.c_str(), !fm.mapped())) { session::Session* w = &ctx.workspace; std::string fid = fm.field; defer([=] { w->set_column(fi, fid, std::nullopt); }); }
      ctx.anchor("mapping.col_item.-");
      for (const auto& c : cols) {
        if (ImGui::Selectable(c.name.c_str(), fm.column == c.name)) { session::Session* w = &ctx.workspace; std::string fid = fm.field, cn = c.name; defer([=] { w->set_column(fi, fid, cn); }); }
        ctx.anchor(("mapping.col_item." + c.name).c_str());
      }
      ImGui::EndCombo();
    }
    ctx.anchor(combo_anchor.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (fm.mapped()) ImGui::TextUnformatted(percent(fm.confidence).c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr(("profiles.method." + fm.method).c_str()).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_unlisted(PageContext& ctx, size_t fi, const LoadedFile& f) {
  const core::MappedDataset& ds = *f.mapped;
  if (ds.unlisted.empty()) return;
  const bool en = ctx.lang == i18n::Lang::en;
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(ctx.tr("profiles.unlisted_title").c_str());
  ImGui::PopFont();
  ImGui::TextWrapped("%s", ctx.tr("profiles.unlisted_intro").c_str());
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  const float h = std::min(row_h * (static_cast<float>(ds.unlisted.size()) + 1.0f) + 4.0f, 240.0f);
  if (!ImGui::BeginTable("##unlisted", 4,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_SizingStretchProp,
                         ImVec2(0, h)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_field").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_value").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_count").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn(ctx.tr("profiles.col_recode").c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  int id = 0;
  for (const auto& u : ds.unlisted) {
    const core::FieldSpec* spec = ds.schema->field(u.field);
    if (!spec) continue;
    ImGui::TableNextRow();
    ImGui::PushID(id++);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(spec->label(en).c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(u.value.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%lld", static_cast<long long>(u.count));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string keep = ctx.tr(spec->closed ? "profiles.recode_none" : "profiles.recode_keep");
    std::string preview = u.recoded_to.empty() ? keep : u.recoded_to;
    if (!u.recoded_to.empty())
      for (const auto& c : spec->codes)
        if (c.code == u.recoded_to && en) preview = c.code + " (" + c.en + ")";
    if (ImGui::BeginCombo("##recode", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(keep.c_str(), u.recoded_to.empty())) { session::Session* w = &ctx.workspace; std::string fid = u.field, val = u.value; defer([=] { w->set_recode(fi, fid, val, ""); }); }
      for (const auto& c : spec->codes) {
        const std::string label = en ? c.code + " (" + c.en + ")" : c.code;
        if (ImGui::Selectable(label.c_str(), u.recoded_to == c.code)) { session::Session* w = &ctx.workspace; std::string fid = u.field, val = u.value, code = c.code; defer([=] { w->set_recode(fi, fid, val, code); }); }
        ctx.anchor(("mapping.recode_item." + c.code).c_str());
      }
      for (const char* special : {"Missing", "Niet van toepassing"}) {
        if (std::string(special) == "Niet van toepassing" && spec->nvt.empty()) continue;
        const std::string label = ctx.tr(std::string(special) == "Missing" ? "profiles.recode_missing" : "profiles.recode_nvt");
        if (ImGui::Selectable(label.c_str(), u.recoded_to == special)) { session::Session* w = &ctx.workspace; std::string fid = u.field, val = u.value, code = special; defer([=] { w->set_recode(fi, fid, val, code); }); }
      }
      ImGui::EndCombo();
    }
    ctx.anchor(("mapping.recode." + std::to_string(fi) + "." + u.field + "." + u.value).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_mapping_page(PageContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("profiles.mapping_title").c_str());
  ImGui::PopFont();
  ImGui::TextWrapped("%s", ctx.tr("profiles.mapping_intro").c_str());
  ImGui::Spacing();
  draw_werkmap_bar(ctx);
  const auto& files = ctx.workspace.files();
  if (files.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", ctx.tr("data.empty").c_str());
    return;
  }
  const Palette& pal = palette(ctx.theme);
  const std::vector<std::string> profiles = session::profile_names();
  for (size_t i = 0; i < files.size(); ++i) {
    const LoadedFile& f = files[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    if (f.builtin) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", ctx.tr("data.builtin").c_str());
    }
    if (auto a = draw_workbook_read(ctx, i, f)) defer(std::move(a));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("profiles.profile").c_str());
    ImGui::SameLine();
    float widest = 0;  // wide enough for every profile's name
    for (const auto& p : profiles) widest = std::max(widest, ImGui::CalcTextSize(profile_label(ctx, p).c_str()).x);
    ImGui::SetNextItemWidth(std::max(260.0f, widest + 60));
    const std::string current = profile_label(ctx, f.profile);
    if (ImGui::BeginCombo("##profile", current.c_str())) {
      for (const auto& p : profiles) {
        if (ImGui::Selectable(profile_label(ctx, p).c_str(), p == f.profile)) { session::Session* w = &ctx.workspace; defer([=] { w->set_profile(i, p); }); }
        ctx.anchor(("mapping.profile_item." + p).c_str());
      }
      ImGui::EndCombo();
    }
    ctx.anchor(("mapping.profile." + std::to_string(i)).c_str());
    ImGui::SameLine();
    if (f.profile_auto)
      ImGui::TextDisabled("%s", f.profile == "generic"
                                    ? ctx.tr("profiles.detected_none").c_str()
                                    : i18n::format(ctx.tr("profiles.detected"), {percent(f.detect_score)}).c_str());
    else
      ImGui::TextDisabled("%s", ctx.tr("profiles.chosen").c_str());

    if (!f.mapped) {
      ImGui::TextWrapped("%s", ctx.tr("profiles.generic_explain").c_str());
      ImGui::PopID();
      continue;
    }
    const core::MappedDataset& ds = *f.mapped;
    const core::FileKind* kind = ds.schema->kind(ds.mapping.kind);
    if (kind)
      ImGui::TextUnformatted(i18n::format(ctx.tr("profiles.kind"), {ctx.lang == i18n::Lang::en ? kind->label_en : kind->label_nl}).c_str());
    if (!ds.mapping.ok()) {
      std::string list;
      for (const auto& id : ds.mapping.missing_required) {
        const core::FieldSpec* spec = ds.schema->field(id);
        list += (list.empty() ? "" : ", ") + (spec ? spec->label(ctx.lang == i18n::Lang::en) : id);
      }
      ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
      ImGui::TextWrapped("%s", i18n::format(ctx.tr("profiles.missing_required"), {list}).c_str());
      ImGui::PopStyleColor();
      // Per field the column names looked for: the same message `zicht analyse` prints, in the interface language.
      const i18n::Message why = core::unmatched(*ds.schema, ds.mapping, f.name);
      ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
      // (The hint about the werkmap file is for the command line: here the table below is where to choose.)
      for (const auto& line : why.more)
        if (line.key != "mapping.unmatched.hint") ImGui::TextWrapped("%s", line.text(ctx.lang).c_str());
      ImGui::PopStyleColor();
    }
    const auto& v = ds.validation;
    ImGui::TextUnformatted(i18n::format(ctx.tr("profiles.rows_summary"),
                                        {std::to_string(v.rows_in), std::to_string(v.rows_used),
                                         std::to_string(v.rows_excluded), std::to_string(v.flags_total)})
                               .c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", i18n::format(ctx.tr("profiles.as_of_used"),
                                           {core::format_iso_date(ds.as_of),
                                            ctx.tr(ds.as_of_from_data ? "profiles.as_of_from_data" : "profiles.as_of_set")})
                                  .c_str());
    // Values to recode first: they are what needs a decision; the field table is usually all exact matches.
    draw_unlisted(ctx, i, f);
    ImGui::Spacing();
    draw_fields_table(ctx, i, f);
    ImGui::PopID();
  }
  if (g_pending) {
    auto action = std::move(g_pending);
    g_pending = nullptr;
    action();
  }
}

}  // namespace zicht::ui
