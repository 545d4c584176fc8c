#!/usr/bin/env python3
"""Write the demo Flemish sample records as one MARCXML collection.

    .venv/bin/python resources/sample/make_demo_records.py [OUTPUT.xml]

Without an argument it (re)writes
``demo-flemish-records-codes-assigned-for-demonstration.xml`` next to this script. The
output is deterministic: same script, same bytes (fixed seed, fixed dates, sorted fields).

What is real and what is made up (README.md says the same):
- real: the works. Author, title, subtitle, original title and original language are
  public bibliographic facts about well-known books; the summaries (520) are our own words.
- made up for the demo: everything else. 001 numbers (DEMO...), imprints (publisher, place,
  year, pages, edition statements are plausible values, not a check of a real printing),
  items (852) and barcodes, spine-label fields (999), AVI levels (090), audiences (521),
  themes (600/650 $9 vth/jth), and ALL genre (650 $9 vge/jge), SISO (084) and ZIZO (693)
  assignments. No record was copied from Open Vlacc.
- codes and genre terms come only from ../../../shared/vocab/ (zizo.tsv, siso.tsv,
  genres.tsv), rows with a "confirmed" status; tests/core/test_sample_data.py checks that.
- no ISBN is given as valid: a few records carry 020 $z with a deliberately wrong check
  digit, to show the "invalid ISBN" case.

The record layout follows shared/vocab/openvlacc_marc_fields.tsv and the six 1983-era
Open Vlacc MARCXML records described there: 008 with only date entered, date 1, /33
literary type (1 fiction, 0 non-fiction) and /35-37 language; 041 $h original language;
245 $h material designation after $c; 521 audience; 534 $a original title; 650 $a term
$9 marker. 040 says DEMO, not VLACC.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

SEED = 20261123
MARC_NS = "http://www.loc.gov/MARC21/slim"
OUT_NAME = "demo-flemish-records-codes-assigned-for-demonstration.xml"
ENTERED = "261123"  # 008/00-05, the same for every demo record
LAST_CHANGE = "20261123120000.0"  # 005

# The four pilot libraries: (852 $a, barcode infix)
LIBRARIES = [("Bibliotheek Aalst", "AAL"), ("Bibliotheek Turnhout", "TUR"),
             ("Bibliotheek Brakel", "BRA"), ("Bibliotheek Roeselare", "ROE")]

# ZIZO rubric paths exactly as zizo.tsv gives them (name_full split on " > ").
# 693 ind2 '2' is seen on the ZIZO Volwassenen record only; youth gets a blank.
ZIZO = {
    "MMSOAZ": ("2", ["Kunst", "Muziek maken", "Songbooks", "Songbooks"]),
    "MEGEV": (" ", ["Mens", "Gevoelens - Gedrag"]),
}
ZIZO_LABEL_LETTERS = {"MMSOAZ": "MM"}  # 999 $c as seen; unknown for other codes, so no label

# kind: (leader/06, 008/33, 245 $h, department in 852 $b, youth?)
KINDS = {
    "F": ("a", "1", "BOEK", "Volwassenen", False),   # adult fiction
    "J": ("a", "1", "BOEK", "Jeugd", True),          # youth fiction
    "N": ("a", "0", "BOEK", "Volwassenen", False),   # adult non-fiction
    "JN": ("a", "0", "BOEK", "Jeugd", True),         # youth non-fiction
    "M": ("c", "0", "BLADMUZIEK", "Muziek", False),  # printed music (songbooks)
}

NOT_GIVEN = object()


@dataclass
class Rec:
    kind: str
    author: str | None
    title: str
    imprint: tuple[str, str, int]
    pages: str
    b: str | None = None            # 245 $b
    n: str | None = None            # 245 $n
    c: str | None = None            # 245 $c
    ed: str | None = None           # 250
    ser: tuple[str, str] | None = None  # 490 $a $v
    orig: tuple[str, str] | None = None  # 534 $a, 041 $h
    trl: str | None = None          # 700 translator
    edt: tuple[tuple[str, str], ...] = ()  # other 700s: (name, relator)
    rel: str = "aut"                # 100 $4
    aud: object = NOT_GIVEN         # 521 $a; None = missing on purpose
    avi: str | None = None          # 090 $a
    g: str = ""                     # genres, "|"-separated
    th: str = ""                    # themes, "|"-separated
    per: tuple[tuple[str, str | None], ...] = ()  # 600 persons: (name, $c)
    siso: str | None = None
    zizo: str | None = None
    label: bool = False             # 999 spine-label fields
    isbn_z: bool = False            # 020 $z with a wrong check digit
    lit: str | None = None          # 008/33 override (" " = missing on purpose)
    lang: str = "dut"
    ill: bool = False
    s: str = ""                     # 520 summary
    gaps: tuple[str, ...] = field(default=())


def R(kind, author, title, imprint, pages, **kw):
    return Rec(kind, author, title, imprint, pages, **kw)


A = "Amsterdam"
BB = (A, "De Bezige Bij")
Q = (A, "Querido")
HL = ("Milwaukee", "Hal Leonard")

# One line per record. Editions: the three Claus records. Translations of one work: the two
# Dostojevski, two Cervantes and two Collodi records (same 100 and 534 $a, other 245).
RECORDS = [
    # --- adult fiction ------------------------------------------------------------------------
    R("F", "Claus, Hugo", "Het verdriet van België", (*BB, 1983), "775 p.", c="Hugo Claus", g="Romans|Oorlogsromans", th="Tweede Wereldoorlog|Collaboratie|Opgroeien|West-Vlaanderen", s="Louis Seynaeve groeit op in West-Vlaanderen voor en tijdens de Tweede Wereldoorlog, in een katholiek milieu waarin collaboratie en kleinburgerlijkheid de toon zetten."),
    R("F", "Claus, Hugo", "Het verdriet van België", (*BB, 1986), "775 p.", c="Hugo Claus", ed="9de dr.", g="Romans|Oorlogsromans", th="Tweede Wereldoorlog|Collaboratie|Opgroeien", s="Louis Seynaeve groeit op in West-Vlaanderen voor en tijdens de Tweede Wereldoorlog, in een katholiek milieu waarin collaboratie en kleinburgerlijkheid de toon zetten."),
    R("F", "Claus, Hugo", "Het verdriet van België", (*BB, 2013), "719 p.", c="Hugo Claus", ed="30ste dr.", g="Romans|Oorlogsromans", th="Tweede Wereldoorlog|Collaboratie|Opgroeien", s="De jonge Louis Seynaeve ziet zijn familie en zijn dorp schipperen tussen het Vlaams-nationalisme, de collaboratie en de angst voor wat na de bevrijding komt."),
    R("F", "Elsschot, Willem", "Kaas", (A, "Athenaeum-Polak & Van Gennep", 2003), "120 p.", g="Romans", th="Handel|Antwerpen|Kantoorleven", s="Frans Laarmans, klerk bij een scheepvaartmaatschappij in Antwerpen, wordt algemeen agent voor Nederlandse kaas en verliest zich in zijn nieuwe zakenleven."),
    R("F", "Elsschot, Willem", "Het dwaallicht", (A, "Athenaeum-Polak & Van Gennep", 2004), "74 p.", g="Novelles", th="Antwerpen|Eenzaamheid", s="Op een regenachtige novemberavond helpt Frans Laarmans drie buitenlandse zeelieden in Antwerpen zoeken naar een meisje dat hun een adres heeft gegeven."),
    R("F", "Boon, Louis Paul", "De Kapellekensbaan", (A, "De Arbeiderspers", 1953), "399 p.", g="Romans", th="Aalst|Armoede|Socialisme", s="Kroniek van Ondineke, een meisje uit een arm milieu in Aalst aan het einde van de negentiende eeuw, afgewisseld met gesprekken van de schrijver en zijn vrienden in de jaren vijftig."),
    R("F", "Boon, Louis Paul", "Pieter Daens", (A, "De Arbeiderspers", 1971), "518 p.", b="of hoe in de negentiende eeuw de arbeiders van Aalst vochten tegen armoede en onrecht", g="Romans|Historische literatuur", th="Aalst|Arbeiders|Sociale strijd", per=(("Daens, Adolf", None),), s="Geromanceerde geschiedenis van de drukker Pieter Daens en zijn broer, priester Adolf Daens, in de strijd voor de Aalsterse arbeiders."),
    R("F", "Conscience, Hendrik", "De leeuw van Vlaenderen", ("Leuven", "Davidsfonds", 2002), "412 p.", b="of De slag der gulden sporen", g="Romans|Historische literatuur", th="Guldensporenslag|Middeleeuwen|Vlaanderen", s="Historische roman over de Vlaamse opstand tegen de Franse koning Filips de Schone, met Robrecht van Bethune, de 'leeuw van Vlaanderen', en de Guldensporenslag van 1302."),
    R("F", "Streuvels, Stijn", "De vlaschaard", ("Tielt", "Lannoo", 1999), "296 p.", g="Romans|Streek- en familieromans", th="Platteland|Vader en zoon|Vlasteelt", s="Op een West-Vlaamse hoeve botst boer Vermeulen met zijn zoon Louis over het werk op de vlasakker."),
    R("F", "Timmermans, Felix", "Pallieter", (A, "P.N. van Kampen & Zoon", 1916), "270 p.", g="Romans|Streek- en familieromans", th="Levensvreugde|Natuur|Lier", s="Pallieter leeft uitbundig en zorgeloos in het Netelandschap bij Lier en viert het leven door de seizoenen heen."),
    R("F", "Claes, Ernest", "De Witte", ("Leuven", "Davidsfonds", 1995), "183 p.", g="Romans|Streek- en familieromans|Verfilmde boeken", th="Kinderen|Platteland|Zichem", s="De streken en avonturen van de Witte, een koppige boerenjongen met wit haar uit Zichem."),
    R("F", "Buysse, Cyriel", "Het gezin van Paemel", ("Gent", "Snoeck-Ducaju & Zoon", 1903), "104 p.", g="Toneelteksten", th="Boeren|Sociale ongelijkheid|Vlaanderen", s="Toneelstuk over een arm Vlaams boerengezin dat leeft onder het juk van de kasteelheer en de pastoor."),
    R("F", "Lanoye, Tom", "Sprakeloos", (A, "Prometheus", 2009), "387 p.", g="Romans|Autobiografische literatuur", th="Moeders|Afasie|Sint-Niklaas", isbn_z=True, s="De schrijver brengt een eerbetoon aan zijn moeder, een bevlogen amateurtoneelspeelster die na een beroerte haar spraak verliest."),
    R("F", "Verhulst, Dimitri", "De helaasheid der dingen", (A, "Contact", 2006), "208 p.", g="Romans|Autobiografische literatuur|Verfilmde boeken", th="Alcoholisme|Familie|Opgroeien", s="Dimitri groeit op bij zijn vader en ooms in het huis van zijn grootmoeder in Reetveerdegem, tussen drank, armoede en ruwe tederheid."),
    R("F", "Hertmans, Stefan", "Oorlog en terpentijn", (*BB, 2013), "335 p.", g="Romans|Oorlogsromans", th="Eerste Wereldoorlog|Grootouders|Schilderkunst", s="Aan de hand van de schriften van zijn grootvader Urbain Martien reconstrueert de verteller diens jeugd in Gent, zijn jaren als soldaat aan de IJzer en zijn leven als schilder."),
    R("F", "Olyslaegers, Jeroen", "Wil", (*BB, 2016), "334 p.", g="Romans|Oorlogsromans", th="Tweede Wereldoorlog|Antwerpen|Collaboratie", s="Wilfried Wils, hulpagent in het bezette Antwerpen, laveert tussen collaboratie en verzet en kijkt als oude man terug op zijn schuld."),
    R("F", "Mortier, Erwin", "Godenslaap", (*BB, 2008), "409 p.", g="Romans|Oorlogsromans", th="Eerste Wereldoorlog|Herinneringen|Ouderdom", s="Een oude vrouw blikt terug op haar jeugd en op de Eerste Wereldoorlog, die ze als jong meisje meemaakte."),
    R("F", "Aspe, Pieter", "Het vierkant van de wraak", ("Antwerpen", "Manteau", 1995), "239 p.", g="Detectives", th="Brugge|Wraak", per=(("Van In, Pieter", "personage"),), s="Eerste roman met de Brugse commissaris Pieter Van In."),
    R("F", "Geeraerts, Jef", "De zaak Alzheimer", ("Antwerpen", "Manteau", 1985), "236 p.", g="Thrillers|Verfilmde boeken", th="Dementie|Huurmoordenaars|Antwerpen", s="Een huurmoordenaar die aan de ziekte van Alzheimer lijdt, weigert een opdracht en wordt zelf een doelwit, terwijl twee Antwerpse speurders de zaak onderzoeken."),
    R("F", "Haasse, Hella S.", "Het woud der verwachting", (A, "Querido", 1949), "535 p.", g="Romans|Historische literatuur", th="Middeleeuwen|Frankrijk", per=(("Charles d'Orléans", None),), s="Het leven van de Franse prins en dichter Charles d'Orléans, die na de slag bij Azincourt vijfentwintig jaar gevangen zat in Engeland."),
    R("F", "Mulisch, Harry", "De aanslag", (*BB, 1982), "247 p.", g="Romans|Oorlogsromans|Verfilmde boeken", th="Tweede Wereldoorlog|Verzet|Schuld", s="Na een aanslag op een foute politieman in Haarlem, in de hongerwinter van 1945, wordt het gezin van de twaalfjarige Anton Steenwijk uitgemoord; die avond blijft zijn hele leven bepalen."),
    R("F", "Reve, Gerard", "De avonden", (A, "De Bezige Bij", 1981), "240 p.", b="een winterverhaal", g="Romans", th="Verveling|Familie|Amsterdam", s="Frits van Egters brengt de laatste tien dagen van 1946 door in Amsterdam, tussen zijn ouders, zijn vrienden en eindeloze gesprekken."),
    R("F", "Multatuli", "Max Havelaar", (A, "L.J. Veen", 1992), "335 p.", b="of de koffi-veilingen der Nederlandsche Handel-Maatschappy", g="Romans", th="Kolonialisme|Nederlands-Indië|Uitbuiting", s="De idealistische ambtenaar Max Havelaar verzet zich op Java tegen de uitbuiting van de bevolking, terwijl de Amsterdamse koffiemakelaar Batavus Droogstoppel zijn verhaal tegen wil en dank uitgeeft."),
    R("F", "Noort, Saskia", "De eetclub", (A, "Anthos", 2004), "279 p.", g="Thrillers|Verfilmde boeken", th="Vriendschap|Moord|Rijkdom", s="Wanneer in een hechte vriendengroep met een eigen eetclub een man om het leven komt, groeit bij Karen het wantrouwen."),
    R("F", "Campert, Remco", "Het leven is vurrukkulluk", (*BB, 1961), "134 p.", g="Romans", th="Amsterdam|Liefde|Jeugd", s="Lichtvoetig verhaal over jonge mensen in het Amsterdam van eind jaren vijftig, hun liefdes en hun rusteloosheid."),
    R("F", "Christie, Agatha", "Moord in de Oriënt-expres", ("Utrecht", "A.W. Bruna", 2005), "220 p.", orig=("Murder on the Orient Express", "eng"), g="Detectives|Verfilmde boeken", th="Treinen|Moord", per=(("Poirot, Hercule", "personage"),), s="Hercule Poirot onderzoekt een moord in de Oriënt-expres, die vaststeekt in de sneeuw, en ontdekt dat elke passagier een motief heeft."),
    R("F", "Dostojevski, Fjodor", "Schuld en boete", (A, "G.A. van Oorschot", 1996), "620 p.", orig=("Prestuplenie i nakazanie", "rus"), g="Romans", th="Moord|Schuldgevoel|Sint-Petersburg", s="De arme student Raskolnikov vermoordt in Sint-Petersburg een oude woekeraarster en wordt daarna verteerd door schuldgevoel."),
    R("F", "Dostojevski, Fjodor", "Misdaad en straf", (A, "Athenaeum-Polak & Van Gennep", 2016), "686 p.", orig=("Prestuplenie i nakazanie", "rus"), g="Romans", th="Moord|Armoede|Sint-Petersburg", s="Raskolnikov, een verarmde oud-student, pleegt een moord om te bewijzen dat hij boven de moraal staat, en kan daarna met die daad niet leven."),
    R("F", "Cervantes Saavedra, Miguel de", "De vernuftige edelman Don Quijote van La Mancha", (A, "Athenaeum-Polak & Van Gennep", 1997), "1133 p.", orig=("El ingenioso hidalgo don Quijote de la Mancha", "spa"), trl="Pol, Barber van de", g="Romans", th="Ridders|Waanzin|Spanje", s="Een Spaanse edelman die te veel ridderromans gelezen heeft, trekt als dolende ridder de wereld in, met zijn schildknaap Sancho Panza."),
    R("F", "Cervantes Saavedra, Miguel de", "Don Quichot van La Mancha", ("Antwerpen", "Standaard", 1971), "488 p.", orig=("El ingenioso hidalgo don Quijote de la Mancha", "spa"), g="Romans", th="Ridders|Spanje", s="De avonturen van de verwarde edelman Don Quichot en zijn nuchtere schildknaap Sancho Panza."),
    R("F", "Orwell, George", "1984", (A, "De Arbeiderspers", 2010), "340 p.", orig=("Nineteen eighty-four", "eng"), g="Romans|Sciencefiction|Verfilmde boeken", th="Totalitarisme|Propaganda|Privacy", s="Winston Smith werkt op het Ministerie van Waarheid in een totalitaire staat waar Big Brother alles ziet, en waagt een verboden liefde."),
    R("F", "Tolkien, J.R.R.", "In de ban van de ring", ("Utrecht", "Het Spectrum", 1998), "1151 p.", orig=("The lord of the rings", "eng"), trl="Schuchart, Max", g="Fantasy|Verfilmde boeken", th="Magie|Vriendschap|Strijd tussen goed en kwaad", s="De hobbit Frodo moet de Ene Ring, waarmee de duistere heerser Sauron de wereld wil onderwerpen, vernietigen in de vuren van de Doemberg."),
    R("F", "Le Carré, John", "De spion die uit de kou kwam", (A, "Anthos", 2001), "256 p.", orig=("The spy who came in from the cold", "eng"), g="Spionageromans|Verfilmde boeken", th="Koude Oorlog|Berlijn|Geheime diensten", s="De Britse agent Alec Leamas laat zich op een laatste missie achter het IJzeren Gordijn sturen, in een spel van verraad tussen Londen en Oost-Berlijn."),
    R("F", "King, Stephen", "Het", (A, "Luitingh-Sijthoff", 2017), "1164 p.", orig=("It", "eng"), g="Griezelliteratuur|Verfilmde boeken", th="Angst|Vriendschap|Clowns", s="Zeven vrienden uit het stadje Derry keren als volwassenen terug om het kwaad te bestrijden dat hen als kinderen in de gedaante van een clown belaagde."),
    R("F", "Austen, Jane", "Trots en vooroordeel", (A, "Athenaeum-Polak & Van Gennep", 2013), "431 p.", orig=("Pride and prejudice", "eng"), g="Romans|Romantische literatuur|Verfilmde boeken", th="Liefde|Huwelijk|Engeland", s="Elizabeth Bennet en de trotse meneer Darcy moeten hun vooroordelen overwinnen voor ze elkaar vinden."),
    R("F", "Satrapi, Marjane", "Persepolis", (A, "Oog & Blik", 2005), "341 p.", ill=True, orig=("Persepolis", "fre"), g="Graphic novels|Autobiografische literatuur", th="Iran|Islamitische revolutie|Opgroeien", s="Marjane Satrapi vertelt in zwart-witte tekeningen over haar jeugd in Teheran tijdens en na de Islamitische revolutie, over haar jaren op het lycée français in Wenen en over haar terugkeer."),
    R("F", None, "De Nederlandse poëzie van de negentiende en twintigste eeuw in 1000 en enige gedichten", (A, "Bert Bakker", 1979), "1285 p.", c="gekozen door Gerrit Komrij", edt=(("Komrij, Gerrit", "com"),), g="Bloemlezingen", th="Poëzie", s="Bloemlezing uit de Nederlandstalige poëzie van de negentiende en de twintigste eeuw."),
    # --- youth fiction ------------------------------------------------------------------------
    R("J", "Lindgren, Astrid", "Pippi Langkous", (A, "Ploegsma", 2005), "160 p.", ill=True, orig=("Pippi Långstrump", "swe"), aud="Vanaf 6-8 jaar", avi="AVI-M6", g="Humor|Avonturenverhalen", th="Vriendschap|Jezelf zijn", s="Pippi woont alleen met haar paard en haar aapje in Villa Kakelbont en doet alles anders dan andere kinderen."),
    R("J", "Lindgren, Astrid", "De gebroeders Leeuwenhart", (A, "Ploegsma", 2003), "223 p.", orig=("Bröderna Lejonhjärta", "swe"), aud="Vanaf 9-11 jaar", g="Fantasieverhalen|Avonturenverhalen", th="Broers en zussen|Dood|Draken", s="Na hun dood komen de broers Jonathan en Karel terecht in Nangijala, waar ze strijden tegen de wrede Tengil en zijn draak Katla."),
    R("J", "Lindgren, Astrid", "Ronja de roversdochter", (A, "Ploegsma", 2004), "236 p.", orig=("Ronja rövardotter", "swe"), aud="Vanaf 9-11 jaar", g="Fantasieverhalen|Avonturenverhalen", th="Vriendschap|Rovers|Bossen", s="Ronja, de dochter van roverhoofdman Mattis, sluit vriendschap met Birk, de zoon van de vijandige roversbende van Borka."),
    R("J", "Dahl, Roald", "De GVR", (A, "De Fontein", 2008), "206 p.", ill=True, orig=("The BFG", "eng"), aud="Vanaf 9-11 jaar", g="Humor|Fantasieverhalen", th="Reuzen|Dromen|Vriendschap", s="Het weesmeisje Sofie wordt 's nachts meegenomen door de Grote Vriendelijke Reus, die dromen vangt, en samen willen ze de mensenetende reuzen stoppen."),
    R("J", "Dahl, Roald", "Matilda", (A, "De Fontein", 2010), "232 p.", ill=True, orig=("Matilda", "eng"), aud="Vanaf 9-11 jaar", avi="AVI-Plus", g="Humor", th="Lezen|Schoolleven|Hoogbegaafdheid", s="De slimme Matilda, die door haar ouders genegeerd wordt, neemt het met bijzondere krachten op tegen de gemene schooldirectrice."),
    R("J", "Dahl, Roald", "De heksen", (A, "De Fontein", 2009), "208 p.", ill=True, orig=("The witches", "eng"), aud="Vanaf 9-11 jaar", g="Griezelverhalen|Humor", th="Heksen|Grootouders|Muizen", s="Een jongen en zijn grootmoeder ontdekken een congres van heksen die alle kinderen van Engeland in muizen willen veranderen."),
    R("J", "Schmidt, Annie M.G.", "Pluk van de Petteflet", Q + (1971,), "171 p.", ill=True, aud="Vanaf 6-8 jaar", avi="AVI-E5", g="Humor", th="Dieren|Vriendschap|Stad", s="Pluk rijdt rond in zijn rode kraanwagen en vindt een thuis in het torenkamertje van de Petteflet, waar hij bevriend raakt met de Stampertjes en een heleboel dieren."),
    R("J", "Biegel, Paul", "De kleine kapitein", ("Haarlem", "Holland", 1970), "139 p.", ill=True, aud="Vanaf 6-8 jaar", avi="AVI-M6", g="Avonturenverhalen|Fantasieverhalen", th="Zee|Schepen|Vriendschap", s="De kleine kapitein vaart met Podding en Marinka de zee op, op zoek naar het Eiland waar je groot wordt."),
    R("J", "Dragt, Tonke", "De brief voor de koning", ("Rotterdam", "Leopold", 2012), "464 p.", aud="Vanaf 12-14 jaar", g="Avonturenverhalen", th="Ridders|Middeleeuwen|Trouw", s="De zestienjarige Tiuri, die de volgende dag tot ridder geslagen zal worden, belooft een geheime brief naar de koning van Unauwen te brengen."),
    R("J", "Beckman, Thea", "Kruistocht in spijkerbroek", ("Rotterdam", "Lemniscaat", 1973), "333 p.", aud="Vanaf 12-14 jaar", g="Historische verhalen|Avonturenverhalen", th="Tijdreizen|Kinderkruistocht|Middeleeuwen", s="Door een mislukte proef met een tijdmachine belandt Dolf Wega in het jaar 1212, waar hij meetrekt met de kinderkruistocht."),
    R("J", "Kuijer, Guus", "Het boek van alle dingen", Q + (2004,), "103 p.", aud="Vanaf 9-11 jaar", g="Romans", th="Geloof|Huiselijk geweld|Jezelf zijn", isbn_z=True, s="Thomas, die dingen ziet die anderen niet zien, groeit op in een streng gelovig gezin met een gewelddadige vader en zoekt zijn eigen geluk."),
    R("J", "Provoost, Anne", "Vallen", ("Averbode", "Altiora", 1994), "260 p.", aud="Vanaf 15 jaar", g="Romans", th="Racisme|Extreemrechts|Schuld", s="Tijdens een zomer in het dorp van zijn overleden grootvader raakt Lucas in de ban van een extreemrechtse jongen en stuit hij op het oorlogsverleden van zijn familie."),
    R("J", "Beerten, Els", "Allemaal willen we de hemel", Q + (2008,), "574 p.", aud="Vanaf 15 jaar", g="Romans|Oorlogsverhalen|Historische verhalen", th="Tweede Wereldoorlog|Collaboratie|Vriendschap", s="Vier jongeren uit een Vlaams dorp maken elk hun eigen keuzes in de Tweede Wereldoorlog; jaren later moeten ze met de gevolgen leven."),
    R("J", "Terlouw, Jan", "Oorlogswinter", ("Rotterdam", "Lemniscaat", 1972), "184 p.", aud="Vanaf 12-14 jaar", g="Oorlogsverhalen", th="Tweede Wereldoorlog|Verzet|Moed", s="De vijftienjarige Michiel raakt in de laatste oorlogswinter betrokken bij het verzet wanneer hij voor een gewonde Engelse piloot moet zorgen."),
    R("J", "Terlouw, Jan", "Koning van Katoren", ("Rotterdam", "Lemniscaat", 1971), "203 p.", aud="Vanaf 9-11 jaar", g="Avonturenverhalen", th="Koningen|Moed", s="Stach wil koning worden van Katoren en moet daarvoor eerst zeven moeilijke opdrachten volbrengen."),
    R("J", "Rowling, J.K.", "Harry Potter en de steen der wijzen", ("Amsterdam", "De Harmonie", 1998), "223 p.", orig=("Harry Potter and the philosopher's stone", "eng"), trl="Buddingh', Wiebe", ser=("Harry Potter", "1"), aud="Vanaf 9-11 jaar", g="Fantasieverhalen", th="Tovenaars|Schoolleven|Vriendschap", s="Op zijn elfde verjaardag hoort Harry Potter dat hij een tovenaar is, en hij vertrekt naar de toverschool Zweinstein."),
    R("J", "Collodi, Carlo", "Pinokkio", ("Aartselaar", "Deltas", 2002), "96 p.", ill=True, orig=("Le avventure di Pinocchio", "ita"), aud="Vanaf 6-8 jaar", g="Fantasieverhalen", th="Liegen|Poppen", s="De houten pop Pinokkio, gemaakt door de oude Geppetto, beleeft allerlei avonturen voor hij een echte jongen wordt."),
    R("J", "Collodi, Carlo", "De avonturen van Pinokkio", (A, "Querido", 1987), "221 p.", ill=True, orig=("Le avventure di Pinocchio", "ita"), aud="Vanaf 9-11 jaar", g="Fantasieverhalen|Avonturenverhalen", th="Liegen|Vaders", s="Volledige vertaling van het Italiaanse verhaal over de ongehoorzame houten pop die een echte jongen wil worden."),
    R("J", "Kästner, Erich", "Emil en de detectives", ("Rotterdam", "Lemniscaat", 2008), "160 p.", ill=True, orig=("Emil und die Detektive", "ger"), aud="Vanaf 9-11 jaar", avi="AVI-Plus", g="Detectives", th="Diefstallen|Berlijn|Vriendschap", s="Emil wordt op de trein naar Berlijn bestolen en gaat met een bende Berlijnse kinderen de dief achterna."),
    R("J", "Hergé", "De krab met de gulden scharen", ("Doornik", "Casterman", 1990), "62 p.", ill=True, orig=("Le crabe aux pinces d'or", "fre"), ser=("De avonturen van Kuifje", "9"), aud="Vanaf 9-11 jaar", g="Stripverhalen|Avonturenverhalen", th="Smokkel|Zee", per=(("Kuifje", "personage"), ("Kapitein Haddock", "personage")), s="Kuifje komt opiumsmokkelaars op het spoor en ontmoet aan boord van de Karaboudjan voor het eerst kapitein Haddock."),
    R("J", "Velthuijs, Max", "Kikker en de vreemdeling", (A, "Leopold", 1993), "[26] p.", ill=True, aud="Vanaf 3-5 jaar", g="Prentenboeken", th="Vreemdelingen|Vriendschap|Vooroordelen", s="De dieren wantrouwen Rat, die zich aan de rand van het bos vestigt, maar Kikker ontdekt dat de vreemdeling veel te bieden heeft."),
    R("J", "Loon, Paul van", "Dolfje Weerwolfje", ("Den Haag", "Leopold", 2005), "95 p.", ill=True, ser=("Dolfje Weerwolfje", "1"), aud="Vanaf 6-8 jaar", avi="AVI-E4", g="Griezelverhalen|Humor", th="Weerwolven|Jezelf zijn|Familie", s="Op zijn zevende verjaardag verandert Dolfje bij volle maan in een weerwolfje, en dat moet geheim blijven."),
    R("J", "Schaap, Annet", "Lampje", Q + (2017,), "304 p.", ill=True, aud="Vanaf 9-11 jaar", g="Fantasieverhalen|Avonturenverhalen", th="Vuurtorens|Zeemeerminnen|Moed", s="Lampje, de dochter van de vuurtorenwachter, vergeet op een stormachtige avond de lamp aan te steken en moet als straf gaan werken in het Zwarte Huis, waar een monster zou wonen."),
    # --- adult non-fiction: printed music ------------------------------------------------------
    R("M", "Monk, Thelonious", "Thelonious Monk fake book", HL + (2002,), "1 partituur (176 p.)", rel="mus", lang="eng", siso="788.41", zizo="MMSOAZ", label=True, s="Melodielijnen met akkoordsymbolen van composities van Thelonious Monk."),
    R("M", "Parker, Charlie", "Charlie Parker omnibook", ("New York", "Atlantic Music", 1978), "1 partituur (160 p.)", b="for C instruments", rel="mus", lang="eng", siso="788.41", zizo="MMSOAZ", label=True, s="Transcripties van solo's van Charlie Parker, voor instrumenten in C."),
    R("M", "Davis, Miles", "Miles Davis omnibook", HL + (2014,), "1 partituur (200 p.)", b="for C instruments", rel="mus", lang="eng", siso="788.41", zizo="MMSOAZ", label=True, s="Transcripties van solo's van Miles Davis, voor instrumenten in C."),
    R("M", None, "The real book", HL + (2004,), "1 partituur (462 p.)", n="Volume I", lang="eng", siso="788.41", zizo="MMSOAZ", s="Verzameling jazzstandards als leadsheet: melodie en akkoordsymbolen."),
    # --- adult non-fiction -------------------------------------------------------------------
    R("N", None, "De psychologie van arbeid en gezondheid", ("Houten", "Bohn Stafleu van Loghum", 2013), "448 p.", c="onder redactie van Wilmar Schaufeli en Arnold Bakker", edt=(("Schaufeli, Wilmar", "edt"), ("Bakker, Arnold", "edt")), siso="367.1", th="Werkstress|Burn-out|Arbeidspsychologie", s="Handboek over de invloed van werk op gezondheid en welzijn, met aandacht voor werkstress, burn-out en preventie."),
    R("N", "Frank, Anne", "Het Achterhuis", (A, "Bert Bakker", 2005), "312 p.", g="Dagboeken", th="Tweede Wereldoorlog|Jodenvervolging|Onderduiken", per=(("Frank, Anne", None),), s="Het dagboek dat Anne Frank van 1942 tot 1944 bijhield in het Achterhuis aan de Prinsengracht in Amsterdam, waar ze met haar familie ondergedoken zat."),
    R("N", "Van Reybrouck, David", "Congo", (*BB, 2010), "680 p.", b="een geschiedenis", ill=True, th="Congo|Kolonialisme|Geschiedenis", s="Geschiedenis van Congo van de prekoloniale tijd tot vandaag, verteld aan de hand van talrijke getuigenissen van Congolezen."),
    R("N", "Mak, Geert", "Hoe God verdween uit Jorwerd", (A, "Atlas", 1996), "285 p.", th="Platteland|Friesland|Dorpsleven", s="Aan de hand van het Friese dorp Jorwerd beschrijft de auteur hoe het Europese platteland in de tweede helft van de twintigste eeuw ingrijpend veranderde."),
    R("N", "Verhaeghe, Paul", "Identiteit", (*BB, 2012), "254 p.", th="Identiteit|Neoliberalisme|Psychologie", s="Psychoanalyticus Paul Verhaeghe onderzoekt hoe de neoliberale meritocratie onze identiteit en ons psychisch welzijn beïnvloedt."),
    R("N", None, "Ons kookboek", ("Leuven", "KVLV", 2007), "711 p.", ill=True, th="Koken|Recepten", isbn_z=True, s="Klassiek Vlaams kookboek met basistechnieken en recepten voor de dagelijkse keuken."),
    # --- youth non-fiction -------------------------------------------------------------------
    R("JN", "Vermeulen, Peter", "Ik ben speciaal", ("Berchem", "EPO", 2002), "180 p.", ill=True, aud="Vanaf 9-11 jaar", zizo="MEGEV", th="Autisme|Jezelf zijn", s="Werkboek waarmee kinderen en jongeren met autisme samen met een begeleider ontdekken wat autisme voor hen betekent."),
    R("JN", "Snel, Eline", "Stilzitten als een kikker", ("Utrecht", "Ten Have", 2010), "111 p.", b="mindfulness voor kinderen (5-12 jaar) en hun ouders", ill=True, aud="Vanaf 6-8 jaar", zizo="MEGEV", th="Mindfulness|Concentratie|Gevoelens", s="Eenvoudige mindfulnessoefeningen die kinderen helpen om rustig te worden, zich beter te concentreren en met hun gevoelens om te gaan."),
    R("JN", "Schutten, Jan Paul", "Het raadsel van alles wat leeft", ("Haarlem", "Gottmer", 2013), "192 p.", ill=True, aud="Vanaf 9-11 jaar", th="Evolutie|Biologie|Dieren", s="Informatief boek dat kinderen uitlegt hoe het leven op aarde ontstond en hoe evolutie werkt."),
    # --- no subject at all yet: waiting for a suggestion --------------------------------------
    R("F", "Op de Beeck, Griet", "Kom hier dat ik u kus", (A, "Prometheus", 2014), "446 p.", isbn_z=True, s="Mona kijkt terug op haar jeugd in een gezin met een afwezige vader en een onvoorspelbare moeder, en op hoe dat haar latere liefdes kleurt."),
    R("F", "Verbeke, Annelies", "Slaap!", (A, "De Geus", 2003), "187 p.", s="Maja en Benoit kunnen niet slapen; hun slapeloze nachten brengen hen uiteindelijk bij elkaar."),
    R("F", "Terrin, Peter", "De bewaker", (A, "De Arbeiderspers", 2009), "220 p.", s="Twee bewakers houden in de kelder van een luxeflatgebouw de wacht, terwijl de bewoners verdwenen lijken en er buiten iets ernstigs gebeurd is."),
    R("N", "De Wachter, Dirk", "Borderline times", ("Tielt", "Lannoo", 2012), "141 p.", b="het einde van de normaliteit", s="Psychiater Dirk De Wachter beschrijft hoe kenmerken van de borderlinestoornis in onze hedendaagse samenleving gangbaar zijn geworden."),
    R("J", "Vendel, Edward van de", "De dagen van de bluegrassliefde", Q + (1999,), "245 p.", aud="Vanaf 15 jaar", s="Een jongen ontdekt tijdens een zomer dat hij verliefd is op een andere jongen."),
    # --- deliberate cataloguing gaps, for the validation demo ---------------------------------
    R("F", "Elsschot, Willem", "Villa des Roses", (A, "Athenaeum-Polak & Van Gennep", 2002), "143 p.", lit=" ", gaps=("008/33 empty",), g="Romans", th="Parijs|Pensions", s="Het wel en wee van de gasten en het personeel van een armoedig Parijs pension."),
    R("F", "Walschap, Gerard", "Houtekiet", (A, "Nijgh & Van Ditmar", 1998), "226 p.", aud=None, gaps=("no 521",), g="Romans", th="Dorpsleven|Vrijheid", s="Houtekiet, een vrijbuiter zonder wet of god, sticht in de bossen van Deps een eigen gemeenschap."),
    R("F", "Boon, Louis Paul", "Menuet", (A, "De Arbeiderspers", 1955), "135 p.", lit=" ", aud=None, gaps=("008/33 empty", "no 521"), g="Romans", s="Een man, zijn vrouw en hun dienstmeisje raken verstrikt in een driehoeksverhouding, telkens vanuit een ander perspectief verteld."),
]


# ----------------------------------------------------------------------------------------
# building the records

def ascii_upper(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.upper() if ch.isalpha())


def author_key(rec: Rec) -> str:
    """First four letters of the main entry's surname (or of the title's first word)."""
    if rec.author:
        return ascii_upper(rec.author.split(",")[0])[:4]
    words = rec.title.split()
    first = words[1] if words[0].lower() in ("de", "het", "the", "een") and len(words) > 1 else words[0]
    return ascii_upper(first)[:4]


def nonfiling(title: str) -> str:
    for article in ("De ", "Het ", "The ", "Een "):
        if title.startswith(article) and len(title) > len(article):
            return str(len(article))
    return "0"


def isbn13_check(first12: str) -> int:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def invalid_isbn(rng: random.Random) -> str:
    """An ISBN-13 of the Dutch-language group whose check digit is deliberately wrong."""
    first12 = "97890" + "".join(str(rng.randrange(10)) for _ in range(7))
    wrong = (isbn13_check(first12) + rng.randrange(1, 10)) % 10
    return first12 + str(wrong)


def call_number(rec: Rec) -> str | None:
    key = author_key(rec)
    if rec.kind in ("F", "J"):
        if "Prentenboeken" in rec.g.split("|"):
            return f"P {key}"
        if "Stripverhalen" in rec.g.split("|"):
            return f"S {key}"
        return f"{'J' if rec.kind == 'J' else 'R'} {key}"
    if rec.siso:
        return f"{rec.siso} {key}"
    if rec.zizo:
        return f"{ZIZO[rec.zizo][1][-1]} {key}"
    return None  # non-fiction without a code: shelf place waits for the subject code


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.barcodes = {infix: 0 for _, infix in LIBRARIES}

    def record(self, number: int, rec: Rec) -> etree._Element:
        leader_type, lit, medium, department, youth = KINDS[rec.kind]
        lit = rec.lit if rec.lit is not None else lit
        el = etree.Element(f"{{{MARC_NS}}}record")
        sub = etree.SubElement
        sub(el, f"{{{MARC_NS}}}leader").text = f"00000n{leader_type}m a2200000   4500"

        def control(tag, value):
            sub(el, f"{{{MARC_NS}}}controlfield", tag=tag).text = value

        def data(tag, *subfields, ind1=" ", ind2=" "):
            f = sub(el, f"{{{MARC_NS}}}datafield", tag=tag, ind1=ind1, ind2=ind2)
            for code, value in subfields:
                sub(f, f"{{{MARC_NS}}}subfield", code=code).text = value

        place, publisher, year = rec.imprint
        control("001", f"DEMO{number:05d}")
        control("005", LAST_CHANGE)
        control("008", f"{ENTERED}s{year:04d}{' ' * 22}{lit} {rec.lang}  ")
        if rec.isbn_z:
            data("020", ("z", invalid_isbn(self.rng)))
        data("040", ("a", "DEMO"), ("b", "dut"))
        if rec.orig:
            data("041", ("h", rec.orig[1]))
        if rec.siso:
            data("084", ("a", rec.siso))
        if rec.avi:
            data("090", ("a", rec.avi))
        if rec.author:
            # ind1 1: surname first; 0: forename or a name in direct order
            data("100", ("a", rec.author), ("4", rec.rel), ind1="1" if "," in rec.author else "0")
        title = [("a", rec.title)]
        title += [("b", rec.b)] if rec.b else []
        title += [("n", rec.n)] if rec.n else []
        title += [("c", rec.c)] if rec.c else []
        # ind1 1: a title added entry beside the main entry; 0 when the title is the main entry
        data("245", *title, ("h", medium), ind1="1" if rec.author else "0", ind2=nonfiling(rec.title))
        if rec.ed:
            data("250", ("a", rec.ed))
        data("260", ("a", place), ("b", publisher), ("c", str(year)))
        data("300", ("a", rec.pages), *([("b", "ill.")] if rec.ill else []))
        if rec.ser:
            data("490", ("a", rec.ser[0]), ("v", rec.ser[1]))
        if rec.s:
            data("520", ("a", rec.s))
        audience = ("volwassenen" if not youth else None) if rec.aud is NOT_GIVEN else rec.aud
        if rec.aud is NOT_GIVEN and youth:
            raise ValueError(f"youth record {rec.title!r} needs an audience (aud=...)")
        if audience:
            data("521", ("a", audience))
        if rec.orig:
            data("534", ("a", rec.orig[0]))
        theme = "jth" if youth else "vth"
        for name, role in rec.per:
            data("600", ("a", name), *([("c", role)] if role else []), ("9", theme))
        for term in filter(None, rec.g.split("|")):
            data("650", ("a", term), ("9", "jge" if youth else "vge"))
        for term in filter(None, rec.th.split("|")):
            data("650", ("a", term), ("9", theme))
        if rec.zizo:
            ind2, path = ZIZO[rec.zizo]
            data("693", ("9", rec.zizo), *zip("axyz", path), ind2=ind2)
        if rec.trl:
            data("700", ("a", rec.trl), ("4", "trl"), ind1="1" if "," in rec.trl else "0")
        for name, relator in rec.edt:
            data("700", ("a", name), ("4", relator), ind1="1" if "," in name else "0")
        for library, infix in self.rng.sample(LIBRARIES, self.rng.choice([0, 1, 1, 2, 2, 3])):
            self.barcodes[infix] += 1
            shelf = call_number(rec)
            data("852", ("a", library), ("b", department), *([("h", shelf)] if shelf else []),
                 ("p", f"DEMO-{infix}-{self.barcodes[infix]:06d}"))
        if rec.label and rec.author:
            key = author_key(rec)
            if rec.zizo in ZIZO_LABEL_LETTERS:
                data("999", ("a", ZIZO[rec.zizo][1][-1]), ("b", "MANUEEL INVULLEN"),
                     ("c", ZIZO_LABEL_LETTERS[rec.zizo]), ("f", key), ("z", "VN ZIZO 2*9"))
            if rec.siso:
                data("999", ("c", rec.siso), ("f", key), ("z", "VN SISO 2*4"))
        return el


def build_collection() -> etree._Element:
    root = etree.Element(f"{{{MARC_NS}}}collection", nsmap={None: MARC_NS})
    root.append(etree.Comment(
        " Demo records made by catalog-desktop (resources/sample/make_demo_records.py). The works"
        " are real; 001 numbers, imprints, items, barcodes, labels, AVI levels, audiences, themes"
        " and ALL ZIZO/SISO/genre assignments were made up for demonstration. Not Open Vlacc data;"
        " see README.md. "))
    builder = Builder()
    for number, rec in enumerate(RECORDS, start=1):
        root.append(builder.record(number, rec))
    return root


def write(path: Path) -> None:
    tree = etree.ElementTree(build_collection())
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def summary() -> dict[str, int]:
    counts = {"records": len(RECORDS)}
    for rec in RECORDS:
        counts[f"kind {rec.kind}"] = counts.get(f"kind {rec.kind}", 0) + 1
        coded = bool(rec.siso or rec.zizo)
        subject = bool(rec.g or rec.th or rec.per)
        key = "with SISO/ZIZO code" if coded else ("subjects but no code" if subject else "no subject at all")
        counts[key] = counts.get(key, 0) + 1
    return counts


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(f"usage: {argv[0]} [OUTPUT.xml]", file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) == 2 else Path(__file__).resolve().with_name(OUT_NAME)
    write(out)
    print(f"wrote {len(RECORDS)} records to {out}")
    for key, value in summary().items():
        print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
