# The browser app: one self-contained zicht.html (wasm embedded as a data: URL), built with Emscripten.
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/third_party/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources missing in third_party/imgui: run scripts/install-deps.sh")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# 32-bit indices: large charts must not hit the 65,536-vertex limit of one draw list.
target_compile_definitions(imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui PRIVATE ${ZICHT_EM_FLAGS})

file(GLOB_RECURSE ZICHT_APP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp
     ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
add_executable(zicht_app ${ZICHT_APP_SOURCES})
target_link_libraries(zicht_app PRIVATE zicht_lib imgui)
target_compile_options(zicht_app PRIVATE ${ZICHT_EM_FLAGS} -Wall -Wextra)

# The HTML shell gets the few strings it needs before the wasm runs (no WebGL2, loading), from assets/i18n.
set(ZICHT_SHELL_TEXT "{")
foreach(lang nl en)
  file(READ ${CMAKE_SOURCE_DIR}/assets/i18n/${lang}/app.json json)
  set(obj "")
  foreach(key shell.loading shell.no_webgl2 shell.crashed)
    string(JSON val GET "${json}" "${key}")
    string(REPLACE "\\" "\\\\" val "${val}")
    string(REPLACE "\"" "\\\"" val "${val}")
    string(REPLACE "<" "\\u003c" val "${val}")
    string(APPEND obj "\"${key}\":\"${val}\",")
  endforeach()
  string(REGEX REPLACE ",$" "" obj "${obj}")
  string(APPEND ZICHT_SHELL_TEXT "\"${lang}\":{${obj}},")
endforeach()
string(REGEX REPLACE ",$" "}" ZICHT_SHELL_TEXT "${ZICHT_SHELL_TEXT}")
configure_file(${CMAKE_SOURCE_DIR}/web/shell.html ${CMAKE_BINARY_DIR}/shell.html @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_SOURCE_DIR}/web/shell.html ${CMAKE_SOURCE_DIR}/assets/i18n/nl/app.json
             ${CMAKE_SOURCE_DIR}/assets/i18n/en/app.json)

# The font files come from src/core/glyphs.cpp, the one list the atlas (src/ui/fonts.cpp) and its test use: every
# "/usr/share/fonts/….ttf" named there is embedded as /fonts/<file name>. Noto Sans (fonts-noto-core) with DejaVu
# Sans (fonts-dejavu-core) merged in for the maths signs and arrows Noto lacks.
file(STRINGS ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp ZICHT_FONT_LINES REGEX "\"/usr/share/fonts/[^\"]+[.]ttf\"")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp)
set(ZICHT_FONT_EMBEDS "")
list(REMOVE_DUPLICATES ZICHT_FONT_LINES)
foreach(line ${ZICHT_FONT_LINES})
  string(REGEX MATCH "/usr/share/fonts/[^\"]+[.]ttf" f "${line}")
  get_filename_component(name ${f} NAME)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} missing: run scripts/install-deps.sh (fonts-noto-core, fonts-dejavu-core)")
  endif()
  list(APPEND ZICHT_FONT_EMBEDS "SHELL:--embed-file ${f}@/fonts/${name}")
endforeach()
if(NOT ZICHT_FONT_EMBEDS)
  message(FATAL_ERROR "no font files found in src/core/glyphs.cpp")
endif()
set(ZICHT_FONT_LICENSE /usr/share/doc/fonts-noto-core/copyright)
set(ZICHT_FONT_LICENSE_DEJAVU /usr/share/doc/fonts-dejavu-core/copyright)
foreach(f ${ZICHT_FONT_LICENSE} ${ZICHT_FONT_LICENSE_DEJAVU})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} missing: run scripts/install-deps.sh (fonts-noto-core, fonts-dejavu-core)")
  endif()
endforeach()

set_target_properties(zicht_app PROPERTIES OUTPUT_NAME zicht SUFFIX ".html")
target_link_options(zicht_app PRIVATE
  ${ZICHT_EM_FLAGS}
  -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sMAXIMUM_MEMORY=2GB
  -sENVIRONMENT=web -sSINGLE_FILE=1 -sMINIFY_HTML=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  "SHELL:--shell-file ${CMAKE_BINARY_DIR}/shell.html"
  ${ZICHT_FONT_EMBEDS}
  "SHELL:--embed-file ${ZICHT_FONT_LICENSE}@/licenses/noto-fonts.txt"
  "SHELL:--embed-file ${ZICHT_FONT_LICENSE_DEJAVU}@/licenses/dejavu-fonts.txt"
  "SHELL:--embed-file ${IMGUI_DIR}/LICENSE.txt@/licenses/dear-imgui.txt")
set_property(TARGET zicht_app APPEND PROPERTY LINK_DEPENDS ${CMAKE_BINARY_DIR}/shell.html)
