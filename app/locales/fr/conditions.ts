import type en from "../en/conditions";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
