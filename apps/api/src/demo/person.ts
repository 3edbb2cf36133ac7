import type { Education, Gender, JobCategory, TitleLevel } from '@wj/domain';
import { addDays, addYears } from './dates.js';
import type { Rng } from './rng.js';

/** Attributes of a health worker that hang together: job → gender mix, age → title, job and age → education. */

const FEMALE_SHARE: Record<JobCategory, number> = {
  doctor: 0.5, nurse: 0.95, technician: 0.55, pharmacist: 0.65, management: 0.55, logistics: 0.3,
};

export function genderFor(rng: Rng, job: JobCategory): Gender {
  return rng.chance(FEMALE_SHARE[job]) ? 'female' : 'male';
}

/** A birth date that makes the person exactly `age` full years old on `on`. */
export function birthDateForAge(rng: Rng, age: number, on: string): string {
  return addDays(addYears(on, -(age + 1)), rng.int(1, 364));
}

const IN_SERVICE_AGE: readonly (readonly [[number, number], number])[] = [
  [[23, 30], 22], [[31, 40], 36], [[41, 50], 27], [[51, 59], 15],
];
const RETIRED_AGE: readonly (readonly [[number, number], number])[] = [[[60, 69], 45], [[70, 79], 35], [[80, 90], 20]];

export function inServiceAge(rng: Rng): number {
  const [lo, hi] = rng.weighted(IN_SERVICE_AGE);
  return rng.int(lo, hi);
}

export function retiredAge(rng: Rng): number {
  const [lo, hi] = rng.weighted(RETIRED_AGE);
  return rng.int(lo, hi);
}

const PROFESSIONAL: ReadonlySet<JobCategory> = new Set(['doctor', 'nurse', 'technician', 'pharmacist']);

/** Professional titles follow seniority (初级 → 中级 after ~5 years → 副高 → 正高). */
export function titleFor(rng: Rng, job: JobCategory, age: number, retired: boolean): TitleLevel {
  if (!PROFESSIONAL.has(job)) {
    if (age < 30) return rng.weighted([['none', 60], ['junior', 40]]);
    return rng.weighted([['none', 45], ['junior', 15], ['intermediate', 30], ['deputy_senior', 10]]);
  }
  if (retired) return rng.weighted([['senior', 22], ['deputy_senior', 36], ['intermediate', 32], ['junior', 10]]);
  if (age < 28) return rng.weighted([['junior', 70], ['none', 30]]);
  if (age <= 35) return rng.weighted([['junior', 40], ['intermediate', 55], ['deputy_senior', 5]]);
  if (age <= 45) return rng.weighted([['intermediate', 50], ['deputy_senior', 40], ['senior', 10]]);
  return rng.weighted([['intermediate', 25], ['deputy_senior', 40], ['senior', 35]]);
}

export function educationFor(rng: Rng, job: JobCategory, age: number): Education {
  if (age >= 60) return rng.weighted([['bachelor', 35], ['college', 30], ['secondary', 25], ['below', 10]]);
  switch (job) {
    case 'doctor':
      return age < 45
        ? rng.weighted([['postgraduate_doctor', 20], ['postgraduate_master', 45], ['bachelor', 35]])
        : rng.weighted([['postgraduate_doctor', 10], ['postgraduate_master', 25], ['bachelor', 60], ['college', 5]]);
    case 'nurse':
      return rng.weighted([['postgraduate_master', 5], ['bachelor', 60], ['college', 35]]);
    case 'technician':
    case 'pharmacist':
      return rng.weighted([['postgraduate_master', 25], ['bachelor', 60], ['college', 15]]);
    case 'management':
      return rng.weighted([['postgraduate_master', 30], ['bachelor', 55], ['college', 15]]);
    case 'logistics':
      return rng.weighted([['bachelor', 25], ['college', 40], ['secondary', 35]]);
  }
}

const TITLE_POSITIONS: Record<'doctor' | 'nurse' | 'technician' | 'pharmacist', Record<TitleLevel, string>> = {
  doctor: { senior: '主任医师', deputy_senior: '副主任医师', intermediate: '主治医师', junior: '住院医师', none: '医师' },
  nurse: { senior: '主任护师', deputy_senior: '副主任护师', intermediate: '主管护师', junior: '护师', none: '护士' },
  technician: { senior: '主任技师', deputy_senior: '副主任技师', intermediate: '主管技师', junior: '技师', none: '技士' },
  pharmacist: { senior: '主任药师', deputy_senior: '副主任药师', intermediate: '主管药师', junior: '药师', none: '药士' },
};

/** 内设机构负责人: 科主任 for clinicians and technicians, 护士长 for nurses, 科长 in offices. */
export function headPosition(job: JobCategory): string {
  switch (job) {
    case 'nurse': return '护士长';
    case 'management':
    case 'logistics': return '科长';
    default: return '科主任';
  }
}

export function positionFor(job: JobCategory, title: TitleLevel, isHead: boolean): string {
  if (isHead) return headPosition(job);
  if (job === 'management') return title === 'deputy_senior' || title === 'intermediate' ? '副科长' : '科员';
  if (job === 'logistics') return '职工';
  return TITLE_POSITIONS[job][title];
}

export const isSeniorTitle = (t: TitleLevel) => t === 'senior' || t === 'deputy_senior';
