// Zicht core (internal) — a hardened streaming XML parser for workbook parts: expat's SAX callbacks behind a small
// class, fed in chunks as the zip entry inflates. No DOM. DTDs are refused outright (a DOCTYPE stops the parse, so
// entity expansion — "billion laughs" — and external entities never happen), and parameter-entity parsing is off.
// Names arrive as local names (namespace prefix and URI stripped): workbook parts use a handful of namespaces
// whose local names do not collide where we look.
//
// Two ways to get there. Namespaces::Expat: expat's namespace processing ("uri|local", searched back). Namespaces::
// Prefixes (the big sheet parts): no namespace processing in expat, the prefix is cut off here — much cheaper per tag
// — while the prefixes are still checked as expat would (bound in scope, not undeclared, at most one colon), with
// expat's messages, so a document reads, or fails, exactly as it does with namespace processing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zicht::core {

class XmlSax {
 public:
  enum class Namespaces { Expat, Prefixes };
  explicit XmlSax(Namespaces ns = Namespaces::Expat);
  virtual ~XmlSax();
  XmlSax(const XmlSax&) = delete;
  XmlSax& operator=(const XmlSax&) = delete;

  // Parses the next chunk; `last` on the final one. False on malformed XML, a DOCTYPE or stop(): see error().
  bool feed(const char* p, size_t n, bool last);
  // "doctype" (a DTD was found), "stopped" (a handler called stop), or expat's message with line and column.
  const std::string& error() const { return error_; }
  bool doctype() const { return doctype_; }

 protected:
  virtual void on_start(std::string_view name, const char** attrs) = 0;  // attrs: name, value, …, nullptr
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(const char* s, size_t n) { (void)s; (void)n; }
  void stop(std::string why);  // from a handler: ends the parse with `why` as error()
  // The value of attribute `local` (local name) in attrs, or nullptr. Namespace declarations are never attributes.
  const char* attr(const char** attrs, std::string_view local) const;
  // Prefixes mode: whether attribute name `name` is a namespace declaration (xmlns, xmlns:p).
  static bool is_xmlns(const char* name) {
    return name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == 'n' && name[4] == 's' &&
           (name[5] == 0 || name[5] == ':');
  }
  bool prefixes() const { return ns_ == Namespaces::Prefixes; }

 private:
  struct Impl;
  Impl* impl_;
  std::string error_;
  bool doctype_ = false;
  Namespaces ns_;
  // Prefixes mode: the prefixes declared on open elements (name, depth), and the depth.
  std::vector<std::pair<std::string, int>> bound_;
  int depth_ = 0;
  bool names_failed_ = false;
  bool check_names(const char* name, const char** attrs);
  void xml_error(const char* what, size_t column_offset);
  friend struct XmlSaxCallbacks;
};

// The local part of an expat namespace-qualified name ("uri|local" → "local").
std::string_view xml_local_name(const char* name);

}  // namespace zicht::core
