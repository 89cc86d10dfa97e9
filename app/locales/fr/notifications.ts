import type en from "../en/notifications";
import type { Catalogue } from "../types";

export default {} satisfies Catalogue<typeof en>;
