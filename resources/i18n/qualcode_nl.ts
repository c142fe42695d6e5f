<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>About</name>
    <message>
        <source>About Qualcode</source>
        <translation>Over Qualcode</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Qualcode</source>
        <translation>&amp;Over Qualcode</translation>
    </message>
    <message>
        <source>Anonymisation check: deduce (Dutch de-identification), installed with Qualcode.</source>
        <translation>Anonimiseringscontrole: deduce (Nederlandse de-identificatie), geïnstalleerd met Qualcode.</translation>
    </message>
    <message>
        <source>Licence: GPL-3.0-or-later. No telemetry: Qualcode connects only to a database server you configure.</source>
        <translation>Licentie: GPL-3.0-or-later. Geen telemetrie: Qualcode maakt alleen verbinding met een databaseserver die u zelf instelt.</translation>
    </message>
    <message>
        <source>Qualitative coding and thematic analysis with a shared, versioned codebook and sound inter-coder agreement.</source>
        <translation>Kwalitatief coderen en thematische analyse met een gedeeld codeboek met versies en degelijke overeenstemming tussen codeurs.</translation>
    </message>
</context>
<context>
    <name>AgreementColumns</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>% agree</source>
        <translation>% overeenstemming</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95%-BI</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>Gecodeerd</translation>
    </message>
    <message>
        <source>binary α</source>
        <translation>binaire α</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmenten</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Inter-coder agreement</source>
        <translation>Overeenstemming tussen codeurs</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>zin</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>alinea</translation>
    </message>
    <message>
        <source>speaker turn</source>
        <translation>spreekbeurt</translation>
    </message>
    <message>
        <source>character</source>
        <translation>teken</translation>
    </message>
    <message>
        <source>share of a unit a coding must cover</source>
        <translation>deel van een eenheid dat een codering moet bedekken</translation>
    </message>
    <message>
        <source>alpha below this: red</source>
        <translation>alfa hieronder: rood</translation>
    </message>
    <message>
        <source>alpha from this: green</source>
        <translation>alfa vanaf hier: groen</translation>
    </message>
    <message>
        <source>the lead may compare blind, unrevealed documents</source>
        <translation>de hoofdonderzoeker mag blinde, niet vrijgegeven documenten vergelijken</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berekenen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>Exporteren naar Word…</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>Dekkingsdrempel</translation>
    </message>
    <message>
        <source>Tentative / reliable α</source>
        <translation>Voorlopig / betrouwbaar α</translation>
    </message>
    <message>
        <source>Bootstrap samples</source>
        <translation>Bootstrap-steekproeven</translation>
    </message>
    <message>
        <source>As (lead)</source>
        <translation>Als (coördinator)</translation>
    </message>
    <message>
        <source>Accept A</source>
        <translation>A overnemen</translation>
    </message>
    <message>
        <source>Accept B</source>
        <translation>B overnemen</translation>
    </message>
    <message>
        <source>Accept both</source>
        <translation>Beide overnemen</translation>
    </message>
    <message>
        <source>Consensus coding...</source>
        <translation>Consensuscodering...</translation>
    </message>
    <message>
        <source>note for the decision (optional)</source>
        <translation>toelichting bij het besluit (optioneel)</translation>
    </message>
    <message>
        <source>add note to the code&apos;s definition</source>
        <translation>toelichting toevoegen aan de definitie van de code</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafiek</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Verschillen</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>hoofdonderzoeker</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensus</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>Left out ({0}): {1}</source>
        <translation>Weggelaten ({0}): {1}</translation>
    </message>
    <message>
        <source>All documents are compared.</source>
        <translation>Alle documenten worden vergeleken.</translation>
    </message>
    <message>
        <source>Tick at least two coders.</source>
        <translation>Vink minstens twee codeurs aan.</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>Vink minstens één document aan.</translation>
    </message>
    <message>
        <source>Computing...</source>
        <translation>Bezig met berekenen...</translation>
    </message>
    <message>
        <source>Not computed: {0}</source>
        <translation>Niet berekend: {0}</translation>
    </message>
    <message>
        <source>{0} codes, {1} documents, {2} disagreements ({3:.1f} s)</source>
        <translation>{0} codes, {1} documenten, {2} verschillen ({3:.1f} s)</translation>
    </message>
    <message>
        <source>; {0} note(s)</source>
        <translation>; {0} opmerking(en)</translation>
    </message>
    <message>
        <source>Overall: α = {0}</source>
        <translation>Totaal: α = {0}</translation>
    </message>
    <message>
        <source>Accept {0}</source>
        <translation>{0} overnemen</translation>
    </message>
    <message>
        <source>{0} document(s) coded by fewer than two of the coders add nothing: {1}</source>
        <translation>{0} document(en) door minder dan twee van de codeurs gecodeerd tellen niet mee: {1}</translation>
    </message>
    <message>
        <source>{0}: {1} did not code this document; it is left out of the continuum</source>
        <translation>{0}: {1} heeft dit document niet gecodeerd; het blijft buiten het continuüm</translation>
    </message>
    <message>
        <source>{0}: {1} did not code this document; their values are missing</source>
        <translation>{0}: {1} heeft dit document niet gecodeerd; die waarden ontbreken</translation>
    </message>
    <message>
        <source>no stored units, segmented on the fly: {0}</source>
        <translation>geen opgeslagen eenheden, ter plekke gesegmenteerd: {0}</translation>
    </message>
    <message>
        <source>Consensus coding</source>
        <translation>Consensuscodering</translation>
    </message>
    <message>
        <source>Code for {0} {1}-{2}:</source>
        <translation>Code voor {0} {1}-{2}:</translation>
    </message>
    <message>
        <source>Not adjudicated: {0}</source>
        <translation>Niet beslist: {0}</translation>
    </message>
    <message>
        <source>Decision stored by {0}: {1}, {2} consensus coding(s)</source>
        <translation>Besluit opgeslagen door {0}: {1}, {2} consensuscodering(en)</translation>
    </message>
    <message>
        <source>Export agreement to Word</source>
        <translation>Overeenstemming exporteren naar Word</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <source>Not written: {0}</source>
        <translation>Niet geschreven: {0}</translation>
    </message>
    <message>
        <source>Written to {0}</source>
        <translation>Geschreven naar {0}</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Two coders on one passage count twice; choose one</source>
        <translation>Twee codeurs op één passage tellen dubbel; kies er één</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Codes × attribute</source>
        <translation>Codes × kenmerk</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Samen voorkomen</translation>
    </message>
    <message>
        <source>Context – mechanism – outcome</source>
        <translation>Context – mechanisme – uitkomst</translation>
    </message>
    <message>
        <source>codings</source>
        <translation>coderingen</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <source>speakers</source>
        <translation>sprekers</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>codes</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>clusters</translation>
    </message>
    <message>
        <source>heatmap</source>
        <translation>heatmap</translation>
    </message>
    <message>
        <source>bar chart of totals</source>
        <translation>staafdiagram van totalen</translation>
    </message>
    <message>
        <source>Export &amp;table…</source>
        <translation>&amp;Tabel exporteren…</translation>
    </message>
    <message>
        <source>Export c&amp;hart…</source>
        <translation>&amp;Grafiek exporteren…</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tel</translation>
    </message>
    <message>
        <source>per</source>
        <translation>per</translation>
    </message>
    <message>
        <source>for</source>
        <translation>voor</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafiek</translation>
    </message>
    <message>
        <source>overlapping codings</source>
        <translation>overlappende coderingen</translation>
    </message>
    <message>
        <source>the same unit</source>
        <translation>dezelfde eenheid</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>alinea</translation>
    </message>
    <message>
        <source>speaker turn</source>
        <translation>spreekbeurt</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>zin</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>Codes together in</source>
        <translation>Codes samen in</translation>
    </message>
    <message>
        <source>of</source>
        <translation>van</translation>
    </message>
    <message>
        <source>c = n12 / (n1 + n2 − n12): 0 means never together, 1 always together.</source>
        <translation>c = n12 / (n1 + n2 − n12): 0 betekent nooit samen, 1 altijd samen.</translation>
    </message>
    <message>
        <source>one document</source>
        <translation>één document</translation>
    </message>
    <message>
        <source>one speaker turn</source>
        <translation>één spreekbeurt</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>within</source>
        <translation>binnen</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>No document has attributes yet.</source>
        <translation>Nog geen document heeft kenmerken.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Bezig met berekenen…</translation>
    </message>
    <message>
        <source>Not computed: %1</source>
        <translation>Niet berekend: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n rij</numerusform>
            <numerusform>%n rijen</numerusform>
        </translation>
    </message>
    <message>
        <source>Code 1</source>
        <translation>Code 1</translation>
    </message>
    <message>
        <source>Code 2</source>
        <translation>Code 2</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of codes</source>
        <translation>
            <numerusform>%n paar codes</numerusform>
            <numerusform>%n paren codes</numerusform>
        </translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Mechanisme</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n configuration(s))</source>
        <translation>
            <numerusform>%1 (%n configuratie)</numerusform>
            <numerusform>%1 (%n configuraties)</numerusform>
        </translation>
    </message>
    <message>
        <source>No unit holds a context, mechanism and outcome code together.</source>
        <translation>Geen eenheid bevat samen een context-, mechanisme- en uitkomstcode.</translation>
    </message>
    <message>
        <source>Tag codes as context, mechanism or outcome in the code editor first.</source>
        <translation>Markeer eerst codes als context, mechanisme of uitkomst in de code-editor.</translation>
    </message>
    <message numerus="yes">
        <source>%n configuration(s)</source>
        <translation>
            <numerusform>%n configuratie</numerusform>
            <numerusform>%n configuraties</numerusform>
        </translation>
    </message>
    <message>
        <source>Export matrix</source>
        <translation>Matrix exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-afbeelding (*.png);;SVG-afbeelding (*.svg)</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 per %2</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Niet geëxporteerd: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign “%1”</source>
        <translation>“%1” toewijzen</translation>
    </message>
    <message>
        <source>&amp;Blind: coders do not see each other&apos;s codings until the lead reveals them</source>
        <translation>&amp;Blind: codeurs zien elkaars coderingen niet tot de coördinator ze vrijgeeft</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Codeurs:</translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <source>Attributes of “%1”</source>
        <translation>Kenmerken van “%1”</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>created as {0}</source>
        <translation>aangemaakt als {0}</translation>
    </message>
    <message>
        <source>deleted ({0})</source>
        <translation>verwijderd ({0})</translation>
    </message>
    <message>
        <source>merged into {0}</source>
        <translation>samengevoegd met {0}</translation>
    </message>
    <message>
        <source>split into {0} new code(s)</source>
        <translation>gesplitst in {0} nieuwe code(s)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change log: %1</source>
        <translation>Logboek: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Voor → na</translation>
    </message>
</context>
<context>
    <name>CodeEditorDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Definition:</source>
        <translation>&amp;Definitie:</translation>
    </message>
    <message>
        <source>&amp;Inclusion:</source>
        <translation>&amp;Inclusie:</translation>
    </message>
    <message>
        <source>E&amp;xclusion:</source>
        <translation>E&amp;xclusie:</translation>
    </message>
    <message>
        <source>&amp;Example:</source>
        <translation>&amp;Voorbeeld:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Kleur:</translation>
    </message>
    <message>
        <source>Deductive (a priori)</source>
        <translation>Deductief (a priori)</translation>
    </message>
    <message>
        <source>Inductive (from the data)</source>
        <translation>Inductief (uit de data)</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Herkomst:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Mechanisme</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>C&amp;MO tag:</source>
        <translation>C&amp;MO-label:</translation>
    </message>
</context>
<context>
    <name>CodePickerDialog</name>
    <message>
        <source>Filter codes…</source>
        <translation>Codes filteren…</translation>
    </message>
</context>
<context>
    <name>CodeTreeWidget</name>
    <message>
        <source>Filter codes…</source>
        <translation>Codes filteren…</translation>
    </message>
    <message>
        <source>&amp;New code…</source>
        <translation>&amp;Nieuwe code…</translation>
    </message>
    <message>
        <source>New &amp;sub-code…</source>
        <translation>Nieuwe &amp;subcode…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Hernoemen</translation>
    </message>
    <message>
        <source>&amp;Edit definition…</source>
        <translation>Definitie &amp;bewerken…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Kleur…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Samenvoegen met…</translation>
    </message>
    <message>
        <source>Mo&amp;ve to…</source>
        <translation>&amp;Verplaatsen naar…</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>S&amp;plitsen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Change &amp;log…</source>
        <translation>&amp;Logboek…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Sub-code</source>
        <translation>Subcode</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>New sub-code</source>
        <translation>Nieuwe subcode</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <source>{0}

Reload the code and apply your change to it?</source>
        <translation>{0}

De code opnieuw laden en je wijziging daarop toepassen?</translation>
    </message>
    <message>
        <source>Changed by a colleague</source>
        <translation>Gewijzigd door een collega</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Code bewerken</translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” into “%2”? %n coding(s) move to “%2”.</source>
        <translation>
            <numerusform>“%1” samenvoegen met “%2”? %n codering gaat naar “%2”.</numerusform>
            <numerusform>“%1” samenvoegen met “%2”? %n coderingen gaan naar “%2”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Codes samenvoegen</translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and %n sub-code(s)?</source>
        <translation>
            <numerusform>“%1” en %n subcode verwijderen?</numerusform>
            <numerusform>“%1” en %n subcodes verwijderen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>“%1” verwijderen?</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Code verwijderen</translation>
    </message>
</context>
<context>
    <name>CodebookCommands</name>
    <message>
        <source>Add code “{0}”</source>
        <translation>Code “{0}” toevoegen</translation>
    </message>
    <message>
        <source>Rename code “{0}” to “{1}”</source>
        <translation>Code “{0}” hernoemen naar “{1}”</translation>
    </message>
    <message>
        <source>Edit code “{0}”</source>
        <translation>Code “{0}” bewerken</translation>
    </message>
    <message>
        <source>Move code “{0}”</source>
        <translation>Code “{0}” verplaatsen</translation>
    </message>
    <message>
        <source>Delete code “{0}”</source>
        <translation>Code “{0}” verwijderen</translation>
    </message>
    <message>
        <source>Merge “{0}” into “{1}”</source>
        <translation>“{0}” samenvoegen met “{1}”</translation>
    </message>
    <message>
        <source>Split code “{0}”</source>
        <translation>Code “{0}” splitsen</translation>
    </message>
</context>
<context>
    <name>CodebookExchange</name>
    <message>
        <source>Export codebook</source>
        <translation>Codeboek exporteren</translation>
    </message>
    <message>
        <source>Export codings</source>
        <translation>Coderingen exporteren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>Codeboek importeren</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-codeboek (*.qdc)</translation>
    </message>
    <message>
        <source>Qualcode YAML (*.yaml)</source>
        <translation>Qualcode YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Qualcode JSON (*.json)</source>
        <translation>Qualcode JSON (*.json)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.csv)</source>
        <translation>Spreadsheet (*.csv)</translation>
    </message>
    <message>
        <source>Codebooks (*.qdc *.qdpx *.qde *.yaml *.yml *.json *.csv)</source>
        <translation>Codeboeken (*.qdc *.qdpx *.qde *.yaml *.yml *.json *.csv)</translation>
    </message>
    <message>
        <source>{0} codes written to {1}.</source>
        <translation>{0} codes opgeslagen in {1}.</translation>
    </message>
    <message>
        <source>{0} codings written to {1}.</source>
        <translation>{0} coderingen opgeslagen in {1}.</translation>
    </message>
    <message>
        <source>{0}: not a codebook file</source>
        <translation>{0}: geen codeboekbestand</translation>
    </message>
    <message>
        <source>{0}: {1} codes added, {2} updated, {3} moved.</source>
        <translation>{0}: {1} codes toegevoegd, {2} bijgewerkt, {3} verplaatst.</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>inductive</source>
        <translation>inductief</translation>
    </message>
    <message>
        <source>deductive</source>
        <translation>deductief</translation>
    </message>
    <message>
        <source>&lt;i&gt;Inductive code&lt;/i&gt;</source>
        <translation>&lt;i&gt;Inductieve code&lt;/i&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s) on this code</source>
        <translation>
            <numerusform>%n codering op deze code</numerusform>
            <numerusform>%n coderingen op deze code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s) including sub-codes</source>
        <translation>
            <numerusform>%n codering inclusief subcodes</numerusform>
            <numerusform>%n coderingen inclusief subcodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoderSession</name>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>hoofdonderzoeker</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensus</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Coder: (nobody)</source>
        <translation>Codeur: (niemand)</translation>
    </message>
    <message>
        <source>Switch coder</source>
        <translation>Andere codeur</translation>
    </message>
    <message>
        <source>Code as:</source>
        <translation>Coderen als:</translation>
    </message>
    <message>
        <source>There is no other coder in this project (add one in Coders…).</source>
        <translation>Er is geen andere codeur in dit project (voeg er een toe via Codeurs…).</translation>
    </message>
    <message>
        <source>On this server you code as {0} (your login).</source>
        <translation>Op deze server codeer je als {0} (je login).</translation>
    </message>
    <message>
        <source>Coder: {0} ({1})</source>
        <translation>Codeur: {0} ({1})</translation>
    </message>
    <message>
        <source>This window codes as {0}. Switch to {1}?

From now on everything you code, undo and see here is {1}&apos;s; blind documents show {1}&apos;s codings only.</source>
        <translation>Dit venster codeert als {0}. Overschakelen naar {1}?

Vanaf nu is alles wat je hier codeert, ongedaan maakt en ziet van {1}; blinde documenten tonen alleen de coderingen van {1}.</translation>
    </message>
</context>
<context>
    <name>CodersDialog</name>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Name of a new coder, or the new name</source>
        <translation>Naam van een nieuwe codeur, of de nieuwe naam</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Hernoemen</translation>
    </message>
    <message>
        <source>Lead (releases versions, reveals, adjudicates)</source>
        <translation>Hoofdonderzoeker (geeft versies vrij, maakt zichtbaar, beslist)</translation>
    </message>
    <message>
        <source>Only a lead manages coders.</source>
        <translation>Alleen een hoofdonderzoeker beheert codeurs.</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>hoofdonderzoeker</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensus</translation>
    </message>
    <message>
        <source>Select the coder to rename first.</source>
        <translation>Kies eerst de codeur die een andere naam krijgt.</translation>
    </message>
</context>
<context>
    <name>CodingCommands</name>
    <message>
        <source>Remove coding</source>
        <translation>Codering verwijderen</translation>
    </message>
    <message>
        <source>Remove codings</source>
        <translation>Coderingen verwijderen</translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation>Memo bij codering bewerken</translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation>Code toepassen</translation>
    </message>
    <message>
        <source>Change coding&apos;s code</source>
        <translation>Code van codering wijzigen</translation>
    </message>
    <message>
        <source>Change coding span</source>
        <translation>Fragment van codering wijzigen</translation>
    </message>
    <message>
        <source>New code “{0}”</source>
        <translation>Nieuwe code “{0}”</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>Open a document first.</source>
        <translation>Open eerst een document.</translation>
    </message>
    <message>
        <source>Choose who is coding in the toolbar first.</source>
        <translation>Kies eerst in de werkbalk wie er codeert.</translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation>Wie codeert er?</translation>
    </message>
    <message>
        <source>Your name, as coder (the first coder leads the project):</source>
        <translation>Uw naam als codeur (de eerste codeur is coördinator van het project):</translation>
    </message>
    <message>
        <source>Select some text in the transcript first.</source>
        <translation>Selecteer eerst tekst in het transcript.</translation>
    </message>
    <message>
        <source>Apply “{0}”</source>
        <translation>“{0}” toepassen</translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation>Kies eerst een code in het codeboek.</translation>
    </message>
    <message>
        <source>Code {0} hits with “{1}”</source>
        <translation>{0} treffers coderen met “{1}”</translation>
    </message>
    <message>
        <source>{0} new codings with “{1}”</source>
        <translation>{0} nieuwe coderingen met “{1}”</translation>
    </message>
    <message>
        <source>No recent code {0} yet.</source>
        <translation>Nog geen recente code {0}.</translation>
    </message>
    <message>
        <source>New inductive code</source>
        <translation>Nieuwe inductieve code</translation>
    </message>
    <message>
        <source>In-vivo code</source>
        <translation>In-vivo-code</translation>
    </message>
    <message>
        <source>{0} “{1}”</source>
        <translation>{0} “{1}”</translation>
    </message>
    <message>
        <source>Created “{0}” under “{1}”</source>
        <translation>“{0}” gemaakt onder “{1}”</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(hoogste niveau)</translation>
    </message>
    <message>
        <source>Name of the new code (created under the selected code):</source>
        <translation type="vanished">Naam van de nieuwe code (komt onder de geselecteerde code):</translation>
    </message>
    <message>
        <source>New inductive code “{0}”</source>
        <translation type="vanished">Nieuwe inductieve code “{0}”</translation>
    </message>
    <message>
        <source>In-vivo code “{0}”</source>
        <translation type="vanished">In-vivocode “{0}”</translation>
    </message>
    <message>
        <source>Put the cursor in a coding to remove it.</source>
        <translation>Zet de cursor in een codering om die te verwijderen.</translation>
    </message>
    <message>
        <source>You can only remove your own codings.</source>
        <translation>U kunt alleen uw eigen coderingen verwijderen.</translation>
    </message>
    <message>
        <source>Select the right code in the codebook first.</source>
        <translation>Selecteer eerst de juiste code in het codeboek.</translation>
    </message>
</context>
<context>
    <name>CodingHistoryDialog</name>
    <message>
        <source>History of coding {0}</source>
        <translation>Geschiedenis van codering {0}</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>No recorded changes for this coding.</source>
        <translation>Geen vastgelegde wijzigingen voor deze codering.</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Code colour</source>
        <translation>Codekleur</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation>Verbinden met teamserver</translation>
    </message>
    <message>
        <source>empty: keyring or ~/.pgpass</source>
        <translation>leeg: sleutelbos of ~/.pgpass</translation>
    </message>
    <message>
        <source>Remember the password in the keyring</source>
        <translation>Wachtwoord onthouden in de sleutelbos</translation>
    </message>
    <message>
        <source>CA certificate (for verify-ca / verify-full)</source>
        <translation>CA-certificaat (voor verify-ca / verify-full)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User (login):</source>
        <translation>&amp;Gebruiker (login):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-certificaat:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Fill in host, database and user.</source>
        <translation>Vul server, database en gebruiker in.</translation>
    </message>
    <message>
        <source>No keyring on this desktop: the password was not stored; put it in ~/.pgpass to connect without typing it.</source>
        <translation>Geen sleutelbos op deze computer: het wachtwoord is niet bewaard; zet het in ~/.pgpass om te verbinden zonder het te typen.</translation>
    </message>
</context>
<context>
    <name>DeleteCodeDialog</name>
    <message>
        <source>Delete code</source>
        <translation>Code verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>“%1” (with its sub-codes) has %n coding(s).</source>
        <translation>
            <numerusform>“%1” (met subcodes) heeft %n codering.</numerusform>
            <numerusform>“%1” (met subcodes) heeft %n coderingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move the codings to:</source>
        <translation>Coderingen &amp;verplaatsen naar:</translation>
    </message>
    <message>
        <source>&amp;Delete the codings too</source>
        <translation>Coderingen ook &amp;verwijderen</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Memo on this coding…</source>
        <translation>Memo bij deze codering…</translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation>Memo opslaan</translation>
    </message>
    <message>
        <source>Set span to selection</source>
        <translation>Fragment gelijk aan selectie maken</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Who changed this coding, when, and how</source>
        <translation>Wie deze codering wijzigde, wanneer en hoe</translation>
    </message>
    <message>
        <source>Use selected code</source>
        <translation>Geselecteerde code gebruiken</translation>
    </message>
    <message>
        <source>Give this coding the code selected in the codebook</source>
        <translation>Geef deze codering de code die in het codeboek is geselecteerd</translation>
    </message>
    <message>
        <source>Make the coding cover the text selected now</source>
        <translation>Laat de codering de nu geselecteerde tekst beslaan</translation>
    </message>
    <message>
        <source>Codings here</source>
        <translation>Coderingen hier</translation>
    </message>
    <message>
        <source>Select a code to see its definition.</source>
        <translation>Selecteer een code om de definitie te zien.</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definitie</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Wel coderen</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Niet coderen</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>deductive</source>
        <translation>deductief</translation>
    </message>
    <message>
        <source>inductive</source>
        <translation>inductief</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>Code colour</source>
        <translation>Codekleur</translation>
    </message>
    <message>
        <source>Merge code</source>
        <translation>Code samenvoegen</translation>
    </message>
    <message>
        <source>Merge “{0}” into which code?</source>
        <translation>“{0}” samenvoegen met welke code?</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(hoogste niveau)</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Code verplaatsen</translation>
    </message>
    <message>
        <source>Move “{0}” under:</source>
        <translation>“{0}” verplaatsen onder:</translation>
    </message>
    <message>
        <source>Split code</source>
        <translation>Code splitsen</translation>
    </message>
    <message>
        <source>Names of the new codes next to “{0}”, one per line:</source>
        <translation>Namen van de nieuwe codes naast “{0}”, één per regel:</translation>
    </message>
    <message>
        <source>Qualcode</source>
        <translation>Qualcode</translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Aan mij toegewezen</translation>
    </message>
    <message>
        <source>Assigned to me, not started</source>
        <translation>Aan mij toegewezen, nog niet begonnen</translation>
    </message>
    <message>
        <source>Coded by me</source>
        <translation>Door mij gecodeerd</translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation>Documenten filteren…</translation>
    </message>
    <message>
        <source>&amp;Assign to coder(s)…</source>
        <translation>&amp;Toewijzen aan codeur(s)…</translation>
    </message>
    <message>
        <source>&amp;Reveal codings</source>
        <translation>Coderingen &amp;vrijgeven</translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes…</source>
        <translation>&amp;Kenmerken bewerken…</translation>
    </message>
    <message>
        <source>All interventions</source>
        <translation>Alle interventies</translation>
    </message>
    <message>
        <source>All source types</source>
        <translation>Alle brontypen</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Codings by the current coder / by all coders</source>
        <translation>Coderingen van de huidige codeur / van alle codeurs</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Brontype</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Opleiding</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Codings (mine / all)</source>
        <translation type="vanished">Coderingen (mijn / alle)</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Toegewezen aan</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>revealed</source>
        <translation>vrijgegeven</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>blind</translation>
    </message>
    <message>
        <source>Blind coding: other coders&apos; codings stay hidden until the lead reveals them.</source>
        <translation>Blind coderen: coderingen van anderen blijven verborgen tot de coördinator ze vrijgeeft.</translation>
    </message>
</context>
<context>
    <name>FindAllDialog</name>
    <message>
        <source>Find in all documents</source>
        <translation>Zoeken in alle documenten</translation>
    </message>
    <message>
        <source>Words to find, then Enter</source>
        <translation>Te zoeken woorden, dan Enter</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Code all hits with the selected code</source>
        <translation>Alle treffers coderen met de gekozen code</translation>
    </message>
    <message>
        <source>{0} hits</source>
        <translation>{0} treffers</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Zoeken in transcript</translation>
    </message>
    <message>
        <source>Previous (Shift+Enter)</source>
        <translation>Vorige (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>Volgende (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Sluiten (Esc)</translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation>{0} gevonden</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import transcripts</source>
        <translation>Transcripten importeren</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Map toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Files and folders</source>
        <translation>Bestanden en mappen</translation>
    </message>
    <message>
        <source>optional: CSV or XLSX, one row per file</source>
        <translation>optioneel: CSV of XLSX, één rij per bestand</translation>
    </message>
    <message>
        <source>Attributes for every imported document</source>
        <translation>Kenmerken voor elk geïmporteerd document</translation>
    </message>
    <message>
        <source>Metadata sheet</source>
        <translation>Metadatablad</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Kenmerk toevoegen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overige</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opties</translation>
    </message>
    <message>
        <source>Detect per file</source>
        <translation>Per bestand herkennen</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Pseudonymise names, places, e-mail and phone numbers before storing</source>
        <translation>Namen, plaatsen, e-mailadressen en telefoonnummers pseudonimiseren vóór het opslaan</translation>
    </message>
    <message>
        <source>Save the key (placeholder → original) to</source>
        <translation>Sleutel (vervanging → origineel) opslaan in</translation>
    </message>
    <message>
        <source>keep it apart from the project</source>
        <translation>bewaar hem los van het project</translation>
    </message>
    <message>
        <source>e.g. names of institutions or interventions, separated by commas</source>
        <translation>bijv. namen van instellingen of interventies, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Names that may stay</source>
        <translation>Namen die mogen blijven</translation>
    </message>
    <message>
        <source>names that may stay, separated by commas</source>
        <translation type="vanished">namen die mogen blijven staan, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="vanished">Behouden</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Add transcripts</source>
        <translation>Transcripten toevoegen</translation>
    </message>
    <message>
        <source>Add a folder of transcripts</source>
        <translation>Een map met transcripten toevoegen</translation>
    </message>
    <message>
        <source>Save the pseudonymisation key</source>
        <translation>Pseudonimiseringssleutel opslaan</translation>
    </message>
    <message>
        <source>Importing transcripts</source>
        <translation>Transcripten importeren</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>Onderwijsniveau</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Soort bron</translation>
    </message>
    <message>
        <source>Looking for transcripts…</source>
        <translation>Transcripten zoeken…</translation>
    </message>
    <message>
        <source>Import files whose text is already in the project</source>
        <translation>Ook bestanden importeren waarvan de tekst al in het project staat</translation>
    </message>
    <message>
        <source>Transcripts (*.docx *.odt *.txt *.md)</source>
        <translation>Transcripten (*.docx *.odt *.txt *.md)</translation>
    </message>
    <message>
        <source>Metadata sheets (*.csv *.xlsx)</source>
        <translation>Metadatabladen (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation>{0} importeren ({1} van {2})…</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Importverslag</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>Pseudonymisation key written to {0}</source>
        <translation>Pseudonimiseringssleutel opgeslagen in {0}</translation>
    </message>
    <message>
        <source>No key was saved, so the placeholders cannot be traced back.</source>
        <translation>Er is geen sleutel opgeslagen; de vervangingen zijn dus niet terug te herleiden.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>{0} possible identifiers flagged</source>
        <translation>{0} mogelijke identificerende gegevens gemeld</translation>
    </message>
    <message>
        <source>{0} identifiers pseudonymised</source>
        <translation>{0} identificerende gegevens gepseudonimiseerd</translation>
    </message>
    <message>
        <source>{0} pseudonymised</source>
        <translation>{0} gepseudonimiseerd</translation>
    </message>
    <message>
        <source>Stopped after Cancel: {0} file(s) were not imported. Every file listed here was stored completely.</source>
        <translation>Gestopt na Annuleren: {0} bestand(en) niet geïmporteerd. Elk bestand in deze lijst is volledig opgeslagen.</translation>
    </message>
    <message>
        <source>{0} imported, {1} skipped, {2} failed</source>
        <translation>{0} geïmporteerd, {1} overgeslagen, {2} mislukt</translation>
    </message>
    <message>
        <source>{0} possible identifiers</source>
        <translation>{0} mogelijke identificerende gegevens</translation>
    </message>
    <message>
        <source>{0}, {1}, {2} words, {3} turns</source>
        <translation>{0}, {1}, {2} woorden, {3} beurten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Check out for o&amp;ffline work…</source>
        <translation>Uitchecken om o&amp;ffline te werken…</translation>
    </message>
    <message>
        <source>Chec&amp;k in to team server…</source>
        <translation>&amp;Inchecken op de teamserver…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Project kan niet worden geopend</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} tekens</translation>
    </message>
    <message>
        <source>blind coding</source>
        <translation>blind coderen</translation>
    </message>
    <message>
        <source>{0} codings shown</source>
        <translation>{0} coderingen getoond</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>coördinator</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nieuw project…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Project &amp;openen…</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>&amp;Voorbeeldproject openen</translation>
    </message>
    <message>
        <source>Connect to &amp;team server…</source>
        <translation>Verbinden met &amp;teamserver…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>&amp;Recente projecten</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Project &amp;sluiten</translation>
    </message>
    <message>
        <source>S&amp;witch coder…</source>
        <translation>Andere &amp;codeur…</translation>
    </message>
    <message>
        <source>C&amp;oders…</source>
        <translation>C&amp;odeurs…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieu&amp;w</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>Find in &amp;all documents…</source>
        <translation>Zoeken in &amp;alle documenten…</translation>
    </message>
    <message>
        <source>&amp;Coding</source>
        <translation>&amp;Coderen</translation>
    </message>
    <message>
        <source>&amp;Apply selected code</source>
        <translation>Geselecteerde code &amp;toepassen</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>&amp;Snel coderen…</translation>
    </message>
    <message>
        <source>Recent &amp;codes</source>
        <translation>Recente &amp;codes</translation>
    </message>
    <message>
        <source>&amp;New inductive code…</source>
        <translation>&amp;Nieuwe inductieve code…</translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation>&amp;In-vivocode</translation>
    </message>
    <message>
        <source>Give coding the &amp;selected code</source>
        <translation>Codering de ge&amp;selecteerde code geven</translation>
    </message>
    <message>
        <source>&amp;Remove coding</source>
        <translation>Codering &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Snap selection to whole words</source>
        <translation>Selectie uitlijnen op hele &amp;woorden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>&amp;Lagen</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panelen</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Weergave</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Switch coder…</source>
        <translation>Andere codeur…</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Bewerkingsgeschiedenis</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geopend&gt;</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memo&apos;s</translation>
    </message>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation>Transcripten &amp;importeren…</translation>
    </message>
    <message>
        <source>Import &amp;codebook…</source>
        <translation>&amp;Codeboek importeren…</translation>
    </message>
    <message>
        <source>Import or &amp;merge project (.qdpx, .qcdb)…</source>
        <translation>Project importeren of &amp;samenvoegen (.qdpx, .qcdb)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>&amp;Project as REFI-QDA (.qdpx)…</source>
        <translation>&amp;Project als REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>Project &amp;copy for sending (.qcdb)…</source>
        <translation>Project&amp;kopie om te versturen (.qcdb)…</translation>
    </message>
    <message>
        <source>&amp;Word report…</source>
        <translation>&amp;Word-rapport…</translation>
    </message>
    <message>
        <source>&amp;Codebook…</source>
        <translation>&amp;Codeboek…</translation>
    </message>
    <message>
        <source>Codings (&amp;CSV)…</source>
        <translation>Coderingen (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Code&amp;book</source>
        <translation>Code&amp;boek</translation>
    </message>
    <message>
        <source>&amp;Release version…</source>
        <translation>Versie &amp;vrijgeven…</translation>
    </message>
    <message>
        <source>&amp;Compare versions…</source>
        <translation>Versies ve&amp;rgelijken…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Inter-coder &amp;agreement…</source>
        <translation>Inter&amp;beoordelaarsbetrouwbaarheid…</translation>
    </message>
    <message>
        <source>Inter-coder agreement</source>
        <translation>Interbeoordelaarsbetrouwbaarheid</translation>
    </message>
    <message>
        <source>M&amp;emos…</source>
        <translation>M&amp;emo&apos;s…</translation>
    </message>
    <message>
        <source>&amp;Quotes…</source>
        <translation>&amp;Citaten…</translation>
    </message>
    <message>
        <source>Code &amp;matrix and charts…</source>
        <translation>Code&amp;matrix en grafieken…</translation>
    </message>
    <message>
        <source>Only a lead can release a codebook version.</source>
        <translation>Alleen een coördinator kan een codeboekversie vrijgeven.</translation>
    </message>
    <message>
        <source>Released codebook version {0}</source>
        <translation>Codeboekversie {0} vrijgegeven</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="vanished">Taal</translation>
    </message>
    <message>
        <source>The new language is used the next time Qualcode starts.</source>
        <translation type="vanished">De nieuwe taal wordt gebruikt zodra Qualcode opnieuw start.</translation>
    </message>
    <message>
        <source>My codings</source>
        <translation>Mijn coderingen</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>No codings</source>
        <translation>Geen coderingen</translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation>Selecteer eerst een code in het codeboek.</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="vanished">Codeur</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Only {0}</source>
        <translation>Alleen {0}</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(nog geen)</translation>
    </message>
    <message>
        <source>(apply a code first)</source>
        <translation>(pas eerst een code toe)</translation>
    </message>
</context>
<context>
    <name>MemoManager</name>
    <message>
        <source>All memos</source>
        <translation>Alle memo&apos;s</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Search memos…</source>
        <translation>Memo&apos;s doorzoeken…</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Alleen de mijne</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Choose a memo, or write a new one.</source>
        <translation>Kies een memo, of schrijf een nieuwe.</translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation>Projectmemo</translation>
    </message>
    <message>
        <source>Memo on this document</source>
        <translation>Memo bij dit document</translation>
    </message>
    <message>
        <source>Memo on the selected code</source>
        <translation>Memo bij de gekozen code</translation>
    </message>
    <message>
        <source>Memo on the coding at the cursor</source>
        <translation>Memo bij de codering onder de cursor</translation>
    </message>
    <message>
        <source>New memo</source>
        <translation>Nieuwe memo</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Memo verwijderen</translation>
    </message>
    <message>
        <source>{0} memo(s)</source>
        <translation>{0} memo(&apos;s)</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Open eerst een document.</translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation>Kies eerst een code in het codeboek.</translation>
    </message>
    <message>
        <source>Put the cursor in a coding first.</source>
        <translation>Zet de cursor eerst in een codering.</translation>
    </message>
</context>
<context>
    <name>MergePlanDialog</name>
    <message>
        <source>Import codebook</source>
        <translation>Codeboek importeren</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Incoming code</source>
        <translation>Binnenkomende code</translation>
    </message>
    <message>
        <source>Target in the working codebook</source>
        <translation>Doel in het werkcodeboek</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <source>— choose a target —</source>
        <translation>— kies een doel —</translation>
    </message>
    <message>
        <source>add as a new code</source>
        <translation>als nieuwe code toevoegen</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gelijk</translation>
    </message>
    <message>
        <source>update</source>
        <translation>bijwerken</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>hernoemen</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>{0} conflict(s) left: choose a target or untick them before applying.</source>
        <translation>Nog {0} conflict(en): kies een doel of vink ze uit voordat je toepast.</translation>
    </message>
    <message>
        <source>{0} of {1} codes accepted; {2} will be added, the others matched.</source>
        <translation>{0} van {1} codes overgenomen; {2} worden toegevoegd, de rest is gekoppeld.</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>binnenkomend</translation>
    </message>
    <message>
        <source>working</source>
        <translation>werkcodeboek</translation>
    </message>
    <message>
        <source>Merging {0} into the working codebook. Untick a code to leave it out; pick a target for each conflict.</source>
        <translation>{0} samenvoegen met het werkcodeboek. Vink een code uit om hem over te slaan; kies een doel voor elk conflict.</translation>
    </message>
    <message>
        <source>{0} (chosen)</source>
        <translation>{0} (gekozen)</translation>
    </message>
    <message>
        <source>{0}: working “{1}”, incoming “{2}” → keeps {3}</source>
        <translation>{0}: werkcodeboek „{1}”, binnenkomend „{2}” → behoudt {3}</translation>
    </message>
</context>
<context>
    <name>MergeReportDialog</name>
    <message>
        <source>Project merged</source>
        <translation>Project samengevoegd</translation>
    </message>
</context>
<context>
    <name>NewCodeDialog</name>
    <message>
        <source>(top level)</source>
        <translation>(hoogste niveau)</translation>
    </message>
    <message>
        <source>Put new inductive codes here from now on</source>
        <translation>Nieuwe inductieve codes voortaan hier plaatsen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Bovenliggende code</translation>
    </message>
    <message>
        <source>The code is created at the top level of the codebook.</source>
        <translation>De code komt op het hoogste niveau van het codeboek.</translation>
    </message>
    <message>
        <source>The code is created under “{0}”.</source>
        <translation>De code komt onder “{0}”.</translation>
    </message>
</context>
<context>
    <name>ProjectExchange</name>
    <message>
        <source>Import or merge a project</source>
        <translation>Project importeren of samenvoegen</translation>
    </message>
    <message>
        <source>Export project as REFI-QDA</source>
        <translation>Project exporteren als REFI-QDA</translation>
    </message>
    <message>
        <source>Export a copy of the project</source>
        <translation>Kopie van het project exporteren</translation>
    </message>
    <message>
        <source>Matching codes</source>
        <translation>Codes vergelijken</translation>
    </message>
    <message>
        <source>Finding sentences and speaker turns</source>
        <translation>Zinnen en sprekerbeurten zoeken</translation>
    </message>
    <message>
        <source>Projects (*.qdpx *.qde *.qcdb)</source>
        <translation>Projecten (*.qdpx *.qde *.qcdb)</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>A copy of the project was written to {0}.</source>
        <translation>Een kopie van het project is geschreven naar {0}.</translation>
    </message>
    <message>
        <source>Reading {0}</source>
        <translation>{0} lezen</translation>
    </message>
    <message>
        <source>A project cannot be merged into itself.</source>
        <translation>Een project kan niet met zichzelf worden samengevoegd.</translation>
    </message>
    <message>
        <source>Merging {0}</source>
        <translation>{0} samenvoegen</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schrijven</translation>
    </message>
    <message>
        <source>{0} documents, {1} codes and {2} codings written to {3}.</source>
        <translation>{0} documenten, {1} codes en {2} coderingen geschreven naar {3}.</translation>
    </message>
</context>
<context>
    <name>ProjectFlow</name>
    <message>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <source>Qualcode projects (*.qcdb)</source>
        <translation>Qualcode-projecten (*.qcdb)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Your name, as coder (you become the lead):</source>
        <translation>Uw naam als codeur (u wordt de coördinator):</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Project kan niet worden geopend</translation>
    </message>
    <message>
        <source>Building the sample project</source>
        <translation>Voorbeeldproject wordt gebouwd</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Project kan niet worden aangemaakt</translation>
    </message>
    <message>
        <source>Building the sample project…</source>
        <translation>Voorbeeldproject wordt gebouwd…</translation>
    </message>
    <message>
        <source>{0} no longer exists.</source>
        <translation>{0} bestaat niet meer.</translation>
    </message>
    <message>
        <source>Sample project</source>
        <translation>Voorbeeldproject</translation>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <source>Quick code (Ctrl+K)…</source>
        <translation>Snel coderen (Ctrl+K)…</translation>
    </message>
</context>
<context>
    <name>QuotesBrowser</name>
    <message>
        <source>Quotes</source>
        <translation>Citaten</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>Inclusief subcodes</translation>
    </message>
    <message>
        <source>Search in the quotes</source>
        <translation>Zoeken in de citaten</translation>
    </message>
    <message>
        <source>Illustrative only</source>
        <translation>Alleen illustratief</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Overal</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Binnen</translation>
    </message>
    <message>
        <source>Overlapping</source>
        <translation>Overlappend met</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>In de buurt van</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tekens</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Select a quote to read it in its context.</source>
        <translation>Kies een citaat om het in zijn context te lezen.</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>&amp;Ster</translation>
    </message>
    <message>
        <source>Mark the quote as illustrative (or unmark it)</source>
        <translation>Markeer het citaat als illustratief (of haal de markering weg)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>Order the starred quotes of this code for the report</source>
        <translation>Zet de citaten met ster van deze code op volgorde voor het rapport</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Save the quotes shown as CSV or Excel</source>
        <translation>Sla de getoonde citaten op als CSV of Excel</translation>
    </message>
    <message>
        <source>Consensus layer</source>
        <translation>Consensuslaag</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <source>(choose a code)</source>
        <translation>(kies een code)</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>Alle sprekers</translation>
    </message>
    <message>
        <source>All interventions</source>
        <translation>Alle interventies</translation>
    </message>
    <message>
        <source>Other attribute…</source>
        <translation>Ander kenmerk…</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>elke waarde</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Bezig met zoeken…</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n citaat</numerusform>
            <numerusform>%n citaten</numerusform>
        </translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>alinea %1</translation>
    </message>
    <message>
        <source>Un&amp;star</source>
        <translation>&amp;Ster weghalen</translation>
    </message>
    <message>
        <source>Export quotes</source>
        <translation>Citaten exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Niet geëxporteerd: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) exported to %1</source>
        <translation>
            <numerusform>%n citaat geëxporteerd naar %1</numerusform>
            <numerusform>%n citaten geëxporteerd naar %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Illustrative quote (click to star); the number is its place</source>
        <translation>Illustratief citaat (klik voor een ster); het getal is de plaats</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>alinea %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Word report</source>
        <translation>Word-rapport</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="vanished">Alle codeurs</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>Include memos</source>
        <translation>Memo&apos;s opnemen</translation>
    </message>
    <message>
        <source>Memos under their code, by their quote, in the appendix and in About this report</source>
        <translation>Memo&apos;s onder hun code, bij hun citaat, in de bijlage en in Over dit rapport</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>One chapter per</source>
        <translation>Eén hoofdstuk per</translation>
    </message>
    <message>
        <source>Quotes per code</source>
        <translation>Citaten per code</translation>
    </message>
    <message>
        <source>Codings of</source>
        <translation>Coderingen van</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Taal van het rapport</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>Rapport maken</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing the Word report</source>
        <translation>Het Word-rapport wordt gemaakt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>Codes (none ticked: all codes; a code includes its sub-codes)</source>
        <translation>Codes (niets aangevinkt: alle codes; een code omvat haar subcodes)</translation>
    </message>
    <message>
        <source>Gathering codings and quotes…</source>
        <translation>Coderingen en citaten verzamelen…</translation>
    </message>
    <message>
        <source>Writing chapters…</source>
        <translation>Hoofdstukken schrijven…</translation>
    </message>
    <message>
        <source>Report written to {0}: {1} chapters, {2} quotes.</source>
        <translation type="vanished">Rapport opgeslagen in {0}: {1} hoofdstukken, {2} citaten.</translation>
    </message>
    <message>
        <source>One layer per document (consensus, else assigned)</source>
        <translation>Eén laag per document (consensus, anders toegewezen codeur)</translation>
    </message>
    <message>
        <source>All coders, each named</source>
        <translation>Alle codeurs, met naam</translation>
    </message>
    <message>
        <source>Report written to {0}: {1} chapters, {2} quotes. Word fills in the contents with page numbers when you open it (answer Yes to update).</source>
        <translation>Rapport geschreven naar {0}: {1} hoofdstukken, {2} citaten. Word vult de inhoudsopgave met paginanummers in wanneer u het opent (kies Ja om bij te werken).</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>team server · {0}</source>
        <translation>teamserver · {0}</translation>
    </message>
    <message>
        <source>Qualitative coding with versioned codebooks and inter-coder agreement.</source>
        <translation>Kwalitatief coderen met codeboekversies en overeenstemming tussen codeurs.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nieuw project…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Project openen…</translation>
    </message>
    <message>
        <source>Connect to team server…</source>
        <translation>Verbinden met teamserver…</translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation>Voorbeeldproject openen</translation>
    </message>
    <message>
        <source>Ten synthetic Dutch and English transcripts about student wellbeing, two codebooks and two coders&apos; codings: a safe place to try everything.</source>
        <translation>Tien verzonnen Nederlandse en Engelse transcripten over studentenwelzijn, twee codeboeken en de coderingen van twee codeurs: een veilige plek om alles uit te proberen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>Projecten die u opent verschijnen hier.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Recente projecten</translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation>Niet gevonden: {0}</translation>
    </message>
</context>
<context>
    <name>SummaryEditor</name>
    <message>
        <source>Summarise this code, or the cluster it belongs to</source>
        <translation>Vat deze code samen, of het cluster waartoe ze hoort</translation>
    </message>
    <message>
        <source>A summary per intervention, or one across all of them</source>
        <translation>Een samenvatting per interventie, of één over alle interventies</translation>
    </message>
    <message>
        <source>What do the quotes of this code say?</source>
        <translation>Wat zeggen de citaten van deze code?</translation>
    </message>
    <message>
        <source>&amp;Save summary</source>
        <translation>Samenvatting &amp;opslaan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Summary&lt;/b&gt;</source>
        <translation>&lt;b&gt;Samenvatting&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>All interventions (cross-case)</source>
        <translation>Alle interventies (cross-case)</translation>
    </message>
    <message>
        <source>%1 (cluster)</source>
        <translation>%1 (cluster)</translation>
    </message>
    <message>
        <source>Choose a code to write its summary.</source>
        <translation>Kies een code om de samenvatting te schrijven.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>No summary yet.</source>
        <translation>Nog geen samenvatting.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Saved by %1, %2</source>
        <translation>Opgeslagen door %1, %2</translation>
    </message>
</context>
<context>
    <name>TeamOffline</name>
    <message>
        <source>Check out works on a project on a team server.</source>
        <translation>Uitchecken kan bij een project op een teamserver.</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Uitchecken</translation>
    </message>
    <message>
        <source>Check out for offline work</source>
        <translation>Uitchecken om offline te werken</translation>
    </message>
    <message>
        <source>Checked out {0} document(s) to {1}; check in when you are back online.</source>
        <translation>{0} document(en) uitgecheckt naar {1}; check in zodra je weer online bent.</translation>
    </message>
    <message>
        <source>Open a checked-out copy first (File &gt; Check out for offline work).</source>
        <translation>Open eerst een uitgecheckte kopie (Bestand &gt; Uitchecken om offline te werken).</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Inchecken</translation>
    </message>
    <message>
        <source>Checked in to {0}.</source>
        <translation>Ingecheckt op {0}.</translation>
    </message>
</context>
<context>
    <name>TeamSession</name>
    <message>
        <source>Team server {0} · live</source>
        <translation>Teamserver {0} · live</translation>
    </message>
    <message>
        <source>Colleagues&apos; changes appear here as they are saved on the server.</source>
        <translation>Wijzigingen van collega&apos;s verschijnen hier zodra ze op de server zijn opgeslagen.</translation>
    </message>
    <message>
        <source>Team server unreachable</source>
        <translation>Teamserver onbereikbaar</translation>
    </message>
    <message>
        <source>The connection to the team server was lost. Qualcode keeps trying; what you do meanwhile is kept and saved when the server is back.</source>
        <translation>De verbinding met de teamserver is verbroken. Qualcode blijft het proberen; wat je intussen doet wordt bewaard en opgeslagen zodra de server terug is.</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>Reconnected to the team server.</source>
        <translation>Weer verbonden met de teamserver.</translation>
    </message>
    <message>
        <source>changes kept: {0}</source>
        <translation>wijzigingen bewaard: {0}</translation>
    </message>
</context>
<context>
    <name>VersionsDialogs</name>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>hernoemd</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verplaatst</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>anders geordend</translation>
    </message>
    <message>
        <source>redefined</source>
        <translation>anders gedefinieerd</translation>
    </message>
    <message>
        <source>recoloured</source>
        <translation>andere kleur</translation>
    </message>
    <message>
        <source>origin changed</source>
        <translation>herkomst gewijzigd</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>samengevoegd</translation>
    </message>
    <message>
        <source>split</source>
        <translation>gesplitst</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 wijziging</translation>
    </message>
    <message>
        <source>Release codebook version</source>
        <translation>Codeboekversie vrijgeven</translation>
    </message>
    <message>
        <source>e.g. v2 after calibration</source>
        <translation>bijv. v2 na kalibratie</translation>
    </message>
    <message>
        <source>what changed and why (optional)</source>
        <translation>wat er veranderde en waarom (optioneel)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Vrijgeven</translation>
    </message>
    <message>
        <source>Compare codebook versions</source>
        <translation>Codeboekversies vergelijken</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Geen wijzigingen.</translation>
    </message>
    <message>
        <source>working codebook</source>
        <translation>werkcodeboek</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>Choose two different versions.</source>
        <translation>Kies twee verschillende versies.</translation>
    </message>
    <message>
        <source>{0} changes</source>
        <translation>{0} wijzigingen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Freezes the working codebook ({0} codes) as a named version, released by {1}. Earlier versions: {2}.</source>
        <translation>Legt het werkcodeboek ({0} codes) vast als benoemde versie, vrijgegeven door {1}. Eerdere versies: {2}.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
</context>
</TS>
