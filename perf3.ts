import { prepareSearch } from "~/models/search/compile";
import { snippetOf, highlightLeaves } from "~/models/search/match";
import { createRng, makeVocabulary, caseBody } from "./scripts/bench/generate";
import { deriveCaseRows } from "~/editor/derive";
const rng = createRng(1); const vocab = makeVocabulary(rng);
const texts = Array.from({length: 50}, () => deriveCaseRows(caseBody(rng, vocab, 2500, {codeIds: [], sourceIds: []})).plainText);
const p = prepareSearch('negotiated hostage "armed group"', new Map());
const leaves = highlightLeaves(p.tree);
for (let r = 0; r < 40; r++) { for (const text of texts) snippetOf(leaves, { text, languages: ["en"] }); }
const t = performance.now();
for (let r = 0; r < 10; r++) { for (const text of texts) snippetOf(leaves, { text, languages: ["en"] }); }
console.log("per 50:", ((performance.now() - t)/10).toFixed(2));
const t2 = performance.now(); for (let r = 0; r < 10; r++) for (const text of texts) text.toLowerCase(); console.log("lower per 50", ((performance.now()-t2)/10).toFixed(2));
