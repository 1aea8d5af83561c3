#!/usr/bin/env python3
"""Writes the fictitious profile test files. Every planted problem is listed next to its ORIGINAL row number
(header = row 1); tests/unit/test_profile_validation.cpp and tests/e2e/profiles.test.mjs assert them."""
import os
here = os.path.dirname(os.path.abspath(__file__))

# --- SofS dashboard export: Windows-1252, semicolons, dd/mm/yyyy, CRLF -------------------------------------------
sofs_header = ["Identificatiecode", "Organisatie", "Startdatum traject", "Startdatum consulent", "Typering casus",
               "Mapping intern", "Mapping met familie", "3 huizen", "Gevaarsboodschap", "Veiligheidsdoel",
               "Netwerk met aantal", "Netwerkberaden", "Veiligheidsschaal", "Traject", "W&P",
               "Veiligheidsplan volwassenen", "Kindversie veiligheidsplan", "Plan B", "Plan B in werking", "Einddatum",
               "Veiligheidsdoel CB", "Veiligheidsdoel consulent", "Opmerking"]
sofs_rows = [
 # row 2
 ["SOFS-001", "ORG-A", "03/05/2021", "10/05/2021", "IFG", "17/05/2021", "24/05/2021", "14/06/2021", "21/06/2021", "28/06/2021", "4", "6", "19/07/2021", "26/07/2021", "16/08/2021", "13/09/2021", "20/09/2021", "netwerk", "nee", "15/03/2022", "ja", "nee", "Moeder wil één gesprek per week"],
 ["SOFS-002", "ORG-A", "17/06/2021", "", "V", "21/06/2021", "28/06/2021", "nee", "19/07/2021", "26/07/2021", "3", "4", "23/08/2021", "nee", "nee", "18/10/2021", "nee", "verblijf", "14/02/2022", "28/02/2022", "ja", "ja", ""],
 # row 4: netwerkberaden holds a date -> date_in_count
 ["SOFS-003", "ORG-B", "14/09/2021", "14/09/2021", "EM", "20/09/2021", "27/09/2021", "18/10/2021", "25/10/2021", "15/11/2021", "5", "12/03/2022", "13/12/2021", "nee", "17/01/2022", "14/02/2022", "21/02/2022", "", "nee", "30/06/2022", "ja", "nee", "Grootmoeder neemt deel"],
 # row 5: impossible date in the adult plan -> impossible_date
 ["SOFS-004", "ORG-B", "18/10/2021", "", "IFG", "25/10/2021", "ja", "15/11/2021", "22/11/2021", "13/12/2021", "2", "3", "nee", "nee", "nee", "31/02/2023", "nee", "netwerk", "nee", "29/09/2023", "ja", "nee", ""],
 # row 6: W&P dated after the end date -> step_after_end
 ["SOFS-005", "ORG-C", "22/11/2021", "22/11/2021", "SM", "29/11/2021", "06/12/2021", "17/01/2022", "24/01/2022", "14/02/2022", "6", "9", "14/03/2022", "21/03/2022", "19/12/2022", "16/05/2022", "23/05/2022", "verblijf", "nee", "30/11/2022", "ja", "ja", ""],
 # row 7: netwerkberaden holds a date -> date_in_count
 ["SOFS-006", "ORG-C", "13/01/2022", "", "IFG", "17/01/2022", "24/01/2022", "14/02/2022", "21/02/2022", "28/02/2022", "4", "15/09/2022", "21/03/2022", "28/03/2022", "25/04/2022", "16/05/2022", "nee", "netwerk", "nee", "", "ja", "nee", ""],
 # row 8: adult plan dated before the start -> step_before_start
 ["SOFS-007", "ORG-D", "15/02/2022", "", "FM", "21/02/2022", "28/02/2022", "21/03/2022", "28/03/2022", "25/04/2022", "5", "7", "23/05/2022", "nee", "20/06/2022", "17/01/2022", "nee", "", "nee", "14/12/2022", "ja", "nee", ""],
 # row 9: no identifier -> row_no_identifier (row excluded)
 ["", "ORG-D", "14/03/2022", "", "V", "21/03/2022", "28/03/2022", "nee", "nee", "25/04/2022", "1", "2", "nee", "nee", "nee", "nee", "nee", "", "nee", "", "ja", "nee", "Fiche zonder code"],
 # row 10: no start date -> row_no_start (row excluded)
 ["SOFS-009", "ORG-A", "", "", "IFG", "19/04/2022", "26/04/2022", "nee", "nee", "nee", "2", "1", "nee", "nee", "nee", "nee", "nee", "", "nee", "", "nee", "nee", ""],
 # row 11: typering outside the code list ("Emotioneel", mappable to EM) -> not_in_code_list
 ["SOFS-010", "ORG-B", "16/05/2022", "16/05/2022", "Emotioneel", "23/05/2022", "30/05/2022", "20/06/2022", "27/06/2022", "18/07/2022", "3", "5", "22/08/2022", "29/08/2022", "19/09/2022", "17/10/2022", "24/10/2022", "netwerk", "nee", "", "ja", "ja", ""],
 # row 12: typering spelled out ("Verwaarlozing" is an alias of V: no flag)
 ["SOFS-011", "ORG-C", "13/06/2022", "", "Verwaarlozing", "20/06/2022", "27/06/2022", "18/07/2022", "25/07/2022", "16/08/2022", "4", "6", "19/09/2022", "26/09/2022", "17/10/2022", "14/11/2022", "21/11/2022", "verblijf", "12/12/2022", "", "ja", "nee", ""],
 # row 13: end date before the start date -> end_before_start
 ["SOFS-012", "ORG-D", "18/07/2022", "", "IFG", "25/07/2022", "01/08/2022", "nee", "nee", "nee", "2", "2", "nee", "nee", "nee", "nee", "nee", "", "nee", "02/01/2021", "ja", "nee", ""],
 # row 14: a danger statement dated 2031 -> date_out_of_range (open trajectory)
 ["SOFS-013", "ORG-A", "16/08/2022", "16/08/2022", "IFG", "22/08/2022", "29/08/2022", "19/09/2022", "03/04/2031", "17/10/2022", "5", "4", "14/11/2022", "nee", "nee", "nee", "nee", "netwerk", "nee", "nee", "ja", "ja", ""],
 # row 15: "ja" = taken, date unknown (no flag)
 ["SOFS-014", "ORG-B", "12/09/2022", "", "EM", "19/09/2022", "ja", "ja", "24/10/2022", "14/11/2022", "3", "3", "12/12/2022", "nee", "nee", "nee", "nee", "", "nee", "", "ja", "nee", ""],
 # row 16: text in a step -> invalid_date
 ["SOFS-015", "ORG-C", "17/10/2022", "", "IFG", "24/10/2022", "31/10/2022", "21/11/2022", "28/11/2022", "19/12/2022", "6", "8", "misschien", "23/01/2023", "20/02/2023", "20/03/2023", "nee", "verblijf", "nee", "", "ja", "nee", ""],
 # row 17: negative count -> out_of_range
 ["SOFS-016", "ORG-D", "14/11/2022", "", "V", "21/11/2022", "28/11/2022", "nee", "19/12/2022", "16/01/2023", "2", "-2", "nee", "nee", "nee", "nee", "nee", "", "nee", "", "ja", "nee", ""],
 # row 18: duplicate identifier (SOFS-001 again) -> duplicate_identifier
 ["SOFS-001", "ORG-A", "12/12/2022", "", "IFG", "19/12/2022", "26/12/2022", "16/01/2023", "23/01/2023", "13/02/2023", "4", "5", "13/03/2023", "nee", "17/04/2023", "15/05/2023", "nee", "netwerk", "nee", "", "ja", "nee", "Tweede traject zelfde gezin"],
 # row 19: plan B outside its list ("grootouders") -> not_in_code_list; plan B "in netwerk" is an alias elsewhere
 ["SOFS-018", "ORG-B", "16/01/2023", "", "IFG", "23/01/2023", "30/01/2023", "20/02/2023", "27/02/2023", "20/03/2023", "5", "6", "17/04/2023", "24/04/2023", "nee", "19/06/2023", "nee", "grootouders", "nee", "", "ja", "ja", ""],
 # row 20: partnership cell that is not ja/nee -> invalid_bool
 ["SOFS-019", "ORG-C", "13/02/2023", "", "Geen", "20/02/2023", "27/02/2023", "nee", "20/03/2023", "17/04/2023", "3", "4", "nee", "nee", "nee", "nee", "nee", "in netwerk", "nee", "", "misschien", "nee", ""],
 # row 21: a clean, recent open trajectory
 ["SOFS-020", "ORG-A", "14/08/2023", "21/08/2023", "IFG", "21/08/2023", "28/08/2023", "18/09/2023", "25/09/2023", "nee", "4", "1", "nee", "nee", "nee", "nee", "nee", "netwerk", "nee", "", "ja", "ja", ""],
]
assert all(len(r) == len(sofs_header) for r in sofs_rows), [len(r) for r in sofs_rows]
with open(os.path.join(here, "sofs_export.csv"), "wb") as f:
    f.write((";".join(sofs_header) + "\r\n").encode("cp1252"))
    for r in sofs_rows:
        f.write((";".join(r) + "\r\n").encode("cp1252"))

# --- Binc module file: UTF-8, semicolons, dd/mm/yyyy --------------------------------------------------------------
binc_header = ["Kind ID", "Gezin ID", "Module ID", "Module", "Begindatum", "Einddatum", "Schakeling", "Begeleidingsjaar",
               "VZB organisatietype", "Organisatie"]
SOFS = "Contextbegeleiding i.f.v. veiligheidsplanning SofS"
OBJV = "Organisatie voor bijzondere jeugdzorg met verblijf"
binc_rows = [
 ["K001", "G01", "M001", "Crisisbegeleiding", "04/01/2021", "15/02/2021", "1", "2021", "Crisishulp aan huis", "ORG-A"],       # row 2
 ["K001", "G01", "M002", SOFS, "01/03/2021", "30/11/2021", "2", "2021", OBJV, "ORG-A"],                                       # row 3
 ["K002", "G02", "M003", SOFS, "15/04/2021", "10/03/2021", "1", "2021", OBJV, "ORG-B"],                                       # row 4: end before start
 ["K002", "G02", "M004", "Gezinsbegeleiding", "12/05/2022", "", "2", "2022", "Pleegzorg", "ORG-B"],                            # row 5
 ["K003", "G03", "M005", SOFS, "20/09/2021", "", "1", "2021", "Niet van toepassing", "ORG-C"],                               # row 6: NVT is a real category here
 ["K004", "G04", "M006", SOFS, "13/10/2021", "17/06/2022", "3", "2021", "Centrum voor Integrale Gezinszorg", "ORG-C"],         # row 7: alias, no flag
 ["K005", "G05", "M007", SOFS, "22/11/2021", "", "1", "2021", "Gemeenschapsinstelling", "ORG-D"],                            # row 8: not in code list
 ["", "G06", "M008", SOFS, "14/12/2021", "", "1", "2021", OBJV, "ORG-D"],                                                      # row 9: no identifier
 ["K007", "G07", "M009", SOFS, "", "", "1", "2022", OBJV, "ORG-A"],                                                            # row 10: no start
 ["K008", "G08", "M010", "Begeleid zelfstandig wonen", "17/01/2022", "30/06/2022", "1", "2022", "Organisatie voor bijzondere jeugdzorg zonder verblijf", "ORG-B"],  # row 11: open list, shown as unlisted
 ["K008", "G08", "M011", SOFS, "30/02/2022", "", "2", "2022", OBJV, "ORG-B"],                                                  # row 12: impossible start -> excluded
 ["K009", "G09", "M012", SOFS, "14/03/2022", "", "twee", "2022", "Centrum Kinderzorg en Gezinsondersteuning", "ORG-C"],        # row 13: not a number
 ["K010", "G10", "M013", SOFS, "19/04/2022", "21/12/2022", "1", "2022", "Pleegzorg", "ORG-C"],                                 # row 14
 ["K010", "G10", "M014", "Verblijf voor kinderen korte duur", "02/05/2022", "27/05/2022", "2", "2022", "Pleegzorg", "ORG-C"],  # row 15
 ["K011", "G11", "M015", SOFS, "13/06/2022", "", "1", "2022", OBJV, "ORG-D"],                                                  # row 16
 ["K012", "G12", "M016", SOFS, "18/07/2023", "", "4", "2023", "Onthaal-, observatie- en oriëntatiecentrum", "ORG-A"],          # row 17
]
with open(os.path.join(here, "binc_modules.csv"), "wb") as f:
    f.write((";".join(binc_header) + "\r\n").encode("utf-8"))
    for r in binc_rows:
        assert len(r) == len(binc_header)
        f.write((";".join(r) + "\r\n").encode("utf-8"))

# --- Binc client file: one row per child, keyed by Kind ID ---------------------------------------------------------
client_header = ["Kind ID", "Geslacht", "Instroomleeftijd", "Dagbesteding", "Opleidingsniveau", "Aantal jaren schoolachterstand",
                 "Niet-begeleide minderjarige", "Gezinssituatie", "Adoptiegezin", "Pleeggezin",
                 "Pleegzorg op een bepaald moment in traject", "Aantal kinderen in het gezin", "Huisvesting", "Thuistaal",
                 "Gezondheid gezinsleden", "Schuldenlast", "Opleidingsniveau opvoedingsfiguur", "Arbeidssituatie combinatie"]
NVT = "Niet van toepassing"
client_rows = [
 ["K001", "Mannelijk", "6", "Schoolgaand", "Lager onderwijs", "0", "Nee", "Kerngezin", "Nee", "Nee", "Nee", "2", "Positief", "Nederlands", "Positief", "Nee", "Hoger secundair onderwijs", "Inkomen uit arbeid voltijds"],   # row 2
 ["K002", "Vrouwelijk", "3", "Nog niet schoolgaand", "Kleuteronderwijs", NVT, "Nee", "Eenoudergezin moeder", "Nee", "Nee", "Ja, netwerkpleegzorg in familiaal netwerk", "3", "Negatief", "Nederlands en andere", "Negatief", "Ja", "Lager secundair onderwijs", "Vervangingsinkomen"],  # row 3
 ["K003", "Vrouwelijk", "12", NVT, NVT, NVT, NVT, NVT, NVT, NVT, "Nee", "1", NVT, NVT, NVT, NVT, NVT, NVT],                 # row 4: NVT for family variables
 ["K004", "X", "9", "Schoolgaand", "Lager onderwijs", "1", "Nee", "Nieuw-samengesteld gezin vader", "Nee", "Nee", "Ja, bestandspleegzorg", "4", "Positief", "Andere", "Positief", "Nee", "Geen", "Inkomen uit arbeid voltijds + onbekend"],  # row 5: geslacht not in list
 ["K005", "Mannelijk", "15", "Schoolgaand", "BSO", "2", "Nee", "Bi-locatieregeling (co-ouderschap)", "Nee", "Nee", "Nee", "2", "Positief", "Nederlands", "Positief", "Missing", "Hoger onderwijs", "voltijds+vervangingsinkomen"],  # row 6: combination in short form (alias)
 ["K007", "Vrouwelijk", "42", "Schoolgaand", "ASO", "0", "Nee", "Kerngezin", "Nee", "Nee", "Nee", "1", "Positief", "Nederlands", "Positief", "Nee", "Hoger onderwijs", "Inkomen uit arbeid deeltijds + inkomen uit arbeid voltijds"],  # row 7: age out of range
 ["K008", "Mannelijk", "0", "Nog niet schoolgaand", NVT, NVT, "Nee", "Familie", "Nee", "Ja", "Ja, netwerkpleegzorg in sociaal netwerk", "5", "Negatief", "Nederlands", "Negatief", "Ja", "Geen", "Geen + vervangingsinkomen"],  # row 8
 ["K009", "Mannelijk", "7", "Schoolgaand", "Lager onderwijs", "0", "Nee", "Kerngezin", "", "", "Nee", "", "Positief", "Nederlands", "Positief", "", "", ""],  # row 9: empty = Missing
 ["K004", "X", "9", "Schoolgaand", "Lager onderwijs", "1", "Nee", "Kerngezin", "Nee", "Nee", "Nee", "4", "Positief", "Andere", "Positief", "Nee", "Geen", "Geen"],  # row 10: duplicate Kind ID (+ geslacht X again)
 ["K010", "Vrouwelijk", "4", "Nog niet schoolgaand", "Kleuteronderwijs", NVT, "Nee", "Eenoudergezin vader", "Nee", "Nee", "Nee", "2", "Positief", "Nederlands", "Positief", "Nee", "Postsecundair onderwijs", "Wisselende arbeidssituatie"],  # row 11
 ["K011", "Mannelijk", "10", "Spijbelen", "Lager onderwijs", "2", "Ja", "Monolocatieregeling", "Nee", "Nee", "Nee", "3", "Negatief", "Andere", "Positief", "Ja", "Lager onderwijs", "Geen"],  # row 12
 ["K012", "Vrouwelijk", "16", "Andere", "TSO", "1", "Nee", "Andere", "Nee", "Nee", "Nee", "1", "Positief", "Nederlands", "Positief", "Nee", "Hoger secundair onderwijs", "Inkomen uit arbeid deeltijds"],  # row 13
]
with open(os.path.join(here, "binc_clients.csv"), "wb") as f:
    f.write((";".join(client_header) + "\r\n").encode("utf-8"))
    for r in client_rows:
        assert len(r) == len(client_header)
        f.write((";".join(r) + "\r\n").encode("utf-8"))
print("ok")
