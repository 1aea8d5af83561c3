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

namespace {

// Prefixes mode: the part after the colon ("x:c" → "c"; "c" → "c"), in one pass over the (short) name.
std::string_view after_colon(const char* name) {
  const char* local = name;
  const char* p = name;
  for (; *p; ++p)
    if (*p == ':') local = p + 1;
  return std::string_view(local, size_t(p - local));
}

// The name's colons: 0, 1, or its second colon's offset + 2 (where expat's namespace tokeniser stops).
size_t colon_state(const char* name, size_t& first) {
  size_t n = 0;
  for (size_t i = 0; name[i]; ++i)
    if (name[i] == ':') {
      if (n++) return i + 2;
      first = i;
    }
  return n;
}

}  // namespace

struct XmlSaxCallbacks {
  static void start(void* ud, const XML_Char* name, const XML_Char** attrs) {
    auto* self = static_cast<XmlSax*>(ud);
    if (self->ns_ == XmlSax::Namespaces::Expat) return self->on_start(xml_local_name(name), attrs);
    ++self->depth_;
    if (!self->check_names(name, attrs)) { self->names_failed_ = true; return; }
    self->on_start(after_colon(name), attrs);
  }
  static void end(void* ud, const XML_Char* name) {
    auto* self = static_cast<XmlSax*>(ud);
    if (self->ns_ == XmlSax::Namespaces::Expat) return self->on_end(xml_local_name(name));
    if (self->names_failed_) return;  // expat ends an empty element even after a stop: its start was never seen
    self->on_end(after_colon(name));
    while (!self->bound_.empty() && self->bound_.back().second >= self->depth_) self->bound_.pop_back();
    --self->depth_;
  }
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

XmlSax::XmlSax(Namespaces ns) : impl_(new Impl), ns_(ns) {
  impl_->parser = ns == Namespaces::Expat ? XML_ParserCreateNS(nullptr, '|') : XML_ParserCreate(nullptr);
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

// Expat's message for an error in the current start tag, at the tag ('<') or `column_offset` characters further on
// the tag's line (a name's second colon: names hold no line breaks).
void XmlSax::xml_error(const char* what, size_t column_offset) {
  if (!error_.empty()) return;
  stop(std::string(what) + " (line " + std::to_string(XML_GetCurrentLineNumber(impl_->parser)) + ", column " +
       std::to_string(XML_GetCurrentColumnNumber(impl_->parser) + column_offset) + ")");
}

// What expat's namespace processing would refuse in a start tag: a name with two colons (the tokeniser's "invalid
// token", at that colon), a declaration undoing a prefix, a prefix not declared on this element or an open one.
bool XmlSax::check_names(const char* name, const char** attrs) {
  size_t first = 0;
  size_t cs = colon_state(name, first);
  if (cs > 1) { xml_error(XML_ErrorString(XML_ERROR_INVALID_TOKEN), cs - 1); return false; }
  bool prefixed_attr = false;
  for (size_t i = 0; attrs[i]; i += 2) {
    const char* a = attrs[i];
    size_t f = 0, s = colon_state(a, f);
    if (s > 1) {  // at the tag: the attribute's place in it is not known here
      xml_error(XML_ErrorString(XML_ERROR_INVALID_TOKEN), 0);
      return false;
    }
    if (s == 1) prefixed_attr = true;
  }
  // The usual tag (every cell of a sheet): no colon in any name, so no prefix to check and none declared (a
  // declaration is "xmlns:p"; a default "xmlns" binds no prefix).
  if (cs == 0 && !prefixed_attr) return true;
  for (size_t i = 0; attrs[i]; i += 2) {
    const char* a = attrs[i];
    if (a[0] != 'x' || !is_xmlns(a) || a[5] != ':') continue;
    if (!*attrs[i + 1]) { xml_error(XML_ErrorString(XML_ERROR_UNDECLARING_PREFIX), 0); return false; }
    bound_.emplace_back(std::string(a + 6), depth_);
  }
  auto bound = [&](std::string_view prefix) {
    if (prefix == "xml") return true;
    for (auto it = bound_.rbegin(); it != bound_.rend(); ++it)
      if (it->first == prefix) return true;
    return false;
  };
  if (prefixed_attr)
    for (size_t i = 0; attrs[i]; i += 2) {
      const char* a = attrs[i];
      size_t f = 0;
      if (colon_state(a, f) != 1 || is_xmlns(a)) continue;
      if (!bound(std::string_view(a, f))) { xml_error(XML_ErrorString(XML_ERROR_UNBOUND_PREFIX), 0); return false; }
    }
  if (cs == 1 && !bound(std::string_view(name, first))) {
    xml_error(XML_ErrorString(XML_ERROR_UNBOUND_PREFIX), 0);
    return false;
  }
  return true;
}

const char* XmlSax::attr(const char** attrs, std::string_view local) const {
  if (ns_ == Namespaces::Prefixes) {
    for (size_t i = 0; attrs[i]; i += 2)
      if (after_colon(attrs[i]) == local && !is_xmlns(attrs[i])) return attrs[i + 1];
    return nullptr;
  }
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
