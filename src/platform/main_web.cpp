// The browser main loop: GLFW + WebGL2 through Emscripten, with our own device-pixel-ratio handling.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <cfloat>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/charts/export.h"

namespace {

GLFWwindow* g_window = nullptr;
zicht::ui::App* g_app = nullptr;

zicht::platform::Cursor to_platform_cursor(ImGuiMouseCursor c) {
  using zicht::platform::Cursor;
  switch (c) {
    case ImGuiMouseCursor_TextInput: return Cursor::text;
    case ImGuiMouseCursor_Hand: return Cursor::hand;
    case ImGuiMouseCursor_ResizeEW: return Cursor::resize_ew;
    case ImGuiMouseCursor_ResizeNS: return Cursor::resize_ns;
    case ImGuiMouseCursor_ResizeAll: return Cursor::resize_all;
    case ImGuiMouseCursor_NotAllowed: return Cursor::not_allowed;
    default: return Cursor::arrow;
  }
}

const char* get_clipboard(void*) { return zicht::platform::pasted_text().c_str(); }
void set_clipboard(void*, const char* text) { zicht::platform::copy_to_clipboard(text); }

void frame() {
  static int frame_no = 0;
  const bool first = frame_no++ == 0;
  const zicht::platform::Display d = zicht::platform::sync_display();
  if (g_app->prepare_fonts(d.dpr)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (first) zicht::platform::mark_startup("fonts");
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();

  ImGuiIO& io = ImGui::GetIO();
  // Emscripten's GLFW knows nothing of devicePixelRatio: ImGui works in CSS pixels, the backing store in device
  // pixels, and the pointer comes from our own listener in CSS pixels.
  io.DisplaySize = ImVec2(d.css_width, d.css_height);
  io.DisplayFramebufferScale = ImVec2(d.dpr, d.dpr);
  float px, py;
  io.MousePos = zicht::platform::pointer_position(px, py) ? ImVec2(px, py) : ImVec2(-FLT_MAX, -FLT_MAX);
  // Headless browsers with a virtual clock can report a zero step; ImGui asserts on that.
  io.DeltaTime = std::clamp(io.DeltaTime, 1.0f / 1000.0f, 0.25f);

  ImGui::NewFrame();
  g_app->frame();
  if (g_app->take_settle()) {  // the demo was read in this frame: lay it out once more, draw only the second pass
    ImGui::EndFrame();
    ImGui::NewFrame();
    g_app->frame();
  }
  ImGui::Render();
  if (first) zicht::platform::mark_startup("layout");

  glViewport(0, 0, d.fb_width, d.fb_height);
  const ImVec4 bg = g_app->background();
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  zicht::ui::charts::render_pending_exports(d.dpr);  // PNG exports asked for this frame
  zicht::platform::set_cursor(to_platform_cursor(ImGui::GetMouseCursor()));
  if (first) zicht::platform::mark_startup("frame1");
}

}  // namespace

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_window = glfwCreateWindow(1280, 800, "Zicht", nullptr, nullptr);
  if (!g_window) return 1;
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is persisted unless the user asks
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NoMouseCursorChange;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  // Emscripten 3.1.6's GLFW passes the browser's raw wheel deltas (pixels, positive = down) where GLFW means
  // notches (positive = up): without this the page scrolls the wrong way by hundreds of lines, i.e. not at all.
  glfwSetScrollCallback(g_window, [](GLFWwindow* w, double dx, double dy) {
    const auto notches = [](double d) { return std::max(-10.0, std::min(10.0, -d / 100.0)); };
    ImGui_ImplGlfw_ScrollCallback(w, notches(dx), notches(dy));
  });
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;

  zicht::platform::init();
  zicht::platform::mark_startup("gl");
  static zicht::ui::App app("nl");  // Dutch by default; English is one click away
  g_app = &app;
  zicht::platform::mark_startup("app");
  zicht::platform::set_state_provider([] { return g_app->state_json(); });
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
