import type en from "../en/activity";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
