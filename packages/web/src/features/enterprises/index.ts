/** The enterprise register as the other features use it: choosing an enterprise by name. */

export { useChainLeaders } from "./api/chain-roles-api";
export { useEnterprises } from "./api/enterprises-api";
export { ChainLeadersCard } from "./components/chain-leaders-card";
