import { sql } from 'kysely';
import type { Executor } from '../../../platform/database.ts';
import type { ServiceContext } from '../../auth/context.ts';
import { registerHousehold } from '../register-household.ts';
import { idCheckCharacter } from '../rules/id-number.ts';
import type { CreateHouseholdInput } from '../schema.ts';

/**
 * Adult children of the generated registry who will be claimed again: one per county, in code order, the
 * first found in the county's first three active villages (a household is identified in a village that
 * exists). Only those villages' households are read, so this stays cheap on a registry of half a million.
 */
async function claimedChildren(db: Executor, cityCode: string) {
  const { rows } = await sql<{ village_code: string; name: string; id_number: string }>`
    with first_villages as materialized (
      select id, code from (
        select id, code, row_number() over (partition by substr(code, 1, 6) order by code) as rank
        from org_unit
        where level = 5 and kind = 'division' and ended_on is null and code like ${`${cityCode}%`}
      ) v where rank <= 3
    )
    select distinct on (substr(v.code, 1, 6)) v.code as village_code, p.name, p.id_number
    from first_villages v
    join registry_household h on h.village_id = v.id
    join registry_membership m on m.household_id = h.id and m.end_on is null and m.relation = 'child'
    join registry_person p on p.id = m.person_id and p.birth_date <= '1998-12-31'
    order by substr(v.code, 1, 6), v.code, h.number, p.id_number`.execute(db);
  return rows;
}

/** A valid identity number of the county, born that day, that nobody in the registry holds yet. */
async function unusedIdNumber(db: Executor, villageCode: string, birthDate: string, sex: 'male' | 'female') {
  for (let sequence = sex === 'male' ? 999 : 998; sequence > 0; sequence -= 2) {
    const first17 = `${villageCode.slice(0, 6)}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const idNumber = first17 + idCheckCharacter(first17);
    const taken = await db
      .selectFrom('registry_person')
      .select('id')
      .where('id_number', '=', idNumber)
      .executeTakeFirst();
    if (!taken) return idNumber;
  }
  throw new RangeError(`No identity number left for ${villageCode} ${birthDate}`);
}

type Member = CreateHouseholdInput['members'][number];

/**
 * A handful of the duplicate identity numbers a real registry meets, so the demo's deduplication queue has
 * cases to decide: a married child registered again in the spouse's new household (three counties), a son
 * registered as the head of his own new household while still a member of his parents' (the new household
 * has no head until the move is decided), and a number typed twice on one form (two households). They go through the
 * product's own registration, dated in the monitoring years, after the calibrated load: a household only
 * identified counts in no figure and no case is decided, so every calibrated figure stays as it was.
 * Deterministic: the claimed people are picked by order from the generated registry, the rest is fixed.
 */
export async function seedDemoDuplicates(ctx: ServiceContext, options: { cityCode: string }) {
  const claimed = await claimedChildren(ctx.db, options.cityCode);
  const person = async (
    village: string,
    name: string,
    birthDate: string,
    sex: 'male' | 'female',
    relation: Member['relation'],
  ) => ({
    name,
    idNumber: await unusedIdNumber(ctx.db, village, birthDate, sex),
    relation,
  });
  const households: CreateHouseholdInput[] = [];
  const marriages: [string, string, string][] = [
    ['王建国', '1990-04-17', '2021-03-15'],
    ['刘志强', '1988-11-02', '2021-06-08'],
    ['赵海军', '1992-07-23', '2022-04-20'],
  ];
  for (const [index, [headName, birthDate, identifiedOn]] of marriages.entries()) {
    const child = claimed[index];
    if (!child) break;
    const village = child.village_code;
    households.push({
      villageCode: village,
      identifiedOn,
      mainCause: 'illness',
      members: [
        await person(village, headName, birthDate, 'male', 'head'),
        { name: child.name, idNumber: child.id_number, relation: 'spouse' },
        await person(village, `${headName.slice(0, 1)}小雨`, '2019-02-11', 'female', 'child'),
      ],
    });
  }
  const son = claimed[3];
  if (son) {
    households.push({
      villageCode: son.village_code,
      identifiedOn: '2022-09-05',
      mainCause: 'lack_of_capital',
      members: [
        { name: son.name, idNumber: son.id_number, relation: 'head' },
        await person(son.village_code, '陈秀兰', '1995-01-30', 'female', 'spouse'),
      ],
    });
  }
  const typos: [string, string, string][] = [
    ['孙立新', '1979-05-06', '2021-10-11'],
    ['周永福', '1983-12-19', '2023-03-02'],
  ];
  for (const [index, [headName, birthDate, identifiedOn]] of typos.entries()) {
    const village = claimed[4 + index]?.village_code;
    if (!village) break;
    const spouse = await person(village, `${headName.slice(0, 1)}桂芳`, '1981-08-08', 'female', 'spouse');
    households.push({
      villageCode: village,
      identifiedOn,
      mainCause: 'disability',
      members: [
        await person(village, headName, birthDate, 'male', 'head'),
        spouse,
        // The clerk typed the mother's number again for the daughter.
        { name: `${headName.slice(0, 1)}佳怡`, idNumber: spouse.idNumber, relation: 'child' },
      ],
    });
  }
  for (const household of households) await registerHousehold(ctx, household);
  return { households: households.length };
}
