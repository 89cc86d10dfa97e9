import type en from "../en/matrix";
import type { Catalogue } from "../types";

export default {
  title: "matrix",
} satisfies Catalogue<typeof en>;
