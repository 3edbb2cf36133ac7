import { INDICATOR_BY_CODE, type IndicatorCode } from '@wj/domain/quality';

/** "个支部书记非“双带头人”" → "支部书记非“双带头人”": the catalogue's gap phrase without its counter word. */
export function gapLabel(line: { code: string; name: string }): string {
  const phrase = INDICATOR_BY_CODE[line.code as IndicatorCode]?.gapPhrase;
  return phrase ? phrase.replace(/^[个家]/, '') : line.name;
}
