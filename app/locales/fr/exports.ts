import type en from "../en/exports";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
