// The French catalogue: the same areas and keys as ../en (checked by the type below and tests/unit/locales.test.ts).
import type en from "../en";
import type { Catalogue } from "../types";
import account from "./account";
import auth from "./auth";
import common from "./common";
import errors from "./errors";
import workspace from "./workspace";

const fr = { common, errors, auth, account, workspace } satisfies Catalogue<typeof en>;
export default fr;
