/** What other features use of the rewards feature: how an explanation's facts and arithmetic are written. */
export { factValue } from "./components/explanation-view";
export { arithmeticForDisplay } from "./components/reward-labels";
