/** What other capabilities, the app and the command line use of this capability. */
export {
  demoEnterprisesForRequests,
  insertRequest,
  insertRequestEvent,
  insertServiceDay,
  replaceCoUnits,
  setServiceDayMembers,
} from "./enterprise-requests.repository";
export { enterpriseRequestsRoutes } from "./enterprise-requests.routes";
export {
  requestHandlingDays,
  runRequestEscalationsForAllDistricts,
  submitRequest,
} from "./enterprise-requests.service";
export { type RequestsWaiting, requestsWaitingFor } from "./requests-waiting";
