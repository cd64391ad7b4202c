import {
  CANCELLED_BY_MERGER_SHARE,
  RELOCATION_MOVE_YEAR_WEIGHTS,
  RELOCATION_TO_TOWNSHIP_SEAT_SHARE,
  VILLAGE_CANCELLATION_YEARS,
  VILLAGE_REGISTRATIONS_CANCELLED,
} from './calibration.ts';
import { addDays, randomDateBetween } from './dates.ts';
import { byCode } from './ordering.ts';
import type { Random } from './random.ts';
import type { DemoCancelledVillage, DemoRelocatedVillage } from './types.ts';
import type { VillagePlan } from './villages.ts';

export type RelocationPlan = {
  /** By the code of the relocated village. */
  relocated: Map<string, DemoRelocatedVillage>;
  cancelled: DemoCancelledVillage[];
};

/**
 * Whole-village relocation: the remote mountain hamlets (`VillagePlan.relocatesWhole`) move, each to one destination
 * (its township's seat, or the county seat), on one day in 2016–2019 — no later than the year its county
 * exits. Some of them are then cancelled, merged into their destination or abolished, after the move.
 */
export function planRelocation(random: Random, plans: readonly VillagePlan[]): RelocationPlan {
  const moving = plans.filter((plan) => plan.relocatesWhole);
  const movingCodes = new Set(moving.map((plan) => plan.village.code));
  const seats = seatVillages(plans, movingCodes);

  const relocated = new Map<string, DemoRelocatedVillage>();
  for (const plan of moving) {
    const { townshipCode, countyCode, code } = plan.village;
    const townshipSeat = seats.township.get(townshipCode);
    const countySeat = seats.county.get(countyCode);
    const destination = townshipSeat && random.chance(RELOCATION_TO_TOWNSHIP_SEAT_SHARE) ? townshipSeat : countySeat;
    if (!destination) throw new RangeError(`No village in ${countyCode} stays to receive ${code}`);
    const exitYear = plan.county.exitYear ?? Number.POSITIVE_INFINITY;
    const year = random.weighted(RELOCATION_MOVE_YEAR_WEIGHTS.filter(([candidate]) => candidate <= exitYear));
    // Moves happen in the building season, before the year-end exit appraisals.
    const movedOn = randomDateBetween(random, `${year}-03-01`, `${year}-10-14`);
    relocated.set(code, { code, destinationVillageCode: destination, movedOn });
  }

  const cancelled = random
    .shuffle([...relocated.values()])
    .slice(0, VILLAGE_REGISTRATIONS_CANCELLED)
    .sort(byCode)
    .map((village): DemoCancelledVillage => {
      const merged = random.chance(CANCELLED_BY_MERGER_SHARE);
      const first = `${VILLAGE_CANCELLATION_YEARS.first}-01-01`;
      const last = `${VILLAGE_CANCELLATION_YEARS.last}-12-31`;
      const earliest = maxDate(first, addDays(village.movedOn, 90));
      return {
        code: village.code,
        mergedInto: merged ? village.destinationVillageCode : null,
        on: randomDateBetween(random, earliest, maxDate(earliest, minDate(last, addDays(village.movedOn, 720)))),
        kind: merged ? 'merged' : 'abolished',
      };
    });
  return { relocated, cancelled };
}

/**
 * Seats stand in for the resettlement sites: the lowest-numbered villagers' committee that stays, in the
 * township (GB/T 2260 usually numbers the seat first), and in the county's lowest-numbered township, which
 * in all eleven mountain counties is the county seat's town.
 */
function seatVillages(plans: readonly VillagePlan[], moving: ReadonlySet<string>) {
  const township = new Map<string, string>();
  const countySeatTownship = new Map<string, string>();
  const staying = plans.filter((plan) => plan.rural && !moving.has(plan.village.code));
  for (const { village } of [...staying].sort((a, b) => byCode(a.village, b.village))) {
    if (!township.has(village.townshipCode)) township.set(village.townshipCode, village.code);
    if (!countySeatTownship.has(village.countyCode)) countySeatTownship.set(village.countyCode, village.townshipCode);
  }
  const county = new Map<string, string>();
  for (const [countyCode, townshipCode] of countySeatTownship) {
    const seat = township.get(townshipCode);
    if (seat) county.set(countyCode, seat);
  }
  return { township, county };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
