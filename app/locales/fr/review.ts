import type en from "../en/review";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
