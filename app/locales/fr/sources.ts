import type en from "../en/sources";
import type { Catalogue } from "../types";

export default {
  title: "sources",
} satisfies Catalogue<typeof en>;
