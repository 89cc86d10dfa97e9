import type en from "../en/codebook";
import type { Catalogue } from "../types";

export default {
  kind: {
    precondition: "Précondition",
    outcome: "Résultat",
  },
  kindPlural: {
    precondition: "Préconditions",
    outcome: "Résultats",
  },
  list: {
    title: "Grille de codage",
    metaTitle: "Grille de codage · {{workspace}}",
    intro:
      "Les codes sont les préconditions et les résultats avec lesquels on code les passages d’un cas. Les chiffres ne comptent pas les cas de la corbeille.",
    addCode: "Ajouter un code",
    emptyTitle: "Cette grille de codage est vide.",
    emptyEditor:
      "Ajoutez vos propres codes ci-dessus, ou partez de la grille de codage de départ : des préconditions et des résultats tirés du dialogue avec des groupes armés au Sahel, que vous pourrez ensuite modifier, fusionner ou supprimer.",
    emptyReader:
      "Un propriétaire ou un rédacteur de cet espace de travail peut ajouter des préconditions et des résultats.",
    addStarter: "Ajouter la grille de codage de départ",
    addingStarter: "Ajout en cours…",
    starterAdded_one: "{{count}} code de départ ajouté.",
    starterAdded_other: "{{count}} codes de départ ajoutés.",
    starterAlreadyThere: "La grille de codage contient déjà tous les codes de départ.",
    preconditionAdded: "Précondition « {{label}} » ajoutée.",
    outcomeAdded: "Résultat « {{label}} » ajouté.",
    edit: "Modifier",
    noneOfKind: {
      precondition: "Aucune précondition pour l’instant.",
      outcome: "Aucun résultat pour l’instant.",
    },
    addOfKind: {
      precondition:
        "Ajoutez-en une avec « Ajouter un code » ci-dessus, en choisissant le type « Précondition ».",
      outcome: "Ajoutez-en un avec « Ajouter un code » ci-dessus, en choisissant le type « Résultat ».",
    },
    onlyEditorsAdd: "Un propriétaire ou un rédacteur de cet espace de travail peut en ajouter.",
  },
  counts: {
    passages_one: "{{count}} passage codé",
    passages_other: "{{count}} passages codés",
    presentIn_one: "présente dans {{count}} cas",
    presentIn_other: "présente dans {{count}} cas",
  },
  code: {
    metaTitle: "{{label}} · Grille de codage",
    breadcrumb: "Fil d’Ariane",
    used: "Utilisation",
    absentIn_one: "absente dans {{count}} cas",
    absentIn_other: "absente dans {{count}} cas",
    under: "Sous",
    subCodes: "Sous-codes",
    toolsLabel: "Modifier ce code",
    editHeading: "Modifier le code",
    saved: "Code enregistré.",
    merged_one: "« {{label}} » fusionné dans « {{target}} » : {{count}} passage codé déplacé.",
    merged_other: "« {{label}} » fusionné dans « {{target}} » : {{count}} passages codés déplacés.",
    mergedKept_one:
      "« {{label}} » fusionné dans « {{target}} » : {{count}} passage codé déplacé. Là où les deux codes avaient une valeur ({{kept}}), celle de « {{target}} » a été gardée.",
    mergedKept_other:
      "« {{label}} » fusionné dans « {{target}} » : {{count}} passages codés déplacés. Là où les deux codes avaient une valeur ({{kept}}), celle de « {{target}} » a été gardée.",
    deleted: "« {{label}} » supprimé.",
    deletedWithTags_one: "« {{label}} » supprimé et son codage retiré du texte ({{cases}} cas modifié).",
    deletedWithTags_other:
      "« {{label}} » supprimé et ses {{count}} passages codés retirés du texte (cas modifiés : {{cases}}).",
  },
  form: {
    kind: "Type",
    label: "Libellé",
    labelIn: {
      fr: "Libellé en français",
      en: "Libellé en anglais",
    },
    labelInHint: {
      fr: "Facultatif : ce que voient les personnes qui utilisent l’application en français.",
      en: "Facultatif : ce que voient les personnes qui utilisent l’application en anglais.",
    },
    description: "Définition",
    descriptionHint: "Ce qui relève de ce code, pour que vos collègues codent les passages de la même façon.",
    shortName: "Nom court",
    shortNameHint:
      "Pour les colonnes CSV et les formules : majuscules, chiffres et _, en commençant par une lettre (ex. TRUCE). Le même dans toutes les langues. Laissé vide, il est tiré du libellé anglais.",
    guidance: "Consignes de codage",
    guidanceHint: "Affichées là où l’on code les passages et où l’on indique les conditions.",
    whenPresent: "Quand le coder présent",
    whenPresentHint: "Ce qu’une source doit dire pour que la condition soit réunie dans un cas.",
    whenAbsent: "Quand le coder absent",
    whenAbsentHint:
      "Ce qu’une source doit dire pour qu’elle ne le soit pas. Absent n’est pas « aucune preuve » : cela reste inconnu.",
    notes: "Notes",
    colour: "Couleur",
    suggestedColours: "Couleurs proposées",
    useColour: "Utiliser la couleur {{colour}}",
    parent: "Code parent",
    parentHint: {
      precondition: "Facultatif : placer ce code sous une précondition plus large.",
      outcome: "Facultatif : placer ce code sous un résultat plus large.",
    },
    parentNone: "Aucun (premier niveau)",
    kindHintSubCodes:
      "Un code et ses sous-codes ont le même type : déplacez d’abord les sous-codes pour le changer.",
    add: "Ajouter le code",
    save: "Enregistrer le code",
    saving: "Enregistrement…",
  },
  tagged: {
    heading: "Passages codés",
    total_one: "{{passages}} dans {{count}} cas",
    total_other: "{{passages}} dans {{count}} cas",
    emptyTitle: "Aucun passage n’est encore codé « {{label}} ».",
    emptyBody:
      "Quand quelqu’un sélectionne des mots dans un cas et les code « {{label}} », le passage apparaît ici avec un lien vers sa section.",
    inSection: "dans",
    ofCase: "de {{title}}",
    trashed_one: "{{count}} autre passage se trouve dans des cas de la corbeille et n’est pas affiché.",
    trashed_other:
      "{{count}} autres passages se trouvent dans des cas de la corbeille et ne sont pas affichés.",
  },
  merge: {
    summary: "Fusionner dans un autre code",
    noTarget: {
      precondition:
        "Il n’y a pas d’autre précondition dans cette grille de codage où fusionner « {{label}} ».",
      outcome: "Il n’y a pas d’autre résultat dans cette grille de codage où fusionner « {{label}} ».",
    },
    intro: {
      precondition: "Fusionner « {{label}} » dans une autre précondition :",
      outcome: "Fusionner « {{label}} » dans un autre résultat :",
    },
    effectTags:
      "recode avec l’autre code chaque passage codé « {{label}} », dans tous les cas (chaque cas modifié reçoit une nouvelle version) ;",
    effectConditions:
      "reporte ses valeurs présente / absente / inconnue sur l’autre code, sauf dans les cas où l’autre code a déjà une valeur : celle-ci est gardée ;",
    effectSubCodes: "déplace ses sous-codes sous l’autre code, puis supprime « {{label}} ».",
    into: "Fusionner dans",
    choose: {
      precondition: "Choisir une précondition…",
      outcome: "Choisir un résultat…",
    },
    submit: "Fusionner « {{label}} »",
    merging: "Fusion en cours…",
  },
  delete: {
    summary: "Supprimer ce code",
    inUse: "« {{label}} » est utilisé.",
    inUseBody:
      "Le supprimer retire son codage du texte des cas (chaque cas modifié reçoit une nouvelle version) et efface si la condition était présente ou absente.",
    inTrash: "(dans la corbeille)",
    passages_one: "{{count}} passage",
    passages_other: "{{count}} passages",
    casesWithValue_one: "{{count}} cas a une valeur enregistrée pour cette condition.",
    casesWithValue_other: "{{count}} cas ont une valeur enregistrée pour cette condition.",
    confirmTags_one: "Supprimer le code et retirer {{count}} passage codé de {{cases}}",
    confirmTags_other: "Supprimer le code et retirer ses {{count}} passages codés de {{cases}}",
    confirmValues_one: "Supprimer le code et effacer sa valeur de condition enregistrée",
    confirmValues_other: "Supprimer le code et effacer ses {{count}} valeurs de condition enregistrées",
    confirmTagsAndValues_one:
      "Supprimer le code, retirer {{count}} passage codé de {{cases}} et effacer ses valeurs de condition enregistrées ({{values}})",
    confirmTagsAndValues_other:
      "Supprimer le code, retirer ses {{count}} passages codés de {{cases}} et effacer ses valeurs de condition enregistrées ({{values}})",
    caseCount_one: "{{count}} cas",
    caseCount_other: "{{count}} cas",
    unused: "« {{label}} » n’est utilisé dans aucun cas. La suppression est définitive.",
    subCodesMoveUnder_one: "Son sous-code passe sous « {{parent}} ».",
    subCodesMoveUnder_other: "Ses {{count}} sous-codes passent sous « {{parent}} ».",
    subCodesMoveTop_one: "Son sous-code passe au premier niveau.",
    subCodesMoveTop_other: "Ses {{count}} sous-codes passent au premier niveau.",
    submit: "Supprimer « {{label}} »",
    deleting: "Suppression…",
  },
  errors: {
    notFound: "Ce code n’existe pas dans la grille de codage de cet espace de travail.",
    notUnderstood: "Cette demande n’a pas été comprise. Rechargez la page et réessayez.",
    kindRequired: "Indiquez s’il s’agit d’une précondition ou d’un résultat.",
    labelRequired: "Donnez un libellé au code.",
    labelTooLong: "Le libellé doit faire moins de {{max}} caractères.",
    descriptionTooLong: "La description doit faire moins de {{max}} caractères.",
    colourRequired: "Choisissez une couleur.",
    colourInvalid: "Choisissez une couleur comme #2563eb.",
    preconditionExists:
      "Il existe déjà une précondition appelée « {{label}} ». Choisissez un autre libellé, ou fusionnez les deux codes.",
    outcomeExists:
      "Il existe déjà un résultat appelé « {{label}} ». Choisissez un autre libellé, ou fusionnez les deux codes.",
    kindHasSubCodes:
      "Ce code a des sous-codes de son type : placez-les sous un autre parent avant de changer son type.",
    parentGone: "Ce code parent n’est plus dans la grille de codage. Choisissez-en un autre.",
    parentNotPrecondition:
      "Une précondition ne peut être placée que sous une autre précondition. Choisissez un parent du même type, ou aucun.",
    parentNotOutcome:
      "Un résultat ne peut être placé que sous un autre résultat. Choisissez un parent du même type, ou aucun.",
    parentSelf: "Un code ne peut pas être son propre parent.",
    parentLoop:
      "Ce code est placé sous celui-ci : un code ne peut pas être imbriqué dans son propre sous-code.",
    mergeTargetRequired: "Choisissez le code dans lequel fusionner.",
    mergeSelf: "Choisissez un autre code dans lequel fusionner celui-ci.",
    mergePreconditionKind:
      "« {{label}} » est une précondition : il ne peut être fusionné que dans une autre précondition.",
    mergeOutcomeKind: "« {{label}} » est un résultat : il ne peut être fusionné que dans un autre résultat.",
    usageChanged:
      "Le code a été utilisé à d’autres endroits depuis l’ouverture de cette page. Vérifiez à nouveau la liste avant de le supprimer.",
    confirmDelete: "Ce code est utilisé. Confirmez que son codage doit être retiré des cas.",
    shortNameTooLong: "Le nom court doit faire moins de {{max}} caractères.",
    shortNameInvalid: "Utilisez des majuscules, des chiffres et _, en commençant par une lettre (ex. TRUCE).",
    shortNameTaken: "{{name}} est déjà le nom court de « {{label}} ».",
    guidanceTooLong: "Ce texte doit faire moins de {{max}} caractères.",
    exampleNotTagged: "Ce passage n’est pas codé avec ce code dans un cas que vous pouvez voir.",
  },
  guidance: {
    heading: "Comment le coder",
    definition: "Définition",
    present: "Présent quand",
    absent: "Absent quand",
    example: "Exemple",
    exampleIn: "dans ",
    notes: "Notes",
    none: "Aucune consigne de codage pour l’instant.",
    useAsExample: "Prendre comme exemple",
    clearExample: "Retirer l’exemple",
    exampleSet: "Passage d’exemple enregistré.",
    exampleCleared: "Exemple retiré.",
    exampleStale: "N’est plus codé avec ce code dans la version que vous lisez.",
  },
} satisfies Catalogue<typeof en>;
