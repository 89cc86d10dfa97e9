import type en from "../en/history";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
