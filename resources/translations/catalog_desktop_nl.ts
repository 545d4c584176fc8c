<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="49"/>
        <source>Spine labels</source>
        <translation>Rugetiketten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="54"/>
        <source>Selected record(s): %1</source>
        <translation>Geselecteerde record(s): %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="55"/>
        <source>Catalogued today</source>
        <translation>Vandaag gecatalogiseerd</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="56"/>
        <source>Whole catalogue</source>
        <translation>Hele catalogus</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="62"/>
        <source>Barcode (Code 128)</source>
        <translation>Streepjescode (Code 128)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="63"/>
        <source>Label outlines</source>
        <translation>Etiketranden tekenen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="66"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="67"/>
        <source>Label stock</source>
        <translation>Etikettenvel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="68"/>
        <source>Start at position</source>
        <translation>Beginnen op positie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="86"/>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="87"/>
        <source>Save as &amp;PDF…</source>
        <translation>Opslaan als &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="88"/>
        <source>Save label &amp;data…</source>
        <translation>Etiket&amp;gegevens opslaan…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="90"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="129"/>
        <source>Collecting labels for %1 record(s)…</source>
        <translation>Etiketten verzamelen voor %1 record(s)…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="132"/>
        <source>Collecting labels: %1 of %2 records…</source>
        <translation>Etiketten verzamelen: %1 van %2 records…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="178"/>
        <source>%1 labels on %2 page(s); %3 copies listed without a label</source>
        <translation>%1 etiketten op %2 pagina(&apos;s); %3 exemplaren zonder etiket (zie lijst)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="211"/>
        <source>Save labels as PDF</source>
        <translation>Etiketten opslaan als PDF</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="212"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="217"/>
        <source>Save label data</source>
        <translation>Etiketgegevens opslaan</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="218"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="226"/>
        <source>Cannot write the file</source>
        <translation>Kan het bestand niet schrijven</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="29"/>
        <source>catalog-desktop</source>
        <translation>catalog-desktop</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="53"/>
        <source>Search title, author, ISBN, Vlacc number, code…  (Ctrl+F)</source>
        <translation>Zoek op titel, auteur, ISBN, Vlaccnummer, code…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="58"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="67"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="68"/>
        <source>&amp;Import MARC files…</source>
        <translation>MARC-bestanden &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="71"/>
        <source>Print spine &amp;labels…</source>
        <translation>Rug&amp;etiketten afdrukken…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="78"/>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="108"/>
        <source>Import MARC files</source>
        <translation>MARC-bestanden importeren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="109"/>
        <source>MARC files (*.mrc *.marc *.dat *.iso *.xml *.json *.mrk *.seq *.aleph);;All files (*)</source>
        <translation>MARC-bestanden (*.mrc *.marc *.dat *.iso *.xml *.json *.mrk *.seq *.aleph);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="115"/>
        <location filename="../../catalog_desktop/gui/main_window.py" line="124"/>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="115"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="136"/>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="150"/>
        <source>Import done: %1 found, %2 new, %3 updated, %4 quarantined.</source>
        <translation>Import klaar: %1 gevonden, %2 nieuw, %3 bijgewerkt, %4 in quarantaine.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="153"/>
        <source>%1 file(s) could not be read.</source>
        <translation>%1 bestand(en) konden niet gelezen worden.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="160"/>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="162"/>
        <source>%1 of %2 records</source>
        <translation>%1 van %2 records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="164"/>
        <source>%1 in quarantine</source>
        <translation>%1 in quarantaine</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="14"/>
        <source>Vlacc number</source>
        <translation>Vlaccnummer</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="15"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="16"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="17"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="18"/>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="19"/>
        <source>ZIZO</source>
        <translation>ZIZO</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="20"/>
        <source>SISO</source>
        <translation>SISO</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="21"/>
        <source>Genres</source>
        <translation>Genres</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_table.py" line="54"/>
        <source>Imported with warnings: see the record</source>
        <translation>Geïmporteerd met waarschuwingen: zie het record</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="19"/>
        <source>Entities</source>
        <translation>Entiteiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="20"/>
        <source>MARC</source>
        <translation>MARC</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="24"/>
        <source>Choose a record in the list.</source>
        <translation>Kies een record in de lijst.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="40"/>
        <source>Vlacc number</source>
        <translation>Vlaccnummer</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="40"/>
        <source>Edition</source>
        <translation>Editie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="40"/>
        <source>Publisher</source>
        <translation>Uitgever</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="41"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="41"/>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="41"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="42"/>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="42"/>
        <source>Literary type</source>
        <translation>Literair type</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="42"/>
        <source>Audience</source>
        <translation>Doelgroep</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="43"/>
        <source>Series</source>
        <translation>Reeks</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="47"/>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../catalog_desktop/gui/record_view.py" line="47"/>
        <source>%n edition(s) in the catalogue</source>
        <translation>
            <numerusform>%n editie in de catalogus</numerusform>
            <numerusform>%n edities in de catalogus</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="53"/>
        <source>Agents</source>
        <translation>Personen en instanties</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="59"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="62"/>
        <source>Subjects</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="65"/>
        <source>Items</source>
        <translation>Exemplaren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_view.py" line="67"/>
        <source>Warnings from the import</source>
        <translation>Waarschuwingen bij het importeren</translation>
    </message>
</context>
</TS>
