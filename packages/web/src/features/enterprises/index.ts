/** The enterprise register as the other features use it: choosing an enterprise by name. */
export { useEnterprises } from "./api/enterprises-api";
