<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
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
        <source>No recent code {0} yet.</source>
        <translation>Nog geen recente code {0}.</translation>
    </message>
    <message>
        <source>New inductive code</source>
        <translation>Nieuwe inductieve code</translation>
    </message>
    <message>
        <source>Name of the new code (created under the selected code):</source>
        <translation>Naam van de nieuwe code (komt onder de geselecteerde code):</translation>
    </message>
    <message>
        <source>New inductive code “{0}”</source>
        <translation>Nieuwe inductieve code “{0}”</translation>
    </message>
    <message>
        <source>In-vivo code “{0}”</source>
        <translation>In-vivocode “{0}”</translation>
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
    <name>ColourButton</name>
    <message>
        <source>Code colour</source>
        <translation>Codekleur</translation>
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
    <name>MainWindow</name>
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
        <source>&amp;Recent projects</source>
        <translation>&amp;Recente projecten</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Project &amp;sluiten</translation>
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
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
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
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The new language is used the next time Qualcode starts.</source>
        <translation>De nieuwe taal wordt gebruikt zodra Qualcode opnieuw start.</translation>
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
        <translation>Codeur</translation>
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
    <name>StartScreen</name>
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
