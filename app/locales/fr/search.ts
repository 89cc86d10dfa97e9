// Recherche : aide sur la syntaxe, notes sur la lecture d'une recherche, résultats par type, variantes.
import type en from "../en/search";
import type { Catalogue } from "../types";

export default {
  help: {
    summary: "Conseils de recherche",
    intro:
      "Tous les mots sont requis. Les formes d’un mot (négocier, négociations), les accents et les orthographes britannique ou américaine sont trouvés d’eux-mêmes.",
    phrase: "mots ensemble, dans cet ordre",
    or: "l’un ou l’autre mot",
    exclude: "écarter les cas qui contiennent ce mot",
    prefix: "mots qui commencent par ces lettres",
    group: "regrouper des possibilités",
    examples: {
      phrase: "« échange d’otages »",
      or: "trêve OR cessez-le-feu",
      exclude: "négociation -Algérie",
      prefix: "négoc*",
      group: "(trêve OR cessez-le-feu) Mali",
    },
    variantsBefore: "Les autres graphies des noms (Qaeda, Qaida) viennent de la ",
    variantsLink: "liste des variantes orthographiques",
    variantsAfter: " de l’espace de travail.",
  },
  problem: {
    quote: "Un guillemet n’est pas fermé : votre recherche porte donc sur les mots seuls.",
    parenthesis: "Les parenthèses ne vont pas par paires : votre recherche porte donc sur les mots seuls.",
    operator:
      "OR, un signe moins ou une étoile n’est pas accolé à un mot : votre recherche porte donc sur les mots seuls.",
    tooComplex:
      "Votre recherche a plus de {{max}} mots ou trop de niveaux de parenthèses : ses premiers mots ont été cherchés, tous requis.",
  },
  groups: {
    label: "Résultats par type",
    codes_one: "{{n}} code",
    codes_other: "{{n}} codes",
    discussions_one: "{{n}} discussion",
    discussions_other: "{{n}} discussions",
    precondition: "Condition préalable",
    outcome: "Résultat",
    codeCases_one: "{{n}} cas parmi ces résultats :",
    codeCases_other: "{{n}} cas parmi ces résultats :",
    codeNoCase: "Aucun cas parmi ces résultats n’a ce code.",
    codeAllCases: "Tous ses cas dans la bibliothèque",
    threadOn: "Sur « {{quote}} »",
    inCase: "dans",
    resolved: "Résolue",
    open: "Ouverte",
    moreComments_one: "et {{count}} autre commentaire correspondant",
    moreComments_other: "et {{count}} autres commentaires correspondants",
    moreDiscussions: "{{shown}} discussions affichées sur {{total}} ; ajoutez des mots pour affiner.",
    commentBy: "{{author}}, {{date}}",
    formerMember: "Ancien membre",
  },
  variants: {
    metaTitle: "Variantes orthographiques — {{workspace}}",
    title: "Variantes orthographiques",
    intro:
      "La recherche traite les graphies d’un groupe comme un seul mot : chercher l’une les trouve toutes. Les accents, majuscules, formes d’un mot et orthographes britannique ou américaine n’ont pas besoin de groupe.",
    ownersOnly: "Les propriétaires tiennent cette liste.",
    addTitle: "Ajouter un groupe",
    spellings: "Graphies",
    spellingsHint:
      "Une par ligne ou séparées par des virgules, au moins deux, p. ex. « ag Ghali » et « ag Ghaly ».",
    add: "Ajouter le groupe",
    save: "Enregistrer",
    edit: "Modifier",
    cancel: "Annuler",
    delete: "Supprimer",
    editGroup: "Modifier le groupe {{spellings}}",
    deleteGroup: "Supprimer le groupe {{spellings}}",
    groupsCaption: "Groupes de graphies que la recherche traite comme une seule",
    empty: "Aucun groupe pour l’instant.",
    emptyOwner: "Ajoutez les noms que vos sources écrivent de plusieurs façons, comme Qaeda / Qaida.",
    fromRegistry: "Du registre des acteurs",
    tryIt: "Chercher",
    saved: "Variantes orthographiques enregistrées.",
    deleted: "Groupe supprimé.",
    errors: {
      tooFew: "Indiquez au moins deux graphies différentes.",
      tooMany: "Un groupe compte au plus {{max}} graphies.",
      tooLong: "Une graphie compte au plus {{max}} caractères.",
      noLetters: "Chaque graphie doit contenir une lettre ou un chiffre.",
      alreadyListed: "« {{spelling}} » est déjà dans un autre groupe : modifiez plutôt ce groupe.",
      notFound: "Ce groupe n’existe plus.",
    },
  },
} satisfies Catalogue<typeof en>;
