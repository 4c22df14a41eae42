/** Land and zombie enterprises (M1 腾笼换鸟): the page, which the router loads lazily from its own module. */
export { LandPage } from "./components/land-page";
