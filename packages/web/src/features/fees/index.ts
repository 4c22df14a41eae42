/** The fee list (涉企收费清单): its pages, which the router loads lazily from their own modules. */
export { FeesPage } from "./components/fees-page";
export { PublicFeesPage } from "./components/public-fees-page";
