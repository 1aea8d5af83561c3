#include "core/xml_sax.h"

#include <cstring>
#include <expat.h>

namespace zicht::core {

struct XmlSax::Impl {
  XML_Parser parser = nullptr;
};

std::string_view xml_local_name(const char* name) {
  const char* bar = std::strrchr(name, '|');
  return bar ? std::string_view(bar + 1) : std::string_view(name);
}

struct XmlSaxCallbacks {
  static void start(void* ud, const XML_Char* name, const XML_Char** attrs) {
    static_cast<XmlSax*>(ud)->on_start(xml_local_name(name), attrs);
  }
  static void end(void* ud, const XML_Char* name) { static_cast<XmlSax*>(ud)->on_end(xml_local_name(name)); }
  static void text(void* ud, const XML_Char* s, int len) {
    if (len > 0) static_cast<XmlSax*>(ud)->on_text(s, size_t(len));
  }
  static void doctype(void* ud, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* self = static_cast<XmlSax*>(ud);
    self->doctype_ = true;
    self->stop("doctype");
  }
  static void entity(void* ud, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                     const XML_Char*, const XML_Char*) {
    auto* self = static_cast<XmlSax*>(ud);
    self->doctype_ = true;
    self->stop("doctype");
  }
};

XmlSax::XmlSax() : impl_(new Impl) {
  impl_->parser = XML_ParserCreateNS(nullptr, '|');
  XML_Parser p = impl_->parser;
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, XmlSaxCallbacks::start, XmlSaxCallbacks::end);
  XML_SetCharacterDataHandler(p, XmlSaxCallbacks::text);
  XML_SetStartDoctypeDeclHandler(p, XmlSaxCallbacks::doctype);
  XML_SetEntityDeclHandler(p, XmlSaxCallbacks::entity);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlSax::~XmlSax() {
  if (impl_->parser) XML_ParserFree(impl_->parser);
  delete impl_;
}

void XmlSax::stop(std::string why) {
  if (error_.empty()) error_ = std::move(why);
  XML_StopParser(impl_->parser, XML_FALSE);
}

const char* XmlSax::attr(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (xml_local_name(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

bool XmlSax::feed(const char* p, size_t n, bool last) {
  if (!error_.empty()) return false;
  // expat takes an int length: hand over large buffers in pieces.
  const size_t kMax = size_t(1) << 30;
  do {
    size_t take = n < kMax ? n : kMax;
    bool fin = last && take == n;
    if (XML_Parse(impl_->parser, p, int(take), fin ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (error_.empty()) {
        error_ = std::string(XML_ErrorString(XML_GetErrorCode(impl_->parser))) + " (line " +
                 std::to_string(XML_GetCurrentLineNumber(impl_->parser)) + ", column " +
                 std::to_string(XML_GetCurrentColumnNumber(impl_->parser)) + ")";
      }
      return false;
    }
    p += take;
    n -= take;
  } while (n > 0);
  return error_.empty();
}

}  // namespace zicht::core
