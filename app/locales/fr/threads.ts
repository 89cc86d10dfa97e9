import type en from "../en/threads";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
