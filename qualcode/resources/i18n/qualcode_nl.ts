<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blind: coders do not see each other&apos;s codings until the lead reveals them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <source>Attributes of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>created as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged into {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeEditorDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Definition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inclusion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclusion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deductive (a priori)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inductive (from the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;MO tag:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePickerDialog</name>
    <message>
        <source>Filter codes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeTreeWidget</name>
    <message>
        <source>Filter codes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;sub-code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sub-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merge “%1” into “%2”? %n coding(s) move to “%2”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and %n sub-code(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookCommands</name>
    <message>
        <source>Add code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename code “{0}” to “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{0}” into “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inductive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deductive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Inductive code&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s) on this code</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s) including sub-codes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodingCommands</name>
    <message>
        <source>Remove coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change coding&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change coding span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>Open a document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who is coding in the toolbar first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text in the transcript first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent code {0} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New inductive code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new code (created under the selected code):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New inductive code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-vivo code “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in a coding to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can only remove your own codings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Code colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteCodeDialog</name>
    <message>
        <source>Delete code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” (with its sub-codes) has %n coding(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move the codings to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete the codings too</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on this coding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set span to selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a code to see its definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>Code colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{0}” into which code?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names of the new codes next to “{0}”, one per line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualcode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me, not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign to coder(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All source types</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codings (mine / all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind coding: other coders&apos; codings stay hidden until the lead reveals them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindAllDialog</name>
    <message>
        <source>Find in all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} hits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} codings shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;all documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply selected code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New inductive code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap selection to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Qualcode starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a code in the codebook first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(apply a code first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFlow</name>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualcode projects (*.qcdb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as coder (you become the lead):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the sample project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <source>Quick code (Ctrl+K)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Qualitative coding with versioned codebooks and inter-coder agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ten synthetic Dutch and English transcripts about student wellbeing, two codebooks and two coders&apos; codings: a safe place to try everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
