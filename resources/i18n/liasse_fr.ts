<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk edit</source>
        <translation>Modification en masse</translation>
    </message>
    <message numerus="yes">
        <source>The value is given to the %n selected unit(s); an empty value removes the field.</source>
        <translation>
            <numerusform>La valeur est donnée à l&apos;unité sélectionnée ; une valeur vide retire le champ.</numerusform>
            <numerusform>La valeur est donnée aux %n unités sélectionnées ; une valeur vide retire le champ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule: {category}</source>
        <translation>Règle : {category}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Start date of the rule (optional)</source>
        <translation>Date de début de la règle (facultatif)</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Final action</source>
        <translation>Sort final</translation>
    </message>
</context>
<context>
    <name>ContextDialog</name>
    <message>
        <source>Transfer context</source>
        <translation>Contexte du versement</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>Package-level rules (ManagementMetadata rules, XML):</source>
        <translation>Règles au niveau du versement (règles de ManagementMetadata, XML) :</translation>
    </message>
    <message>
        <source>Import context file…</source>
        <translation>Importer un fichier de contexte…</translation>
    </message>
    <message>
        <source>A Liasse context (JSON) or a Resip ExportContext.config</source>
        <translation>Un contexte Liasse (JSON) ou un fichier ExportContext.config de Resip</translation>
    </message>
    <message>
        <source>Import a transfer context</source>
        <translation>Importer un contexte de versement</translation>
    </message>
    <message>
        <source>Context files (*.json *.config);;All files (*)</source>
        <translation>Fichiers de contexte (*.json *.config);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Rules, line {line}: {error}</source>
        <translation>Règles, ligne {line} : {error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the SIP</source>
        <translation>Exporter le SIP</translation>
    </message>
    <message>
        <source>SEDA version</source>
        <translation>Version du SEDA</translation>
    </message>
    <message>
        <source>Used for files that changed since they were analysed</source>
        <translation>Utilisé pour les fichiers modifiés depuis leur analyse</translation>
    </message>
    <message>
        <source>Digest algorithm</source>
        <translation>Algorithme d&apos;empreinte</translation>
    </message>
    <message>
        <source>Compress text and office files</source>
        <translation>Compresser les fichiers texte et bureautiques</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>SIP (*.zip)</source>
        <translation>SIP (*.zip)</translation>
    </message>
    <message>
        <source>Choose a destination in an existing folder.</source>
        <translation>Choisissez une destination dans un dossier existant.</translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>SIP written: {path}</source>
        <translation>SIP enregistré : {path}</translation>
    </message>
    <message>
        <source>{units}, {objects} ({size}) in {seconds} s.</source>
        <translation>{units}, {objects} ({size}) en {seconds} s.</translation>
    </message>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n unité d&apos;archives</numerusform>
            <numerusform>%n unités d&apos;archives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Transfer history</source>
        <translation>Historique des transferts</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Operation id</source>
        <translation>Identifiant d&apos;opération</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Poll again</source>
        <translation>Interroger de nouveau</translation>
    </message>
    <message>
        <source>Ask the archive again for the result of this transfer</source>
        <translation>Redemander au SAE le résultat de ce transfert</translation>
    </message>
    <message>
        <source>Open ATR</source>
        <translation>Ouvrir l&apos;ATR</translation>
    </message>
    <message>
        <source>Open the reply (ArchiveTransferReply) received from the archive</source>
        <translation>Ouvrir la réponse (ArchiveTransferReply) reçue du SAE</translation>
    </message>
    <message>
        <source>Show SIP in folder</source>
        <translation>Afficher le SIP dans son dossier</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Reply (ATR)</source>
        <translation>Réponse (ATR)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>The transfer history cannot be read ({path}): {error}</source>
        <translation>L&apos;historique des transferts ne peut pas être lu ({path}) : {error}</translation>
    </message>
    <message>
        <source>Some records of the history file {path} are damaged and not shown ({count}).</source>
        <translation>Des enregistrements du fichier d&apos;historique {path} sont endommagés et ne sont pas affichés ({count}).</translation>
    </message>
    <message>
        <source>No transfer has been sent yet.
Transfers sent to Vitam, from this window or with liasse-cli send, are listed here.</source>
        <translation>Aucun transfert n&apos;a encore été envoyé.
Les transferts envoyés à Vitam, depuis cette fenêtre ou avec liasse-cli send, sont listés ici.</translation>
    </message>
    <message>
        <source>{target} (test)</source>
        <translation>{target} (test)</translation>
    </message>
    <message>
        <source>Test mode: checked by Vitam, not archived</source>
        <translation>Mode test : contrôlé par Vitam, non archivé</translation>
    </message>
    <message>
        <source>{path} (no longer on disk)</source>
        <translation>{path} (n&apos;est plus sur le disque)</translation>
    </message>
    <message>
        <source>{target} — test mode: checked by Vitam, not archived</source>
        <translation>{target} — mode test : contrôlé par Vitam, non archivé</translation>
    </message>
    <message>
        <source>{sent} (last update {updated})</source>
        <translation>{sent} (dernière mise à jour le {updated})</translation>
    </message>
    <message>
        <source>not received yet</source>
        <translation>pas encore reçue</translation>
    </message>
    <message>
        <source>The reply file no longer exists.</source>
        <translation>Le fichier de la réponse n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Reading the reply…</source>
        <translation>Lecture de la réponse…</translation>
    </message>
    <message>
        <source>The reply (ATR) cannot be read: {error}</source>
        <translation>La réponse (ATR) ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>Archived. Given a Vitam id: archive units {units}, objects {objects}.</source>
        <translation>Archivé. Identifiant Vitam attribué : unités d&apos;archives {units}, objets {objects}.</translation>
    </message>
    <message>
        <source>Reply {outcome}: nothing was archived.</source>
        <translation>Réponse {outcome} : rien n&apos;a été archivé.</translation>
    </message>
    <message>
        <source>Problems reported by the archive ({count}):</source>
        <translation>Problèmes signalés par le SAE ({count}) :</translation>
    </message>
    <message>
        <source>… and others not shown here ({count}): open the ATR.</source>
        <translation>… et d&apos;autres non affichés ici ({count}) : ouvrez l&apos;ATR.</translation>
    </message>
    <message>
        <source>Asking {target} for the result of operation {operation}…</source>
        <translation>Interrogation de {target} sur le résultat de l&apos;opération {operation}…</translation>
    </message>
    <message>
        <source>Result of operation {operation}: {status}</source>
        <translation>Résultat de l&apos;opération {operation} : {status}</translation>
    </message>
    <message>
        <source>Polling failed: {error}</source>
        <translation>L&apos;interrogation du SAE a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>InteropMixin</name>
    <message>
        <source>Import a Resip hierarchy</source>
        <translation>Importer une arborescence Resip</translation>
    </message>
    <message>
        <source>SIP, DIP or manifest (*.zip *.tar *.tar.gz *.tgz *.xml);;All files (*)</source>
        <translation>SIP, DIP ou bordereau (*.zip *.tar *.tar.gz *.tgz *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Resip CSV (*.csv);;All files (*)</source>
        <translation>CSV Resip (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a SIP, a DIP or a manifest</source>
        <translation>Importer un SIP, un DIP ou un bordereau</translation>
    </message>
    <message>
        <source>Import a Resip CSV</source>
        <translation>Importer un CSV Resip</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importer un classeur</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n remark(s).</source>
        <translation>
            <numerusform>Importé avec %n remarque.</numerusform>
            <numerusform>Importé avec %n remarques.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cannot import {path}</source>
        <translation>Impossible d&apos;importer {path}</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>Import de {path}…</translation>
    </message>
    <message>
        <source>Folder to create the Resip hierarchy in</source>
        <translation>Dossier où créer l&apos;arborescence Resip</translation>
    </message>
    <message>
        <source>Manifest (*.xml)</source>
        <translation>Bordereau (*.xml)</translation>
    </message>
    <message>
        <source>Resip CSV (*.csv)</source>
        <translation>CSV Resip (*.csv)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Classeur (*.xlsx)</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archive zip (*.zip)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Written: {path} ({units}).</source>
        <translation>Enregistré : {path} ({units}).</translation>
    </message>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n unité d&apos;archives</numerusform>
            <numerusform>%n unités d&apos;archives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) of this transfer are inside the SIP it was imported from, so the table does not list them in ObjectFiles: a table can only point at files on disk. Export a simplified hierarchy to get the files with their metadata.</source>
        <translation>
            <numerusform>%n objet de ce versement se trouve dans le SIP dont il a été importé : le tableau ne l&apos;indique donc pas dans ObjectFiles, car un tableau ne peut désigner que des fichiers sur le disque. Exportez une arborescence simplifiée pour obtenir les fichiers avec leurs métadonnées.</numerusform>
            <numerusform>%n objets de ce versement se trouvent dans le SIP dont il a été importé : le tableau ne les indique donc pas dans ObjectFiles, car un tableau ne peut désigner que des fichiers sur le disque. Exportez une arborescence simplifiée pour obtenir les fichiers avec leurs métadonnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Écriture de {path}…</translation>
    </message>
    <message>
        <source>SIP written: {path}</source>
        <translation>SIP enregistré : {path}</translation>
    </message>
    <message>
        <source>The transfer is not valid</source>
        <translation>Le versement n&apos;est pas valide</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>Exporter quand même ?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search titles, identifiers, metadata… (Ctrl+F)</source>
        <translation>Rechercher dans les intitulés, identifiants, métadonnées… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Not possible: a unit cannot go under itself.</source>
        <translation>Impossible : une unité ne peut pas être placée sous elle-même.</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>Modifier la description</translation>
    </message>
    <message>
        <source>Edit rules</source>
        <translation>Modifier les règles</translation>
    </message>
    <message>
        <source>Edit XML</source>
        <translation>Modifier le XML</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>Nouveau versement</translation>
    </message>
    <message>
        <source>{name}[*] — Liasse</source>
        <translation>{name}[*] — Liasse</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>taille inconnue</translation>
    </message>
    <message numerus="yes">
        <source>{size} + %n of unknown size</source>
        <translation>
            <numerusform>{size} + %n de taille inconnue</numerusform>
            <numerusform>{size} + %n de taille inconnue</numerusform>
        </translation>
    </message>
    <message>
        <source>{units} · {objects} · {size} · SEDA {version} · {selected}</source>
        <translation>{units} · {objects} · {size} · SEDA {version} · {selected}</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objet</numerusform>
            <numerusform>%n objets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n unit(s)</source>
        <translation>
            <numerusform>Supprimer %n unité</numerusform>
            <numerusform>Supprimer %n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bulk edit of %n unit(s)</source>
        <translation>
            <numerusform>Modification groupée de %n unité</numerusform>
            <numerusform>Modification groupée de %n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n file(s)</source>
        <translation>
            <numerusform>Ajouter %n fichier</numerusform>
            <numerusform>Ajouter %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Opération annulée.</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Nouvelle unité</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Ajouter une unité</translation>
    </message>
    <message>
        <source>Edit transfer context</source>
        <translation>Modifier le contexte du versement</translation>
    </message>
    <message>
        <source>Referential not loaded: {error}</source>
        <translation>Référentiel non chargé : {error}</translation>
    </message>
    <message>
        <source>Analysing the added files…</source>
        <translation>Analyse des fichiers ajoutés…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <source>Add a physical object</source>
        <translation>Ajouter un objet physique</translation>
    </message>
    <message>
        <source>Physical identifier (box, shelf mark…):</source>
        <translation>Identifiant physique (boîte, cote de rangement…) :</translation>
    </message>
    <message>
        <source>Add physical object</source>
        <translation>Ajouter un objet physique</translation>
    </message>
    <message>
        <source>Remove objects</source>
        <translation>Retirer des objets</translation>
    </message>
    <message>
        <source>&amp;New transfer from a folder…</source>
        <translation>&amp;Nouveau versement à partir d&apos;un dossier…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Export the SIP…</source>
        <translation>&amp;Exporter le SIP…</translation>
    </message>
    <message>
        <source>&amp;SIP, DIP or manifest…</source>
        <translation>&amp;SIP, DIP ou bordereau…</translation>
    </message>
    <message>
        <source>Resip &amp;CSV…</source>
        <translation>&amp;CSV Resip…</translation>
    </message>
    <message>
        <source>Spreads&amp;heet (XLSX)…</source>
        <translation>C&amp;lasseur (XLSX)…</translation>
    </message>
    <message>
        <source>Resip &amp;hierarchy (folder)…</source>
        <translation>&amp;Arborescence Resip (dossier)…</translation>
    </message>
    <message>
        <source>&amp;Manifest only…</source>
        <translation>&amp;Bordereau seul…</translation>
    </message>
    <message>
        <source>Simplified hierarchy and CS&amp;V (zip)…</source>
        <translation>Arborescence simplifiée et CS&amp;V (zip)…</translation>
    </message>
    <message>
        <source>Load the archive &amp;profile…</source>
        <translation>Charger le &amp;profil d&apos;archivage…</translation>
    </message>
    <message>
        <source>Se&amp;nd to Vitam…</source>
        <translation>Envo&amp;yer à Vitam…</translation>
    </message>
    <message>
        <source>Transfer &amp;history…</source>
        <translation>&amp;Historique des transferts…</translation>
    </message>
    <message>
        <source>Vitam &amp;targets…</source>
        <translation>C&amp;ibles Vitam…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Add a unit</source>
        <translation>Ajouter une &amp;unité</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Re&amp;nommer</translation>
    </message>
    <message>
        <source>&amp;Bulk edit the selection…</source>
        <translation>&amp;Modifier la sélection en masse…</translation>
    </message>
    <message>
        <source>Transfer &amp;context…</source>
        <translation>&amp;Contexte du versement…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>Tout &amp;déplier</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>Tout re&amp;plier</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Versement</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Select an archive unit to edit its description.</source>
        <translation>Sélectionnez une unité d&apos;archives pour modifier sa description.</translation>
    </message>
    <message>
        <source>Kept as is; edit it in the XML tab.</source>
        <translation>Conservé tel quel ; modifiez-le dans l&apos;onglet XML.</translation>
    </message>
    <message>
        <source>Add a field</source>
        <translation>Ajouter un champ</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add another &quot;{field}&quot;</source>
        <translation>Ajouter une autre occurrence de « {field} »</translation>
    </message>
    <message>
        <source>Remove &quot;{field}&quot;</source>
        <translation>Supprimer « {field} »</translation>
    </message>
    <message>
        <source>{field} *</source>
        <translation>{field} *</translation>
    </message>
    <message>
        <source>Required by the archive profile</source>
        <translation>Exigé par le profil d&apos;archivage</translation>
    </message>
    <message>
        <source>Required by the archive profile, with the value “{value}”</source>
        <translation>Exigé par le profil d&apos;archivage, avec la valeur « {value} »</translation>
    </message>
</context>
<context>
    <name>ObjectsPanel</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>MIME</source>
        <translation>MIME</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the file with the system&apos;s viewer</source>
        <translation>Ouvrir le fichier avec la visionneuse du système</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add physical…</source>
        <translation>Ajouter un objet physique…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Physical: {id}</source>
        <translation>Objet physique : {id}</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Not a date: write 1987, 1987-05 or 1987-05-21.</source>
        <translation>Date non valide : saisissez 1987, 1987-05 ou 1987-05-21.</translation>
    </message>
    <message>
        <source>Language of the text (xml:lang)</source>
        <translation>Langue du texte (xml:lang)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>Langue (après redémarrage)</translation>
    </message>
    <message>
        <source>SEDA version of new transfers</source>
        <translation>Version du SEDA des nouveaux versements</translation>
    </message>
    <message>
        <source>Digest algorithm</source>
        <translation>Algorithme d&apos;empreinte</translation>
    </message>
    <message>
        <source>One pattern per line, e.g. *.tmp or backup/</source>
        <translation>Un motif par ligne, par exemple *.tmp ou backup/</translation>
    </message>
    <message>
        <source>Also ignore</source>
        <translation>Ignorer aussi</translation>
    </message>
    <message>
        <source>One per core</source>
        <translation>Une par cœur</translation>
    </message>
    <message>
        <source>Analysis threads</source>
        <translation>Tâches d&apos;analyse parallèles</translation>
    </message>
    <message>
        <source>Rules referential (CSV)</source>
        <translation>Référentiel des règles de gestion (CSV)</translation>
    </message>
    <message>
        <source>Agencies referential (CSV)</source>
        <translation>Référentiel des services agents (CSV)</translation>
    </message>
    <message>
        <source>Keep the SIPs sent to Vitam in</source>
        <translation>Conserver les SIP envoyés à Vitam dans</translation>
    </message>
    <message>
        <source>Not kept: each SIP is removed once sent</source>
        <translation>Non conservés : chaque SIP est supprimé une fois envoyé</translation>
    </message>
    <message>
        <source>Export of the archive&apos;s referential, for completion and end dates</source>
        <translation>Export du référentiel du service d&apos;archives, pour la saisie assistée et le calcul des dates de fin</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Selected unit</source>
        <translation>Unité sélectionnée</translation>
    </message>
    <message>
        <source>Whole transfer</source>
        <translation>Versement entier</translation>
    </message>
    <message>
        <source>Preview of</source>
        <translation>Aperçu de</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
</context>
<context>
    <name>ProfileMixin</name>
    <message>
        <source>Load the archive profile</source>
        <translation>Charger le profil d&apos;archivage</translation>
    </message>
    <message>
        <source>Archive profiles (*.rng *.xsd);;All files (*)</source>
        <translation>Profils d&apos;archivage (*.rng *.xsd);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot load the profile</source>
        <translation>Impossible de charger le profil</translation>
    </message>
    <message>
        <source>Apply the archive profile</source>
        <translation>Appliquer le profil d&apos;archivage</translation>
    </message>
    <message>
        <source>The transfer context declares no ArchivalProfile: set it in the transfer context so that Vitam checks the transfer against this profile.</source>
        <translation>Le contexte du versement ne déclare aucun ArchivalProfile : renseignez-le dans le contexte du versement pour que Vitam contrôle le versement au regard de ce profil.</translation>
    </message>
    <message>
        <source>Archive profile</source>
        <translation>Profil d&apos;archivage</translation>
    </message>
</context>
<context>
    <name>ProjectFilesMixin</name>
    <message>
        <source>New transfer from a folder</source>
        <translation>Nouveau versement à partir d&apos;un dossier</translation>
    </message>
    <message>
        <source>Some files were left out</source>
        <translation>Certains fichiers ont été écartés</translation>
    </message>
    <message>
        <source>Analysing the files of {folder}…</source>
        <translation>Analyse des fichiers de {folder}…</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>Ouverture de {path}…</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <source>Files not found</source>
        <translation>Fichiers introuvables</translation>
    </message>
    <message>
        <source>New location of the files</source>
        <translation>Nouvel emplacement des fichiers</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of this transfer are no longer where they were scanned ({root}). Were they moved? Choose their new folder to relocate them.</source>
        <translation>
            <numerusform>%n fichier de ce transfert n&apos;est plus là où il a été analysé ({root}). A-t-il été déplacé ? Choisissez son nouveau dossier pour le retrouver.</numerusform>
            <numerusform>%n fichiers de ce transfert ne sont plus là où ils ont été analysés ({root}). Ont-ils été déplacés ? Choisissez leur nouveau dossier pour les retrouver.</numerusform>
        </translation>
    </message>
    <message>
        <source>This folder has a metadata.csv at its root, as a simplified hierarchy does. Build the units from it, with their metadata? (No: the folder is analysed as plain files, metadata.csv included.)</source>
        <translation>Ce dossier contient un metadata.csv à sa racine, comme une arborescence simplifiée. Construire les unités à partir de ce fichier, avec leurs métadonnées ? (Non : le dossier est analysé comme de simples fichiers, metadata.csv compris.)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) relocated.</source>
        <translation>
            <numerusform>%n fichier retrouvé.</numerusform>
            <numerusform>%n fichiers retrouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Liasse projects (*.liasse);;All files (*)</source>
        <translation>Projets Liasse (*.liasse);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <source>Liasse projects (*.liasse)</source>
        <translation>Projets Liasse (*.liasse)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Impossible d&apos;enregistrer le projet</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to this transfer first?</source>
        <translation>Enregistrer d&apos;abord les modifications de ce versement ?</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>Échec de l&apos;enregistrement automatique : {error}</translation>
    </message>
    <message>
        <source>an unsaved transfer</source>
        <translation>un versement non enregistré</translation>
    </message>
    <message>
        <source>Recover your work?</source>
        <translation>Récupérer votre travail ?</translation>
    </message>
    <message>
        <source>Liasse did not close properly. Recover the autosaved copy of {name} ({saved})?</source>
        <translation>La dernière session de Liasse ne s&apos;est pas terminée correctement. Récupérer la copie enregistrée automatiquement pour {name} ({saved}) ?</translation>
    </message>
</context>
<context>
    <name>Remarks</name>
    <message numerus="yes">
        <source>%n remark(s):</source>
        <translation>
            <numerusform>%n remarque :</numerusform>
            <numerusform>%n remarques :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more, under Show Details.</source>
        <translation>
            <numerusform>… et %n autre, sous « Montrer les détails ».</numerusform>
            <numerusform>… et %n autres, sous « Montrer les détails ».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>transfer (ManagementMetadata)</source>
        <translation>versement (ManagementMetadata)</translation>
    </message>
    <message>
        <source>Select an archive unit to edit its rules.</source>
        <translation>Sélectionnez une unité d&apos;archives pour modifier ses règles.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Do not inherit rules of this category from parents</source>
        <translation>Bloquer l&apos;héritage des règles de cette catégorie depuis les parents</translation>
    </message>
    <message>
        <source>Inherited rule ids to exclude, separated by commas</source>
        <translation>Identifiants des règles héritées à exclure, séparés par des virgules</translation>
    </message>
    <message>
        <source>{rule} (from {origin}, start {start})</source>
        <translation>{rule} (héritée de {origin}, début : {start})</translation>
    </message>
    <message>
        <source>Inherited</source>
        <translation>Héritée</translation>
    </message>
    <message>
        <source>Rule identifier, e.g. ACC-00002</source>
        <translation>Identifiant de la règle, par ex. ACC-00002</translation>
    </message>
    <message>
        <source>{rules} (archive profile)</source>
        <translation>{rules} (profil d&apos;archivage)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à compter du</translation>
    </message>
    <message>
        <source>Unknown in the rules referential</source>
        <translation>Inconnue du référentiel des règles de gestion</translation>
    </message>
    <message>
        <source>{value} — {duration} {measurement}</source>
        <translation>{value} — {duration} {measurement}</translation>
    </message>
    <message>
        <source>→ unlimited</source>
        <translation>→ illimitée</translation>
    </message>
    <message>
        <source>→ {date}</source>
        <translation>→ {date}</translation>
    </message>
    <message>
        <source>End date computed from the rules referential</source>
        <translation>Date de fin calculée d&apos;après le référentiel des règles de gestion</translation>
    </message>
    <message>
        <source>Remove this rule</source>
        <translation>Supprimer cette règle</translation>
    </message>
    <message>
        <source>Units under this hold must not be rearranged</source>
        <translation>Les unités soumises à ce gel ne doivent pas être réarrangées</translation>
    </message>
</context>
<context>
    <name>SedaLabels</name>
    <message>
        <source>Description level</source>
        <translation>Niveau de description</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>File plan position</source>
        <translation>Position dans le plan de classement</translation>
    </message>
    <message>
        <source>System identifier</source>
        <translation>Identifiant système</translation>
    </message>
    <message>
        <source>Originating system identifier</source>
        <translation>Identifiant dans le système d&apos;origine</translation>
    </message>
    <message>
        <source>Archival agency identifier</source>
        <translation>Cote du service d&apos;archives</translation>
    </message>
    <message>
        <source>Originating agency identifier</source>
        <translation>Cote du service producteur</translation>
    </message>
    <message>
        <source>Transferring agency identifier</source>
        <translation>Cote du service versant</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Présentation du contenu</translation>
    </message>
    <message>
        <source>Custodial history</source>
        <translation>Historique de la conservation</translation>
    </message>
    <message>
        <source>Custodial history item</source>
        <translation>Étape de l&apos;historique de la conservation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Keyword type</source>
        <translation>Type de mot-clé</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Originating agency</source>
        <translation>Service producteur</translation>
    </message>
    <message>
        <source>Submission agency</source>
        <translation>Service versant</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Authorized agent</source>
        <translation>Titulaire des droits</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>Rédacteur</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire en copie</translation>
    </message>
    <message>
        <source>Transmitter</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Related objects</source>
        <translation>Objets liés</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Date de création</translation>
    </message>
    <message>
        <source>Transacted</source>
        <translation>Date de la transaction</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Date d&apos;acquisition</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Date d&apos;envoi</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Date d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Date (free text)</source>
        <translation>Date (texte libre)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>Coordonnées GPS</translation>
    </message>
    <message>
        <source>Text content</source>
        <translation>Contenu textuel</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Death date</source>
        <translation>Date de décès</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nom de l&apos;organisation</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <source>Event identifier</source>
        <translation>Identifiant de l&apos;événement</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Type d&apos;événement</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Date de l&apos;événement</translation>
    </message>
    <message>
        <source>Event detail</source>
        <translation>Détail de l&apos;événement</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Durée d&apos;utilité courante (DUC)</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Sort final (DUA)</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Communicabilité</translation>
    </message>
    <message>
        <source>Dissemination</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Réutilisation</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Gel</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Prevent inheritance</source>
        <translation>Bloquer l&apos;héritage</translation>
    </message>
    <message>
        <source>Excluded inherited rule</source>
        <translation>Règle héritée exclue</translation>
    </message>
    <message>
        <source>Final action</source>
        <translation>Sort final</translation>
    </message>
    <message>
        <source>Hold end date</source>
        <translation>Date de fin de gel</translation>
    </message>
    <message>
        <source>Hold owner</source>
        <translation>Responsable du gel</translation>
    </message>
    <message>
        <source>Hold reassessing date</source>
        <translation>Date de réévaluation du gel</translation>
    </message>
    <message>
        <source>Hold reason</source>
        <translation>Motif du gel</translation>
    </message>
    <message>
        <source>Prevent rearrangement</source>
        <translation>Interdire le réarrangement</translation>
    </message>
    <message>
        <source>Classification level</source>
        <translation>Niveau de classification</translation>
    </message>
    <message>
        <source>Classification owner</source>
        <translation>Propriétaire de la classification</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Message identifier</source>
        <translation>Identifiant du message</translation>
    </message>
    <message>
        <source>Archival agreement</source>
        <translation>Contrat d&apos;entrée</translation>
    </message>
    <message>
        <source>Archival agency</source>
        <translation>Service d&apos;archives</translation>
    </message>
    <message>
        <source>Transferring agency</source>
        <translation>Service versant</translation>
    </message>
    <message>
        <source>Archive profile</source>
        <translation>Profil d&apos;archivage</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Niveau de service</translation>
    </message>
    <message>
        <source>Acquisition information</source>
        <translation>Modalités d&apos;entrée</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Statut juridique</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send to Vitam</source>
        <translation>Envoyer à Vitam</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Test mode: checked by Vitam, not archived</source>
        <translation>Mode test : contrôlé par Vitam, non archivé</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>{url} (tenant {tenant})</source>
        <translation>{url} (tenant {tenant})</translation>
    </message>
</context>
<context>
    <name>SendMixin</name>
    <message>
        <source>Send to Vitam</source>
        <translation>Envoyer à Vitam</translation>
    </message>
    <message>
        <source>The transfer was not sent</source>
        <translation>Le versement n&apos;a pas été envoyé</translation>
    </message>
    <message>
        <source>Sending to {target}…</source>
        <translation>Envoi vers {target}…</translation>
    </message>
</context>
<context>
    <name>SendSummary</name>
    <message>
        <source>Transfer {status}</source>
        <translation>Transfert : {status}</translation>
    </message>
    <message>
        <source>Operation: {id}</source>
        <translation>Opération : {id}</translation>
    </message>
    <message numerus="yes">
        <source>%n archive unit(s) archived.</source>
        <translation>
            <numerusform>%n unité d&apos;archives archivée.</numerusform>
            <numerusform>%n unités d&apos;archives archivées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was archived.</source>
        <translation>Rien n&apos;a été archivé.</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>Edit the target {name}</source>
        <translation>Modifier la cible {name}</translation>
    </message>
    <message>
        <source>New Vitam target</source>
        <translation>Nouvelle cible Vitam</translation>
    </message>
    <message>
        <source>e.g. production, recette, sandbox</source>
        <translation>par exemple : production, recette, formation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>The name of a saved target cannot be changed: the transfer history refers to it. Add a new target instead.</source>
        <translation>Le nom d&apos;une cible enregistrée ne peut pas être modifié : l&apos;historique des transferts y fait référence. Ajoutez plutôt une nouvelle cible.</translation>
    </message>
    <message>
        <source>Address of the ingest-external service of Vitam</source>
        <translation>Adresse du service d&apos;entrée de Vitam (ingest-external)</translation>
    </message>
    <message>
        <source>Ingest address</source>
        <translation>Adresse d&apos;entrée</translation>
    </message>
    <message>
        <source>Optional: the ingest address</source>
        <translation>Facultative : l&apos;adresse d&apos;entrée</translation>
    </message>
    <message>
        <source>Address of the admin-external service, used to follow the processing of a transfer (often port 8444)</source>
        <translation>Adresse du service d&apos;administration (admin-external), qui sert à suivre le traitement d&apos;un transfert (souvent le port 8444)</translation>
    </message>
    <message>
        <source>Admin address</source>
        <translation>Adresse d&apos;administration</translation>
    </message>
    <message>
        <source>Number of the Vitam tenant the transfers go to</source>
        <translation>Numéro du tenant Vitam qui reçoit les transferts</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Ingest workflow asked from Vitam (X-Context-Id)</source>
        <translation>Processus d&apos;entrée demandé à Vitam (X-Context-Id)</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Processus d&apos;entrée</translation>
    </message>
    <message>
        <source>Application session id sent to Vitam (X-Application-Id) and recorded in its logbook</source>
        <translation>Identifiant de session applicative envoyé à Vitam (X-Application-Id) et inscrit dans son journal</translation>
    </message>
    <message>
        <source>Application id</source>
        <translation>Identifiant d&apos;application</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.p12 *.pfx *.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PKCS#12 file (.p12, .pfx) or PEM certificate</source>
        <translation>Fichier PKCS#12 (.p12, .pfx) ou certificat PEM</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Only with a PEM certificate</source>
        <translation>Uniquement avec un certificat PEM</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Optional: the authorities the system trusts</source>
        <translation>Facultatif : les autorités reconnues par le système</translation>
    </message>
    <message>
        <source>The server&apos;s certificate must be signed by this authority, or by one the system trusts; there is no way to turn the verification off.</source>
        <translation>Le certificat du serveur doit être signé par cette autorité, ou par une autorité reconnue par le système ; cette vérification ne peut pas être désactivée.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is always verified (TLS).</source>
        <translation>Le certificat du serveur est toujours vérifié (TLS).</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored passphrase</source>
        <translation>Laisser vide pour conserver la phrase secrète enregistrée</translation>
    </message>
    <message>
        <source>If the certificate or key has one</source>
        <translation>Si le certificat ou la clé en a une</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Forget the stored passphrase</source>
        <translation>Oublier la phrase secrète enregistrée</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never written to a file.</source>
        <translation>Conservée dans le trousseau du système, jamais écrite dans un fichier.</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Try these settings without saving them</source>
        <translation>Essayer ces réglages sans les enregistrer</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Connecting to {url}…</source>
        <translation>Connexion à {url}…</translation>
    </message>
    <message>
        <source>The connection test failed: {error}</source>
        <translation>Le test de connexion a échoué : {error}</translation>
    </message>
    <message>
        <source>The target could not be saved in {path}: {error}</source>
        <translation>La cible n&apos;a pas pu être enregistrée dans {path} : {error}</translation>
    </message>
    <message>
        <source>A target named {name} already exists. Replace it?</source>
        <translation>Une cible nommée {name} existe déjà. La remplacer ?</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>{url} accepted the connection but did not answer within {seconds} s. The server may be overloaded: try again later.</source>
        <translation>{url} a accepté la connexion mais n&apos;a pas répondu en {seconds} s. Le serveur est peut-être surchargé : réessayez plus tard.</translation>
    </message>
    <message>
        <source>Cannot reach {url}: {error}. Check the address and the network.</source>
        <translation>Impossible de joindre {url} : {error}. Vérifiez l&apos;adresse et le réseau.</translation>
    </message>
    <message>
        <source>Connection succeeded: {url} answered, its certificate is trusted and it accepted the client certificate. Whether this certificate may send transfers to tenant {tenant} is checked by Vitam at the first transfer (send one in test mode to check it).</source>
        <translation>Connexion réussie : {url} a répondu, son certificat est reconnu et il a accepté le certificat client. Le droit de ce certificat à verser dans le tenant {tenant} n&apos;est contrôlé par Vitam qu&apos;au premier transfert (envoyez-en un en mode test pour le vérifier).</translation>
    </message>
    <message>
        <source>The server answered 404 (not found) at {url}: this is not the address of a Vitam ingest-external service. Check the ingest address.</source>
        <translation>Le serveur a répondu 404 (introuvable) à l&apos;adresse {url} : ce n&apos;est pas l&apos;adresse d&apos;un service d&apos;entrée Vitam (ingest-external). Vérifiez l&apos;adresse d&apos;entrée.</translation>
    </message>
    <message>
        <source>Vitam answered 503 (service unavailable) at {url}: the platform is not ready. Try again later or ask its administrators.</source>
        <translation>Vitam a répondu 503 (service indisponible) à l&apos;adresse {url} : la plateforme n&apos;est pas prête. Réessayez plus tard ou contactez ses administrateurs.</translation>
    </message>
    <message>
        <source>The server answered {status} at {url}, where Vitam answers 204. Check the ingest address.</source>
        <translation>Le serveur a répondu {status} à l&apos;adresse {url}, là où Vitam répond 204. Vérifiez l&apos;adresse d&apos;entrée.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue : {error}</translation>
    </message>
    <message>
        <source>Vitam targets</source>
        <translation>Cibles Vitam</translation>
    </message>
    <message>
        <source>The Vitam platforms (or training sandboxes) transfers are sent to. Each one is reached with your client certificate; its passphrase is kept in the system keyring.</source>
        <translation>Les plateformes Vitam (ou bacs à sable de formation) auxquelles les transferts sont envoyés. Chacune est jointe avec votre certificat client, dont la phrase secrète est conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Ingest address</source>
        <translation>Adresse d&apos;entrée</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connect to the target with its certificate and ask whether Vitam answers (nothing is sent)</source>
        <translation>Se connecter à la cible avec son certificat et vérifier que Vitam répond (rien n&apos;est envoyé)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No target yet. Click Add… to configure the Vitam platform (or the training sandbox) that receives the transfers.</source>
        <translation>Aucune cible pour l&apos;instant. Cliquez sur Ajouter… pour configurer la plateforme Vitam (ou le bac à sable de formation) qui reçoit les transferts.</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>dans le trousseau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Admin: {url}</source>
        <translation>Administration : {url}</translation>
    </message>
    <message>
        <source>Target {name} saved. Test the connection to check it.</source>
        <translation>Cible {name} enregistrée. Testez la connexion pour la vérifier.</translation>
    </message>
    <message>
        <source>Remove a target</source>
        <translation>Supprimer une cible</translation>
    </message>
    <message>
        <source>Remove the target {name}? Its passphrase is removed from the system keyring too. The transfers already sent stay in the history.</source>
        <translation>Supprimer la cible {name} ? Sa phrase secrète est aussi retirée du trousseau du système. Les transferts déjà envoyés restent dans l&apos;historique.</translation>
    </message>
    <message>
        <source>The target could not be removed from {path}: {error}</source>
        <translation>La cible n&apos;a pas pu être supprimée de {path} : {error}</translation>
    </message>
    <message>
        <source>Target {name} removed.</source>
        <translation>Cible {name} supprimée.</translation>
    </message>
    <message>
        <source>Connecting to {name} ({url})…</source>
        <translation>Connexion à {name} ({url})…</translation>
    </message>
    <message>
        <source>{name} — {result}</source>
        <translation>{name} — {result}</translation>
    </message>
    <message>
        <source>The connection test of {name} failed: {error}</source>
        <translation>Le test de connexion à {name} a échoué : {error}</translation>
    </message>
    <message>
        <source>Send to Vitam</source>
        <translation>Envoyer à Vitam</translation>
    </message>
    <message>
        <source>No Vitam target is configured yet.</source>
        <translation>Aucune cible Vitam n&apos;est encore configurée.</translation>
    </message>
    <message>
        <source>A target says where the transfers go: the address of the Vitam platform (or of the training sandbox), the tenant and your client certificate.</source>
        <translation>Une cible précise l&apos;adresse de la plateforme Vitam (ou du bac à sable de formation) qui reçoit les transferts, le tenant et votre certificat client.</translation>
    </message>
    <message>
        <source>Configure a target…</source>
        <translation>Configurer une cible…</translation>
    </message>
</context>
<context>
    <name>TransferItemModel</name>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans intitulé)</translation>
    </message>
    <message>
        <source>Physical object {id}</source>
        <translation>Objet physique {id}</translation>
    </message>
    <message>
        <source>Archived by Vitam</source>
        <translation>Archivée par Vitam</translation>
    </message>
    <message>
        <source>Archived by Vitam, with warnings</source>
        <translation>Archivée par Vitam, avec avertissements</translation>
    </message>
    <message>
        <source>Rejected by Vitam</source>
        <translation>Rejetée par Vitam</translation>
    </message>
    <message>
        <source>This unit has {count} parents: {titles}</source>
        <translation>Cette unité a {count} parents : {titles}</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Add parent</source>
        <translation>Ajouter un parent</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Not validated yet.</source>
        <translation>Pas encore validé.</translation>
    </message>
    <message>
        <source>Validate now</source>
        <translation>Valider maintenant</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Validation en cours…</translation>
    </message>
    <message>
        <source>Validation failed: {error}</source>
        <translation>Échec de la validation : {error}</translation>
    </message>
    <message>
        <source>The transfer is valid.</source>
        <translation>Le versement est valide.</translation>
    </message>
    <message>
        <source>{errors}, {warnings}</source>
        <translation>{errors}, {warnings}</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>XmlTab</name>
    <message>
        <source>Revert</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Apply XML</source>
        <translation>Appliquer le XML</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Gestion</translation>
    </message>
    <message>
        <source>{part}, line {line}: {error}. Nothing was changed.</source>
        <translation>{part}, ligne {line} : {error}. Aucune modification n&apos;a été appliquée.</translation>
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
        <source>show program&apos;s version number and exit</source>
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
        <source>The folder {path} does not exist or is not a folder.</source>
        <translation>Le dossier {path} n&apos;existe pas ou n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <source>The output {path} is a folder; give the path of the zip to write.</source>
        <translation>La sortie {path} est un dossier ; indiquez le chemin du zip à écrire.</translation>
    </message>
    <message>
        <source>The destination folder {path} does not exist.</source>
        <translation>Le dossier de destination {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>No transfer context given (--context): the header uses the demonstration values of Vitam (ArchivalAgreement0, Identifier4, Identifier5...).</source>
        <translation>Aucun contexte de versement indiqué (--context) : l&apos;en-tête reprend les valeurs de démonstration de Vitam (ArchivalAgreement0, Identifier4, Identifier5…).</translation>
    </message>
    <message>
        <source>Cannot read the exclusion file {path}: {error}</source>
        <translation>Impossible de lire le fichier d&apos;exclusions {path} : {error}</translation>
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
        <source>{units}, {objects} ({size}), SEDA {version}, {seconds} s; {cached} taken from the cache, {ignored}.</source>
        <translation>{units}, {objects} ({size}), SEDA {version}, {seconds} s ; {cached} repris du cache, {ignored}.</translation>
    </message>
    <message numerus="yes">
        <source>%n archive unit(s)</source>
        <translation>
            <numerusform>%n unité d&apos;archives</numerusform>
            <numerusform>%n unités d&apos;archives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignoré</numerusform>
            <numerusform>%n ignorés</numerusform>
        </translation>
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
        <translation>Impossible d&apos;installer les schémas : {error}</translation>
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
        <translation>Préparer des versements SEDA (SIP) pour un système d&apos;archivage électronique.</translation>
    </message>
    <message>
        <source>language of messages (fr, en)</source>
        <translation>langue des messages (fr, en)</translation>
    </message>
    <message>
        <source>make a SIP zip from a folder tree</source>
        <translation>fabriquer un SIP (zip) à partir d&apos;une arborescence</translation>
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
        <translation>algorithme d&apos;empreinte (par défaut sha512)</translation>
    </message>
    <message>
        <source>make the folder&apos;s children the root units (as Resip) instead of the folder itself</source>
        <translation>faire des sous-éléments du dossier les unités racines (comme Resip) au lieu du dossier lui-même</translation>
    </message>
    <message>
        <source>ignore names matching this pattern (repeatable; a trailing / matches folders only)</source>
        <translation>ignorer les noms correspondant à ce motif (répétable ; un / final ne vise que les dossiers)</translation>
    </message>
    <message>
        <source>patterns to ignore: one per line, or Resip&apos;s JSON array of regular expressions</source>
        <translation>motifs à ignorer : un par ligne, ou tableau JSON d&apos;expressions régulières de Resip</translation>
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
        <translation>écrire le SIP même s&apos;il n&apos;est pas valide</translation>
    </message>
    <message>
        <source>archive profile the SIP must satisfy (.rng or .xsd)</source>
        <translation>profil d&apos;archivage que le SIP doit respecter (.rng ou .xsd)</translation>
    </message>
    <message>
        <source>fill the fixed values this archive profile requires (and check the SIP against it)</source>
        <translation>renseigner les valeurs fixes exigées par ce profil d&apos;archivage (et contrôler le SIP au regard de ce profil)</translation>
    </message>
    <message>
        <source>Vitam rules and agencies CSV to check against (file or folder; repeatable)</source>
        <translation>CSV des règles de gestion et des services agents Vitam servant au contrôle (fichier ou dossier ; option répétable)</translation>
    </message>
    <message>
        <source>hash every file again instead of reusing earlier scans</source>
        <translation>recalculer l&apos;empreinte de chaque fichier au lieu de réutiliser les analyses précédentes</translation>
    </message>
    <message>
        <source>threads for hashing and identification (default: number of cores)</source>
        <translation>fils d&apos;exécution pour les empreintes et l&apos;identification (par défaut : nombre de cœurs)</translation>
    </message>
    <message>
        <source>read FOLDER as a Resip disk hierarchy (__ArchiveUnitMetadata.xml, __BinaryMaster_1__ files, ##group## folders; automatic when __GlobalMetadata.xml or __ManagementMetadata.xml is at its root)</source>
        <translation>lire FOLDER comme une arborescence Resip sur disque (__ArchiveUnitMetadata.xml, fichiers __BinaryMaster_1__, dossiers ##group## ; automatique si __GlobalMetadata.xml ou __ManagementMetadata.xml se trouve à sa racine)</translation>
    </message>
    <message>
        <source>print only problems</source>
        <translation>n&apos;afficher que les problèmes</translation>
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
        <translation>Interrompu ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Annulé ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. Run again with LIASSE_DEBUG=1 for details.</source>
        <translation>Erreur inattendue : {error}. Relancez avec LIASSE_DEBUG=1 pour le détail.</translation>
    </message>
    <message>
        <source>{path} holds Resip metadata files (__ArchiveUnitMetadata.xml...); they are taken as plain files. Add --resip-hierarchy to build the units from them.</source>
        <translation>{path} contient des fichiers de métadonnées Resip (__ArchiveUnitMetadata.xml…) ; ils sont traités comme de simples fichiers. Ajoutez --resip-hierarchy pour construire les unités à partir de ces fichiers.</translation>
    </message>
    <message>
        <source>Cannot import {path}: {error}</source>
        <translation>Impossible d&apos;importer {path} : {error}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d&apos;écrire {path} : {error}</translation>
    </message>
    <message>
        <source>SIP written: {path} ({units}, {objects}, SEDA {version}, {seconds} s).</source>
        <translation>SIP écrit : {path} ({units}, {objects}, SEDA {version}, {seconds} s).</translation>
    </message>
    <message>
        <source>{path} has a metadata.csv at its root; it is taken as a plain file. To build the units with their metadata, give the CSV instead: {csv}</source>
        <translation>{path} contient un metadata.csv à sa racine ; il est traité comme un simple fichier. Pour construire les unités avec leurs métadonnées, donnez plutôt le CSV : {csv}</translation>
    </message>
    <message>
        <source>Written: {path} ({units}).</source>
        <translation>Fichier écrit : {path} ({units}).</translation>
    </message>
    <message>
        <source>{objects} inside {path} are not listed in ObjectFiles: a table can only point at files on disk. Export a simplified hierarchy (--simplified) to get the files with their metadata.</source>
        <translation>Non indiqués dans ObjectFiles, car situés dans {path} : {objects} (un tableau ne peut désigner que des fichiers sur le disque). Exportez une arborescence simplifiée (--simplified) pour obtenir les fichiers avec leurs métadonnées.</translation>
    </message>
    <message>
        <source>convert a SIP, DIP, manifest, Resip CSV, workbook or folder to a manifest, a Resip CSV, a workbook, a Resip disk hierarchy or a simplified hierarchy with its CSV</source>
        <translation>convertir un SIP, un DIP, un bordereau, un CSV Resip, un classeur ou un dossier en bordereau, CSV Resip, classeur, arborescence Resip ou arborescence simplifiée avec son CSV</translation>
    </message>
    <message>
        <source>write the manifest only</source>
        <translation>écrire uniquement le bordereau</translation>
    </message>
    <message>
        <source>write a Resip metadata CSV (extended format: Id;ParentId;File;ObjectFiles)</source>
        <translation>écrire un CSV de métadonnées Resip (format étendu : Id;ParentId;File;ObjectFiles)</translation>
    </message>
    <message>
        <source>write a ready-to-fill Excel workbook with the columns of the Resip CSV</source>
        <translation>écrire un classeur Excel prêt à remplir, avec les colonnes du CSV Resip</translation>
    </message>
    <message>
        <source>write a Resip disk hierarchy (model V2) in this new or empty folder</source>
        <translation>écrire une arborescence Resip sur disque (modèle V2) dans ce dossier nouveau ou vide</translation>
    </message>
    <message>
        <source>write Resip&apos;s simplified hierarchy (the files in folders named after the units) and its metadata.csv, in a new or empty folder or in a zip</source>
        <translation>écrire l&apos;arborescence simplifiée de Resip (les fichiers dans des dossiers nommés d&apos;après les unités) et son metadata.csv, dans un dossier nouveau ou vide, ou dans un zip</translation>
    </message>
    <message>
        <source>simplified hierarchy: longest folder name taken from a title (default 32; 0: no limit)</source>
        <translation>arborescence simplifiée : longueur maximale d&apos;un nom de dossier tiré d&apos;un intitulé (par défaut 32 ; 0 : sans limite)</translation>
    </message>
    <message>
        <source>simplified hierarchy: which objects of a group are written: the first or last version of the best usage (default last, as Resip), or all</source>
        <translation>arborescence simplifiée : objets d&apos;un groupe à écrire : la première ou la dernière version du meilleur usage (par défaut la dernière, comme Resip), ou tous</translation>
    </message>
    <message>
        <source>CSV in Resip&apos;s normal format (a File column only)</source>
        <translation>CSV au format normal de Resip (colonne File uniquement)</translation>
    </message>
    <message>
        <source>CSV separator (default ;)</source>
        <translation>séparateur CSV (par défaut ;)</translation>
    </message>
    <message>
        <source>Vitam rules referential: its rule ids become drop-down lists in the workbook (repeatable)</source>
        <translation>référentiel des règles de gestion Vitam : ses identifiants de règles deviennent des listes déroulantes dans le classeur (option répétable)</translation>
    </message>
    <message>
        <source>read a SOURCE folder or zip as a Resip disk hierarchy (automatic when __GlobalMetadata.xml or __ManagementMetadata.xml is at its root)</source>
        <translation>lire un dossier ou un zip SOURCE comme une arborescence Resip (automatique quand __GlobalMetadata.xml ou __ManagementMetadata.xml est à sa racine)</translation>
    </message>
    <message>
        <source>SEDA version for a CSV or a folder (default {default})</source>
        <translation>version du SEDA pour un CSV ou un dossier (par défaut {default})</translation>
    </message>
    <message>
        <source>No target yet. Add one with: liasse-cli targets add NAME --url ...</source>
        <translation>Aucune cible pour l&apos;instant. Ajoutez-en une avec : liasse-cli targets add NOM --url ...</translation>
    </message>
    <message>
        <source>tenant {tenant}, {context}</source>
        <translation>tenant {tenant}, {context}</translation>
    </message>
    <message>
        <source>No target named {name}.</source>
        <translation>Aucune cible nommée {name}.</translation>
    </message>
    <message>
        <source>Target {name} removed.</source>
        <translation>Cible {name} supprimée.</translation>
    </message>
    <message>
        <source>Passphrase of the certificate or key: </source>
        <translation>Phrase secrète du certificat ou de la clé : </translation>
    </message>
    <message>
        <source>No passphrase could be read (no terminal); give it in the environment variable {name} instead.</source>
        <translation>Impossible de lire la phrase secrète (aucun terminal) ; indiquez-la plutôt dans la variable d&apos;environnement {name}.</translation>
    </message>
    <message>
        <source>Target {name} saved ({url}).</source>
        <translation>Cible {name} enregistrée ({url}).</translation>
    </message>
    <message>
        <source>Transfer {sip} to {target}: {status}</source>
        <translation>Transfert de {sip} vers {target} : {status}</translation>
    </message>
    <message>
        <source>Operation: {operation}</source>
        <translation>Opération : {operation}</translation>
    </message>
    <message>
        <source>Reply (ATR): {path}</source>
        <translation>Réponse (ATR) : {path}</translation>
    </message>
    <message>
        <source>{units} and {objects} received system ids.</source>
        <translation>{units} et {objects} ont reçu un identifiant système.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objet</numerusform>
            <numerusform>%n objets</numerusform>
        </translation>
    </message>
    <message>
        <source> (object {id})</source>
        <translation> (objet {id})</translation>
    </message>
    <message>
        <source> (units {ids})</source>
        <translation> (unités {ids})</translation>
    </message>
    <message>
        <source>The SIP {path} does not exist.</source>
        <translation>Le SIP {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The SIP is not valid; nothing was sent (use --force to send it anyway):</source>
        <translation>Le SIP n&apos;est pas valide ; rien n&apos;a été envoyé (utilisez --force pour l&apos;envoyer malgré tout) :</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non envoyé : {reason}</translation>
    </message>
    <message>
        <source>No transfer {id} in the history.</source>
        <translation>Aucun transfert {id} dans l&apos;historique.</translation>
    </message>
    <message>
        <source>This transfer cannot be polled (status: {status}); send it again if it failed.</source>
        <translation>Impossible d&apos;interroger le SAE sur ce transfert (statut : {status}) ; renvoyez-le s&apos;il a échoué.</translation>
    </message>
    <message>
        <source>No transfer yet.</source>
        <translation>Aucun transfert pour l&apos;instant.</translation>
    </message>
    <message>
        <source>send a SIP to Vitam (or a sandbox)</source>
        <translation>envoyer un SIP à Vitam (ou à un bac à sable)</translation>
    </message>
    <message>
        <source>a saved target</source>
        <translation>une cible enregistrée</translation>
    </message>
    <message>
        <source>dry run (BLANK_TEST workflow: checked, not archived)</source>
        <translation>test à blanc (processus BLANK_TEST : SIP contrôlé, non archivé)</translation>
    </message>
    <message>
        <source>wait for the reply (ATR) (default)</source>
        <translation>attendre la réponse (ATR) (par défaut)</translation>
    </message>
    <message>
        <source>return once the SIP is received; fetch the reply later with: liasse-cli history --poll ID</source>
        <translation>rendre la main dès la réception du SIP ; récupérez la réponse plus tard avec : liasse-cli history --poll ID</translation>
    </message>
    <message>
        <source>how long to wait for the reply (default 3600)</source>
        <translation>durée d&apos;attente maximale de la réponse (par défaut 3600)</translation>
    </message>
    <message>
        <source>send even if validation finds errors</source>
        <translation>envoyer même si la validation trouve des erreurs</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>afficher le résultat en JSON</translation>
    </message>
    <message>
        <source>no progress line</source>
        <translation>sans ligne de progression</translation>
    </message>
    <message>
        <source>manage the Vitam targets</source>
        <translation>gérer les cibles Vitam</translation>
    </message>
    <message>
        <source>add or replace a target</source>
        <translation>ajouter ou remplacer une cible</translation>
    </message>
    <message>
        <source>ingest-external address, e.g. https://vitam.example:8443</source>
        <translation>adresse d&apos;ingest-external, par exemple https://vitam.example:8443</translation>
    </message>
    <message>
        <source>admin-external address for operation status (default: same as --url)</source>
        <translation>adresse d&apos;admin-external pour le statut des opérations (par défaut : celle de --url)</translation>
    </message>
    <message>
        <source>tenant (default 0)</source>
        <translation>tenant (par défaut 0)</translation>
    </message>
    <message>
        <source>ingest workflow (default DEFAULT_WORKFLOW)</source>
        <translation>processus d&apos;entrée (par défaut DEFAULT_WORKFLOW)</translation>
    </message>
    <message>
        <source>X-Application-Id sent to Vitam (default liasse)</source>
        <translation>X-Application-Id envoyé à Vitam (par défaut liasse)</translation>
    </message>
    <message>
        <source>client certificate: PKCS#12 (.p12) or PEM</source>
        <translation>certificat client : PKCS#12 (.p12) ou PEM</translation>
    </message>
    <message>
        <source>PEM private key (with a PEM certificate)</source>
        <translation>clé privée PEM (avec un certificat PEM)</translation>
    </message>
    <message>
        <source>CA bundle that signed the server certificate (default: the system&apos;s)</source>
        <translation>fichier des autorités de certification ayant signé le certificat du serveur (par défaut : celles du système)</translation>
    </message>
    <message>
        <source>ask the passphrase of the certificate or key and keep it in the system keyring</source>
        <translation>demander la phrase secrète du certificat ou de la clé et la conserver dans le trousseau du système</translation>
    </message>
    <message>
        <source>show the targets</source>
        <translation>afficher les cibles</translation>
    </message>
    <message>
        <source>forget a target and its passphrase</source>
        <translation>oublier une cible et sa phrase secrète</translation>
    </message>
    <message>
        <source>show the transfers sent</source>
        <translation>afficher les transferts envoyés</translation>
    </message>
    <message>
        <source>details of one transfer</source>
        <translation>détails d&apos;un transfert</translation>
    </message>
    <message>
        <source>ask the archive again for the result of a transfer</source>
        <translation>redemander au SAE le résultat d&apos;un transfert</translation>
    </message>
    <message>
        <source>number of transfers listed (default 50)</source>
        <translation>nombre de transferts affichés (par défaut 50)</translation>
    </message>
    <message>
        <source>check a SIP, a manifest or a folder against SEDA, a profile and Vitam&apos;s rules</source>
        <translation>contrôler un SIP, un bordereau ou un dossier au regard du SEDA, d&apos;un profil et des règles de Vitam</translation>
    </message>
    <message>
        <source>SIP zip, manifest .xml, or folder being prepared</source>
        <translation>SIP (zip), bordereau (.xml) ou dossier en préparation</translation>
    </message>
    <message>
        <source>archive profile to check against (.rng or .xsd)</source>
        <translation>profil d&apos;archivage à utiliser pour le contrôle (.rng ou .xsd)</translation>
    </message>
    <message>
        <source>Vitam rules and agencies CSV (a file, or a folder of them; repeatable)</source>
        <translation>CSV des règles de gestion et des services agents Vitam (un fichier ou un dossier de fichiers ; option répétable)</translation>
    </message>
    <message>
        <source>skip the Vitam pre-flight checks (official schema and profile only)</source>
        <translation>ignorer les contrôles préalables propres à Vitam (schéma officiel et profil uniquement)</translation>
    </message>
    <message>
        <source>output format (default text)</source>
        <translation>format de sortie (par défaut text)</translation>
    </message>
    <message>
        <source>Valid (SEDA {version}): {warnings}.</source>
        <translation>Valide (SEDA {version}) : {warnings}.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid against the official SEDA {version} schema, only because of Vitam-specific markup: Vitam would accept it ({errors}).</source>
        <translation>Non valide selon le schéma officiel SEDA {version}, uniquement à cause de balises propres à Vitam : Vitam l&apos;accepterait ({errors}).</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid (SEDA {version}): {errors}, {warnings}.</source>
        <translation>Non valide (SEDA {version}) : {errors}, {warnings}.</translation>
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
        <translation>Le fichier de contexte {path} n&apos;est pas un JSON valide (ligne:colonne {where}) : {error}</translation>
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
        <source>{key} must be an identifier or an object with &quot;Identifier&quot; in {path}.</source>
        <translation>{key} doit être un identifiant ou un objet avec « Identifier » dans {path}.</translation>
    </message>
    <message>
        <source>Unknown rule category {key} in {path}. Categories: {known}.</source>
        <translation>Catégorie de règle inconnue {key} dans {path}. Catégories : {known}.</translation>
    </message>
    <message>
        <source>{key} does not exist in SEDA {version} (it appeared in SEDA 2.2); choose SEDA 2.2 or later, or remove it from {path}.</source>
        <translation>{key} n&apos;existe pas en SEDA {version} (il est apparu en SEDA 2.2) ; choisissez SEDA 2.2 ou plus récent, ou retirez-le de {path}.</translation>
    </message>
    <message>
        <source>Unknown key(s) {keys} in {category} in {path}.</source>
        <translation>Clé(s) inconnue(s) {keys} dans {category} dans {path}.</translation>
    </message>
    <message>
        <source>Each rule of {category} needs a &quot;Rule&quot; identifier in {path}.</source>
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
        <source>{count} of the transfer can no longer be read; relocate or remove them before exporting:
{files}</source>
        <translation>Illisibles dans le transfert : {count} ; retrouvez-les ou retirez-les avant l&apos;export :
{files}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>{path} was modified while the SIP was being written; export again.</source>
        <translation>{path} a été modifié pendant l&apos;écriture du SIP ; exportez à nouveau.</translation>
    </message>
    <message>
        <source>The destination folder {path} does not exist.</source>
        <translation>Le dossier de destination {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Object {id} ({name}) has no file: its Uri {uri} would point to nothing in the SIP. Relocate its file or remove the object.</source>
        <translation>L&apos;objet {id} ({name}) n&apos;a pas de fichier : son Uri {uri} ne désignerait rien dans le SIP. Indiquez le nouvel emplacement de son fichier ou supprimez l&apos;objet.</translation>
    </message>
    <message>
        <source>The transfer is not valid ({count}); the SIP was not written. Fix the errors, or force the export.</source>
        <translation>Le transfert n&apos;est pas valide ({count}) ; le SIP n&apos;a pas été écrit. Corrigez les erreurs ou forcez l&apos;export.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk holding {path} is full; the SIP was not written. Free some space or choose another destination.</source>
        <translation>Le disque de {path} est plein ; le SIP n&apos;a pas été écrit. Libérez de la place ou choisissez une autre destination.</translation>
    </message>
    <message>
        <source>Cannot write the SIP {path}: {error}</source>
        <translation>Impossible d&apos;écrire le SIP {path} : {error}</translation>
    </message>
    <message>
        <source>Cannot copy {path} (object {id}): {error}. Relocate or remove the file, then export again.</source>
        <translation>Impossible de copier {path} (objet {id}) : {error}. Indiquez le nouvel emplacement du fichier ou retirez-le, puis exportez de nouveau.</translation>
    </message>
    <message>
        <source>Cannot create the link {path} ({error}): units with several parents and shared object groups need symbolic links (on Windows, enable the developer mode).</source>
        <translation>Impossible de créer le lien {path} ({error}) : les unités à plusieurs parents et les groupes d&apos;objets partagés nécessitent des liens symboliques (sous Windows, activez le mode développeur).</translation>
    </message>
    <message>
        <source>Two objects would be written as {path}: give the objects of a group different usages or versions.</source>
        <translation>Deux objets seraient écrits sous le nom {path} : donnez aux objets d&apos;un même groupe des usages ou des versions différents.</translation>
    </message>
    <message>
        <source>{path} exists and is not an empty folder: choose a new or empty folder.</source>
        <translation>{path} existe et n&apos;est pas un dossier vide : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
        <source>Cannot write in {path}: {error}</source>
        <translation>Impossible d&apos;écrire dans {path} : {error}</translation>
    </message>
    <message>
        <source>Object {id} of unit {unit} has no file (imported from a manifest alone?): it is left out of the export.</source>
        <translation>L&apos;objet {id} de l&apos;unité {unit} n&apos;a pas de fichier (importé d&apos;un bordereau seul ?) : il est écarté de l&apos;export.</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of the zip file to write.</source>
        <translation>{path} est un dossier : indiquez le nom du fichier zip à écrire.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}. Check the free space and the permissions, then export again.</source>
        <translation>Impossible d&apos;écrire {path} : {error}. Vérifiez l&apos;espace libre et les droits, puis exportez à nouveau.</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>Prepare SEDA transfers (SIPs) for Vitam.</source>
        <translation>Préparer des versements SEDA (SIP) pour Vitam.</translation>
    </message>
    <message>
        <source>a .liasse project, a folder to start a transfer from, or a SIP, CSV or workbook to import</source>
        <translation>un projet .liasse, un dossier à partir duquel commencer un versement, ou un SIP, un CSV ou un classeur à importer</translation>
    </message>
    <message>
        <source>the same as --open (file managers, liasse.desktop)</source>
        <translation>comme --open (gestionnaires de fichiers, liasse.desktop)</translation>
    </message>
    <message>
        <source>save a picture of the window once loaded, then exit</source>
        <translation>enregistrer une image de la fenêtre une fois chargée, puis quitter</translation>
    </message>
    <message>
        <source>what the screenshot shows</source>
        <translation>ce que montre la capture</translation>
    </message>
    <message>
        <source>select the first unit whose title contains TITLE</source>
        <translation>sélectionner la première unité dont l&apos;intitulé contient TITLE</translation>
    </message>
    <message>
        <source>interface language (fr, en); default: the system&apos;s</source>
        <translation>langue de l&apos;interface (fr, en) ; par défaut celle du système</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{archive} contains an entry named {entry}, which points outside the archive or uses backslashes: refused for safety. Rebuild the archive with plain relative names.</source>
        <translation>{archive} contient une entrée nommée {entry}, qui pointe hors de l&apos;archive ou utilise des barres obliques inverses : import refusé par sécurité. Reconstruisez l&apos;archive avec de simples noms relatifs.</translation>
    </message>
    <message>
        <source>{archive} has no manifest.xml at its root: it is not a SIP or a DIP.</source>
        <translation>{archive} n&apos;a pas de manifest.xml à sa racine : ce n&apos;est ni un SIP ni un DIP.</translation>
    </message>
    <message>
        <source>{archive} has several manifests at its root ({names}); keep only one.</source>
        <translation>{archive} contient plusieurs bordereaux à sa racine ({names}) ; n&apos;en gardez qu&apos;un seul.</translation>
    </message>
    <message>
        <source>{archive} is not a readable zip or tar archive (damaged or truncated?).</source>
        <translation>{archive} n&apos;est pas une archive zip ou tar lisible (endommagée ou tronquée ?).</translation>
    </message>
    <message>
        <source>{archive} is not a readable zip archive (damaged or truncated?): {error}</source>
        <translation>{archive} n&apos;est pas une archive zip lisible (endommagée ou tronquée ?) : {error}</translation>
    </message>
    <message>
        <source>{archive} looks like a zip bomb (entry {entry} expands far more than any real file): refused.</source>
        <translation>{archive} ressemble à une bombe zip (l&apos;entrée {entry} se décompresse bien au-delà de tout fichier réel) : import refusé.</translation>
    </message>
    <message>
        <source>{archive} contains {entry}, which is a link or a device, not a file: refused for safety.</source>
        <translation>{archive} contient {entry}, qui est un lien ou un périphérique et non un fichier : import refusé par sécurité.</translation>
    </message>
    <message>
        <source>{archive} is not a readable tar archive (damaged or truncated?): {error}</source>
        <translation>{archive} n&apos;est pas une archive tar lisible (endommagée ou tronquée ?) : {error}</translation>
    </message>
    <message>
        <source>Object {id}: its file {uri} is not in {where}; the object is kept without content. Relocate it before exporting.</source>
        <translation>Objet {id} : son fichier {uri} est absent de {where} ; l&apos;objet est conservé sans contenu. Indiquez son nouvel emplacement avant l&apos;export.</translation>
    </message>
    <message>
        <source>{name} declares a DOCTYPE (entities or DTD): refused for safety. A SEDA manifest never needs one.</source>
        <translation>{name} déclare un DOCTYPE (entités ou DTD) : import refusé par sécurité. Un bordereau SEDA n&apos;en a jamais besoin.</translation>
    </message>
    <message>
        <source>{name} uses SEDA version {version}, which is not supported (supported: 2.1, 2.2, 2.3).</source>
        <translation>{name} utilise la version {version} du SEDA, qui n&apos;est pas prise en charge (versions prises en charge : 2.1, 2.2, 2.3).</translation>
    </message>
    <message>
        <source>{name} is not a SEDA 2.1, 2.2 or 2.3 manifest (root element {tag}).</source>
        <translation>{name} n&apos;est pas un bordereau SEDA 2.1, 2.2 ou 2.3 (élément racine {tag}).</translation>
    </message>
    <message>
        <source>{name} is a SEDA {element} message; only ArchiveTransfer (SIP) and ArchiveDeliveryRequestReply (DIP) can be imported.</source>
        <translation>{name} est un message SEDA {element} ; seuls ArchiveTransfer (SIP) et ArchiveDeliveryRequestReply (DIP) peuvent être importés.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} est vide.</translation>
    </message>
    <message>
        <source>{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and import it again.</source>
        <translation>{name} n&apos;est pas un XML bien formé (ligne {line}, colonne {column}) : {error}. Corrigez le fichier et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>{name}, line {line}: a {element} has no id attribute.</source>
        <translation>{name}, ligne {line} : un élément {element} n&apos;a pas d&apos;attribut id.</translation>
    </message>
    <message>
        <source>{name}, line {line}: the id {id} is used twice; ids must be unique in a manifest.</source>
        <translation>{name}, ligne {line} : l&apos;identifiant {id} est utilisé deux fois ; les identifiants doivent être uniques dans un bordereau.</translation>
    </message>
    <message>
        <source>{name}, line {line}: unit {unit} refers to several object groups; a unit may have only one (Vitam refuses the others). Merge the groups or split the unit.</source>
        <translation>{name}, ligne {line} : l&apos;unité {unit} renvoie à plusieurs groupes d&apos;objets ; une unité ne peut en avoir qu&apos;un (Vitam refuse les autres). Fusionnez les groupes ou scindez l&apos;unité.</translation>
    </message>
    <message>
        <source>{name}, line {line}: unexpected element {element} in a DataObjectGroup.</source>
        <translation>{name}, ligne {line} : élément {element} inattendu dans un DataObjectGroup.</translation>
    </message>
    <message>
        <source>{name}: unexpected element {element} in DataObjectPackage.</source>
        <translation>{name} : élément {element} inattendu dans DataObjectPackage.</translation>
    </message>
    <message>
        <source>{name}, line {line}: unit {unit} refers to the object or group {target}, which the manifest does not declare.</source>
        <translation>{name}, ligne {line} : l&apos;unité {unit} renvoie à l&apos;objet ou au groupe {target}, que le bordereau ne déclare pas.</translation>
    </message>
    <message>
        <source>{name}, line {line}: ArchiveUnitRefId {target} refers to a unit the manifest does not declare.</source>
        <translation>{name}, ligne {line} : ArchiveUnitRefId {target} renvoie à une unité que le bordereau ne déclare pas.</translation>
    </message>
    <message>
        <source>{name}, line {line}: a unit is nested in an ArchiveUnit without id or content.</source>
        <translation>{name}, ligne {line} : une unité est imbriquée dans une ArchiveUnit sans identifiant ni contenu.</translation>
    </message>
    <message>
        <source>{name}: the archive units form a cycle ({unit} is its own ancestor through {parent}). Remove one of the ArchiveUnitRefId links.</source>
        <translation>{name} : les unités d&apos;archives forment un cycle ({unit} est son propre ancêtre par l&apos;intermédiaire de {parent}). Supprimez l&apos;un des liens ArchiveUnitRefId.</translation>
    </message>
    <message>
        <source>{name} has no {element} element.</source>
        <translation>{name} n&apos;a pas d&apos;élément {element}.</translation>
    </message>
    <message>
        <source>{name}, line 1: the first columns ({columns}) are not a Resip header: use File; File;ParentFile; ID;ParentID;File or ID;ParentID;File;ObjectFiles.</source>
        <translation>{name}, ligne 1 : les premières colonnes ({columns}) ne forment pas un en-tête Resip : utilisez File, File;ParentFile, ID;ParentID;File ou ID;ParentID;File;ObjectFiles.</translation>
    </message>
    <message>
        <source>{name}, line 1, column {column}: {title} must start with Content. or Management. like the other columns.</source>
        <translation>{name}, ligne 1, colonne {column} : {title} doit commencer par Content. ou Management., comme les autres colonnes.</translation>
    </message>
    <message>
        <source>{name}, line 1, column {column}: {title} is not a metadata path (names of letters, digits, _ and -, separated by dots, with optional ranks).</source>
        <translation>{name}, ligne 1, colonne {column} : {title} n&apos;est pas un chemin de métadonnée (noms composés de lettres, de chiffres, de _ et de -, séparés par des points, avec des rangs facultatifs).</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}</source>
        <translation>Impossible de lire {name} : {error}</translation>
    </message>
    <message>
        <source>{name}, line {line}: {count}, a classification plan needs 5 (id;nom;observ;cote;série).</source>
        <translation>{name}, ligne {line} : {count}, alors qu&apos;un plan de classement en demande 5 (id;nom;observ;cote;série).</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}, line {line}, column 2: the title (nom) is empty; give each line a title.</source>
        <translation>{name}, ligne {line}, colonne 2 : l&apos;intitulé (nom) est vide ; donnez un intitulé à chaque ligne.</translation>
    </message>
    <message>
        <source>{name}, line {line}, column 4: the cote is empty; give each line its cote.</source>
        <translation>{name}, ligne {line}, colonne 4 : la cote est vide ; donnez sa cote à chaque ligne.</translation>
    </message>
    <message>
        <source>{name}, line {line}: the cote {cote} is already used on line {first}; the sub-series of that cote go under line {first} only.</source>
        <translation>{name}, ligne {line} : la cote {cote} est déjà utilisée à la ligne {first} ; les sous-séries de cette cote sont rattachées à la ligne {first} uniquement.</translation>
    </message>
    <message>
        <source>{name}: these lines belong to no series (their série is the cote of no line): {lines}. Fix their série column.</source>
        <translation>{name} : ces lignes ne relèvent d&apos;aucune série (leur série ne correspond à la cote d&apos;aucune ligne) : {lines}. Corrigez leur colonne série.</translation>
    </message>
    <message>
        <source>{name} describes no series: at least one line needs an empty série column.</source>
        <translation>{name} ne décrit aucune série : au moins une ligne doit avoir une colonne série vide.</translation>
    </message>
    <message>
        <source>{name} is empty or has no header line.</source>
        <translation>{name} est vide ou n&apos;a pas de ligne d&apos;en-tête.</translation>
    </message>
    <message>
        <source>{name}, line {line}: {count} cells where the header has {expected}. Check the quotes and separators of that line.</source>
        <translation>{name}, ligne {line} : {count} cellules alors que l&apos;en-tête en compte {expected}. Vérifiez les guillemets et les séparateurs de cette ligne.</translation>
    </message>
    <message>
        <source>{name}, line {line}: the unit has no ID/File.</source>
        <translation>{name}, ligne {line} : l&apos;unité n&apos;a pas d&apos;ID/File.</translation>
    </message>
    <message>
        <source>{name}, line {line}: {key} appears twice.</source>
        <translation>{name}, ligne {line} : {key} apparaît deux fois.</translation>
    </message>
    <message>
        <source>{name}, line {line}: {error}. Check the quotes of that line.</source>
        <translation>{name}, ligne {line} : {error}. Vérifiez les guillemets de cette ligne.</translation>
    </message>
    <message>
        <source>Line {line}: the file {path} does not exist; the unit is kept without it.</source>
        <translation>Ligne {line} : le fichier {path} n&apos;existe pas ; l&apos;unité est conservée sans ce fichier.</translation>
    </message>
    <message>
        <source>{name} declares a DOCTYPE or entities: refused for safety. Remove the declaration.</source>
        <translation>{name} déclare un DOCTYPE ou des entités : fichier refusé par sécurité. Supprimez la déclaration.</translation>
    </message>
    <message>
        <source>{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and import the folder again.</source>
        <translation>{name} n&apos;est pas un XML bien formé (ligne {line}, colonne {column}) : {error}. Corrigez le fichier et importez de nouveau le dossier.</translation>
    </message>
    <message>
        <source>{path}: the link points to {target}, which does not exist. Fix or remove the link.</source>
        <translation>{path} : le lien pointe vers {target}, qui n&apos;existe pas. Corrigez ou supprimez le lien.</translation>
    </message>
    <message>
        <source>{path}: the link points to {target}, outside the imported folder {root}. Links may only point inside it.</source>
        <translation>{path} : le lien pointe vers {target}, hors du dossier importé {root}. Les liens ne peuvent pointer qu&apos;à l&apos;intérieur de celui-ci.</translation>
    </message>
    <message>
        <source>{path}: a link makes this folder its own ancestor (a cycle). Remove the link.</source>
        <translation>{path} : un lien fait de ce dossier son propre ancêtre (cycle). Supprimez le lien.</translation>
    </message>
    <message>
        <source>{path}: a Resip metadata or object file cannot be an archive unit by itself (it must be inside a unit&apos;s folder).</source>
        <translation>{path} : un fichier de métadonnées ou d&apos;objet Resip ne peut pas constituer une unité d&apos;archives à lui seul (il doit se trouver dans le dossier d&apos;une unité).</translation>
    </message>
    <message>
        <source>{path} is an object group folder (##name##); it cannot be an archive unit.</source>
        <translation>{path} est un dossier de groupe d&apos;objets (##name##) ; il ne peut pas être une unité d&apos;archives.</translation>
    </message>
    <message>
        <source>Cannot list the folder {path}: {error}</source>
        <translation>Impossible de lister le contenu du dossier {path} : {error}</translation>
    </message>
    <message>
        <source>{path}: the unit of this folder already has an object group; a unit may have only one (Vitam refuses the others). Move the objects into one group.</source>
        <translation>{path} : l&apos;unité de ce dossier a déjà un groupe d&apos;objets ; une unité ne peut en avoir qu&apos;un (Vitam refuse les autres). Regroupez les objets dans un seul groupe.</translation>
    </message>
    <message>
        <source>{name} must hold one {element} element (model V1).</source>
        <translation>{name} doit contenir exactement un élément {element} (modèle V1).</translation>
    </message>
    <message>
        <source>{path}: an object group folder may hold only object files, not folders or links.</source>
        <translation>{path} : un dossier de groupe d&apos;objets ne peut contenir que des fichiers d&apos;objets, ni dossiers ni liens.</translation>
    </message>
    <message>
        <source>{path} is not an object file: in an object group folder, names are __USAGE_VERSION__name.</source>
        <translation>{path} n&apos;est pas un fichier d&apos;objet : dans un dossier de groupe d&apos;objets, les noms sont de la forme __USAGE_VERSION__name.</translation>
    </message>
    <message>
        <source>{name}: its DataObjectVersion {found} does not match its file name ({version}). Rename the file or fix the element.</source>
        <translation>{name} : son DataObjectVersion {found} ne correspond pas à son nom de fichier ({version}). Renommez le fichier ou corrigez l&apos;élément.</translation>
    </message>
    <message>
        <source>{path}: another object of the same group already has this usage and version. Give each object its own __USAGE_VERSION__ prefix.</source>
        <translation>{path} : un autre objet du même groupe a déjà cet usage et cette version. Donnez à chaque objet son propre préfixe __USAGE_VERSION__.</translation>
    </message>
    <message>
        <source>{path} describes an object whose file (__USAGE_VERSION__name) is missing; the object is kept without file, add it before exporting a SIP.</source>
        <translation>{path} décrit un objet dont le fichier (__USAGE_VERSION__name) est absent ; l&apos;objet est conservé sans fichier : ajoutez celui-ci avant d&apos;exporter un SIP.</translation>
    </message>
    <message>
        <source>{path} gives a digest that does not match the file; the file&apos;s own digest is used.</source>
        <translation>{path} indique une empreinte qui ne correspond pas au fichier ; c&apos;est l&apos;empreinte calculée sur le fichier qui est utilisée.</translation>
    </message>
    <message>
        <source>{name} is not a folder.</source>
        <translation>{name} n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <source>{name} must hold one ManagementMetadata element.</source>
        <translation>{name} doit contenir exactement un élément ManagementMetadata.</translation>
    </message>
    <message>
        <source>{name}: the folders are nested too deeply to be imported.</source>
        <translation>{name} : les dossiers sont imbriqués trop profondément pour être importés.</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook (.xlsx): {error}. Save it again as .xlsx from the spreadsheet.</source>
        <translation>{name} ne peut pas être lu comme un classeur Excel (.xlsx) : {error}. Enregistrez-le de nouveau au format .xlsx depuis le tableur.</translation>
    </message>
    <message>
        <source>{name} has no visible sheet.</source>
        <translation>{name} n&apos;a aucune feuille visible.</translation>
    </message>
    <message>
        <source>{name}, line {line}: a value is written beyond the last titled column ({value}). Give its column a title or remove it.</source>
        <translation>{name}, ligne {line} : une valeur figure au-delà de la dernière colonne pourvue d&apos;un titre ({value}). Donnez un titre à sa colonne ou supprimez la valeur.</translation>
    </message>
    <message>
        <source>{archive} has no manifest.xml at its root: it is not a SIP or a DIP. If it is a zipped Resip hierarchy, add --resip-hierarchy.</source>
        <translation>{archive} n&apos;a pas de manifest.xml à sa racine : ce n&apos;est ni un SIP ni un DIP. S&apos;il s&apos;agit d&apos;une arborescence Resip zippée, ajoutez --resip-hierarchy.</translation>
    </message>
    <message>
        <source>Cannot extract {archive} to {folder}: {error}. Check the free space of the cache folder (or set LIASSE_CACHE_DIR), then import again.</source>
        <translation>Impossible d&apos;extraire {archive} dans {folder} : {error}. Vérifiez l&apos;espace libre du dossier de cache (ou définissez LIASSE_CACHE_DIR), puis importez à nouveau.</translation>
    </message>
    <message>
        <source>{archive} holds {entry} twice (perhaps differing only by case): refused. Rebuild the archive.</source>
        <translation>{archive} contient {entry} deux fois (peut-être à la casse près) : import refusé. Reconstituez l&apos;archive.</translation>
    </message>
    <message>
        <source>{archive} contains the link {entry} to {target}, outside the archive: refused for safety. Rebuild the archive without it.</source>
        <translation>{archive} contient le lien {entry} vers {target}, hors de l&apos;archive : import refusé par sécurité. Reconstituez l&apos;archive sans ce lien.</translation>
    </message>
    <message>
        <source>{name}: other cells with a value of the wrong form, not listed above: {count}.</source>
        <translation>{name} : autres cellules dont la valeur n&apos;a pas la forme attendue, non détaillées ci-dessus : {count}.</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” is not an allowed value; write {suggestion} (capitals count).</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;est pas une valeur autorisée ; écrivez {suggestion} (majuscules et minuscules comptent).</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” is not an allowed value; expected one of {values}.</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;est pas une valeur autorisée ; valeurs attendues : {values}.</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: the date “{value}” is not written as SEDA expects; write {suggestion}.</source>
        <translation>{name}, ligne {line}, colonne {column} : la date « {value} » n&apos;est pas écrite comme le SEDA l&apos;attend ; écrivez {suggestion}.</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” is not a date; expected YYYY-MM-DD (for example 2020-12-31).</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;est pas une date ; forme attendue : AAAA-MM-JJ (par exemple 2020-12-31).</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” is not a date and time; expected YYYY-MM-DDThh:mm:ss, optionally followed by a time zone (for example 2020-12-31T14:30:00 or 2020-12-31T14:30:00+01:00).</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;est pas une date et heure ; forme attendue : AAAA-MM-JJThh:mm:ss, suivie éventuellement d&apos;un fuseau horaire (par exemple 2020-12-31T14:30:00 ou 2020-12-31T14:30:00+01:00).</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” is not a date; expected YYYY-MM-DD, YYYY-MM, YYYY or a date and time YYYY-MM-DDThh:mm:ss (for example 2020-12-31).</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;est pas une date ; formes attendues : AAAA-MM-JJ, AAAA-MM, AAAA ou une date et heure AAAA-MM-JJThh:mm:ss (par exemple 2020-12-31).</translation>
    </message>
    <message>
        <source>{name}, line {line}, column {column}: “{value}” does not have the form the schema expects ({types}).</source>
        <translation>{name}, ligne {line}, colonne {column} : « {value} » n&apos;a pas la forme attendue par le schéma ({types}).</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>The profile refers to the remote resource {url}; profiles are only read from local files.</source>
        <translation>Le profil fait référence à la ressource distante {url} ; les profils ne sont lus qu&apos;à partir de fichiers locaux.</translation>
    </message>
    <message>
        <source>The profile {path} is too large.</source>
        <translation>Le profil {path} est trop volumineux.</translation>
    </message>
    <message>
        <source>Cannot read the profile {path}: {error}</source>
        <translation>Impossible de lire le profil {path} : {error}</translation>
    </message>
    <message>
        <source>The profile {path} is not well-formed XML (line {line}: {error}).</source>
        <translation>Le profil {path} n&apos;est pas un XML bien formé (ligne {line} : {error}).</translation>
    </message>
    <message>
        <source>The profile {path} declares a DTD; profiles with DTDs or entities are refused.</source>
        <translation>Le profil {path} déclare une DTD ; les profils comportant des DTD ou des entités sont refusés.</translation>
    </message>
    <message>
        <source>The profile {path} is not a valid RelaxNG or XSD grammar ({error}). Ask its author for a corrected export.</source>
        <translation>Le profil {path} n&apos;est pas une grammaire RelaxNG ou XSD valide ({error}). Demandez à son auteur un export corrigé.</translation>
    </message>
    <message>
        <source>{path} is not an archive profile: expected a RelaxNG (.rng) or XML Schema (.xsd) file.</source>
        <translation>{path} n&apos;est pas un profil d&apos;archivage : un fichier RelaxNG (.rng) ou XML Schema (.xsd) est attendu.</translation>
    </message>
    <message>
        <source>The profile {path} is written for SEDA {profile_version}; the transfer is SEDA {version}. Its requirements were applied by element name.</source>
        <translation>Le profil {path} est écrit pour le SEDA {profile_version} ; le versement est en SEDA {version}. Ses exigences ont été appliquées d&apos;après le nom des éléments.</translation>
    </message>
    <message>
        <source>Profile applied: {filled} filled in {units}, the header and ManagementMetadata.</source>
        <translation>Profil appliqué : {filled} renseignées dans {units}, l&apos;en-tête et ManagementMetadata.</translation>
    </message>
    <message numerus="yes">
        <source>%n fixed value(s)</source>
        <translation>
            <numerusform>%n valeur fixe</numerusform>
            <numerusform>%n valeurs fixes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) match several unit patterns of the profile; only the values these patterns share were filled.</source>
        <translation>
            <numerusform>%n unité correspond à plusieurs modèles d&apos;unité du profil ; seules les valeurs communes à ces modèles ont été renseignées.</numerusform>
            <numerusform>%n unités correspondent à plusieurs modèles d&apos;unité du profil ; seules les valeurs communes à ces modèles ont été renseignées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) (e.g. {unit}) match no unit of the profile at their level (too deep, or a fixed value differs); nothing was filled in them or below them.</source>
        <translation>
            <numerusform>%n unité ({unit}) ne correspond à aucune unité du profil à son niveau (trop profonde, ou une valeur fixe diffère) ; rien n&apos;a été renseigné dans cette unité ni en dessous.</numerusform>
            <numerusform>%n unités (par exemple {unit}) ne correspondent à aucune unité du profil à leur niveau (trop profondes, ou une valeur fixe diffère) ; rien n&apos;a été renseigné dans ces unités ni en dessous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) differ from the profile&apos;s fixed value and were kept (e.g. {path} of {unit} is &quot;{value}&quot;, the profile requires &quot;{fixed}&quot;).</source>
        <translation>
            <numerusform>%n valeur diffère de la valeur fixée par le profil et a été conservée ({path} de {unit} vaut « {value} », le profil impose « {fixed} »).</numerusform>
            <numerusform>%n valeurs diffèrent de la valeur fixée par le profil et ont été conservées (par exemple {path} de {unit} vaut « {value} », le profil impose « {fixed} »).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>referentials</name>
    <message>
        <source>{path} holds no referential file (rules or agencies CSV).</source>
        <translation>{path} ne contient aucun fichier de référentiel (CSV des règles de gestion ou des services agents).</translation>
    </message>
    <message>
        <source>Referential file not found: {path}</source>
        <translation>Fichier de référentiel introuvable : {path}</translation>
    </message>
    <message>
        <source>{path}: the identifier {id} is also defined, differently, in another referential file.</source>
        <translation>{path} : l&apos;identifiant {id} est aussi défini, différemment, dans un autre fichier de référentiel.</translation>
    </message>
    <message>
        <source>{path} is too large for a referential file.</source>
        <translation>{path} est trop volumineux pour un fichier de référentiel.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <source>{path}, line {line}: the file is not UTF-8 text. Save it as CSV UTF-8.</source>
        <translation>{path}, ligne {line} : le fichier n&apos;est pas du texte UTF-8. Enregistrez-le au format CSV UTF-8.</translation>
    </message>
    <message>
        <source>{path}, line {line}: malformed CSV ({error}).</source>
        <translation>{path}, ligne {line} : CSV mal formé ({error}).</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} est vide.</translation>
    </message>
    <message>
        <source>{path}, line 1: unknown header. A rules referential starts with {rules}; an agencies referential with {agencies}.</source>
        <translation>{path}, ligne 1 : en-tête inconnu. Un référentiel des règles de gestion commence par {rules} ; un référentiel des services agents, par {agencies}.</translation>
    </message>
    <message>
        <source>{path}, line {line}: {found} instead of {expected}.</source>
        <translation>{path}, ligne {line} : {found} au lieu de {expected}.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}, line {line}: the RuleId is empty.</source>
        <translation>{path}, ligne {line} : le RuleId est vide.</translation>
    </message>
    <message>
        <source>{path}, line {line}: the rule {id} is defined twice.</source>
        <translation>{path}, ligne {line} : la règle {id} est définie deux fois.</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} has the unknown RuleType “{type}” (expected one of {types}).</source>
        <translation>{path}, ligne {line} : la règle {id} a un RuleType inconnu, « {type} » (valeurs attendues : {types}).</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} has no RuleValue.</source>
        <translation>{path}, ligne {line} : la règle {id} n&apos;a pas de RuleValue.</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} has the RuleDuration “{duration}”; expected a whole number or “unlimited”.</source>
        <translation>{path}, ligne {line} : la règle {id} a pour RuleDuration « {duration} » ; un nombre entier ou « unlimited » est attendu.</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} has the RuleMeasurement “{value}”; expected Year, Month or Day.</source>
        <translation>{path}, ligne {line} : la règle {id} a pour RuleMeasurement « {value} » ; valeurs attendues : Year, Month ou Day.</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} gives a RuleDuration without a RuleMeasurement, or the reverse; give both or neither.</source>
        <translation>{path}, ligne {line} : la règle {id} indique une RuleDuration sans RuleMeasurement, ou l&apos;inverse ; indiquez les deux ou aucun des deux.</translation>
    </message>
    <message>
        <source>{path}, line {line}: rule {id} has no RuleDuration.</source>
        <translation>{path}, ligne {line} : la règle {id} n&apos;a pas de RuleDuration.</translation>
    </message>
    <message>
        <source>{path}, line {line}: the Identifier is empty.</source>
        <translation>{path}, ligne {line} : la colonne Identifier est vide.</translation>
    </message>
    <message>
        <source>{path}, line {line}: the agency {id} is defined twice.</source>
        <translation>{path}, ligne {line} : le service agent {id} est défini deux fois.</translation>
    </message>
    <message>
        <source>{path}, line {line}: the agency {id} has no Name.</source>
        <translation>{path}, ligne {line} : le service agent {id} n&apos;a pas de Name.</translation>
    </message>
    <message>
        <source>{path}, line {line}: not a valid XML file ({error}).</source>
        <translation>{path}, ligne {line} : fichier XML non valide ({error}).</translation>
    </message>
    <message>
        <source>{path} is neither a rules or agencies CSV nor a PRONOM/DROID signature file.</source>
        <translation>{path} n&apos;est ni un CSV de règles de gestion ou de services agents, ni un fichier de signatures PRONOM/DROID.</translation>
    </message>
</context>
<context>
    <name>sae</name>
    <message>
        <source>The reply is not an ArchiveTransferReply (root element {name}).</source>
        <translation>La réponse n&apos;est pas un ArchiveTransferReply (élément racine {name}).</translation>
    </message>
    <message>
        <source>The reply is not well-formed XML: {error}</source>
        <translation>La réponse n&apos;est pas un XML bien formé : {error}</translation>
    </message>
    <message>
        <source>The reply has no ReplyCode.</source>
        <translation>La réponse n&apos;a pas de ReplyCode.</translation>
    </message>
    <message>
        <source>Cannot load the client certificate of target {target}: {error}. Check the file and its passphrase (liasse-cli targets add ... --ask-passphrase).</source>
        <translation>Impossible de charger le certificat client de la cible {target} : {error}. Vérifiez le fichier et sa phrase secrète (liasse-cli targets add ... --ask-passphrase).</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle {path} of target {target}: {error}</source>
        <translation>Impossible de lire le fichier des autorités de certification {path} de la cible {target} : {error}</translation>
    </message>
    <message>
        <source>Vitam refused the transfer (503): the workflow {context} is unknown or unavailable on this platform. Check the context of target {target}.</source>
        <translation>Vitam a refusé le transfert (503) : le processus {context} est inconnu ou indisponible sur cette plateforme. Vérifiez le processus d&apos;entrée de la cible {target}.</translation>
    </message>
    <message>
        <source>Access refused (401): the client certificate, the tenant {tenant} or the security context of target {target} is not accepted by Vitam ({detail}). Ask the Vitam administrators to check them.</source>
        <translation>Accès refusé (401) : le certificat client, le tenant {tenant} ou le contexte de sécurité de la cible {target} n&apos;est pas accepté par Vitam ({detail}). Demandez aux administrateurs de Vitam de les vérifier.</translation>
    </message>
    <message>
        <source>Request refused (412): Vitam rejected a header (tenant, workflow, application id...): {detail}</source>
        <translation>Requête refusée (412) : Vitam a rejeté un en-tête (tenant, processus, identifiant d&apos;application…) : {detail}</translation>
    </message>
    <message>
        <source>The SIP is too large for this server (413): {detail}</source>
        <translation>Le SIP est trop volumineux pour ce serveur (413) : {detail}</translation>
    </message>
    <message>
        <source>Vitam answered {status} with error {code}: {error} ({detail}). The transfer was not accepted.</source>
        <translation>Vitam a répondu {status} avec l&apos;erreur {code} : {error} ({detail}). Le transfert n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>Unexpected answer {status} from {url}. The transfer was not accepted.</source>
        <translation>Réponse inattendue {status} de {url}. Le transfert n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>Secure connection to {url} failed: {error}. Check the CA bundle of the target (the server&apos;s certificate must be trusted) and its client certificate.</source>
        <translation>Échec de la connexion sécurisée à {url} : {error}. Vérifiez le fichier des autorités de certification de la cible (le certificat du serveur doit être reconnu) et son certificat client.</translation>
    </message>
    <message>
        <source>No connection to {url} within {seconds} s. Check the address and the network.</source>
        <translation>Aucune connexion à {url} en {seconds} s. Vérifiez l&apos;adresse et le réseau.</translation>
    </message>
    <message>
        <source>No answer from {url} within {seconds} s: the transfer is not confirmed. Look for it in Vitam before sending it again.</source>
        <translation>Aucune réponse de {url} en {seconds} s : le transfert n&apos;est pas confirmé. Recherchez-le dans Vitam avant de le renvoyer.</translation>
    </message>
    <message>
        <source>Cannot connect to {url}: connection refused. Is the server running, and is the address right?</source>
        <translation>Impossible de se connecter à {url} : connexion refusée. Le serveur est-il démarré et l&apos;adresse est-elle correcte ?</translation>
    </message>
    <message>
        <source>The connection to {url} was lost during the transfer ({error}): the SIP was not received. Send it again.</source>
        <translation>La connexion à {url} a été perdue pendant le transfert ({error}) : le SIP n&apos;a pas été reçu. Renvoyez-le.</translation>
    </message>
    <message>
        <source>Network error with {url}: {error}</source>
        <translation>Erreur réseau avec {url} : {error}</translation>
    </message>
    <message>
        <source>The SIP {path} could not be read to the end during the upload ({error}); it was not received. Do not change the file while it is sent, then send it again.</source>
        <translation>Le SIP {path} n&apos;a pas pu être lu jusqu&apos;au bout pendant l&apos;envoi ({error}) ; il n&apos;a pas été reçu. Renvoyez-le sans modifier le fichier pendant l&apos;envoi.</translation>
    </message>
    <message>
        <source>Vitam answered 202 but gave no usable operation id (X-Request-Id: {value}); the transfer cannot be followed. Look for it in Vitam before sending it again.</source>
        <translation>Vitam a répondu 202, mais n&apos;a renvoyé aucun identifiant d&apos;opération exploitable (X-Request-Id : {value}) ; le transfert ne peut pas être suivi. Recherchez-le dans Vitam avant de le renvoyer.</translation>
    </message>
    <message>
        <source>Vitam does not know the operation {operation}.</source>
        <translation>Vitam ne connaît pas l&apos;opération {operation}.</translation>
    </message>
    <message>
        <source>The operation id {value} is not valid.</source>
        <translation>L&apos;identifiant d&apos;opération {value} n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The transfer failed: {error}</source>
        <translation>Échec du transfert : {error}</translation>
    </message>
    <message>
        <source>Cannot read the SIP {path}: {error}</source>
        <translation>Impossible de lire le SIP {path} : {error}</translation>
    </message>
    <message>
        <source>Cancelled before the SIP was received.</source>
        <translation>Annulé avant la réception du SIP.</translation>
    </message>
    <message>
        <source>Interrupted before the SIP was received.</source>
        <translation>Interrompu avant la réception du SIP.</translation>
    </message>
    <message>
        <source>This transfer never reached the archive: send it again.</source>
        <translation>Ce transfert n&apos;a jamais atteint le SAE : renvoyez-le.</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>failed, not sent</source>
        <translation>échec, non envoyé</translation>
    </message>
    <message>
        <source>received, being processed</source>
        <translation>reçu, en cours de traitement</translation>
    </message>
    <message>
        <source>received, still being processed (poll again)</source>
        <translation>reçu, toujours en cours de traitement (interrogez de nouveau le SAE)</translation>
    </message>
    <message>
        <source>archived (OK)</source>
        <translation>archivé (OK)</translation>
    </message>
    <message>
        <source>archived with warnings</source>
        <translation>archivé avec avertissements</translation>
    </message>
    <message>
        <source>rejected (KO)</source>
        <translation>rejeté (KO)</translation>
    </message>
    <message>
        <source>failed in the archive (FATAL)</source>
        <translation>échec dans le SAE (FATAL)</translation>
    </message>
    <message>
        <source>interrupted while sending: check in Vitam</source>
        <translation>interrompu pendant l&apos;envoi : vérifiez dans Vitam</translation>
    </message>
    <message>
        <source>Liasse stopped while this SIP was being sent (closed, killed or a power cut): Vitam may or may not have received it. Look for it in Vitam before sending it again.</source>
        <translation>Liasse s&apos;est arrêté pendant l&apos;envoi de ce SIP (fermeture, arrêt forcé ou coupure de courant) : Vitam l&apos;a peut-être reçu, ou non. Cherchez-le dans Vitam avant de l&apos;envoyer de nouveau.</translation>
    </message>
    <message>
        <source>The target name {name} is not valid: use letters, digits, . - and _.</source>
        <translation>Le nom de cible {name} n&apos;est pas valide : utilisez des lettres, des chiffres, . - et _.</translation>
    </message>
    <message>
        <source>The address {url} must start with https:// (Vitam only speaks TLS).</source>
        <translation>L&apos;adresse {url} doit commencer par https:// (Vitam ne communique qu&apos;en TLS).</translation>
    </message>
    <message>
        <source>The application id {value} would be refused by Vitam: use only letters, digits, . - and _.</source>
        <translation>L&apos;identifiant d&apos;application {value} serait refusé par Vitam : utilisez uniquement des lettres, des chiffres, . - et _.</translation>
    </message>
    <message>
        <source>The target {name} has no client certificate: Vitam requires one.</source>
        <translation>La cible {name} n&apos;a pas de certificat client : Vitam en exige un.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>A PEM certificate needs its private key (--key).</source>
        <translation>Un certificat PEM nécessite sa clé privée (--key).</translation>
    </message>
    <message>
        <source>Cannot read the targets file {path}: {error}</source>
        <translation>Impossible de lire le fichier des cibles {path} : {error}</translation>
    </message>
    <message>
        <source>No target named {name}. Add it with: liasse-cli targets add {name} ...</source>
        <translation>Aucune cible nommée {name}. Ajoutez-la avec : liasse-cli targets add {name} ...</translation>
    </message>
    <message>
        <source>Cannot store the passphrase in the system keyring ({error}). The passphrase is never written to a file: install or unlock a keyring.</source>
        <translation>Impossible d&apos;enregistrer la phrase secrète dans le trousseau du système ({error}). La phrase secrète n&apos;est jamais écrite dans un fichier : installez ou déverrouillez un trousseau.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase of target {name} from the system keyring: {error}</source>
        <translation>Impossible de lire la phrase secrète de la cible {name} dans le trousseau du système : {error}</translation>
    </message>
</context>
<context>
    <name>sandbox</name>
    <message>
        <source>Cannot read the contracts file {path}: {error}</source>
        <translation>Impossible de lire le fichier des contrats {path} : {error}</translation>
    </message>
    <message>
        <source>The contracts file {path} is not valid JSON ({error}).</source>
        <translation>Le fichier des contrats {path} n&apos;est pas un JSON valide ({error}).</translation>
    </message>
    <message>
        <source>The contracts file {path} is not a valid CSV ({error}).</source>
        <translation>Le fichier des contrats {path} n&apos;est pas un CSV valide ({error}).</translation>
    </message>
    <message>
        <source>The contracts CSV {path} has no Identifier column.</source>
        <translation>Le CSV des contrats {path} n&apos;a pas de colonne Identifier.</translation>
    </message>
    <message>
        <source>A local Vitam-compatible ingest server (HTTPS, client certificates) for tests and training rooms.</source>
        <translation>Un serveur de versement local compatible avec Vitam (HTTPS, certificats clients) pour les tests et les salles de formation.</translation>
    </message>
    <message>
        <source>where certificates, received SIPs and ATRs are kept (default ./liasse-sandbox)</source>
        <translation>où sont conservés les certificats, les SIP reçus et les ATR (par défaut ./liasse-sandbox)</translation>
    </message>
    <message>
        <source>address to listen on (default 127.0.0.1)</source>
        <translation>adresse d&apos;écoute (par défaut 127.0.0.1)</translation>
    </message>
    <message>
        <source>port (default 8443; 0 = any free port)</source>
        <translation>port (par défaut 8443 ; 0 = n&apos;importe quel port libre)</translation>
    </message>
    <message>
        <source>create certificates for trainee01..traineeNN</source>
        <translation>créer les certificats de trainee01 à traineeNN</translation>
    </message>
    <message>
        <source>create a certificate for this trainee (repeatable)</source>
        <translation>créer un certificat pour ce stagiaire (option répétable)</translation>
    </message>
    <message>
        <source>allowed ArchivalAgreement ids: Vitam contracts JSON, CSV or one id per line</source>
        <translation>identifiants ArchivalAgreement acceptés : contrats Vitam en JSON, CSV ou un identifiant par ligne</translation>
    </message>
    <message>
        <source>Vitam agencies or rules CSV, or a PRONOM signature file (repeatable)</source>
        <translation>CSV des services agents ou des règles de gestion Vitam, ou fichier de signatures PRONOM (option répétable)</translation>
    </message>
    <message>
        <source>archive profile (RNG or XSD) known under this ArchivalProfile id (repeatable)</source>
        <translation>profil d&apos;archivage (RNG ou XSD) connu sous cet identifiant ArchivalProfile (option répétable)</translation>
    </message>
    <message>
        <source>SIPs processed at the same time (default 2)</source>
        <translation>SIP traités simultanément (par défaut 2)</translation>
    </message>
    <message>
        <source>simultaneous connections (default 32)</source>
        <translation>connexions simultanées (par défaut 32)</translation>
    </message>
    <message>
        <source>accepted tenant (default 0)</source>
        <translation>tenant accepté (par défaut 0)</translation>
    </message>
    <message>
        <source>seconds of processing time per SIP (default 0)</source>
        <translation>secondes de traitement simulé par SIP (par défaut 0)</translation>
    </message>
    <message>
        <source>do not log each request</source>
        <translation>ne pas journaliser chaque requête</translation>
    </message>
    <message>
        <source>language of messages (fr, en)</source>
        <translation>langue des messages (fr, en)</translation>
    </message>
    <message>
        <source>Invalid trainee name(s): {names} (letters, digits, - and _ only).</source>
        <translation>Nom(s) de stagiaire non valide(s) : {names} (lettres, chiffres, - et _ uniquement).</translation>
    </message>
    <message>
        <source>--profile expects ID=FILE, got {value}.</source>
        <translation>--profile attend une valeur de la forme ID=FILE, et non {value}.</translation>
    </message>
    <message>
        <source>Port {port} on {host} is already in use: choose another with --port.</source>
        <translation>Le port {port} de {host} est déjà utilisé : choisissez-en un autre avec --port.</translation>
    </message>
    <message>
        <source>Cannot create the certificates in {folder}: {error}</source>
        <translation>Impossible de créer les certificats dans {folder} : {error}</translation>
    </message>
    <message>
        <source>Cannot listen on {host}:{port}: {error}</source>
        <translation>Impossible d&apos;écouter sur {host}:{port} : {error}</translation>
    </message>
    <message>
        <source>Liasse sandbox listening on {url} (tenant {tenant}); data in {folder}</source>
        <translation>Bac à sable Liasse à l&apos;écoute sur {url} (tenant {tenant}) ; données dans {folder}</translation>
    </message>
    <message>
        <source>SEDA versions checked: {versions}</source>
        <translation>Versions du SEDA contrôlées : {versions}</translation>
    </message>
    <message>
        <source>SEDA {versions}: schema not installed, such transfers will be refused (liasse-cli schemas install FOLDER_OR_ZIP).</source>
        <translation>SEDA {versions} : schéma non installé, les versements dans cette version seront refusés (liasse-cli schemas install DOSSIER_OU_ZIP).</translation>
    </message>
    <message>
        <source>Contracts: any</source>
        <translation>Contrats : tous</translation>
    </message>
    <message>
        <source>Contracts: {contracts}</source>
        <translation>Contrats : {contracts}</translation>
    </message>
    <message>
        <source>Configure a target for each trainee (the passphrase is in the .password file next to the .p12):</source>
        <translation>Configurez une cible pour chaque stagiaire (la phrase secrète se trouve dans le fichier .password, à côté du .p12) :</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>Appuyez sur Ctrl+C pour arrêter.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>The official SEDA schemas are not installed (schema store: {store}), so the sandbox could not check manifests and does not start. Install them with: liasse-cli schemas install FOLDER_OR_ZIP (a copy of https://github.com/culturecommunication/seda), or liasse-cli schemas download.</source>
        <translation>Les schémas officiels du SEDA ne sont pas installés (magasin de schémas : {store}) ; le bac à sable ne pourrait pas contrôler les bordereaux et ne démarre donc pas. Installez-les avec : liasse-cli schemas install DOSSIER_OU_ZIP (une copie de https://github.com/culturecommunication/seda), ou liasse-cli schemas download.</translation>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <source>The name of {path} is not valid UTF-8; it was recorded as &quot;{name}&quot;. Check the title and file name.</source>
        <translation>Le nom de {path} n&apos;est pas en UTF-8 valide ; il a été enregistré comme « {name} ». Vérifiez le titre et le nom de fichier.</translation>
    </message>
    <message>
        <source>Folder {path} cannot be read ({error}); its content is left out.</source>
        <translation>Le dossier {path} ne peut pas être lu ({error}) ; son contenu est écarté.</translation>
    </message>
    <message>
        <source>{path} is a link to something that does not exist; it is left out.</source>
        <translation>{path} est un lien vers un élément qui n&apos;existe pas ; il est écarté.</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}); it is left out.</source>
        <translation>{path} ne peut pas être lu ({error}) ; il est écarté.</translation>
    </message>
    <message>
        <source>{path} is a link leading outside the folder; it is not followed.</source>
        <translation>{path} est un lien qui mène hors du dossier ; il n&apos;est pas suivi.</translation>
    </message>
    <message>
        <source>{path} leads to a folder already included; it is not followed twice.</source>
        <translation>{path} mène à un dossier déjà inclus ; il n&apos;est pas suivi deux fois.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (device, socket or pipe); it is left out.</source>
        <translation>{path} n&apos;est pas un fichier ordinaire (périphérique, socket ou tube) ; il est écarté.</translation>
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
        <translation>Aucun jeu complet de schémas officiels SEDA 2.1, 2.2 ou 2.3 (seda-2.x-main.xsd et ses cinq compagnons) n&apos;a été trouvé dans {path}.</translation>
    </message>
    <message>
        <source>Cannot read the archive {path}: {error}</source>
        <translation>Impossible de lire l&apos;archive {path} : {error}</translation>
    </message>
    <message>
        <source>The schema {path} does not compile: {error}</source>
        <translation>Le schéma {path} ne se compile pas : {error}</translation>
    </message>
    <message>
        <source>The official SEDA {version} schema is not installed (looked in {store}). Install it with: liasse-cli schemas install FOLDER_OR_ZIP</source>
        <translation>Le schéma officiel du SEDA {version} n&apos;est pas installé (recherché dans {store}). Installez-le avec : liasse-cli schemas install DOSSIER_OU_ZIP</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where} : {message}</translation>
    </message>
    <message>
        <source>{name} is not well-formed XML (line {line}: {error}). Open it in an XML editor and correct it.</source>
        <translation>{name} n&apos;est pas un XML bien formé (ligne {line} : {error}). Ouvrez-le dans un éditeur XML et corrigez-le.</translation>
    </message>
    <message>
        <source>{name} declares a DTD or entities; a SEDA manifest never does, and they are refused here for safety (they can hide external files or expand without end). Remove the DOCTYPE declaration.</source>
        <translation>{name} déclare une DTD ou des entités ; un bordereau SEDA n&apos;en déclare jamais, et elles sont refusées ici par sécurité (elles peuvent masquer des fichiers externes ou s&apos;étendre sans fin). Supprimez la déclaration DOCTYPE.</translation>
    </message>
    <message>
        <source>The root element of {name} is in the namespace “{namespace}”, which is not SEDA 2.1, 2.2 or 2.3 (fr:gouv:culture:archivesdefrance:seda:v2.x). Export the transfer in a supported version.</source>
        <translation>L&apos;élément racine de {name} est dans l&apos;espace de noms « {namespace} », qui n&apos;est pas celui du SEDA 2.1, 2.2 ou 2.3 (fr:gouv:culture:archivesdefrance:seda:v2.x). Exportez le versement dans une version prise en charge.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; is Vitam-specific markup: Vitam accepts it, but it is not valid against the official SEDA {version} schema ({error}). Keep it only if the transfer goes to Vitam.</source>
        <translation>&lt;{element}&gt; est une balise propre à Vitam : Vitam l&apos;accepte, mais elle n&apos;est pas valide selon le schéma officiel SEDA {version} ({error}). Ne la conservez que si le versement est destiné à Vitam.</translation>
    </message>
    <message>
        <source>Not valid against the official SEDA {version} schema: {error}</source>
        <translation>Non valide selon le schéma officiel SEDA {version} : {error}</translation>
    </message>
    <message>
        <source>The profile {profile} is written for SEDA {profile_version} but the manifest is SEDA {version}; it cannot be checked against it. Use the profile&apos;s SEDA {version} edition or export the transfer in SEDA {profile_version}.</source>
        <translation>Le profil {profile} est écrit pour le SEDA {profile_version}, mais le bordereau est en SEDA {version} ; il ne peut pas être contrôlé avec ce profil. Utilisez l&apos;édition SEDA {version} du profil ou exportez le versement en SEDA {profile_version}.</translation>
    </message>
    <message>
        <source>The profile {profile} expects every object inside a DataObjectGroup, but this manifest declares objects outside one (DataObjectGroupId). With its objects in their groups, as Liasse writes them when it exports, the manifest satisfies the profile: export the transfer with Liasse before sending it.</source>
        <translation>Le profil {profile} attend que chaque objet soit placé dans un DataObjectGroup, mais ce bordereau déclare des objets hors de tout groupe (DataObjectGroupId). Une fois ses objets placés dans leurs groupes, comme Liasse les écrit lors de l&apos;export, le bordereau respecte le profil : exportez le versement avec Liasse avant de l&apos;envoyer.</translation>
    </message>
    <message>
        <source>The profile {profile} expects every object inside a DataObjectGroup, but this manifest declares objects outside one (DataObjectGroupId). The errors below are those of the same manifest with its objects in their groups.</source>
        <translation>Le profil {profile} attend que chaque objet soit placé dans un DataObjectGroup, mais ce bordereau déclare des objets hors de tout groupe (DataObjectGroupId). Les erreurs ci-dessous sont celles de ce même bordereau, une fois ses objets placés dans leurs groupes.</translation>
    </message>
    <message>
        <source>Not valid against the archive profile {profile}, even with the objects in their DataObjectGroup: {error}.</source>
        <translation>Non valide selon le profil d&apos;archivage {profile}, même avec les objets placés dans leur DataObjectGroup : {error}.</translation>
    </message>
    <message>
        <source>Not valid against the archive profile {profile}: {error} (line {line_number}).</source>
        <translation>Non valide selon le profil d&apos;archivage {profile} : {error} (ligne {line_number}).</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <source>{name} is not a readable zip archive ({error}); it may be truncated or damaged. Copy or build the SIP again.</source>
        <translation>{name} n&apos;est pas une archive zip lisible ({error}) ; elle est peut-être tronquée ou endommagée. Copiez ou construisez de nouveau le SIP.</translation>
    </message>
    <message>
        <source>The manifest claims {size} bytes; it is not read.</source>
        <translation>Le bordereau annonce {size} octets ; il n&apos;est pas lu.</translation>
    </message>
    <message>
        <source>The file {name} of the package cannot be read ({error}); the zip is damaged. Rebuild it.</source>
        <translation>Le fichier {name} du paquet ne peut pas être lu ({error}) ; le zip est endommagé. Reconstruisez-le.</translation>
    </message>
    <message>
        <source>Object {object}: its file {path} can no longer be read. Relocate or remove it.</source>
        <translation>Objet {object} : son fichier {path} n&apos;est plus lisible. Indiquez son nouvel emplacement ou supprimez-le.</translation>
    </message>
    <message>
        <source>Object {object}: the file {path} now has {actual} bytes, not the {declared} recorded when it was scanned. Scan the folder again.</source>
        <translation>Objet {object} : le fichier {path} fait maintenant {actual} octets, et non les {declared} relevés lors de l&apos;analyse. Analysez de nouveau le dossier.</translation>
    </message>
    <message>
        <source>Object {object}: the DataObjectGroupId {id} is already declared elsewhere in the manifest; ids must be unique. Declare the group once, then refer to it with DataObjectGroupReferenceId.</source>
        <translation>Objet {object} : le DataObjectGroupId {id} est déjà déclaré ailleurs dans le bordereau ; les identifiants doivent être uniques. Déclarez le groupe une seule fois, puis faites-y référence avec DataObjectGroupReferenceId.</translation>
    </message>
    <message>
        <source>{element} refers to “{target}”, but no unit, object or group has this id. Correct the reference or add the missing element.</source>
        <translation>{element} renvoie à « {target} », mais aucune unité, aucun objet ni aucun groupe ne porte cet identifiant. Corrigez la référence ou ajoutez l&apos;élément manquant.</translation>
    </message>
    <message>
        <source>The archive units form a cycle ({cycle}): a unit cannot be its own ancestor. Remove one of the ArchiveUnitRefId links.</source>
        <translation>Les unités d&apos;archives forment un cycle ({cycle}) : une unité ne peut pas être son propre ancêtre. Supprimez l&apos;un des liens ArchiveUnitRefId.</translation>
    </message>
    <message>
        <source>Object {object} is a file but its DataObjectVersion is {version}; PhysicalMaster is for physical objects. Use BinaryMaster (or another file usage).</source>
        <translation>L&apos;objet {object} est un fichier, mais son DataObjectVersion est {version} ; PhysicalMaster est réservé aux objets physiques. Utilisez BinaryMaster (ou un autre usage de fichier).</translation>
    </message>
    <message>
        <source>Object {object}: the DataObjectVersion “{version}” is not of the form Usage_n with a known usage ({usages}). Correct it, e.g. {example}_1.</source>
        <translation>Objet {object} : le DataObjectVersion « {version} » n&apos;est pas de la forme Usage_n avec un usage connu ({usages}). Corrigez-le, par exemple en {example}_1.</translation>
    </message>
    <message>
        <source>Objects {other} and {object} of group {group} have the same version {version}; number them (e.g. {usage}_1, {usage}_2) or split the group.</source>
        <translation>Les objets {other} et {object} du groupe {group} ont la même version {version} ; numérotez-les (par exemple {usage}_1, {usage}_2) ou scindez le groupe.</translation>
    </message>
    <message>
        <source>Object {object} is referenced by no archive unit. Attach it to a unit (DataObjectReference) or remove it.</source>
        <translation>L&apos;objet {object} n&apos;est référencé par aucune unité d&apos;archives. Rattachez-le à une unité (DataObjectReference) ou supprimez-le.</translation>
    </message>
    <message>
        <source>The transfer has no ArchivalAgreement; Vitam needs the identifier of the ingest contract. Fill it in the transfer context.</source>
        <translation>Le versement n&apos;a pas d&apos;ArchivalAgreement ; Vitam a besoin de l&apos;identifiant du contrat d&apos;entrée. Renseignez-le dans le contexte du versement.</translation>
    </message>
    <message>
        <source>The transfer has no OriginatingAgencyIdentifier in ManagementMetadata; Vitam requires the originating agency. Fill it in the transfer context.</source>
        <translation>Le versement n&apos;a pas d&apos;OriginatingAgencyIdentifier dans ManagementMetadata ; Vitam exige le service producteur. Renseignez-le dans le contexte du versement.</translation>
    </message>
    <message>
        <source>The {element} “{agency}” is not in the agencies referential. Use a known agency or have it added to the referential.</source>
        <translation>Le service « {agency} » ({element}) ne figure pas dans le référentiel des services agents. Utilisez un service connu ou faites-le ajouter au référentiel.</translation>
    </message>
    <message>
        <source>Unit {unit} has no Title, or an empty one; Vitam requires a title. Give the unit a title.</source>
        <translation>L&apos;unité {unit} n&apos;a pas de Title, ou il est vide ; Vitam exige un titre. Donnez un titre à l&apos;unité.</translation>
    </message>
    <message>
        <source>Unit {unit} has no DescriptionLevel; Vitam requires one (Fonds, Series, File, Item...).</source>
        <translation>L&apos;unité {unit} n&apos;a pas de DescriptionLevel ; Vitam en exige un (Fonds, Series, File, Item…).</translation>
    </message>
    <message>
        <source>Unit {unit}: the EndDate {end} is before the StartDate {start}. Correct one of the dates.</source>
        <translation>Unité {unit} : la date EndDate {end} est antérieure à la date StartDate {start}. Corrigez l&apos;une des deux dates.</translation>
    </message>
    <message>
        <source>The date {date} ({element}) is beyond the year {max}, which Vitam refuses. Correct the date.</source>
        <translation>La date {date} ({element}) dépasse l&apos;année {max}, ce que Vitam refuse. Corrigez la date.</translation>
    </message>
    <message>
        <source>Object {object}: the Uri “{uri}” has characters Vitam refuses (only letters, digits, - _ @ and dots between them in each segment). Rename the file in the package and its Uri.</source>
        <translation>Objet {object} : l&apos;Uri « {uri} » contient des caractères refusés par Vitam (seuls sont admis les lettres, les chiffres, - _ @ et des points entre eux dans chaque segment). Renommez le fichier dans le paquet ainsi que son Uri.</translation>
    </message>
    <message>
        <source>Object {object}: write the digest algorithm “{algorithm}” in capitals ({expected}), as Vitam names it.</source>
        <translation>Objet {object} : écrivez l&apos;algorithme d&apos;empreinte « {algorithm} » en majuscules ({expected}), comme le nomme Vitam.</translation>
    </message>
    <message>
        <source>Object {object}: the digest algorithm “{algorithm}” is not one Vitam accepts ({known}).</source>
        <translation>Objet {object} : l&apos;algorithme d&apos;empreinte « {algorithm} » ne fait pas partie de ceux qu&apos;accepte Vitam ({known}).</translation>
    </message>
    <message>
        <source>Object {object}: the MessageDigest is not hexadecimal (base64?); Vitam compares hexadecimal digests. Write the digest in hexadecimal.</source>
        <translation>Objet {object} : le MessageDigest n&apos;est pas en hexadécimal (base64 ?) ; Vitam compare des empreintes hexadécimales. Écrivez l&apos;empreinte en hexadécimal.</translation>
    </message>
    <message>
        <source>Object {object}: the format {format} is not in the formats referential.</source>
        <translation>Objet {object} : le format {format} ne figure pas dans le référentiel des formats.</translation>
    </message>
    <message>
        <source>The hold rule {rule} ends ({end}) before it starts ({start}). Correct the HoldEndDate.</source>
        <translation>La règle de gel {rule} se termine ({end}) avant de commencer ({start}). Corrigez la date HoldEndDate.</translation>
    </message>
    <message>
        <source>The rule {rule} ({category}) is not in the rules referential. Use a rule of the referential.</source>
        <translation>La règle {rule} ({category}) ne figure pas dans le référentiel des règles de gestion. Utilisez une règle du référentiel.</translation>
    </message>
    <message>
        <source>The rule {rule} is a {actual} in the rules referential but is used as a {category}{excluded}. Use a rule of the right category.</source>
        <translation>La règle {rule} est de type {actual} dans le référentiel des règles de gestion, mais elle est utilisée comme {category}{excluded}. Utilisez une règle de la bonne catégorie.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” contains a backslash (\); Vitam refuses it. Rebuild the SIP with / as the folder separator.</source>
        <translation>L&apos;entrée du zip « {name} » contient une barre oblique inverse (\) ; Vitam la refuse. Reconstruisez le SIP avec / comme séparateur de dossiers.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” has an absolute path; it would be written outside the package. Rebuild the SIP.</source>
        <translation>L&apos;entrée du zip « {name} » a un chemin absolu ; elle serait écrite hors du paquet. Reconstruisez le SIP.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” escapes the package (“..”); this is refused as a path-traversal attack. Rebuild the SIP.</source>
        <translation>L&apos;entrée du zip « {name} » sort du paquet (« .. ») ; elle est refusée comme tentative de traversée de répertoires. Reconstruisez le SIP.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” is a symbolic link; a SIP may hold only files and folders.</source>
        <translation>L&apos;entrée du zip « {name} » est un lien symbolique ; un SIP ne peut contenir que des fichiers et des dossiers.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” is encrypted; a SIP cannot be encrypted.</source>
        <translation>L&apos;entrée du zip « {name} » est chiffrée ; un SIP ne peut pas être chiffré.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” claims {size} bytes from {packed} compressed bytes: this looks like a zip bomb and the package is not read.</source>
        <translation>L&apos;entrée du zip « {name} » annonce {size} octets pour {packed} octets compressés : cela ressemble à une bombe zip, le paquet n&apos;est donc pas lu.</translation>
    </message>
    <message>
        <source>The zip entry “{name}” has characters Vitam refuses in names (only letters, digits, - _ @ and dots between them). Rename the file and its Uri.</source>
        <translation>L&apos;entrée du zip « {name} » contient des caractères que Vitam refuse dans les noms (seuls sont admis les lettres, les chiffres, - _ @ et des points entre eux). Renommez le fichier ainsi que son Uri.</translation>
    </message>
    <message>
        <source>The zip declares {size} bytes in all: this looks like a zip bomb and the package is not read.</source>
        <translation>Le zip déclare {size} octets au total : cela ressemble à une bombe zip, le paquet n&apos;est donc pas lu.</translation>
    </message>
    <message>
        <source>The package has no manifest at its root (manifest.xml, or a name ending in _manifest.xml or -manifest.xml). Add the manifest at the root of the zip, not in a folder.</source>
        <translation>Le paquet n&apos;a pas de bordereau à sa racine (manifest.xml, ou un nom se terminant par _manifest.xml ou -manifest.xml). Placez le bordereau à la racine du zip, et non dans un dossier.</translation>
    </message>
    <message>
        <source>The package has {count} manifests at its root ({names}); keep exactly one.</source>
        <translation>Le paquet contient {count} bordereaux à sa racine ({names}) ; n&apos;en gardez qu&apos;un seul.</translation>
    </message>
    <message>
        <source>The file “{name}” is at the root of the package beside the manifest; Vitam accepts only the manifest there. Remove it or move it under Content/ and describe it.</source>
        <translation>Le fichier « {name} » se trouve à la racine du paquet, à côté du bordereau ; Vitam n&apos;y accepte que le bordereau. Supprimez-le, ou déplacez-le dans Content/ et décrivez-le.</translation>
    </message>
    <message>
        <source>The folder “{name}” is at the root of the package; only one content folder (Content/) is allowed. Move its files under Content/ or remove it.</source>
        <translation>Le dossier « {name} » se trouve à la racine du paquet ; un seul dossier de contenu (Content/) est autorisé. Déplacez ses fichiers dans Content/ ou supprimez-le.</translation>
    </message>
    <message>
        <source>The package has several content folders ({names}); merge them into one Content/ folder.</source>
        <translation>Le paquet contient plusieurs dossiers de contenu ({names}) ; regroupez-les dans un seul dossier Content/.</translation>
    </message>
    <message>
        <source>Object {object}: the Uri “{uri}” is used by another object too; each object needs its own file.</source>
        <translation>Objet {object} : l&apos;Uri « {uri} » est aussi utilisée par un autre objet ; chaque objet doit avoir son propre fichier.</translation>
    </message>
    <message>
        <source>Object {object}: its Uri “{uri}” names no file of the package. Add the file, or correct the Uri.</source>
        <translation>Objet {object} : son Uri « {uri} » ne désigne aucun fichier du paquet. Ajoutez le fichier ou corrigez l&apos;Uri.</translation>
    </message>
    <message>
        <source>The file “{name}” is in the package but no BinaryDataObject describes it. Describe it in the manifest or remove it.</source>
        <translation>Le fichier « {name} » est dans le paquet, mais aucun BinaryDataObject ne le décrit. Décrivez-le dans le bordereau ou supprimez-le.</translation>
    </message>
    <message>
        <source>Object {object}: the manifest gives a Size of {declared} bytes but the file {name} has {actual}. Correct the Size.</source>
        <translation>Objet {object} : le bordereau indique une taille (Size) de {declared} octets, mais le fichier {name} en fait {actual}. Corrigez l&apos;élément Size.</translation>
    </message>
    <message>
        <source>Object {object}: the MessageDigest is empty. Compute the file&apos;s digest and write it in the manifest.</source>
        <translation>Objet {object} : le MessageDigest est vide. Calculez l&apos;empreinte du fichier et inscrivez-la dans le bordereau.</translation>
    </message>
    <message>
        <source>Object {object}: the {algorithm} digest of {name} is {actual}, not the {declared} written in the manifest. The file changed or the manifest is wrong: compute the digest again.</source>
        <translation>Objet {object} : l&apos;empreinte {algorithm} de {name} est {actual}, et non {declared} comme indiqué dans le bordereau. Le fichier a changé ou le bordereau est erroné : recalculez l&apos;empreinte.</translation>
    </message>
    <message>
        <source>The formats of the objects were not identified: Siegfried (pygfried) is not installed. Install it to check them as Vitam will.</source>
        <translation>Les formats des objets n&apos;ont pas été identifiés : Siegfried (pygfried) n&apos;est pas installé. Installez-le pour les vérifier comme le fera Vitam.</translation>
    </message>
    <message>
        <source>Object {object} ({name}) of unit {unit}: Siegfried recognises its format only from its extension ({puid}, {format}), not from its content, so Vitam rejects it as a format it cannot identify. Check that the extension matches the content, or convert the file to a known format (PDF/A, ODF, plain text...).</source>
        <translation>Objet {object} ({name}) de l&apos;unité {unit} : Siegfried ne reconnaît son format que par son extension ({puid}, {format}), pas par son contenu ; Vitam le rejette donc comme un format qu&apos;il ne sait pas identifier. Vérifiez que l&apos;extension correspond au contenu, ou convertissez le fichier dans un format connu (PDF/A, ODF, texte brut...).</translation>
    </message>
    <message>
        <source>Object {object} ({name}) of unit {unit}: Siegfried cannot identify its format ({reason}), so Vitam rejects it as a format it cannot identify. Convert the file to a known format (PDF/A, ODF, plain text...), or check that its content is not damaged and its extension is right.</source>
        <translation>Objet {object} ({name}) de l&apos;unité {unit} : Siegfried ne sait pas identifier son format ({reason}) ; Vitam le rejette donc comme un format qu&apos;il ne sait pas identifier. Convertissez le fichier dans un format connu (PDF/A, ODF, texte brut...), ou vérifiez que son contenu n&apos;est pas endommagé et que son extension est la bonne.</translation>
    </message>
    <message>
        <source>Object {object} ({name}) of unit {unit}: the manifest declares the format {declared}, but Siegfried identifies {puid} ({format}) from its content; Vitam will record {puid}. Check the file, or correct its FormatId.</source>
        <translation>Objet {object} ({name}) de l&apos;unité {unit} : le bordereau déclare le format {declared}, mais Siegfried identifie {puid} ({format}) d&apos;après son contenu ; Vitam enregistrera {puid}. Vérifiez le fichier, ou corrigez son FormatId.</translation>
    </message>
</context>
<context>
    <name>xsd</name>
    <message>
        <source>a date such as 2020-12-31</source>
        <translation>une date de la forme 2020-12-31</translation>
    </message>
    <message>
        <source>a date and time such as 2020-12-31T10:00:00</source>
        <translation>une date et une heure de la forme 2020-12-31T10:00:00</translation>
    </message>
    <message>
        <source>a date (2020-12-31), a month (2020-12), a year (2020) or a date and time (2020-12-31T10:00:00)</source>
        <translation>une date (2020-12-31), un mois (2020-12), une année (2020) ou une date et une heure (2020-12-31T10:00:00)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>a whole number greater than 0</source>
        <translation>un nombre entier supérieur à 0</translation>
    </message>
    <message>
        <source>a whole number, 0 or more</source>
        <translation>un nombre entier positif ou nul</translation>
    </message>
    <message>
        <source>a number such as 12.5 (with a decimal point, without unit)</source>
        <translation>un nombre tel que 12.5 (avec un point décimal, sans unité)</translation>
    </message>
    <message>
        <source>a language code such as fr or fr-FR</source>
        <translation>un code de langue tel que fr ou fr-FR</translation>
    </message>
    <message>
        <source>an identifier that starts with a letter or “_” and has no space or “:” (for example ID12)</source>
        <translation>un identifiant qui commence par une lettre ou « _ » et ne contient ni espace ni « : » (par exemple ID12)</translation>
    </message>
    <message>
        <source>a value in hexadecimal or base64</source>
        <translation>une valeur en hexadécimal ou en base64</translation>
    </message>
    <message>
        <source>the attribute {attribute} of &lt;{element}&gt;</source>
        <translation>l&apos;attribut {attribute} de &lt;{element}&gt;</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not expected here.</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas attendu ici.</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not expected here: only elements of another namespace (extensions) are allowed at this place.</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas attendu ici : seuls des éléments d&apos;un autre espace de noms (extensions) sont admis à cet endroit.</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not expected here; the element expected at this place is &lt;{expected}&gt;.</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas attendu ici ; l&apos;élément attendu à cet endroit est &lt;{expected}&gt;.</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not expected here; possible elements: {expected}.</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas attendu ici ; éléments possibles : {expected}.</translation>
    </message>
    <message>
        <source>A required element is missing in &lt;{element}&gt;.</source>
        <translation>Il manque un élément obligatoire dans &lt;{element}&gt;.</translation>
    </message>
    <message>
        <source>The element &lt;{expected}&gt; is missing in &lt;{element}&gt;.</source>
        <translation>Il manque l&apos;élément &lt;{expected}&gt; dans &lt;{element}&gt;.</translation>
    </message>
    <message>
        <source>An element is missing in &lt;{element}&gt;; possible elements: {expected}.</source>
        <translation>Il manque un élément dans &lt;{element}&gt; ; éléments possibles : {expected}.</translation>
    </message>
    <message>
        <source>defined in the schema</source>
        <translation>défini dans le schéma</translation>
    </message>
    <message>
        <source>Empty value for {subject}; a value of type {type} is expected.</source>
        <translation>Valeur vide pour {subject} ; une valeur de type {type} est attendue.</translation>
    </message>
    <message>
        <source>The identifier “{value}” of &lt;{element}&gt; is already used by another element of the manifest; each identifier must be unique.</source>
        <translation>L&apos;identifiant « {value} » de &lt;{element}&gt; est déjà utilisé par un autre élément du bordereau ; chaque identifiant doit être unique.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value of {subject} (type {type}).</source>
        <translation>« {value} » n&apos;est pas une valeur valide de {subject} (type {type}).</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value of {subject} (type {type}); expected: {hint}.</source>
        <translation>« {value} » n&apos;est pas une valeur valide de {subject} (type {type}) ; valeur attendue : {hint}.</translation>
    </message>
    <message>
        <source>“{value}” is not an allowed value of {subject}; allowed values: {allowed}.</source>
        <translation>« {value} » n&apos;est pas une valeur admise pour {subject} ; valeurs admises : {allowed}.</translation>
    </message>
    <message>
        <source>“{value}” does not have the form required for {subject} (pattern {pattern}).</source>
        <translation>« {value} » n&apos;a pas la forme requise pour {subject} (motif {pattern}).</translation>
    </message>
    <message>
        <source>{subject} must not be empty.</source>
        <translation>{subject} ne doit pas être vide.</translation>
    </message>
    <message>
        <source>The value of {subject} is too short (length {length}, minimum {minimum}).</source>
        <translation>La valeur de {subject} est trop courte (longueur {length}, minimum {minimum}).</translation>
    </message>
    <message>
        <source>The value of {subject} is too long (length {length}, maximum {maximum}).</source>
        <translation>La valeur de {subject} est trop longue (longueur {length}, maximum {maximum}).</translation>
    </message>
    <message>
        <source>The value of {subject} does not have the required length (length {length} instead of {expected}).</source>
        <translation>La valeur de {subject} n&apos;a pas la longueur requise (longueur {length} au lieu de {expected}).</translation>
    </message>
    <message>
        <source>“{value}” is below the minimum allowed for {subject} ({minimum}).</source>
        <translation>« {value} » est inférieur au minimum admis pour {subject} ({minimum}).</translation>
    </message>
    <message>
        <source>“{value}” is above the maximum allowed for {subject} ({maximum}).</source>
        <translation>« {value} » est supérieur au maximum admis pour {subject} ({maximum}).</translation>
    </message>
    <message>
        <source>“{value}” must be greater than {minimum} for {subject}.</source>
        <translation>« {value} » doit être strictement supérieur à {minimum} pour {subject}.</translation>
    </message>
    <message>
        <source>“{value}” must be less than {maximum} for {subject}.</source>
        <translation>« {value} » doit être strictement inférieur à {maximum} pour {subject}.</translation>
    </message>
    <message>
        <source>“{value}” has too many digits for {subject} (at most {digits}).</source>
        <translation>« {value} » comporte trop de chiffres pour {subject} ({digits} au maximum).</translation>
    </message>
    <message>
        <source>“{value}” has too many decimal places for {subject} (at most {digits}).</source>
        <translation>« {value} » comporte trop de décimales pour {subject} ({digits} au maximum).</translation>
    </message>
    <message>
        <source>{subject} must have the value “{fixed}”, not “{value}”.</source>
        <translation>{subject} doit avoir la valeur « {fixed} », et non « {value} ».</translation>
    </message>
    <message>
        <source>The attribute {attribute} is not allowed on &lt;{element}&gt;.</source>
        <translation>L&apos;attribut {attribute} n&apos;est pas admis sur &lt;{element}&gt;.</translation>
    </message>
    <message>
        <source>The required attribute {attribute} is missing on &lt;{element}&gt;.</source>
        <translation>Il manque l&apos;attribut obligatoire {attribute} sur &lt;{element}&gt;.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; may only contain elements, not text.</source>
        <translation>&lt;{element}&gt; ne peut contenir que des éléments, pas de texte.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; may only contain a value, not child elements.</source>
        <translation>&lt;{element}&gt; ne peut contenir qu&apos;une valeur, pas d&apos;éléments enfants.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; must be empty.</source>
        <translation>&lt;{element}&gt; doit être vide.</translation>
    </message>
    <message>
        <source>The root element &lt;{element}&gt; is not declared by the schema; a SEDA transfer manifest starts with &lt;ArchiveTransfer&gt;.</source>
        <translation>L&apos;élément racine &lt;{element}&gt; n&apos;est pas déclaré par le schéma ; un bordereau de transfert SEDA commence par &lt;ArchiveTransfer&gt;.</translation>
    </message>
    <message>
        <source>The schema does not declare the root element &lt;{element}&gt;: it is written for another namespace or another kind of document.</source>
        <translation>Le schéma ne déclare pas l&apos;élément racine &lt;{element}&gt; : il est écrit pour un autre espace de noms ou un autre type de document.</translation>
    </message>
    <message>
        <source>The schema does not declare the root element &lt;{element}&gt; in the namespace {namespace}: it is written for another namespace or another kind of document.</source>
        <translation>Le schéma ne déclare pas l&apos;élément racine &lt;{element}&gt; dans l&apos;espace de noms {namespace} : il est écrit pour un autre espace de noms ou un autre type de document.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; has an abstract type: the official schema requires a concrete type for it (xsi:type).</source>
        <translation>&lt;{element}&gt; a un type abstrait : le schéma officiel exige d&apos;y préciser un type concret (xsi:type).</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not expected here</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas attendu ici</translation>
    </message>
    <message>
        <source>The element &lt;{expected}&gt; is expected instead of &lt;{got}&gt;</source>
        <translation>L&apos;élément &lt;{expected}&gt; est attendu à la place de &lt;{got}&gt;</translation>
    </message>
    <message>
        <source>A required element is missing here</source>
        <translation>Il manque un élément obligatoire à cet endroit</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is missing</source>
        <translation>L&apos;élément &lt;{element}&gt; est manquant</translation>
    </message>
    <message>
        <source>Text found where an element is expected</source>
        <translation>Du texte se trouve là où un élément est attendu</translation>
    </message>
    <message>
        <source>The value or the child elements of &lt;{element}&gt; are not the expected ones</source>
        <translation>La valeur ou les éléments enfants de &lt;{element}&gt; ne sont pas ceux attendus</translation>
    </message>
    <message>
        <source>The attributes of &lt;{element}&gt; are not the expected ones (an attribute is missing, unknown or has a value that is not allowed)</source>
        <translation>Les attributs de &lt;{element}&gt; ne sont pas ceux attendus (attribut manquant, inconnu ou de valeur non admise)</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; contains &lt;{extra}&gt;, which is not expected there</source>
        <translation>&lt;{element}&gt; contient &lt;{extra}&gt;, qui n&apos;est pas attendu à cet endroit</translation>
    </message>
    <message>
        <source>The attribute {attribute} is not allowed on &lt;{element}&gt;, or its value is not allowed</source>
        <translation>L&apos;attribut {attribute} n&apos;est pas admis sur &lt;{element}&gt;, ou sa valeur n&apos;est pas admise</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is one too many here (repeated or not expected)</source>
        <translation>L&apos;élément &lt;{element}&gt; est en trop à cet endroit (répété ou non prévu)</translation>
    </message>
    <message>
        <source>The elements of this group are not the expected ones (missing or one too many)</source>
        <translation>Les éléments de ce groupe ne sont pas ceux attendus (élément manquant ou en trop)</translation>
    </message>
    <message>
        <source>The value is not one of the allowed values</source>
        <translation>La valeur ne fait pas partie des valeurs admises</translation>
    </message>
    <message>
        <source>The value is not one of the allowed values (type {type})</source>
        <translation>La valeur ne fait pas partie des valeurs admises (type {type})</translation>
    </message>
    <message>
        <source>The value does not meet the constraints of the type {type} (form, length or limits)</source>
        <translation>La valeur ne respecte pas les contraintes du type {type} (forme, longueur ou bornes)</translation>
    </message>
    <message>
        <source>Empty value; a value of type {type} is expected</source>
        <translation>Valeur vide ; une valeur de type {type} est attendue</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value of type {type}</source>
        <translation>« {value} » n&apos;est pas une valeur valide de type {type}</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value of type {type}; expected: {hint}</source>
        <translation>« {value} » n&apos;est pas une valeur valide de type {type} ; valeur attendue : {hint}</translation>
    </message>
    <message>
        <source>One value too many in the list: “{value}”</source>
        <translation>Valeur en trop dans la liste : « {value} »</translation>
    </message>
    <message>
        <source>The list of values is not valid</source>
        <translation>La liste de valeurs n&apos;est pas valide</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; must not contain text</source>
        <translation>&lt;{element}&gt; ne doit pas contenir de texte</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; is not in the expected namespace {namespace}</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;est pas dans l&apos;espace de noms attendu {namespace}</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; has no namespace, but one is expected</source>
        <translation>L&apos;élément &lt;{element}&gt; n&apos;a pas d&apos;espace de noms, alors qu&apos;il en faut un</translation>
    </message>
    <message>
        <source>The element &lt;{element}&gt; must not have a namespace</source>
        <translation>L&apos;élément &lt;{element}&gt; ne doit pas avoir d&apos;espace de noms</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; may only contain a value, not child elements</source>
        <translation>&lt;{element}&gt; ne peut contenir qu&apos;une valeur, pas d&apos;éléments enfants</translation>
    </message>
    <message>
        <source>The identifier “{value}” is already used by another element</source>
        <translation>L&apos;identifiant « {value} » est déjà utilisé par un autre élément</translation>
    </message>
</context>
</TS>
