<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ContextDialog</name>
    <message>
        <source>Transfer context</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>identifier</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Package-level rules (ManagementMetadata rules, XML):</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Import context file…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>A Liasse context (JSON) or a Resip ExportContext.config</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Import a transfer context</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Context files (*.json *.config);;All files (*)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Rules, line {line}: {error}</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the SIP</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>SEDA version</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Used for files that changed since they were analysed</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Digest algorithm</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Compress text and office files</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>SIP (*.zip)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Choose a destination in an existing folder.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>SIP written: {path}</source>
        <translation type="unfinished">SIP écrit : {path}</translation>
    </message>
    <message>
        <source>{units} archive units, {objects} files ({size}) in {seconds} s.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Select an archive unit to edit its description.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Kept as is; edit it in the XML tab.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add a field</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add another "{field}"</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Remove "{field}"</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ObjectsPanel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>MIME</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Open the file with the system's viewer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add physical…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Physical: {id}</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Pick a date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Not a date: write 1987, 1987-05 or 1987-05-21.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Language of the text (xml:lang)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>SEDA version of new transfers</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Digest algorithm</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>One pattern per line, e.g. *.tmp or backup/</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Also ignore</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>One per core</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Analysis threads</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Selected unit</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Whole transfer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Preview of</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>transfer (ManagementMetadata)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Select an archive unit to edit its rules.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add a rule</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Do not inherit rules of this category from parents</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Inherited rule ids to exclude, separated by commas</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{rule} (from {origin}, start {start})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Inherited</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Rule identifier, e.g. ACC-00002</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Remove this rule</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>TransferItemModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Physical object {id}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>This unit has {count} parents: {titles}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Add parent</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Not validated yet.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Validate now</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Validating…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Validation failed: {error}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>The transfer is valid.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>XmlTab</name>
    <message>
        <source>Revert</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Apply XML</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Management</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{part}, line {line}: {error}. Nothing was changed.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>usage : </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>afficher la version du programme et quitter</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont obligatoires : %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide : %(value)r (choisir parmi %(choices)s)</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide : %(value)r</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Problems ({count}):</source>
        <translation>Problèmes ({count}) :</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>manifest.xml, line {line}: {error}</source>
        <translation>manifest.xml, ligne {line} : {error}</translation>
    </message>
    <message>
        <source>The folder {path} does not exist or is not a folder.</source>
        <translation>Le dossier {path} n'existe pas ou n'est pas un dossier.</translation>
    </message>
    <message>
        <source>The output {path} is a folder; give the path of the zip to write.</source>
        <translation>La sortie {path} est un dossier ; indiquez le chemin du zip à écrire.</translation>
    </message>
    <message>
        <source>The destination folder {path} does not exist.</source>
        <translation>Le dossier de destination {path} n'existe pas.</translation>
    </message>
    <message>
        <source>No transfer context given (--context): the header uses the demonstration values of Vitam (ArchivalAgreement0, Identifier4, Identifier5...).</source>
        <translation>Aucun contexte de versement indiqué (--context) : l'en-tête reprend les valeurs de démonstration de Vitam (ArchivalAgreement0, Identifier4, Identifier5…).</translation>
    </message>
    <message>
        <source>Cannot read the exclusion file {path}: {error}</source>
        <translation>Impossible de lire le fichier d'exclusions {path} : {error}</translation>
    </message>
    <message>
        <source>Analysing files</source>
        <translation>Analyse des fichiers</translation>
    </message>
    <message>
        <source>Writing the SIP</source>
        <translation>Écriture du SIP</translation>
    </message>
    <message>
        <source>SIP written: {path}</source>
        <translation>SIP écrit : {path}</translation>
    </message>
    <message>
        <source>{units} archive units, {objects} files ({size}), SEDA {version}, {seconds} s; {cached} file(s) taken from the cache, {ignored} ignored.</source>
        <translation>{units} unités d'archives, {objects} fichiers ({size}), SEDA {version}, {seconds} s ; {cached} fichier(s) repris du cache, {ignored} ignoré(s).</translation>
    </message>
    <message>
        <source>Schema store: {path}</source>
        <translation>Magasin de schémas : {path}</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installé</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>Cannot install the schemas: {error}</source>
        <translation>Impossible d'installer les schémas : {error}</translation>
    </message>
    <message>
        <source>Cannot download the schemas: {error}</source>
        <translation>Impossible de télécharger les schémas : {error}</translation>
    </message>
    <message>
        <source>Installed SEDA {versions} in {path}</source>
        <translation>SEDA {versions} installé dans {path}</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Erreur : {message}</translation>
    </message>
    <message>
        <source>Prepare SEDA transfers (SIPs) for an electronic archiving system.</source>
        <translation>Préparer des versements SEDA (SIP) pour un système d'archivage électronique.</translation>
    </message>
    <message>
        <source>language of messages (fr, en)</source>
        <translation>langue des messages (fr, en)</translation>
    </message>
    <message>
        <source>make a SIP zip from a folder tree</source>
        <translation>fabriquer un SIP (zip) à partir d'une arborescence</translation>
    </message>
    <message>
        <source>the SIP to write</source>
        <translation>le SIP à écrire</translation>
    </message>
    <message>
        <source>SEDA version (default {default})</source>
        <translation>version du SEDA (par défaut {default})</translation>
    </message>
    <message>
        <source>transfer header and ManagementMetadata (Liasse JSON or Resip ExportContext.config)</source>
        <translation>en-tête du versement et ManagementMetadata (JSON Liasse ou ExportContext.config de Resip)</translation>
    </message>
    <message>
        <source>digest algorithm (default sha512)</source>
        <translation>algorithme d'empreinte (par défaut sha512)</translation>
    </message>
    <message>
        <source>make the folder's children the root units (as Resip) instead of the folder itself</source>
        <translation>faire des sous-éléments du dossier les unités racines (comme Resip) au lieu du dossier lui-même</translation>
    </message>
    <message>
        <source>ignore names matching this pattern (repeatable; a trailing / matches folders only)</source>
        <translation>ignorer les noms correspondant à ce motif (répétable ; un / final ne vise que les dossiers)</translation>
    </message>
    <message>
        <source>patterns to ignore: one per line, or Resip's JSON array of regular expressions</source>
        <translation>motifs à ignorer : un par ligne, ou tableau JSON d'expressions régulières de Resip</translation>
    </message>
    <message>
        <source>do not ignore Thumbs.db, desktop.ini, .DS_Store, ~$* and .git/</source>
        <translation>ne pas ignorer Thumbs.db, desktop.ini, .DS_Store, ~$* et .git/</translation>
    </message>
    <message>
        <source>deflate compressible formats (text, XML, old office files) at level 6</source>
        <translation>compresser (deflate niveau 6) les formats compressibles (texte, XML, anciens fichiers bureautiques)</translation>
    </message>
    <message>
        <source>write the SIP even if it is not valid</source>
        <translation>écrire le SIP même s'il n'est pas valide</translation>
    </message>
    <message>
        <source>hash every file again instead of reusing earlier scans</source>
        <translation>recalculer l'empreinte de chaque fichier au lieu de réutiliser les analyses précédentes</translation>
    </message>
    <message>
        <source>threads for hashing and identification (default: number of cores)</source>
        <translation>fils d'exécution pour les empreintes et l'identification (par défaut : nombre de cœurs)</translation>
    </message>
    <message>
        <source>print only problems</source>
        <translation>n'afficher que les problèmes</translation>
    </message>
    <message>
        <source>manage the official SEDA schemas</source>
        <translation>gérer les schémas officiels du SEDA</translation>
    </message>
    <message>
        <source>schema store folder</source>
        <translation>dossier du magasin de schémas</translation>
    </message>
    <message>
        <source>install the XSDs from a folder or a zip</source>
        <translation>installer les XSD depuis un dossier ou un zip</translation>
    </message>
    <message>
        <source>download the XSDs from the official SEDA repository (needs internet)</source>
        <translation>télécharger les XSD depuis le dépôt officiel du SEDA (nécessite internet)</translation>
    </message>
    <message>
        <source>show the installed versions</source>
        <translation>afficher les versions installées</translation>
    </message>
    <message>
        <source>Interrupted; nothing was written.</source>
        <translation>Interrompu ; rien n'a été écrit.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé ; rien n'a été écrit.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. Run again with LIASSE_DEBUG=1 for details.</source>
        <translation>Erreur inattendue : {error}. Relancez avec LIASSE_DEBUG=1 pour le détail.</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>Cannot read the context file {path}: {error}</source>
        <translation>Impossible de lire le fichier de contexte {path} : {error}</translation>
    </message>
    <message>
        <source>The context file {path} is not valid JSON (at line:column {where}): {error}</source>
        <translation>Le fichier de contexte {path} n'est pas un JSON valide (ligne:colonne {where}) : {error}</translation>
    </message>
    <message>
        <source>The context file {path} must hold a JSON object.</source>
        <translation>Le fichier de contexte {path} doit contenir un objet JSON.</translation>
    </message>
    <message>
        <source>Unknown key(s) {keys} in {path}. Known keys: {known}.</source>
        <translation>Clé(s) inconnue(s) {keys} dans {path}. Clés connues : {known}.</translation>
    </message>
    <message>
        <source>{key} must be an object in {path}.</source>
        <translation>{key} doit être un objet dans {path}.</translation>
    </message>
    <message>
        <source>{key} must be a text value in {path}.</source>
        <translation>{key} doit être une valeur texte dans {path}.</translation>
    </message>
    <message>
        <source>{key} must be an identifier or an object with "Identifier" in {path}.</source>
        <translation>{key} doit être un identifiant ou un objet avec « Identifier » dans {path}.</translation>
    </message>
    <message>
        <source>Unknown rule category {key} in {path}. Categories: {known}.</source>
        <translation>Catégorie de règle inconnue {key} dans {path}. Catégories : {known}.</translation>
    </message>
    <message>
        <source>{key} does not exist in SEDA {version} (it appeared in SEDA 2.2); choose SEDA 2.2 or later, or remove it from {path}.</source>
        <translation>{key} n'existe pas en SEDA {version} (il est apparu en SEDA 2.2) ; choisissez SEDA 2.2 ou plus récent, ou retirez-le de {path}.</translation>
    </message>
    <message>
        <source>Unknown key(s) {keys} in {category} in {path}.</source>
        <translation>Clé(s) inconnue(s) {keys} dans {category} dans {path}.</translation>
    </message>
    <message>
        <source>Each rule of {category} needs a "Rule" identifier in {path}.</source>
        <translation>Chaque règle de {category} doit avoir un identifiant « Rule » dans {path}.</translation>
    </message>
    <message>
        <source>The XML of {key} in {path} is not well-formed: {error}</source>
        <translation>Le XML de {key} dans {path} est mal formé : {error}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{path} changed since it was scanned; it was hashed again.</source>
        <translation>{path} a changé depuis son analyse ; son empreinte a été recalculée.</translation>
    </message>
    <message>
        <source>{count} file(s) of the transfer can no longer be read; relocate or remove them before exporting:
{files}</source>
        <translation>{count} fichier(s) du versement ne peuvent plus être lus ; retrouvez-les ou retirez-les avant d'exporter :
{files}</translation>
    </message>
    <message>
        <source>{path} was modified while the SIP was being written; export again.</source>
        <translation>{path} a été modifié pendant l'écriture du SIP ; exportez à nouveau.</translation>
    </message>
    <message>
        <source>The destination folder {path} does not exist.</source>
        <translation>Le dossier de destination {path} n'existe pas.</translation>
    </message>
    <message>
        <source>The transfer is not valid ({count} error(s)); the SIP was not written. Fix the errors, or force the export.</source>
        <translation>Le versement n'est pas valide ({count} erreur(s)) ; le SIP n'a pas été écrit. Corrigez les erreurs ou forcez l'export.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; the SIP was not written. Free some space or choose another destination.</source>
        <translation>Le disque de {path} est plein ; le SIP n'a pas été écrit. Libérez de la place ou choisissez une autre destination.</translation>
    </message>
    <message>
        <source>Cannot write the SIP {path}: {error}</source>
        <translation>Impossible d'écrire le SIP {path} : {error}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{archive} contains an entry named {entry}, which points outside the archive or uses backslashes: refused for safety. Rebuild the archive with plain relative names.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} has no manifest.xml at its root: it is not a SIP or a DIP.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} has several manifests at its root ({names}); keep only one.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} is not a readable zip or tar archive (damaged or truncated?).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} is not a readable zip archive (damaged or truncated?): {error}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} looks like a zip bomb (entry {entry} expands far more than any real file): refused.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} contains {entry}, which is a link or a device, not a file: refused for safety.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{archive} is not a readable tar archive (damaged or truncated?): {error}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>Object {id}: its file {uri} is not in {where}; the object is kept without content. Relocate it before exporting.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} declares a DOCTYPE (entities or DTD): refused for safety. A SEDA manifest never needs one.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} uses SEDA version {version}, which is not supported (supported: 2.1, 2.2, 2.3).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} is not a SEDA 2.1, 2.2 or 2.3 manifest (root element {tag}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} is a SEDA {element} message; only ArchiveTransfer (SIP) and ArchiveDeliveryRequestReply (DIP) can be imported.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and import it again.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: a {element} has no id attribute.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: the id {id} is used twice; ids must be unique in a manifest.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: unexpected element {element} in a DataObjectGroup.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}: unexpected element {element} in DataObjectPackage.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: unit {unit} refers to the object or group {target}, which the manifest does not declare.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: ArchiveUnitRefId {target} refers to a unit the manifest does not declare.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}, line {line}: a unit is nested in an ArchiveUnit without id or content.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name}: the archive units form a cycle ({unit} is its own ancestor through {parent}). Remove one of the ArchiveUnitRefId links.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>{name} has no {element} element.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>sae</name>
    <message>
        <source>The reply is not well-formed XML: {error}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <source>The reply has no ReplyCode.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <source>The name of {path} is not valid UTF-8; it was recorded as "{name}". Check the title and file name.</source>
        <translation>Le nom de {path} n'est pas en UTF-8 valide ; il a été enregistré comme « {name} ». Vérifiez le titre et le nom de fichier.</translation>
    </message>
    <message>
        <source>Folder {path} cannot be read ({error}); its content is left out.</source>
        <translation>Le dossier {path} ne peut pas être lu ({error}) ; son contenu est écarté.</translation>
    </message>
    <message>
        <source>{path} is a link to something that does not exist; it is left out.</source>
        <translation>{path} est un lien vers un élément qui n'existe pas ; il est écarté.</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}); it is left out.</source>
        <translation>{path} ne peut pas être lu ({error}) ; il est écarté.</translation>
    </message>
    <message>
        <source>{path} is a link leading outside the folder; it is not followed.</source>
        <translation>{path} est un lien qui mène hors du dossier ; il n'est pas suivi.</translation>
    </message>
    <message>
        <source>{path} leads to a folder already included; it is not followed twice.</source>
        <translation>{path} mène à un dossier déjà inclus ; il n'est pas suivi deux fois.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (device, socket or pipe); it is left out.</source>
        <translation>{path} n'est pas un fichier ordinaire (périphérique, socket ou tube) ; il est écarté.</translation>
    </message>
</context>
<context>
    <name>schemas</name>
    <message>
        <source>Schema source not found: {path}</source>
        <translation>Source de schémas introuvable : {path}</translation>
    </message>
    <message>
        <source>No complete set of official SEDA 2.1, 2.2 or 2.3 schemas (seda-2.x-main.xsd and its five companions) was found in {path}.</source>
        <translation>Aucun jeu complet de schémas officiels SEDA 2.1, 2.2 ou 2.3 (seda-2.x-main.xsd et ses cinq compagnons) n'a été trouvé dans {path}.</translation>
    </message>
    <message>
        <source>Cannot read the archive {path}: {error}</source>
        <translation>Impossible de lire l'archive {path} : {error}</translation>
    </message>
    <message>
        <source>The schema {path} does not compile: {error}</source>
        <translation>Le schéma {path} ne se compile pas : {error}</translation>
    </message>
    <message>
        <source>The official SEDA {version} schema is not installed (looked in {store}). Install it with: liasse-cli schemas install FOLDER_OR_ZIP</source>
        <translation>Le schéma officiel du SEDA {version} n'est pas installé (recherché dans {store}). Installez-le avec : liasse-cli schemas install DOSSIER_OU_ZIP</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>{where}: {message}</source>
        <translation type="unfinished"/>
    </message>
</context>
</TS>