import { beforeAll, describe, expect, it } from 'vitest';
import { generateCommission, type DemoData } from '../../src/demo/index.js';

/**
 * A brand name that names a trade must sit where that trade is practised. The
 * table is this test's own reading of the words, not the generator's fit table:
 * a name containing `words` must be on a branch whose department or institution
 * matches one of `where`.
 */
interface Place { department: string; institution: string; retired: boolean }
const RULES: { words: RegExp; where: string; fits: (p: Place) => boolean }[] = [
  { words: /童|儿|幼|苗/, where: '儿科/妇产/儿童保健/免疫规划, or a 妇幼 hospital', fits: (p) => /儿|妇|产|免疫/.test(p.department) || /妇幼|儿童/.test(p.institution) },
  { words: /婴|产/, where: '产科/妇产/新生儿', fits: (p) => /产|新生儿/.test(p.department) },
  { words: /岐黄|中医|杏林|国医|针灸|本草|中药/, where: '中医 hospital or 中医/中药/针灸 department', fits: (p) => /中医/.test(p.institution) || /中医|中药|针灸/.test(p.department) },
  { words: /(?<!心)血/, where: 'the blood station (心血管 is a department, not a brand word)', fits: (p) => /血站/.test(p.institution) },
  { words: /光明|眼/, where: 'the eye hospital', fits: (p) => /眼科/.test(p.institution) || /眼|视光/.test(p.department) },
  { words: /检验/, where: 'a laboratory', fits: (p) => /检验/.test(p.department) },
  { words: /影像/, where: 'imaging', fits: (p) => /影像/.test(p.department) },
  { words: /药/, where: 'pharmacy', fits: (p) => /药/.test(p.department) },
  { words: /护理/, where: 'nursing', fits: (p) => /护理|门诊/.test(p.department) },
  { words: /疾控|防控|免疫|慢病|健康守门/, where: 'the CDC', fits: (p) => /疾病预防控制/.test(p.institution) },
  { words: /执法|卫监/, where: 'the supervision corps', fits: (p) => /监督/.test(p.institution) },
  { words: /急救|120|生命线|生命接力/, where: 'emergency, ICU or blood', fits: (p) => /急|重症/.test(p.department) || /血站|急救/.test(p.institution) },
  { words: /手术|妙手/, where: 'surgery', fits: (p) => /外科|骨|手术|麻醉/.test(p.department) },
  { words: /心跳/, where: 'cardiology, emergency or ICU', fits: (p) => /心|急|重症/.test(p.department) },
  { words: /绿洲/, where: 'ICU', fits: (p) => /重症/.test(p.department) },
  { words: /脊梁/, where: 'orthopaedics', fits: (p) => /骨/.test(p.department) },
  { words: /康复/, where: 'rehabilitation', fits: (p) => /康复/.test(p.department) },
  { words: /后勤/, where: 'logistics', fits: (p) => /后勤|总务/.test(p.department) },
  { words: /机关/, where: 'an office', fits: (p) => /办|机关/.test(p.department) },
  { words: /临床|病房|学科|仁心|精医|医路/, where: 'a hospital', fits: (p) => /医院|保健院/.test(p.institution) },
  { words: /银发|夕阳|老党员|余热/, where: 'a retirees’ branch', fits: (p) => p.retired },
];
/** Words a retirees' branch's brand may not carry: the trade of a working department. */
const WORKING_WORDS = /检验|影像|药|护理|手术|妙手|急救|执法|疾控|产|儿|童|病房|临床|学科|质控|攻坚|青春|科室/;

function places(data: DemoData): Map<number, Place> {
  const byId = new Map(data.orgs.map((o) => [o.id, o]));
  return new Map(data.orgs.filter((o) => o.kind === 'branch').map((o) => [o.id, {
    department: o.department ?? '', institution: byId.get(o.unitId!)!.institutionName ?? '', retired: o.branchCategory === 'retired',
  }]));
}

function misfits(data: DemoData): string[] {
  const at = places(data);
  const out: string[] = [];
  for (const brand of data.brands) {
    const p = at.get(brand.orgId);
    if (!p) { out.push(`${brand.name}: not on a branch`); continue; }
    for (const rule of RULES) {
      if (rule.words.test(brand.name) && !rule.fits(p)) out.push(`${brand.name} at ${p.institution} ${p.department}: belongs to ${rule.where}`);
    }
    if (p.retired && WORKING_WORDS.test(brand.name)) out.push(`${brand.name} at a retirees' branch of ${p.institution}`);
  }
  return out;
}

describe('demo brand names', () => {
  let data: DemoData;
  beforeAll(() => { data = generateCommission(); });

  it('fit the department and unit of their branch', () => {
    const names = data.brands.map((b) => b.name);
    // The check has something to bite on: most brands carry a trade word the table knows.
    const judged = names.filter((n) => RULES.some((r) => r.words.test(n)));
    expect(judged.length).toBeGreaterThan(names.length / 3);
    console.log(`brands: ${names.length}, judged by a trade word: ${judged.length}`);
    expect(misfits(data)).toEqual([]);
  });

  it('fit for other seeds and at scale too', () => {
    for (const opts of [{ seed: 7 }, { seed: 99, scale: 2 }]) {
      const d = generateCommission(opts);
      expect(misfits(d), JSON.stringify(opts)).toEqual([]);
      expect(d.brands.filter((b) => b.active).length).toBeGreaterThanOrEqual(50 * (opts.scale ?? 1));
    }
  });

  it('vary: no name on more than two branches of the commission', () => {
    const counts = new Map<string, number>();
    for (const b of data.brands.filter((b) => b.active)) counts.set(b.name, (counts.get(b.name) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 2)).toEqual([]);
  });

  it('the misfit check catches a children’s brand at the blood station and a 中医 brand in a general hospital', () => {
    const copy = structuredClone(data);
    const at = places(copy);
    const blood = [...at].find(([, p]) => /血站/.test(p.institution))![0];
    const general = [...at].find(([, p]) => p.institution === '市人民医院' && p.department === '骨科')![0];
    copy.brands.push({ ...copy.brands[0]!, id: 10_001, orgId: blood, name: '童心党建' });
    copy.brands.push({ ...copy.brands[0]!, id: 10_002, orgId: general, name: '岐黄先锋' });
    const found = misfits(copy);
    expect(found.some((m) => m.startsWith('童心党建 at 市中心血站'))).toBe(true);
    expect(found.some((m) => m.startsWith('岐黄先锋 at 市人民医院 骨科'))).toBe(true);
  });
});
