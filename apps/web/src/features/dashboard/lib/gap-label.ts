/** "27个支部书记非“双带头人”" → "支部书记非“双带头人”": the line's own phrase (its tier's or variant's) without the count and counter word. */
export function gapLabel(line: { text: string; count: number }): string {
  return line.text.slice(String(line.count).length).replace(/^[个家]/, '');
}
