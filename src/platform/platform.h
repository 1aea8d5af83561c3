#pragma once
// The browser bridge: the only code that talks to JavaScript (EM_JS). Everything the app needs from the page —
// canvas size and device pixel ratio, pointer position, files, downloads, clipboard, cursor, the test state hook —
// goes through these functions, so the rest of the app is plain C++.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace zicht::platform {

// Installs the page listeners (drag-and-drop, file input, pointer tracking, paste). Call once before the loop.
void init();

struct Display {
  float css_width = 0, css_height = 0;  // CSS pixels: ImGui's coordinate space
  float dpr = 1;                        // device pixels per CSS pixel
  int fb_width = 0, fb_height = 0;      // backing store in device pixels
};
// Makes the canvas backing store follow its CSS size × devicePixelRatio (Emscripten's GLFW does not) and returns
// the result. Call at the start of every frame.
Display sync_display();

// Pointer position in CSS pixels relative to the canvas; false when the pointer is outside the page.
bool pointer_position(float& x, float& y);

// Bytes the page handed to wasm (allocated with malloc on the JS side); owned, freed on destruction.
struct Bytes {
  std::unique_ptr<uint8_t, void (*)(void*)> data{nullptr, [](void*) {}};
  size_t size = 0;
};

// --- Files ---------------------------------------------------------------------------------------------------
// A file chosen in the picker or dropped on the page. Its bytes arrive in chunks that the app asks for one at a
// time, so a large file never sits in wasm memory twice and a load can be cancelled between chunks.
struct FileEvent {
  enum class Kind { opened, chunk, error } kind = Kind::opened;
  int id = 0;
  std::string name;       // opened
  double size = 0;        // opened: total bytes
  bool digest_outside = false;  // opened: the page computes the SHA-256 and sends it with the last chunk
  Bytes bytes;            // chunk
  bool last = false;      // chunk: the final one
  std::string sha256;     // last chunk, when digest_outside: the file's SHA-256 (lowercase hex)
  std::string message;    // error
};
void open_file_picker();
// Asks for the next chunk of file id (at most max_bytes); it arrives later as a chunk event.
void request_chunk(int id, size_t max_bytes);
// Forgets file id on the page side (after the last chunk, or to cancel).
void close_file(int id);
// Events that arrived since the last call.
std::vector<FileEvent> take_file_events();

// --- Output --------------------------------------------------------------------------------------------------
// Offers bytes to the user as a download named file_name.
void download(const std::string& file_name, const std::string& mime, const void* data, size_t size);
void copy_to_clipboard(const std::string& text);
// Text most recently pasted into the page (ImGui reads it for Ctrl+V).
const std::string& pasted_text();

enum class Cursor { arrow, text, hand, resize_ew, resize_ns, resize_all, not_allowed };
void set_cursor(Cursor c);

// Replaces the accessible HTML twin of the current page (an element over the canvas for screen readers); empty
// html hides it.
void set_accessible_html(const std::string& html);

// --- Storage (only what the user chose to keep: SPEC §5 "nothing persists unless the user asks") ------------
// localStorage of this page's origin; never data. Returns false when nothing is stored or storage is unavailable
// (private windows, file:// policies).
bool storage_get(const std::string& key, std::string& value);
void storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// --- Test hook -----------------------------------------------------------------------------------------------
// window.zichtState() returns the JSON this provider produces (loaded files, row counts, active page, results).
void set_state_provider(std::function<std::string()> provider);
// Marks the app as ready for tests (window.zichtReady = true).
void mark_ready();
// Start-up measurement: window.zichtStartup[phase] = ms since navigation start (bench/browser/startup.mjs).
void mark_startup(const char* phase);

}  // namespace zicht::platform
