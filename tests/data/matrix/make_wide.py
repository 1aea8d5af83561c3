#!/usr/bin/env python3
"""Writes the wide sheet as the researchers keep it (tests/data/matrix/breed_opgroeien.csv) from the demo's cells:
one row per characteristic with the frozen columns of the Odisee schema (Kenmerken, Oorspronkelijke formuleringen
regelgeving Vroeg en nabij, Aangepaste formuleringen ...) and no id column, then one column per support form headed
by its label, each cell "CODE" or "CODE | celtekst" (version "auteurs"), empty for an empty cell.

  build/zicht demo --profile matrix --part cells --out /tmp/cells.csv
  python3 tests/data/matrix/make_wide.py /tmp/cells.csv assets/matrix > tests/data/matrix/breed_opgroeien.csv
"""
import csv
import io
import sys

cells_path, dictionary = sys.argv[1], sys.argv[2]
chars = list(csv.DictReader(open(f'{dictionary}/characteristics.csv', encoding='utf-8')))
forms = list(csv.DictReader(open(f'{dictionary}/support_forms.csv', encoding='utf-8')))
cells = {}
for r in csv.DictReader(open(cells_path, encoding='utf-8'), delimiter=';'):
    if r['version'] != 'auteurs':
        continue
    code = r['classification']
    note = r['note_nl']
    cells[(r['support_form_id'], r['characteristic_id'])] = (code + (' | ' + note if note else '')) if code else note
out = io.StringIO()
w = csv.writer(out, delimiter=';', lineterminator='\r\n')
w.writerow(['Kenmerken', 'Oorspronkelijke formuleringen regelgeving Vroeg en nabij',
            'Aangepaste formuleringen i.f.v. overlap vermijden en op basis van input bij opmaak van de 24 fiches']
           + [f['label_nl'] for f in forms])
for c in chars:
    w.writerow([c['group_nl'], c['to_reference_text'], c['label_nl']]
               + [cells.get((f['support_form_id'], c['characteristic_id']), '') for f in forms])
sys.stdout.write(out.getvalue())
