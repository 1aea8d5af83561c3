#!/usr/bin/env bash
# Makes the workbook fixtures in tests/data/workbooks/ from the project's own test CSVs, with LibreOffice headless
# (install it with ZICHT_WITH_LIBREOFFICE=1 bash scripts/install-deps.sh). The outputs are committed, so CI never
# needs LibreOffice; run this again only when the CSVs or the fixtures below change.
#   <csv>.xlsx / .ods / .xls  each test CSV as Excel, OpenDocument and Excel 97 (BIFF8) workbook (LibreOffice's own
#                             CSV import)
#   binc_title_rows.*         two title rows and an empty row above the header
#   binc_1904.xlsx / .xls     the 1904 date system (date1904, DATEMODE)
#   binc_sheets.*             an empty sheet, the data, a hidden notes sheet
#   merged_header.*           a two-row header with cells merged across columns ("Stap 1 – datum")
#   error_cells.*             formulas that give #DIV/0!, #N/A and #VALUE!
#   sofs_dashboard.xlsx       the SofS dashboard as an organisation keeps it: the built-in demo's 370 trajectories
#                             (build/zicht demo --profile sofs) under two title rows and an empty row, dates as
#                             Excel dates, a second visible sheet "Toelichting" with notes
#   formulas.xls              formula cells with number, text and boolean results (.xls keeps their cached values
#                             in FORMULA/STRING records, which freexl skips: read by src/core/xls_scan.cpp)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v soffice >/dev/null || { echo "soffice not found: ZICHT_WITH_LIBREOFFICE=1 bash scripts/install-deps.sh" >&2; exit 1; }
out=workbooks
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A Belgian (nl-BE) LibreOffice, as the organisations have: dates get its d/mm/yyyy format, not en-US mm/dd/yy.
mkdir -p "$tmp/profile/user"
cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nl-BE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>nl-BE</value></prop></item>
</oor:items>
XCU
lo() {  # lo FORMAT INFILTER FILE: converts FILE into $tmp/out (a fresh profile, no network, no UI)
  soffice --headless --norestore --nolockcheck "-env:UserInstallation=file://$tmp/profile" ${2:+"--infilter=$2"} \
    --convert-to "$1" --outdir "$tmp/out" "$3" >/dev/null 2>&1
}

# CSV import options: separator, quote (34), character set (76 UTF-8, 1 Windows-1252), first line, column formats
# (standard), language (1033 en-US: decimal point; 2067 nl-BE: decimal comma, dd/mm/yyyy), quoted as text (false),
# detect special numbers (true: dates become dates).
csv_to_books() {  # csv_to_books CSV FILTER NAME
  cp "$1" "$tmp/$3.csv"
  for f in xlsx ods xls; do lo "$f" "$2" "$tmp/$3.csv"; cp "$tmp/out/$3.$f" "$out/$3.$f"; done
}
csv_to_books binc_like_utf8.csv "CSV:44,34,76,1,,1033,false,true" binc_like_utf8
csv_to_books binc_like_excel_be.csv "CSV:59,34,1,1,,2067,false,true" binc_like_excel_be
for p in sofs_export binc_modules binc_clients; do  # some are Windows-1252, some UTF-8
  cs=1
  python3 -c "open('profiles/$p.csv', encoding='utf-8').read()" 2>/dev/null && cs=76
  csv_to_books "profiles/$p.csv" "CSV:59,34,$cs,1,,2067,false,true" "$p"
done

# The layouts a CSV cannot hold: written as flat OpenDocument (.fods) with typed cells, converted by LibreOffice.
python3 - "$tmp" <<'PY'
import csv, html, re, sys
tmp = sys.argv[1]
rows = list(csv.reader(open("binc_like_utf8.csv", encoding="utf-8")))
header, data = rows[0], rows[1:]

def cell(v, span=1):
    sp = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    cov = "<table:covered-table-cell/>" * (span - 1)
    if v is None or v == "":
        return f"<table:table-cell{sp}/>" + cov
    if isinstance(v, tuple):  # a formula
        return f'<table:table-cell table:formula="of:={html.escape(v[0])}"{sp}/>' + cov
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return f'<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="{v}"{sp}/>' + cov
    if re.fullmatch(r"-?\d+(\.\d+)?", v):
        return f'<table:table-cell office:value-type="float" office:value="{v}"{sp}/>' + cov
    return f'<table:table-cell office:value-type="string"{sp}><text:p>{html.escape(v)}</text:p></table:table-cell>' + cov

def row(cells):
    return "<table:table-row>" + "".join(c if isinstance(c, str) and c.startswith("<table:") else cell(c) for c in cells) + "</table:table-row>"

def table(name, body, hidden=False):
    st = ' table:style-name="taHidden"' if hidden else ""
    return f'<table:table table:name="{name}"{st}>{body}</table:table>'

def doc(tables, null_date=None):
    calc = f'<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>' if null_date else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
            'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            '<office:automatic-styles><number:date-style style:name="NDate"><number:day number:style="long"/><number:text>/</number:text>'
            '<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>'
            '<style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDate"/>'
            '<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>'
            '</office:automatic-styles><office:body><office:spreadsheet>' + calc + "".join(tables) +
            '</office:spreadsheet></office:body></office:document>')

def write(name, tables, null_date=None):
    open(f"{tmp}/{name}.fods", "w", encoding="utf-8").write(doc(tables, null_date))

body = "".join(row(r) for r in [header] + data)
write("binc_title_rows", [table("Dashboard", row(["SofS-dashboard export"]) + row(["Periode: 1/5/2021 - 5/10/2023"]) +
                                "<table:table-row><table:table-cell/></table:table-row>" + body)])
write("binc_1904", [table("Blad1", body)], null_date="1904-01-01")
write("binc_sheets", [table("Leeg", "<table:table-row><table:table-cell/></table:table-row>"), table("Gegevens", body),
                      table("Notities", row(["Toelichting"]) + row(["Bron: Binc-extract, test"]), hidden=True)])
mh = ("<table:table-row>" + cell("Kind ID") + cell("Stap 1", 2) + cell("Stap 2", 2) + "</table:table-row>" +
      row(["", "datum", "wie", "datum", "wie"]) +
      row(["K1", "2021-05-03", "CB", "2021-06-14", "consulent"]) + row(["K2", "2021-05-10", "CB", "2021-07-01", "CB"]) +
      row(["K3", "2021-09-20", "consulent", "", ""]))
write("merged_header", [table("Blad1", mh)])
err = (row(["Kind ID", "Teller", "Noemer", "Verhouding"]) +
       "".join(row([k, str(a), str(b), (f"B{i}/C{i}",) if k != "K3" else ("NA()",)]) for i, (k, a, b) in
               enumerate([("K1", 6, 3), ("K2", 4, 0), ("K3", 5, 2), ("K4", 9, 4)], start=2)) +
       row(["K5", "7", "x", ("B6/C6",)]))
write("error_cells", [table("Blad1", err)])

# The SofS dashboard workbook: the demo export's cells typed as Excel keeps them (dd/mm/yyyy → date cells).
import subprocess
demo = f"{tmp}/demo_sofs.csv"
subprocess.run(["../../build/zicht", "demo", "--profile", "sofs", "--out", demo], check=True, capture_output=True)
srows = list(csv.reader(open(demo, encoding="utf-8"), delimiter=";"))
def typed(v):
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", v)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else v
dash = (row(["SofS-dashboard — registraties per traject"]) + row(["Organisatie: Demo-regio · export van 5/10/2023"]) +
        "<table:table-row><table:table-cell/></table:table-row>" + "".join(row([typed(v) for v in r]) for r in srows))
notes = (row(["Toelichting"]) + row(["Ingevuld door de teamcoach; stappen zonder datum zijn (nog) niet gezet."]) +
         row(["Fictieve demogegevens."]))
write("sofs_dashboard", [table("Registraties", dash), table("Toelichting", notes)])
frm = (row(["Kind ID", "Teller", "Noemer", "Som", "Oordeel", "Groot"]) +
       "".join(row([k, str(a), str(b), (f"B{i}+C{i}",), (f'IF(B{i}>5;"hoog";"laag")',), (f"B{i}>C{i}",)]) for i, (k, a, b) in
               enumerate([("K1", 6, 3), ("K2", 4, 0), ("K3", 5, 2), ("K4", 9, 4)], start=2)))
write("formulas", [table("Blad1", frm)])
PY
lo xlsx "" "$tmp/sofs_dashboard.fods"
cp "$tmp/out/sofs_dashboard.xlsx" "$out/sofs_dashboard.xlsx"
lo xls "" "$tmp/formulas.fods"
cp "$tmp/out/formulas.xls" "$out/formulas.xls"
for name in binc_title_rows binc_sheets merged_header error_cells; do
  for f in xlsx ods xls; do lo "$f" "" "$tmp/$name.fods"; cp "$tmp/out/$name.$f" "$out/$name.$f"; done
done
for f in xlsx xls; do lo "$f" "" "$tmp/binc_1904.fods"; cp "$tmp/out/binc_1904.$f" "$out/binc_1904.$f"; done
ls -l "$out"
