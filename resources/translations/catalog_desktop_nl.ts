<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="113"/>
        <source>Someone else saved this record</source>
        <translation>Iemand anders heeft dit record bewaard</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="124"/>
        <source>Show &amp;unchanged fields too</source>
        <translation>Ook &amp;ongewijzigde velden tonen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="130"/>
        <source>&amp;Mine for this field</source>
        <translation>&amp;Mijn versie voor dit veld</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="130"/>
        <source>T&amp;heirs for this field</source>
        <translation>&amp;Hun versie voor dit veld</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="131"/>
        <source>&amp;Base for this field</source>
        <translation>&amp;Basis voor dit veld</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="138"/>
        <source>Keep &amp;all of mine</source>
        <translation>&amp;Alles van mij houden</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="139"/>
        <source>Take all of th&amp;eirs</source>
        <translation>All&amp;es van de ander nemen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="146"/>
        <source>&amp;Save this version</source>
        <translation>Deze versie be&amp;waren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="147"/>
        <source>Back to the editor</source>
        <translation>Terug naar de editor</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="174"/>
        <source>someone else</source>
        <translation>iemand anders</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="176"/>
        <source>&lt;b&gt;%1&lt;/b&gt; saved this record (version %2) after you opened it (version %3). Nothing was overwritten. Choose per field which version to keep, or keep all of yours, or take all of theirs.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; heeft dit record bewaard (versie %2) nadat u het opende (versie %3). Er is niets overschreven. Kies per veld welke versie u houdt, of houd alles van uzelf, of neem alles van de ander.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="201"/>
        <source>Both of you changed %1: choose a version for it.</source>
        <translation>U hebt allebei %1 gewijzigd: kies welke versie blijft.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="203"/>
        <source>Every field has a version: save it.</source>
        <translation>Elk veld heeft een versie: u kunt bewaren.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="228"/>
        <source>Not saved</source>
        <translation>Niet bewaard</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="69"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="69"/>
        <source>Opened (base)</source>
        <translation>Geopend (basis)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="69"/>
        <source>Mine</source>
        <translation>Mijn versie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="69"/>
        <source>Theirs</source>
        <translation>Hun versie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="69"/>
        <source>Kept</source>
        <translation>Wordt bewaard</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="73"/>
        <source>base</source>
        <translation>basis</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="73"/>
        <source>mine</source>
        <translation>mijn versie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="73"/>
        <source>theirs</source>
        <translation>hun versie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="74"/>
        <source>choose!</source>
        <translation>kiezen!</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/conflict_dialog.py" line="87"/>
        <source>(absent)</source>
        <translation>(afwezig)</translation>
    </message>
</context>
<context>
    <name>FinetunePanel</name>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="45"/>
        <source>Fine-tune an embedding model on this training data</source>
        <translation>Een embeddingmodel bijtrainen op deze trainingsgegevens</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="47"/>
        <source>a sentence-transformers model folder</source>
        <translation>een sentence-transformers-modelmap</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="55"/>
        <source>Fine-tune</source>
        <translation>Bijtrainen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="56"/>
        <source>Use it for the next training</source>
        <translation>Gebruiken bij de volgende training</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="63"/>
        <source>Base model folder</source>
        <translation>Basismodel (map)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="63"/>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="65"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="65"/>
        <source>New model folder</source>
        <translation>Nieuwe modelmap</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="66"/>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="67"/>
        <source>On the CPU; the base folder is not changed and nothing is downloaded.</source>
        <translation>Op de processor; de basismap blijft ongewijzigd en er wordt niets gedownload.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="71"/>
        <source>Choose the model folder to start from</source>
        <translation>Kies de modelmap om van te vertrekken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="76"/>
        <source>Choose where the new model folder goes</source>
        <translation>Kies waar de nieuwe modelmap komt</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="94"/>
        <source>Choose the model folder to start from.</source>
        <translation>Kies de modelmap om van te vertrekken.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/finetune_panel.py" line="99"/>
        <source>Choose the folder for the new model.</source>
        <translation>Kies de map voor het nieuwe model.</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="33"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="33"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="33"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="33"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="64"/>
        <source>record</source>
        <translation>record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="69"/>
        <source>(no change to the MARC)</source>
        <translation>(geen wijziging aan de MARC)</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="136"/>
        <source>Keyboard</source>
        <translation>Toetsenbord</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="147"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="150"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="61"/>
        <source>Spine labels</source>
        <translation>Rugetiketten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="66"/>
        <source>Selected record(s): %1</source>
        <translation>Geselecteerde record(s): %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="67"/>
        <source>Catalogued today</source>
        <translation>Vandaag gecatalogiseerd</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="68"/>
        <source>Whole catalogue</source>
        <translation>Hele catalogus</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="74"/>
        <source>Barcode (Code 128)</source>
        <translation>Streepjescode (Code 128)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="75"/>
        <source>Label outlines</source>
        <translation>Etiketranden tekenen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="78"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="79"/>
        <source>Label stock</source>
        <translation>Etikettenvel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="80"/>
        <source>Start at position</source>
        <translation>Beginnen op positie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="101"/>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="102"/>
        <source>Save as &amp;PDF…</source>
        <translation>Opslaan als &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="103"/>
        <source>Save label &amp;data…</source>
        <translation>Etiket&amp;gegevens opslaan…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="105"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="131"/>
        <source>Shelving word</source>
        <translation>Hoofdwoord</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="131"/>
        <source>Label code</source>
        <translation>Etiketcode</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="132"/>
        <source>Rubric</source>
        <translation>Rubriek</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="132"/>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="225"/>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="132"/>
        <source>Pictogram</source>
        <translation>Pictogram</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="133"/>
        <source>Age group</source>
        <translation>Leeftijdsgroep</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="133"/>
        <source>Age group colour</source>
        <translation>Kleur van de leeftijdsgroep</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="134"/>
        <source>AVI level</source>
        <translation>AVI-niveau</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="134"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="134"/>
        <source>Call number</source>
        <translation>Plaatskenmerk</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="139"/>
        <source>Change one copy&apos;s label</source>
        <translation>Het etiket van één exemplaar aanpassen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="147"/>
        <source>Colour…</source>
        <translation>Kleur…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="148"/>
        <source>Change for this copy</source>
        <translation>Aanpassen voor dit exemplaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="149"/>
        <source>Undo this copy&apos;s change</source>
        <translation>Aanpassing wissen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="156"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="157"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="162"/>
        <source>The record is not changed: the change is kept with the copy.</source>
        <translation>Het record verandert niet: de aanpassing wordt bij het exemplaar bewaard.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="194"/>
        <source>changed for this copy: %1</source>
        <translation>aangepast voor dit exemplaar: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="221"/>
        <source>%1 is changed for copy %2; the record says otherwise.</source>
        <translation>%1 is aangepast voor exemplaar %2; het record zegt iets anders.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="270"/>
        <source>Collecting labels for %1 record(s)…</source>
        <translation>Etiketten verzamelen voor %1 record(s)…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="273"/>
        <source>Collecting labels: %1 of %2 records…</source>
        <translation>Etiketten verzamelen: %1 van %2 records…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="321"/>
        <source>%1 labels on %2 page(s); %3 copies listed without a label</source>
        <translation>%1 etiketten op %2 pagina(&apos;s); %3 exemplaren zonder etiket (zie lijst)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="326"/>
        <source>%1 changed for their copy (✎)</source>
        <translation>%1 aangepast voor hun exemplaar (✎)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="358"/>
        <source>Save labels as PDF</source>
        <translation>Etiketten opslaan als PDF</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="359"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="364"/>
        <source>Save label data</source>
        <translation>Etiketgegevens opslaan</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="365"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/label_dialog.py" line="373"/>
        <source>Cannot write the file</source>
        <translation>Kan het bestand niet schrijven</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="56"/>
        <source>catalog-desktop</source>
        <translation>catalog-desktop</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="90"/>
        <source>Suggestions</source>
        <translation>Suggesties</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="92"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="97"/>
        <source>Search title, author, ISBN, Vlacc number, code…  (Ctrl+F)</source>
        <translation>Zoek op titel, auteur, ISBN, Vlaccnummer, code…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="107"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="142"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="143"/>
        <source>&amp;Import MARC files…</source>
        <translation>MARC-bestanden &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="144"/>
        <source>&amp;New record…</source>
        <translation>&amp;Nieuw record…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="145"/>
        <source>Print spine &amp;labels…</source>
        <translation>Rug&amp;etiketten afdrukken…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="146"/>
        <source>&amp;Train a model…</source>
        <translation>Een model &amp;trainen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="147"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="151"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="152"/>
        <location filename="../../catalog_desktop/gui/main_window.py" line="209"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="153"/>
        <location filename="../../catalog_desktop/gui/main_window.py" line="210"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="155"/>
        <source>&amp;Save record</source>
        <translation>Record &amp;bewaren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="156"/>
        <source>Code for the whole &amp;work…</source>
        <translation>Code voor het hele &amp;werk…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="158"/>
        <source>&amp;Accept suggestion</source>
        <translation>Suggestie &amp;aanvaarden</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="159"/>
        <source>&amp;Reject suggestion</source>
        <translation>Suggestie af&amp;wijzen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="162"/>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="163"/>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="164"/>
        <source>&amp;Next record</source>
        <translation>&amp;Volgend record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="165"/>
        <source>&amp;Previous record</source>
        <translation>V&amp;orig record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="166"/>
        <source>&amp;Entities view</source>
        <translation>&amp;Entiteiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="167"/>
        <source>&amp;MARC view</source>
        <translation>&amp;MARC</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="172"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="173"/>
        <source>&amp;History</source>
        <translation>&amp;Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="174"/>
        <source>&amp;Suggestions</source>
        <translation>&amp;Suggesties</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="176"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="177"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="209"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ongedaan maken: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="210"/>
        <source>&amp;Redo %1</source>
        <translation>Opnieuw &amp;uitvoeren: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="228"/>
        <source>Unsaved changes</source>
        <translation>Niet-bewaarde wijzigingen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="229"/>
        <source>This record has changes that are not saved. “%1” changes this record too and would throw them away.</source>
        <translation>Dit record heeft wijzigingen die niet bewaard zijn. “%1” verandert dit record ook en zou ze weggooien.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="231"/>
        <source>Save them first</source>
        <translation>Eerst bewaren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="232"/>
        <source>Throw them away and go on</source>
        <translation>Weggooien en doorgaan</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="252"/>
        <source>Not possible</source>
        <translation>Niet mogelijk</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="286"/>
        <source>All records</source>
        <translation>Alle records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="286"/>
        <source>No ZIZO yet</source>
        <translation>Nog geen ZIZO</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="287"/>
        <source>Suggestions waiting</source>
        <translation>Suggesties wachten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="287"/>
        <source>Quarantined</source>
        <translation>In quarantaine</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="288"/>
        <source>Changed since import</source>
        <translation>Gewijzigd sinds import</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="288"/>
        <source>My edits today</source>
        <translation>Mijn wijzigingen vandaag</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="353"/>
        <source>Choose a record of the work first.</source>
        <translation>Kies eerst een record van het werk.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="443"/>
        <source>Import MARC files</source>
        <translation>MARC-bestanden importeren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="444"/>
        <source>MARC files (*.mrc *.marc *.dat *.iso *.xml *.json *.mrk *.seq *.aleph);;All files (*)</source>
        <translation>MARC-bestanden (*.mrc *.marc *.dat *.iso *.xml *.json *.mrk *.seq *.aleph);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="450"/>
        <location filename="../../catalog_desktop/gui/main_window.py" line="459"/>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="233"/>
        <location filename="../../catalog_desktop/gui/main_window.py" line="450"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="473"/>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="487"/>
        <source>Import done: %1 found, %2 new, %3 updated, %4 quarantined.</source>
        <translation>Import klaar: %1 gevonden, %2 nieuw, %3 bijgewerkt, %4 in quarantaine.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="490"/>
        <source>%1 file(s) could not be read.</source>
        <translation>%1 bestand(en) konden niet gelezen worden.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="497"/>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="499"/>
        <source>%1 of %2 records</source>
        <translation>%1 van %2 records</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/main_window.py" line="501"/>
        <source>%1 in quarantine</source>
        <translation>%1 in quarantaine</translation>
    </message>
</context>
<context>
    <name>NewRecordDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="32"/>
        <source>New record</source>
        <translation>Nieuw record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="39"/>
        <source>ISBN (looked up in this catalogue)</source>
        <translation>ISBN (gezocht in deze catalogus)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="41"/>
        <source>Start from ISBN</source>
        <translation>Beginnen van ISBN</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="48"/>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="52"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="63"/>
        <source>&lt;b&gt;Maybe already in the catalogue&lt;/b&gt;</source>
        <translation>&lt;b&gt;Misschien al in de catalogus&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="65"/>
        <source>&lt;b&gt;Still missing&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ontbreekt nog&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="72"/>
        <source>Add to the catalogue</source>
        <translation>Aan de catalogus toevoegen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="73"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="97"/>
        <source>Found in the catalogue</source>
        <translation>Gevonden in de catalogus</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="98"/>
        <source>This ISBN is already in the catalogue (record %1). Its description was copied as a start: check the duplicates before adding it.</source>
        <translation>Dit ISBN staat al in de catalogus (record %1). De beschrijving is als begin overgenomen: kijk de dubbels na voor u het toevoegt.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="120"/>
        <source>Nothing: the record is complete for this level.</source>
        <translation>Niets: het record is volledig voor dit niveau.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="129"/>
        <source>Not complete</source>
        <translation>Niet volledig</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="130"/>
        <source>Still missing:</source>
        <translation>Ontbreekt nog:</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/new_record_dialog.py" line="135"/>
        <source>Not added</source>
        <translation>Niet toegevoegd</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="35"/>
        <source>Catalogue (file or database URL; empty: your own)</source>
        <translation>Catalogus (bestand of database-URL; leeg: uw eigen)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="36"/>
        <source>Model bundle (folder; empty: the default in models/)</source>
        <translation>Modelbundel (map; leeg: de standaard in models/)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="37"/>
        <source>Language of the window (after a restart)</source>
        <translation>Taal van het venster (na herstarten)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="38"/>
        <source>Label rules file (empty: the bundled defaults)</source>
        <translation>Bestand met etiketregels (leeg: de meegeleverde standaard)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="39"/>
        <source>Label sheet template (empty: the first one)</source>
        <translation>Sjabloon voor etiketvellen (leeg: het eerste)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="40"/>
        <source>Level for new records (brief or full)</source>
        <translation>Niveau voor nieuwe records (brief of full)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="41"/>
        <source>Embedding model the trainer adds (folder; empty: none)</source>
        <translation>Embeddingmodel dat de trainer toevoegt (map; leeg: geen)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="65"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="85"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="93"/>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="94"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="101"/>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/preferences.py" line="103"/>
        <source>Choose a file</source>
        <translation>Kies een bestand</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <location filename="../../catalog_desktop/gui/presence_label.py" line="88"/>
        <source>%1 (%2, since %3)</source>
        <translation>%1 (%2, sinds %3)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/presence_label.py" line="93"/>
        <source>Also open at: %1</source>
        <translation>Ook open bij: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/presence_label.py" line="95"/>
        <source>Someone else is editing this record too: whoever saves second will be asked to compare both versions.</source>
        <translation>Iemand anders bewerkt dit record ook: wie als tweede bewaart, krijgt beide versies te zien om te vergelijken.</translation>
    </message>
</context>
<context>
    <name>QuarantineView</name>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="82"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="82"/>
        <source>Offset</source>
        <translation>Positie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="82"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/panes.py" line="82"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="29"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="30"/>
        <source>Subtitle</source>
        <translation>Ondertitel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="31"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="32"/>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="214"/>
        <source>Publisher</source>
        <translation>Uitgever</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="33"/>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="214"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="34"/>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="214"/>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="72"/>
        <source>Entities</source>
        <translation>Entiteiten</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="73"/>
        <source>MARC</source>
        <translation>MARC</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="88"/>
        <source>Choose a record in the list.</source>
        <translation>Kies een record in de lijst.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="117"/>
        <source>not saved</source>
        <translation>niet bewaard</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="118"/>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="119"/>
        <source>new record</source>
        <translation>nieuw record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="156"/>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="168"/>
        <source>Not saved</source>
        <translation>Niet bewaard</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="185"/>
        <source>someone else</source>
        <translation>iemand anders</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="186"/>
        <source>%1 saved this record meanwhile (version %2). Your changes are not saved yet: saving will let you compare both versions.</source>
        <translation>%1 heeft dit record intussen bewaard (versie %2). Uw wijzigingen zijn nog niet bewaard: bij bewaren kunt u beide versies vergelijken.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="213"/>
        <source>Vlacc number</source>
        <translation>Vlaccnummer</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="213"/>
        <source>Edition</source>
        <translation>Editie</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="215"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="216"/>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="217"/>
        <source>Literary type</source>
        <translation>Literair type</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="218"/>
        <source>Audience</source>
        <translation>Doelgroep</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="219"/>
        <source>Series</source>
        <translation>Reeks</translation>
    </message>
    <message numerus="yes">
        <location filename="../../catalog_desktop/gui/record_editor.py" line="225"/>
        <source>%n edition(s) in the catalogue</source>
        <translation>
            <numerusform>%n editie in de catalogus</numerusform>
            <numerusform>%n edities in de catalogus</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="227"/>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="233"/>
        <source>Agents</source>
        <translation>Personen en instanties</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="235"/>
        <source>label genre</source>
        <translation>etiketgenre</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="235"/>
        <source>not in the list</source>
        <translation>niet in de lijst</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="235"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="254"/>
        <source>Subjects</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/record_editor.py" line="257"/>
        <source>Items</source>
        <translation>Exemplaren</translation>
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
        <location filename="../../catalog_desktop/gui/record_table.py" line="60"/>
        <source>Imported with warnings: see the record</source>
        <translation>Geïmporteerd met waarschuwingen: zie het record</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="31"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="31"/>
        <source>Confidence</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="31"/>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="55"/>
        <source>Loading the model…</source>
        <translation>Het model wordt geladen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="75"/>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="89"/>
        <source>No suggestions: %1</source>
        <translation>Geen suggesties: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="101"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="111"/>
        <source>Ambiguous: too close to the next code to call</source>
        <translation>Twijfelachtig: te dicht bij de volgende code om te kiezen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="116"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="125"/>
        <source>like: %1</source>
        <translation>zoals: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/suggestion_panel.py" line="127"/>
        <source>words: %1</source>
        <translation>woorden: %1</translation>
    </message>
</context>
<context>
    <name>TrainerDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="56"/>
        <source>Train a model</source>
        <translation>Een model trainen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="74"/>
        <source>Training data</source>
        <translation>Trainingsgegevens</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="63"/>
        <source>This catalogue: its codes and the catalogers&apos; decisions</source>
        <translation>Deze catalogus: de codes en de beslissingen van de catalografen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="59"/>
        <source>This catalogue</source>
        <translation>Deze catalogus</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="60"/>
        <source>A MARC export (ISO 2709, MARCXML, …)</source>
        <translation>Een MARC-export (ISO 2709, MARCXML, …)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="61"/>
        <source>An Annif corpus (TSV) with its vocabulary</source>
        <translation>Een Annif-corpus (TSV) met zijn woordenlijst</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="76"/>
        <source>New bundle folder</source>
        <translation>Map van de nieuwe bundel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="77"/>
        <source>Share of records kept out to evaluate</source>
        <translation>Deel van de records apart gehouden om te evalueren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="79"/>
        <source>empty: none (the word-based models only)</source>
        <translation>leeg: geen (alleen de woordgebaseerde modellen)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="80"/>
        <source>Embedding model to add</source>
        <translation>Embeddingmodel in de training</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="82"/>
        <source>Active bundle now</source>
        <translation>Nu actieve bundel</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="89"/>
        <source>Train</source>
        <translation>Trainen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="91"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="93"/>
        <source>Open the report</source>
        <translation>Het rapport openen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="95"/>
        <source>Use the new bundle</source>
        <translation>De nieuwe bundel gebruiken</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="97"/>
        <source>Keep the old one</source>
        <translation>De oude houden</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="121"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="125"/>
        <source>one or more files, separated by ;</source>
        <translation>een of meer bestanden, gescheiden door ;</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="129"/>
        <source>Export file(s)</source>
        <translation>Exportbestand(en)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="130"/>
        <source>Read with this catalogue&apos;s field profile; nothing is imported into it.</source>
        <translation>Gelezen met het veldprofiel van deze catalogus; er wordt niets in geïmporteerd.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="136"/>
        <source>empty: the catalogue&apos;s lists (ZIZO, SISO, genres)</source>
        <translation>leeg: de lijsten van de catalogus (ZIZO, SISO, genres)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="139"/>
        <source>own vocabulary</source>
        <translation>eigen woordenlijst</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="141"/>
        <source>all lines; or N (the first N), or A-B</source>
        <translation>alle regels; of N (de eerste N), of A-B</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="145"/>
        <source>Corpus (text&lt;TAB&gt;codes)</source>
        <translation>Corpus (tekst&lt;TAB&gt;codes)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="146"/>
        <source>Vocabulary (code&lt;TAB&gt;label)</source>
        <translation>Woordenlijst (code&lt;TAB&gt;term)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="147"/>
        <source>Codes of</source>
        <translation>Codes uit</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="148"/>
        <source>Lines</source>
        <translation>Regels</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="154"/>
        <source>Choose MARC export files</source>
        <translation>MARC-exportbestanden kiezen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="155"/>
        <source>MARC (*.mrc *.marc *.iso *.xml *.json *.mrk);;All files (*)</source>
        <translation>MARC (*.mrc *.marc *.iso *.xml *.json *.mrk);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="160"/>
        <source>Choose a corpus</source>
        <translation>Een corpus kiezen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="161"/>
        <source>Annif corpus (*.tsv *.tsv.gz);;All files (*)</source>
        <translation>Annif-corpus (*.tsv *.tsv.gz);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="166"/>
        <source>Choose a vocabulary</source>
        <translation>Een woordenlijst kiezen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="167"/>
        <source>Annif vocabulary (*.tsv);;All files (*)</source>
        <translation>Annif-woordenlijst (*.tsv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="172"/>
        <source>Choose an embedding model folder</source>
        <translation>Kies een embeddingmodelmap</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="190"/>
        <source>Choose the export file(s) to train from.</source>
        <translation>Kies de exportbestanden om op te trainen.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="196"/>
        <source>Choose the corpus to train from.</source>
        <translation>Kies het corpus om op te trainen.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="221"/>
        <source>Training…</source>
        <translation>Bezig met trainen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="229"/>
        <source>Fine-tuning…</source>
        <translation>Bijtrainen…</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="229"/>
        <source>Not fine-tuned: %1</source>
        <translation>Niet bijgetraind: %1</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="269"/>
        <source>Bundle written to %1. %2</source>
        <translation>Bundel geschreven naar %1. %2</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="281"/>
        <source>Embedding model written to %1: %2 pairs, %3 steps, last loss %4.</source>
        <translation>Embeddingmodel geschreven naar %1: %2 paren, %3 stappen, laatste loss %4.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="288"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="302"/>
        <source>The next training adds the embedding model %1.</source>
        <translation>De volgende training voegt het embeddingmodel %1 toe.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/trainer_dialog.py" line="222"/>
        <source>Not trained: %1</source>
        <translation>Niet getraind: %1</translation>
    </message>
</context>
<context>
    <name>WorkCodeDialog</name>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="31"/>
        <source>Code for the whole work</source>
        <translation>Code voor het hele werk</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="34"/>
        <source>Give a code</source>
        <translation>Een code geven</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="35"/>
        <source>Change a code</source>
        <translation>Een code wijzigen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="36"/>
        <source>Remove a code</source>
        <translation>Een code weghalen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="45"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %n edition(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n editie</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n edities</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="46"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="47"/>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="48"/>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="49"/>
        <source>Code to replace or remove</source>
        <translation>Code om te vervangen of weg te halen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="51"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="51"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="51"/>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="56"/>
        <source>Apply to all editions</source>
        <translation>Toepassen op alle edities</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="80"/>
        <source>Type the code(s) to see which records change.</source>
        <translation>Typ de code(s) om te zien welke records veranderen.</translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="93"/>
        <source>(unchanged)</source>
        <translation>(ongewijzigd)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="96"/>
        <source>%n record(s) will change; one undo takes it all back.</source>
        <translation>
            <numerusform>%n record verandert; één keer ongedaan maken zet alles terug.</numerusform>
            <numerusform>%n records veranderen; één keer ongedaan maken zet alles terug.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../catalog_desktop/gui/work_dialog.py" line="107"/>
        <source>Not applied</source>
        <translation>Niet toegepast</translation>
    </message>
</context>
</TS>
