#include "ui/charts/export.h"

#include <GLES3/gl3.h>

#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/platform.h"
#include "report/svg.h"
#include "ui/charts/draw.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmissing-field-initializers"
#pragma clang diagnostic ignored "-Wunused-function"
#endif
#include <stb/stb_image_write.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

namespace zicht::ui::charts {
namespace {

struct Pending {
  report::charts::Scene scene;
  report::charts::Style style;
  std::string file_name;
};
std::vector<Pending> g_pending;

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  const auto* p = static_cast<const uint8_t*>(data);
  out->insert(out->end(), p, p + size);
}

}  // namespace

std::vector<uint8_t> encode_png(const uint8_t* rgba, int width, int height) {
  std::vector<uint8_t> out;
  stbi_write_png_to_func(append_bytes, &out, width, height, 4, rgba, width * 4);
  return out;
}

void export_buttons(const report::charts::Scene& scene, const report::charts::Style& style,
                    const std::string& file_stem, i18n::Lang lang,
                    const std::function<void(const std::string&)>& anchor) {
  ImGui::PushID(file_stem.c_str());
  if (ImGui::SmallButton(i18n::tr("chart.png", lang).c_str())) request_png(scene, style, file_stem + ".png");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("chart.png_tip", lang).c_str());
  if (anchor) anchor(".png");
  ImGui::SameLine();
  if (ImGui::SmallButton(i18n::tr("chart.svg", lang).c_str())) {
    const std::string svg = report::charts::to_svg(scene, style);
    platform::download(file_stem + ".svg", "image/svg+xml", svg.data(), svg.size());
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("chart.svg_tip", lang).c_str());
  if (anchor) anchor(".svg");
  ImGui::PopID();
}

void request_png(const report::charts::Scene& scene, const report::charts::Style& style, const std::string& file_name) {
  g_pending.push_back({scene, style, file_name});
}

void render_pending_exports(float scale) {
  if (g_pending.empty()) return;
  std::vector<Pending> jobs;
  jobs.swap(g_pending);
  ImGuiIO& io = ImGui::GetIO();
  for (const auto& job : jobs) {
    const int w = std::max(1, static_cast<int>(std::lround(job.scene.width * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(job.scene.height * scale)));
    // The scene into its own draw list, at (0, 0), with the UI's font atlas.
    ImDrawList dl(ImGui::GetDrawListSharedData());
    dl._ResetForNewFrame();
    dl.PushTextureID(io.Fonts->TexID);
    dl.PushClipRect(ImVec2(0, 0), ImVec2(job.scene.width, job.scene.height));
    paint_scene(&dl, ImVec2(0, 0), job.scene, job.style, 0);
    dl.PopClipRect();
    dl.PopTextureID();
    ImDrawList* lists[] = {&dl};
    ImDrawData dd;
    dd.Valid = true;
    dd.CmdLists = lists;
    dd.CmdListsCount = 1;
    dd.TotalVtxCount = dl.VtxBuffer.Size;
    dd.TotalIdxCount = dl.IdxBuffer.Size;
    dd.DisplayPos = ImVec2(0, 0);
    dd.DisplaySize = ImVec2(job.scene.width, job.scene.height);
    dd.FramebufferScale = ImVec2(scale, scale);

    GLuint fbo = 0, tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    std::vector<uint8_t> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
      glViewport(0, 0, w, h);
      const auto bg = job.style.background;
      glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(&dd);
      glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    // GL rows run bottom to top; PNG rows top to bottom. Opaque: the background was cleared opaque.
    std::vector<uint8_t> flipped(pixels.size());
    const size_t row = static_cast<size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
      std::copy(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(h - 1 - y)),
                pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(h - y)),
                flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(y)));
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    const std::vector<uint8_t> png = encode_png(flipped.data(), w, h);
    platform::download(job.file_name, "image/png", png.data(), png.size());
  }
}

}  // namespace zicht::ui::charts
