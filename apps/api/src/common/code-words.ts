/** An exchange-format or status code as words for people: `final_written_warning` → "final written warning". */
export function words(code: string): string {
  return code.replace(/_/g, ' ');
}
