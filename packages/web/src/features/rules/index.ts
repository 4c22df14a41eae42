/** What other features and the app use of the rule pages: the link to a rule's page. */
export { RuleLink, rulePath } from "./components/rule-link";
