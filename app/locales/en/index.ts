// The English catalogue: one module per area. Add an area here and in ../fr/index.ts.
import account from "./account";
import activity from "./activity";
import actors from "./actors";
import audit from "./audit";
import auth from "./auth";
import cases from "./cases";
import codebook from "./codebook";
import common from "./common";
import compare from "./compare";
import conditions from "./conditions";
import editor from "./editor";
import errors from "./errors";
import events from "./events";
import exportsArea from "./exports";
import history from "./history";
import links from "./links";
import mail from "./mail";
import matrix from "./matrix";
import members from "./members";
import notifications from "./notifications";
import review from "./review";
import search from "./search";
import sources from "./sources";
import threads from "./threads";
import workspace from "./workspace";

const en = {
  common,
  errors,
  auth,
  account,
  workspace,
  cases,
  activity,
  members,
  notifications,
  mail,
  audit,
  exports: exportsArea,
  editor,
  review,
  threads,
  history,
  conditions,
  codebook,
  sources,
  matrix,
  compare,
  events,
  actors,
  links,
  search,
};
export default en;
