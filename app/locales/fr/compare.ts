import type en from "../en/compare";
import type { Catalogue } from "../types";

export default {
  title: "compare",
} satisfies Catalogue<typeof en>;
