import { idCheckDigit, type Gender } from '@wj/domain';
import type { Rng } from './rng.js';

/**
 * Chinese personal names, ethnicities, phone numbers and 公民身份号码 for the
 * demo roster. Surname weights follow the rough shape of the national ranking
 * (王、李、张、刘、陈 cover about a third of the population).
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 55], ['陈', 45], ['杨', 32], ['赵', 21], ['黄', 20], ['周', 19], ['吴', 19],
  ['徐', 15], ['孙', 15], ['胡', 12], ['朱', 12], ['高', 12], ['林', 10], ['何', 10], ['郭', 10], ['马', 10], ['罗', 8],
  ['梁', 7], ['宋', 7], ['郑', 7], ['谢', 6], ['韩', 6], ['唐', 6], ['冯', 6], ['于', 6], ['董', 5], ['萧', 2],
  ['程', 5], ['曹', 5], ['袁', 5], ['邓', 5], ['许', 5], ['傅', 4], ['沈', 4], ['曾', 4], ['彭', 4], ['吕', 4],
  ['苏', 4], ['卢', 4], ['蒋', 4], ['蔡', 4], ['贾', 3], ['丁', 3], ['魏', 3], ['薛', 3], ['叶', 3], ['阎', 3],
  ['余', 3], ['潘', 3], ['杜', 3], ['戴', 3], ['夏', 3], ['钟', 3], ['汪', 3], ['田', 3], ['任', 3], ['姜', 3],
  ['范', 3], ['方', 3], ['石', 3], ['姚', 3], ['谭', 2], ['廖', 2], ['邹', 2], ['熊', 2], ['金', 2], ['陆', 2],
  ['郝', 2], ['孔', 2], ['白', 2], ['崔', 2], ['康', 2], ['毛', 2], ['邱', 2], ['秦', 2], ['江', 2], ['史', 2],
  ['顾', 2], ['侯', 2], ['邵', 2], ['孟', 2], ['龙', 2], ['万', 2], ['段', 2], ['雷', 2], ['钱', 2], ['汤', 2],
  ['尹', 1], ['黎', 1], ['易', 1], ['常', 1], ['武', 1], ['乔', 1], ['贺', 1], ['赖', 1], ['龚', 1], ['文', 1],
  ['欧阳', 0.4], ['司马', 0.1], ['诸葛', 0.1], ['上官', 0.1],
];

const MALE_CHARS = [...'伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'];
const FEMALE_CHARS = [...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'];

/** Ethnic groups with rough weights for a northern city; 汉族 dominates. */
const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 940], ['回族', 22], ['满族', 18], ['蒙古族', 8], ['朝鲜族', 4], ['壮族', 3], ['土家族', 2], ['苗族', 2], ['彝族', 1],
];

/** District codes of one prefecture-level city (GB/T 2260), used as the id number prefix. */
export const CITY_REGION_CODES = ['370102', '370103', '370104', '370105', '370112', '370113', '370114'] as const;

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];

export function personName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES);
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.28) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return surname + given;
}

export function ethnicity(rng: Rng): string {
  return rng.weighted(ETHNICITIES);
}

export function phoneNumber(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/**
 * A valid 18-digit 公民身份号码 (GB 11643-1999): region, birth date, a 3-digit
 * sequence whose parity is the gender (odd = male), check digit. `taken` keeps
 * the numbers unique across the whole generated commission.
 */
export function idNumber(rng: Rng, birthDate: string, gender: Gender, taken: Set<string>): string {
  const birth = birthDate.replaceAll('-', '');
  for (let attempt = 0; attempt < 2000; attempt++) {
    const region = rng.pick(CITY_REGION_CODES);
    let seq = rng.int(0, 998);
    if ((seq % 2 === 1) !== (gender === 'male')) seq += 1;
    const first17 = region + birth + String(seq).padStart(3, '0');
    const id = first17 + idCheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new Error(`no free id number for birth date ${birthDate}`);
}
