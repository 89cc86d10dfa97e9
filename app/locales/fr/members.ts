import type en from "../en/members";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
