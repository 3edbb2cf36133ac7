import type { ReactNode } from 'react';
import { Flex, Statistic, Typography } from 'antd';
import type { Grade } from '@wj/domain/quality';
import { GradeTag } from '@/components/grade-tag';
import { QualityPeriod } from '@/components/quality-period';
import { gradeHex } from '@/lib/quality-colors';
import { useQualityYears } from '@/lib/quality-years';

interface ScoreSummaryProps {
  title: string;
  total: number;
  grade: Grade;
  passLine: number;
  year: number;
  asOf: string;
  ruleVersion: number;
  onYearChange: (year: number) => void;
  /** Further small facts beside the score (lost-point count, composition …). */
  children?: ReactNode;
}

/** The headline of a score panel: total, grade, pass line, and which year / as-of date it was computed for. */
export function ScoreSummary({ title, total, grade, passLine, year, asOf, ruleVersion, onYearChange, children }: ScoreSummaryProps) {
  const years = useQualityYears().data?.years;
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={16}>
      <Flex align="flex-end" gap={16} wrap>
        <Statistic
          title={title}
          value={total}
          suffix="分"
          styles={{ content: { color: gradeHex(grade), fontWeight: 600 } }}
          data-testid="quality-total"
        />
        <Flex vertical gap={6} style={{ paddingBottom: 6 }}>
          <Flex gap={8} align="center">
            <GradeTag grade={grade} />
            <Typography.Text type="secondary">合格线 {passLine} 分</Typography.Text>
          </Flex>
          {children && <Typography.Text type="secondary">{children}</Typography.Text>}
        </Flex>
      </Flex>
      <QualityPeriod year={year} asOf={asOf} ruleVersion={ruleVersion} years={years} onYearChange={onYearChange} />
    </Flex>
  );
}
