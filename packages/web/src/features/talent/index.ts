/** The talent ledger (返乡人才台账) and job posts: its page, which the router loads lazily from its own module. */
export { TalentPage } from "./components/talent-page";
