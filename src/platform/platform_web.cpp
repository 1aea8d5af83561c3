// Browser glue for the app. Compiled only into the Emscripten build.
#include "platform/platform.h"

#include <emscripten.h>

#include <cstdlib>
#include <utility>

namespace {

std::vector<zicht::platform::FileEvent> g_file_events;
std::function<std::string()> g_state_provider;
std::string g_state_json;
std::string g_pasted;

}  // namespace

// --- JavaScript side -----------------------------------------------------------------------------------------

EM_JS(void, zicht_js_init, (), {
  window.zichtMainAt = performance.now();  // wasm compiled and main() running (startup measurement)
  var canvas = Module['canvas'];
  window.zichtFiles = {};
  window.zichtNextFile = 1;
  window.zichtPointer = {x : -1, y : -1, inside : false};
  function track(e) {
    var r = canvas.getBoundingClientRect();
    window.zichtPointer.x = e.clientX - r.left;
    window.zichtPointer.y = e.clientY - r.top;
    window.zichtPointer.inside = true;
  }
  window.addEventListener('pointermove', track, true);
  window.addEventListener('pointerdown', track, true);
  document.documentElement.addEventListener('pointerleave', function() { window.zichtPointer.inside = false; });
  // The file's SHA-256 (input provenance) comes from WebCrypto: native code on another thread, while the reader
  // parses the chunks. It needs the whole file once more as one buffer, released when the digest is done.
  function digest(file) {
    if (!(window.crypto && crypto.subtle && crypto.subtle.digest)) return null;
    var d = file.arrayBuffer().then(function(b) { return crypto.subtle.digest('SHA-256', b); }).then(function(h) {
      return Array.from(new Uint8Array(h), function(x) { return (x < 16 ? "0" : "") + x.toString(16); }).join("");
    });
    d.catch(function() {});  // reported with the last chunk
    return d;
  }
  function accept(file) {
    var id = window.zichtNextFile++;
    var f = {file : file, offset : 0, digest : digest(file)};
    window.zichtFiles[id] = f;
    var n = lengthBytesUTF8(file.name) + 1;
    var p = _malloc(n);
    stringToUTF8(file.name, p, n);
    _zicht_platform_file_opened(id, p, file.size, f.digest ? 1 : 0);
    _free(p);
  }
  var input = document.getElementById('zicht-file');
  input.addEventListener('change', function() {
    for (var i = 0; i < input.files.length; i++) accept(input.files[i]);
    input.value = "";
  });
  window.addEventListener('dragover', function(e) {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', function(e) {
    e.preventDefault();
    if (!e.dataTransfer) return;
    for (var i = 0; i < e.dataTransfer.files.length; i++) accept(e.dataTransfer.files[i]);
  });
  document.addEventListener('paste', function(e) {
    var t = (e.clipboardData && e.clipboardData.getData('text')) || "";
    var n = lengthBytesUTF8(t) + 1;
    var p = _malloc(n);
    stringToUTF8(t, p, n);
    _zicht_platform_paste(p);
    _free(p);
  });
  window.zichtState = function() { return JSON.parse(UTF8ToString(_zicht_platform_state())); };
});

EM_JS(void, zicht_js_sync_display, (float* out), {
  var c = Module['canvas'];
  var dpr = window.devicePixelRatio || 1;
  var r = c.getBoundingClientRect();
  var w = Math.max(1, Math.round(r.width * dpr));
  var h = Math.max(1, Math.round(r.height * dpr));
  if (c.width != w || c.height != h) {
    c.width = w;
    c.height = h;
  }
  HEAPF32[(out >> 2) + 0] = r.width;
  HEAPF32[(out >> 2) + 1] = r.height;
  HEAPF32[(out >> 2) + 2] = dpr;
  HEAPF32[(out >> 2) + 3] = w;
  HEAPF32[(out >> 2) + 4] = h;
});

EM_JS(int, zicht_js_pointer, (float* out), {
  var p = window.zichtPointer;
  HEAPF32[(out >> 2) + 0] = p.x;
  HEAPF32[(out >> 2) + 1] = p.y;
  return p.inside ? 1 : 0;
});

EM_JS(void, zicht_js_open_picker, (), { document.getElementById('zicht-file').click(); });

EM_JS(void, zicht_js_request_chunk, (int id, double max_bytes), {
  var f = window.zichtFiles[id];
  if (!f) return;
  var start = f.offset;
  var end = Math.min(f.file.size, start + max_bytes);
  f.offset = end;
  var last = end >= f.file.size;
  var parts = [f.file.slice(start, end).arrayBuffer()];
  if (last && f.digest) parts.push(f.digest);
  Promise.all(parts).then(
      function(got) {
        if (!window.zichtFiles[id]) return;  // cancelled meanwhile
        var buf = got[0];
        var n = buf.byteLength;
        var p = _malloc(Math.max(1, n));
        HEAPU8.set(new Uint8Array(buf), p);
        var hex = got.length > 1 ? got[1] : "";
        var hp = _malloc(hex.length + 1);
        stringToUTF8(hex, hp, hex.length + 1);
        _zicht_platform_chunk(id, p, n, last ? 1 : 0, hp);
        _free(hp);
      },
      function(err) {
        var t = String(err);
        var n = lengthBytesUTF8(t) + 1;
        var p = _malloc(n);
        stringToUTF8(t, p, n);
        _zicht_platform_file_error(id, p);
        _free(p);
      });
});

EM_JS(void, zicht_js_close_file, (int id), { delete window.zichtFiles[id]; });

EM_JS(void, zicht_js_download, (const char* name, const char* mime, const void* data, double size), {
  var bytes = HEAPU8.slice(data, data + size);
  var blob = new Blob([bytes], {type : UTF8ToString(mime)});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  setTimeout(function() {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 2000);
});

EM_JS(void, zicht_js_copy, (const char* text), {
  var t = UTF8ToString(text);
  function fallback() {
    var ta = document.createElement('textarea');
    ta.value = t;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand('copy'); } catch (e) {}
    ta.remove();
    Module['canvas'].focus();
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(t).catch(fallback);
  } else {
    fallback();
  }
});

EM_JS(void, zicht_js_set_cursor, (int c), {
  var names = [ 'default', 'text', 'pointer', 'ew-resize', 'ns-resize', 'move', 'not-allowed' ];
  var v = names[c] || 'default';
  if (Module['canvas'].style.cursor != v) Module['canvas'].style.cursor = v;
});

EM_JS(void, zicht_js_set_a11y, (const char* html), {
  var el = document.getElementById('zicht-a11y');
  var h = UTF8ToString(html);
  el.innerHTML = h;
  el.hidden = h.length == 0;
});

EM_JS(void, zicht_js_mark_startup, (const char* phase), {
  window.zichtStartup = window.zichtStartup || {};
  window.zichtStartup[UTF8ToString(phase)] = performance.now();
});

EM_JS(void, zicht_js_mark_ready, (), {
  window.zichtReadyAt = performance.now();  // ms since navigation start: the demo laid out settled and drawn
  window.zichtReady = true;
});

EM_JS(int, zicht_js_storage_get, (const char* key, char* out, int cap), {
  try {
    const v = window.localStorage.getItem(UTF8ToString(key));
    if (v === null) return -1;
    stringToUTF8(v, out, cap);
    return lengthBytesUTF8(v);
  } catch (e) {
    return -1;
  }
});
EM_JS(void, zicht_js_storage_set, (const char* key, const char* value), {
  try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
EM_JS(void, zicht_js_storage_remove, (const char* key), {
  try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

// --- Callbacks from JavaScript -------------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void zicht_platform_file_opened(int id, const char* name, double size, int digest) {
  zicht::platform::FileEvent e;
  e.kind = zicht::platform::FileEvent::Kind::opened;
  e.id = id;
  e.name = name;
  e.size = size;
  e.digest_outside = digest != 0;
  g_file_events.push_back(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void zicht_platform_chunk(int id, uint8_t* data, int size, int last, const char* sha256) {
  zicht::platform::FileEvent e;
  e.kind = zicht::platform::FileEvent::Kind::chunk;
  e.id = id;
  e.bytes.data = std::unique_ptr<uint8_t, void (*)(void*)>(data, std::free);
  e.bytes.size = static_cast<size_t>(size);
  e.last = last != 0;
  e.sha256 = sha256;
  g_file_events.push_back(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void zicht_platform_file_error(int id, const char* message) {
  zicht::platform::FileEvent e;
  e.kind = zicht::platform::FileEvent::Kind::error;
  e.id = id;
  e.message = message;
  g_file_events.push_back(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void zicht_platform_paste(const char* text) { g_pasted = text; }

EMSCRIPTEN_KEEPALIVE const char* zicht_platform_state() {
  g_state_json = g_state_provider ? g_state_provider() : std::string("{}");
  return g_state_json.c_str();
}

}  // extern "C"

// --- C++ side ------------------------------------------------------------------------------------------------

namespace zicht::platform {

void init() { zicht_js_init(); }

Display sync_display() {
  float v[5] = {0, 0, 1, 0, 0};
  zicht_js_sync_display(v);
  Display d;
  d.css_width = v[0];
  d.css_height = v[1];
  d.dpr = v[2] > 0 ? v[2] : 1.0f;
  d.fb_width = static_cast<int>(v[3]);
  d.fb_height = static_cast<int>(v[4]);
  return d;
}

bool pointer_position(float& x, float& y) {
  float v[2];
  int inside = zicht_js_pointer(v);
  x = v[0];
  y = v[1];
  return inside != 0;
}

void open_file_picker() { zicht_js_open_picker(); }
void request_chunk(int id, size_t max_bytes) { zicht_js_request_chunk(id, static_cast<double>(max_bytes)); }
void close_file(int id) { zicht_js_close_file(id); }

std::vector<FileEvent> take_file_events() {
  std::vector<FileEvent> out;
  out.swap(g_file_events);
  return out;
}

void download(const std::string& file_name, const std::string& mime, const void* data, size_t size) {
  zicht_js_download(file_name.c_str(), mime.c_str(), data, static_cast<double>(size));
}

void copy_to_clipboard(const std::string& text) { zicht_js_copy(text.c_str()); }
const std::string& pasted_text() { return g_pasted; }
void set_cursor(Cursor c) { zicht_js_set_cursor(static_cast<int>(c)); }
void set_accessible_html(const std::string& html) { zicht_js_set_a11y(html.c_str()); }
void set_state_provider(std::function<std::string()> provider) { g_state_provider = std::move(provider); }
void mark_ready() { zicht_js_mark_ready(); }
void mark_startup(const char* phase) { zicht_js_mark_startup(phase); }

bool storage_get(const std::string& key, std::string& value) {
  char buf[1024];
  const int n = zicht_js_storage_get(key.c_str(), buf, static_cast<int>(sizeof buf));
  if (n < 0 || n >= static_cast<int>(sizeof buf)) return false;  // absent, or too long for a setting
  value.assign(buf, static_cast<size_t>(n));
  return true;
}
void storage_set(const std::string& key, const std::string& value) { zicht_js_storage_set(key.c_str(), value.c_str()); }
void storage_remove(const std::string& key) { zicht_js_storage_remove(key.c_str()); }

}  // namespace zicht::platform
