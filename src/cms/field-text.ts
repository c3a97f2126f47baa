/**
 * The label and help text of a front-matter field, in Vietnamese, for the
 * editor's form: the field help the content errors show (fieldHelp, in the
 * message catalogue), one wording per field, never a copy.
 */
import { fieldHelp } from "../messages/field-help.ts";

export interface FieldText {
  readonly label: string;
  readonly expected: string;
}

/** Label and help of a field pattern ("title", "officials[].name"), always in Vietnamese (the editor's language). */
export function fieldText(pattern: string): FieldText | undefined {
  const help = fieldHelp(pattern, "vi");
  return help ? { label: help.label, expected: help.expected } : undefined;
}
