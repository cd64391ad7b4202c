import type { Random } from './random.ts';

/**
 * Chinese names for demo people. Surname weights are plausible for northern Shanxi (王, 李, 张 and 刘 lead
 * everywhere; 郭, 武, 贾, 郝, 闫 are more common there than nationally). Given names are one or two characters
 * drawn from the characters each generation favoured, so a grandmother is 秀英 and a granddaughter 欣怡.
 */
const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['王', 7],
  ['李', 6],
  ['张', 6],
  ['刘', 5],
  ['赵', 3],
  ['杨', 3],
  ['郭', 3],
  ['高', 2.5],
  ['武', 2],
  ['贾', 2],
  ['梁', 2],
  ['冯', 1.5],
  ['韩', 1.5],
  ['任', 1.5],
  ['白', 1.5],
  ['闫', 1.5],
  ['陈', 1.5],
  ['郝', 1.2],
  ['段', 1],
  ['薛', 1],
  ['田', 1],
  ['孙', 1],
  ['史', 1],
  ['马', 1],
  ['周', 0.8],
  ['吴', 0.8],
  ['胡', 0.8],
  ['宋', 0.8],
  ['侯', 0.8],
  ['乔', 0.7],
  ['温', 0.6],
  ['苏', 0.6],
  ['范', 0.6],
  ['牛', 0.6],
  ['康', 0.6],
  ['霍', 0.6],
  ['曹', 0.6],
  ['徐', 0.6],
  ['吕', 0.6],
  ['石', 0.6],
  ['董', 0.6],
  ['秦', 0.5],
  ['姚', 0.5],
  ['孟', 0.5],
  ['崔', 0.5],
  ['许', 0.5],
  ['程', 0.5],
  ['常', 0.5],
  ['邢', 0.5],
  ['樊', 0.4],
  ['申', 0.4],
  ['岳', 0.4],
  ['尹', 0.4],
  ['卫', 0.3],
];

type Generation = { bornBefore: number; male: readonly string[]; female: readonly string[] };

const generation = (bornBefore: number, male: string, female: string): Generation => ({
  bornBefore,
  male: [...new Set(male)],
  female: [...new Set(female)],
});

const GENERATIONS: readonly [Generation, ...Generation[]] = [
  generation(
    1960,
    '建国军华明福贵财宝柱根生旺德成文武忠永兴海山全有喜满金银保长春林',
    '秀英兰梅芳花珍凤莲桂玉琴娥翠香月爱巧彩润荣',
  ),
  generation(1985, '志建海军伟勇强斌刚鹏亮飞龙宏利锋波平峰东明俊文杰', '丽艳娟芳霞敏静燕红玲莉慧琴萍英梅娜晓春'),
  generation(
    Number.POSITIVE_INFINITY,
    '浩宇轩杰鹏磊涛博昊晨子泽睿俊凯航鑫旭阳帅',
    '欣怡婷雪琳佳悦涵瑶梦琪雨静晶璐思妍蕊倩可',
  ),
];

export function randomSurname(random: Random): string {
  return random.weighted(SURNAME_WEIGHTS);
}

export function randomGivenName(random: Random, sex: 'male' | 'female', birthYear: number): string {
  const { male, female } = GENERATIONS.find((candidate) => birthYear < candidate.bornBefore) ?? GENERATIONS[0];
  const characters = sex === 'male' ? male : female;
  const first = random.pick(characters);
  if (random.chance(0.25)) return first;
  let second = random.pick(characters);
  while (second === first) second = random.pick(characters);
  return first + second;
}
