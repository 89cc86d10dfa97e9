import type en from "../en/exports";
import type { Catalogue } from "../types";

export default {
  workspace: {
    metaTitle: "Exporter cet espace de travail",
    title: "Exporter cet espace de travail",
    leadBefore:
      "Un seul fichier JSON avec tout « {{workspace}} » : chaque cas avec ses versions, ses conditions et ses fils de commentaires, les cas de la corbeille (signalés comme tels), la grille de codage et la bibliothèque de sources. Servez-vous-en comme sauvegarde, ou pour transférer le travail de l’équipe : il peut être ",
    leadLink: "importé comme nouvel espace de travail",
    leadAfter: ".",
    summaryEmpty:
      "Cet espace de travail n’a pas encore de cas : le fichier contiendra sa grille de codage et ses sources.",
    summary: "Le fichier contiendra {{cases}}{{trashed}}, {{codes}} et {{sources}}.",
    cases_one: "{{n}} cas",
    cases_other: "{{n}} cas",
    trashed: " (dont {{n}} dans la corbeille)",
    codes_one: "{{n}} code",
    codes_other: "{{n}} codes",
    sources_one: "{{n}} source",
    sources_other: "{{n}} sources",
    wholeHeading: "Tout l’espace de travail",
    jobGone:
      "Cet export n’est plus sur le serveur : les fichiers sont supprimés une fois téléchargés, ou au bout d’un jour.",
    warning:
      "Le fichier contient des brouillons et des échanges internes : conservez-le avec autant de soin que l’espace de travail lui-même. L’export est inscrit au journal d’audit de l’espace de travail.",
    start: "Exporter l’espace de travail",
    notAllowed:
      "Seuls les propriétaires et les rédacteurs exportent tout l’espace de travail, car le fichier contient chaque brouillon et les échanges de relecture. Demandez à un propriétaire si votre équipe a besoin d’une copie.",
    caseHeading: "Un seul cas",
    caseBefore: "Ouvrez un cas depuis la ",
    caseLink: "liste des cas",
    caseMiddle: " et choisissez ",
    caseExport: "Exporter",
    caseAfter:
      " : Markdown (codes et citations conservés sous forme de notes lisibles et de notes de bas de page), JSON (la fiche complète) ou Imprimer (une page propre, ou un PDF avec « Enregistrer au format PDF » de votre navigateur).",
    forbidden:
      "Seuls les propriétaires et les rédacteurs peuvent exporter tout l’espace de travail. Vous pouvez exporter un cas que vous lisez depuis sa page.",
    failed: "L’export s’est arrêté ({{reason}}). Rien n’a été conservé ; relancez-le.",
    failedUnknown: "L’export s’est arrêté. Rien n’a été conservé ; relancez-le.",
    interrupted:
      "L’export s’est arrêté quand le processus du serveur qui le préparait s’est terminé (un redémarrage). Rien n’a été conservé ; relancez-le.",
    gone: "Cet export n’est plus sur le serveur : les fichiers sont supprimés une fois téléchargés, ou au bout d’un jour. Exportez de nouveau l’espace de travail.",
    notFinished: "Cet export n’est pas encore terminé. Attendez-le sur la page d’export.",
  },
  progress: {
    again: "Relancer l’export",
    preparing: "Préparation de l’export…",
    exported_one: "{{done}} cas exporté sur {{n}}",
    exported_other: "{{done}} cas exportés sur {{n}}",
    building: "Création du fichier",
    keepWorking:
      "Vous pouvez continuer à travailler dans un autre onglet ; cette page se met à jour toute seule.",
    ready: "Votre export est prêt :",
    readyCount_one: " {{n}} cas, {{size}}.",
    readyCount_other: " {{n}} cas, {{size}}.",
    downloaded:
      "Téléchargé. Conservez le fichier en lieu sûr : il contient des brouillons et des commentaires internes. Il a été supprimé du serveur.",
    download: "Télécharger {{file}}",
    onlyYou:
      "Vous seul pouvez le télécharger. Il est supprimé du serveur une fois téléchargé, ou au bout d’un jour.",
    redacted:
      "Caviardé : passages sensibles remplacés par « [redacted] », références de leurs citations et fils de commentaires retirés",
    exportAgain: "Exporter de nouveau",
    bytes: "{{n}} octets",
    kilobytes: "{{n}} Ko",
    megabytes: "{{n}} Mo",
  },
  import: {
    metaTitle: "Importer un espace de travail",
    title: "Importer un espace de travail",
    breadcrumb: "Fil d’Ariane",
    leadBefore: "Importez un fichier créé avec ",
    leadStrong: "Exporter cet espace de travail",
    leadAfter:
      ". Il devient un nouvel espace de travail, nommé d’après l’original avec « (importé) », et vous en êtes propriétaire. Vos autres espaces de travail ne changent pas.",
    noteKept:
      "Les cas gardent leurs versions, leur statut, leurs conditions et leurs fils de commentaires ; les cas de la corbeille y restent.",
    noteNobody:
      "Personne d’autre n’est ajouté au nouvel espace de travail. Les versions et commentaires des autres sont conservés, chacun avec l’auteur que le fichier indique, présenté comme ce que dit le fichier. Invitez votre équipe depuis Membres une fois l’import terminé.",
    noteChecked:
      "Le fichier est d’abord vérifié : si quelque chose ne va pas, rien n’est importé et on vous dit pourquoi.",
    fileLabel: "Fichier d’export d’espace de travail",
    fileHint: "Le fichier .json issu de « Exporter cet espace de travail », jusqu’à {{max}} Mo.",
    fileTooLargeHere:
      "Ce fichier dépasse {{max}} Mo, plus qu’un export d’espace de travail ne peut peser. Vérifiez que vous avez choisi le bon fichier.",
    importing: "Import en cours… (les gros fichiers prennent une minute)",
    submit: "Importer comme nouvel espace de travail",
    tooLarge:
      "Le fichier dépasse {{max}} Mo, plus qu’un export d’espace de travail ne peut peser. Rien n’a été importé.",
    chooseFile: "Choisissez un fichier d’export d’espace de travail (.json) à importer.",
    interrupted: "L’envoi a été interrompu ou ce n’est pas un fichier. Choisissez de nouveau le fichier.",
    empty: "Le fichier est vide.",
    imported:
      "« {{name}} » importé : {{cases}}, {{codes}}, {{sources}}. Vous en êtes propriétaire : invitez votre équipe depuis Membres.",
    dropped_one:
      "{{n}} code ou citation renvoyait à des codes ou des sources absents du fichier et a été laissé de côté.",
    dropped_other:
      "{{n}} codes ou citations renvoyaient à des codes ou des sources absents du fichier et ont été laissés de côté.",
    cannotImport: "Ce fichier ne peut pas être importé, et rien n’a été importé.",
    notJson:
      "Ce fichier n’est pas du JSON valide : il est peut-être tronqué, ou ce n’est pas un export d’espace de travail. Exportez de nouveau l’espace de travail et importez le nouveau fichier.",
    notAnExport:
      'Ce n’est pas un export d’espace de travail de Mediation Casebook (il devrait indiquer "format": "{{format}}"). Pour ajouter des sources depuis Zotero, utilisez Importer sur la page Sources d’un espace de travail.',
    wrongVersion:
      "Cet export est dans la version {{version}} du format ; cette application lit la version {{expected}}. Exportez-le de nouveau depuis une application de même version.",
    moreProblems_one: "…et {{count}} autre problème.",
    moreProblems_other: "…et {{count}} autres problèmes.",
    signInAgain: "Reconnectez-vous, puis importez le fichier.",
    duplicateCodes: "Deux codes ont le même identifiant {{id}}.",
    duplicateSources: "Deux sources ont le même identifiant {{id}}.",
    duplicateCases: "Deux cas ont le même identifiant {{id}}.",
    caseBody: "Cas {{n}} « {{title}} » :",
    revisionBody: "Cas {{n}} « {{title}} », version {{revision}} :",
    sameRevision: "Cas {{n}} « {{title}} » : deux versions portent le même numéro.",
    where: {
      file: "Dans le fichier, à {{path}} :",
      case: "Cas {{n}}, à {{path}} :",
      case_named: "Cas {{n}} « {{name}} », à {{path}} :",
      code: "Code {{n}}, à {{path}} :",
      code_named: "Code {{n}} « {{name}} », à {{path}} :",
      source: "Source {{n}}, à {{path}} :",
      source_named: "Source {{n}} « {{name}} », à {{path}} :",
    },
    issues: {
      notId: "ce n’est pas un identifiant.",
      notDate: "ce n’est pas une date.",
      notText: "ce devrait être du texte.",
      tooLong: "ce texte dépasse {{max, number}} caractères.",
      tooMany: "cette liste a plus de {{max, number}} entrées.",
      empty: "ce champ est vide.",
      noRevision: "un cas doit avoir au moins une version.",
      notColour: "ce devrait être une couleur comme #2563eb.",
      invalid: "cette valeur ne peut pas être lue.",
    },
    importedName: "{{name}} (importé)",
  },
  document: {
    notRecorded: "Non renseigné",
    tagged: "Étiquette : {{code}}",
    notes: "Notes",
    citedAt: "Cité : {{locators}}.",
    redacted: "Copie caviardée : les passages sensibles sont remplacés par « [redacted] ».",
    pdfNoBrowser:
      "Le PDF n’est pas disponible sur ce serveur (il lui faut Chromium). Utilisez Imprimer sur la page du cas et choisissez « Enregistrer au format PDF ».",
    pdfBusy: "Plusieurs PDF sont en cours de fabrication. Réessayez dans une minute, ou utilisez Imprimer.",
    pdfFailed: "Le PDF n’a pas pu être fabriqué. Réessayez, ou utilisez Imprimer sur la page du cas.",
  },
  markdown: {
    field: "- **{{label}} :** {{value}}",
    regions: "Pays ou régions",
    period: "Période",
    actors: "Groupes armés et acteurs étatiques",
    mediators: "Médiateurs et intermédiaires",
    status: "Statut",
    statusValue: "{{status}} (version {{revision}})",
    summary: "Résumé",
    notRecorded: "_Non renseigné_",
    fromWorkspace: "Issu de l’espace de travail « {{workspace}} »",
    exported: "Exporté",
    on: " le {{date}}",
    howToRead:
      ". Les passages codés s’écrivent `[passage]{tag: code}` ; les citations sont des notes de bas de page numérotées.",
    conditions: "Conditions",
    noCondition: "Aucune condition n’a encore été indiquée pour ce cas : chaque code est inconnu.",
    tableHeader: "| Code | Type | Valeur | Note |",
    precondition: "Précondition",
    outcome: "Résultat",
    present: "Présente",
    absent: "Absente",
    unknown: "Inconnue",
    otherUnknown: "Tous les autres codes de la grille de codage sont inconnus pour ce cas.",
    sources: "Sources",
    citedAt: " Cité à {{locators}}.",
    at: " À {{locator}}.",
    sourceGone: "Source retirée de la bibliothèque.",
    codeGone: "code retiré de la grille de codage",
  },
} satisfies Catalogue<typeof en>;
