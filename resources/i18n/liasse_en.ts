<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>The value is given to the %n selected unit(s); an empty value removes the field.</source>
        <translation>
            <numerusform>The value is given to the selected unit; an empty value removes the field.</numerusform>
            <numerusform>The value is given to the %n selected units; an empty value removes the field.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n archive unit</numerusform>
            <numerusform>%n archive units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InteropMixin</name>
    <message numerus="yes">
        <source>Imported with %n remark(s).</source>
        <translation>
            <numerusform>Imported with %n remark.</numerusform>
            <numerusform>Imported with %n remarks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n archive unit</numerusform>
            <numerusform>%n archive units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) of this transfer are inside the SIP it was imported from, so the table does not list them in ObjectFiles: a table can only point at files on disk. Export a simplified hierarchy to get the files with their metadata.</source>
        <translation>
            <numerusform>%n object of this transfer is inside the SIP it was imported from, so the table does not list it in ObjectFiles: a table can only point at files on disk. Export a simplified hierarchy to get the file with its metadata.</numerusform>
            <numerusform>%n objects of this transfer are inside the SIP it was imported from, so the table does not list them in ObjectFiles: a table can only point at files on disk. Export a simplified hierarchy to get the files with their metadata.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{size} + %n of unknown size</source>
        <translation>
            <numerusform>{size} + %n of unknown size</numerusform>
            <numerusform>{size} + %n of unknown size</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n unit(s)</source>
        <translation>
            <numerusform>Delete %n unit</numerusform>
            <numerusform>Delete %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bulk edit of %n unit(s)</source>
        <translation>
            <numerusform>Bulk edit of %n unit</numerusform>
            <numerusform>Bulk edit of %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n file(s)</source>
        <translation>
            <numerusform>Add %n file</numerusform>
            <numerusform>Add %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectFilesMixin</name>
    <message numerus="yes">
        <source>%n file(s) of this transfer are no longer where they were scanned ({root}). Were they moved? Choose their new folder to relocate them.</source>
        <translation>
            <numerusform>%n file of this transfer is no longer where it was scanned ({root}). Was it moved? Choose its new folder to relocate it.</numerusform>
            <numerusform>%n files of this transfer are no longer where they were scanned ({root}). Were they moved? Choose their new folder to relocate them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) relocated.</source>
        <translation>
            <numerusform>%n file relocated.</numerusform>
            <numerusform>%n files relocated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Remarks</name>
    <message numerus="yes">
        <source>%n remark(s):</source>
        <translation>
            <numerusform>%n remark:</numerusform>
            <numerusform>%n remarks:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more, under Show Details.</source>
        <translation>
            <numerusform>… and %n more, under Show Details.</numerusform>
            <numerusform>… and %n more, under Show Details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendSummary</name>
    <message numerus="yes">
        <source>%n archive unit(s) archived.</source>
        <translation>
            <numerusform>%n archive unit archived.</numerusform>
            <numerusform>%n archive units archived.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n archive unit</numerusform>
            <numerusform>%n archive units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignored</numerusform>
            <numerusform>%n ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>import</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message numerus="yes">
        <source>%n fixed value(s)</source>
        <translation>
            <numerusform>%n fixed value</numerusform>
            <numerusform>%n fixed values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) match several unit patterns of the profile; only the values these patterns share were filled.</source>
        <translation>
            <numerusform>%n unit matches several unit patterns of the profile; only the values these patterns share were filled.</numerusform>
            <numerusform>%n units match several unit patterns of the profile; only the values these patterns share were filled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) (e.g. {unit}) match no unit of the profile at their level (too deep, or a fixed value differs); nothing was filled in them or below them.</source>
        <translation>
            <numerusform>%n unit ({unit}) matches no unit of the profile at its level (too deep, or a fixed value differs); nothing was filled in it or below it.</numerusform>
            <numerusform>%n units (e.g. {unit}) match no unit of the profile at their level (too deep, or a fixed value differs); nothing was filled in them or below them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) differ from the profile&apos;s fixed value and were kept (e.g. {path} of {unit} is &quot;{value}&quot;, the profile requires &quot;{fixed}&quot;).</source>
        <translation>
            <numerusform>%n value differs from the profile&apos;s fixed value and was kept ({path} of {unit} is &quot;{value}&quot;, the profile requires &quot;{fixed}&quot;).</numerusform>
            <numerusform>%n values differ from the profile&apos;s fixed value and were kept (e.g. {path} of {unit} is &quot;{value}&quot;, the profile requires &quot;{fixed}&quot;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>referentials</name>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
</TS>
