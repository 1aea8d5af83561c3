# The browser app: one self-contained zicht.html, built with Emscripten (zicht-linked.html) and packed by web/pack.mjs:
# the wasm module gzip-compressed and base64-embedded in the page, compiled by web/shell.html while the page is read.
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
# Sans Mono (fonts-dejavu-core) merged in for the maths signs and arrows Noto lacks. Each is subset at build time with
# hb-subset (libharfbuzz-bin) to the code point ranges of glyphs::ranges() in the same file, the only glyphs the atlas
# rasterises: 1.37 MB of fonts become ~150 kB, which the page no longer has to read, decode and copy before main().
find_program(ZICHT_HB_SUBSET hb-subset)
if(NOT ZICHT_HB_SUBSET)
  message(FATAL_ERROR "hb-subset missing: run scripts/install-deps.sh (libharfbuzz-bin)")
endif()
file(READ ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp ZICHT_GLYPHS_CPP)
string(REGEX MATCHALL "\\{0x[0-9A-Fa-f]+, 0x[0-9A-Fa-f]+\\}" ZICHT_RANGE_LITERALS "${ZICHT_GLYPHS_CPP}")
set(ZICHT_UNICODES "")
foreach(r ${ZICHT_RANGE_LITERALS})
  string(REGEX REPLACE "\\{0x([0-9A-Fa-f]+), 0x([0-9A-Fa-f]+)\\}" "U+\\1-\\2" u "${r}")
  list(APPEND ZICHT_UNICODES "${u}")
endforeach()
if(NOT ZICHT_UNICODES)
  message(FATAL_ERROR "no code point ranges found in src/core/glyphs.cpp")
endif()
string(REPLACE ";" "," ZICHT_UNICODES "${ZICHT_UNICODES}")
file(STRINGS ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp ZICHT_FONT_LINES REGEX "\"/usr/share/fonts/[^\"]+[.]ttf\"")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp)
set(ZICHT_FONT_EMBEDS "")
set(ZICHT_FONT_SUBSETS "")
list(REMOVE_DUPLICATES ZICHT_FONT_LINES)
foreach(line ${ZICHT_FONT_LINES})
  string(REGEX MATCH "/usr/share/fonts/[^\"]+[.]ttf" f "${line}")
  get_filename_component(name ${f} NAME)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} missing: run scripts/install-deps.sh (fonts-noto-core, fonts-dejavu-core)")
  endif()
  set(subset ${CMAKE_BINARY_DIR}/fonts/${name})
  # Hinting and the shaping tables go: stb_truetype neither hints nor shapes.
  add_custom_command(OUTPUT ${subset}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/fonts
    COMMAND ${ZICHT_HB_SUBSET} --unicodes=${ZICHT_UNICODES} --no-hinting --drop-tables+=GSUB,GPOS,GDEF
            --output-file=${subset} ${f}
    DEPENDS ${f} ${CMAKE_SOURCE_DIR}/src/core/glyphs.cpp
    COMMENT "Subsetting ${name}")
  list(APPEND ZICHT_FONT_SUBSETS ${subset})
  list(APPEND ZICHT_FONT_EMBEDS "SHELL:--embed-file ${subset}@/fonts/${name}")
endforeach()
if(NOT ZICHT_FONT_EMBEDS)
  message(FATAL_ERROR "no font files found in src/core/glyphs.cpp")
endif()
add_custom_target(zicht_fonts DEPENDS ${ZICHT_FONT_SUBSETS})
set(ZICHT_FONT_LICENSE /usr/share/doc/fonts-noto-core/copyright)
set(ZICHT_FONT_LICENSE_DEJAVU /usr/share/doc/fonts-dejavu-core/copyright)
foreach(f ${ZICHT_FONT_LICENSE} ${ZICHT_FONT_LICENSE_DEJAVU})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} missing: run scripts/install-deps.sh (fonts-noto-core, fonts-dejavu-core)")
  endif()
endforeach()

set_target_properties(zicht_app PROPERTIES OUTPUT_NAME zicht-linked SUFFIX ".html")
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
set_property(TARGET zicht_app APPEND PROPERTY LINK_DEPENDS ${CMAKE_BINARY_DIR}/shell.html ${ZICHT_FONT_SUBSETS})
add_dependencies(zicht_app zicht_fonts)

# zicht-linked.html → zicht.html: the module moved out of the glue's JavaScript, gzip-compressed (web/pack.mjs).
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/zicht.html
  COMMAND ${ZICHT_NODE} ${CMAKE_SOURCE_DIR}/web/pack.mjs ${CMAKE_BINARY_DIR}/zicht-linked.html ${CMAKE_BINARY_DIR}/zicht.html
          ${ZICHT_CSV_KERNEL}
  DEPENDS zicht_app ${CMAKE_SOURCE_DIR}/web/pack.mjs ${ZICHT_CSV_KERNEL}
  COMMENT "Packing zicht.html")
add_custom_target(zicht_html ALL DEPENDS ${CMAKE_BINARY_DIR}/zicht.html)
