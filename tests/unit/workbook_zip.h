// A small zip writer (stored or deflated with zlib) and minimal .xlsx / .ods packages built from XML strings, so each
// test (and the fuzz targets in fuzz/) states exactly which cells, styles and hostile parts it feeds. No Catch2 here.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace zicht_test {

struct ZipPart {
  std::string name, data;
  bool deflate = true;
  int64_t declared_size = -1;  // lie about the inflated size (zip-bomb tests)
};

inline void put16(std::string& s, uint32_t v) { s += char(v & 0xFF); s += char(v >> 8 & 0xFF); }
inline void put32(std::string& s, uint32_t v) { put16(s, v & 0xFFFF); put16(s, v >> 16); }

inline std::string raw_deflate(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, uLong(in.size())) + 16, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = uInt(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
  zs.avail_out = uInt(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string make_zip(const std::vector<ZipPart>& parts) {
  std::string body, central;
  for (const ZipPart& p : parts) {
    std::string data = p.deflate ? raw_deflate(p.data) : p.data;
    uint32_t crc = uint32_t(crc32(0, reinterpret_cast<const Bytef*>(p.data.data()), uInt(p.data.size())));
    uint32_t size = p.declared_size >= 0 ? uint32_t(p.declared_size) : uint32_t(p.data.size());
    uint32_t off = uint32_t(body.size());
    body += "PK\x03\x04";
    put16(body, 20); put16(body, 0); put16(body, p.deflate ? 8 : 0); put16(body, 0); put16(body, 0);
    put32(body, crc); put32(body, uint32_t(data.size())); put32(body, size);
    put16(body, uint32_t(p.name.size())); put16(body, 0);
    body += p.name;
    body += data;
    central += "PK\x01\x02";
    put16(central, 20); put16(central, 20); put16(central, 0); put16(central, p.deflate ? 8 : 0);
    put16(central, 0); put16(central, 0);
    put32(central, crc); put32(central, uint32_t(data.size())); put32(central, size);
    put16(central, uint32_t(p.name.size())); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0);
    put32(central, 0); put32(central, off);
    central += p.name;
  }
  std::string out = body + central;
  out += "PK\x05\x06";
  put16(out, 0); put16(out, 0); put16(out, uint32_t(parts.size())); put16(out, uint32_t(parts.size()));
  put32(out, uint32_t(central.size())); put32(out, uint32_t(body.size())); put16(out, 0);
  return out;
}

struct XlsxSheet {
  std::string name, xml;  // xml: the whole worksheet part, or just the <sheetData> rows (wrapped then)
  bool hidden = false;
};

inline std::string worksheet(const std::string& rows, const std::string& before = "", const std::string& after = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
         before + "<sheetData>" + rows + "</sheetData>" + after + "</worksheet>";
}

// cellXfs: index 0 General, 1 built-in date (14), 2 custom dd/mm/yyyy (164), 3 time h:mm (20), 4 datetime (22),
// 5 custom "[$-813]d mmmm yyyy" (165), 6 percentage (10).
inline std::string default_styles() {
  return "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"[$-813]d\\ mmmm\\ yyyy\"/></numFmts>"
         "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"164\"/><xf numFmtId=\"20\"/><xf numFmtId=\"22\"/><xf numFmtId=\"165\"/><xf numFmtId=\"10\"/>"
         "</cellXfs></styleSheet>";
}

inline std::vector<ZipPart> xlsx_parts(const std::vector<XlsxSheet>& sheets, const std::string& shared_strings = "",
                                       bool date1904 = false, const std::string& styles = default_styles()) {
  std::vector<ZipPart> parts;
  parts.push_back({"[Content_Types].xml",
                   "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
  parts.push_back({"_rels/.rels",
                   "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                   "Target=\"xl/workbook.xml\"/></Relationships>"});
  std::string book = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
  if (date1904) book += "<workbookPr date1904=\"1\"/>";
  book += "<sheets>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    book += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\"" + (sheets[i].hidden ? " state=\"hidden\"" : "") +
            " r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" + n + ".xml\"/>";
    std::string xml = sheets[i].xml.rfind("<?xml", 0) == 0 ? sheets[i].xml : worksheet(sheets[i].xml);
    parts.push_back({"xl/worksheets/sheet" + n + ".xml", xml});
  }
  rels += "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
  if (!shared_strings.empty())
    rels += "<Relationship Id=\"rT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
            "Target=\"sharedStrings.xml\"/>";
  rels += "</Relationships>";
  book += "</sheets></workbook>";
  parts.push_back({"xl/workbook.xml", book});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  parts.push_back({"xl/styles.xml", styles});
  if (!shared_strings.empty()) parts.push_back({"xl/sharedStrings.xml", shared_strings});
  return parts;
}

inline std::string make_xlsx(const std::vector<XlsxSheet>& sheets, const std::string& shared_strings = "",
                             bool date1904 = false) {
  return make_zip(xlsx_parts(sheets, shared_strings, date1904));
}

inline std::string sst(const std::vector<std::string>& items) {
  std::string s = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (auto& i : items) s += i.rfind("<", 0) == 0 ? "<si>" + i + "</si>" : "<si><t>" + i + "</t></si>";
  return s + "</sst>";
}

// An inline-string cell, a number cell (optional style), a shared-string cell.
inline std::string istr(const std::string& ref, const std::string& t) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
}
inline std::string num(const std::string& ref, const std::string& v, int style = 0) {
  return "<c r=\"" + ref + "\"" + (style ? " s=\"" + std::to_string(style) + "\"" : "") + "><v>" + v + "</v></c>";
}
inline std::string sref(const std::string& ref, int k) {
  return "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(k) + "</v></c>";
}
inline std::string row(int r, const std::string& cells, const std::string& attrs = "") {
  return "<row r=\"" + std::to_string(r) + "\"" + attrs + ">" + cells + "</row>";
}

inline std::string ods_content(const std::string& tables, const std::string& styles = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
         "xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.3\">"
         "<office:automatic-styles>" + styles + "</office:automatic-styles>"
         "<office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body></office:document-content>";
}

inline std::string make_ods(const std::string& content) {
  return make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", false},
                   {"META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"},
                   {"content.xml", content}});
}

}  // namespace zicht_test
