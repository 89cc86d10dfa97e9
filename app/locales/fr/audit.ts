import type en from "../en/audit";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
