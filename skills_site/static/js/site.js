// Progressive enhancement only: every page works without this script.
import { initAll } from "../build/govuk-frontend.min.js";
import { enhanceSearchBoxes } from "./search-suggestions.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
enhanceSearchBoxes();
