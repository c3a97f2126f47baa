/**
 * How roles are compared for the warning "role differs from the last known
 * role". Who is the same person is not decided here: the people pages'
 * rules decide it (src/people/identity.ts, buildPeopleIndex).
 */

/** A role as compared: case and trailing punctuation do not count ("Giám đốc Sở." is "giám đốc sở"; the loader already normalised Unicode and spacing). */
export function roleKey(role: string): string {
  let end = role.length;
  while (end > 0 && " .,;:".includes(role[end - 1] ?? "")) end--;
  return role.slice(0, end).toLowerCase();
}
