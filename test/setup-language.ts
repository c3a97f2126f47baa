/**
 * Unit tests assert the English wording of messages (the developers' reading
 * language); the product's default is Vietnamese. Tests about Vietnamese
 * output set it themselves (setLanguage("vi"), tIn("vi", …)), and spawned
 * CLI processes choose with --lang or LANG like an editor's would.
 */
import { setLanguage } from "../src/messages/index.ts";

setLanguage("en");
