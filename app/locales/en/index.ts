// The English catalogue: one module per area. Add an area here and in ../fr/index.ts.
import account from "./account";
import auth from "./auth";
import common from "./common";
import errors from "./errors";
import workspace from "./workspace";

const en = { common, errors, auth, account, workspace };
export default en;
