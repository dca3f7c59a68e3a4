export { en } from "./en/index";
