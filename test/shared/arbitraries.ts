// fast-check arbitraries for canonical people (PersonSchema), sheets' fields and register records.
import fc from 'fast-check';
import { PersonSchema, RULE_FIELDS, type Person, type RuleField } from '../../shared/model/person';
import type { RegisterRecord } from '../../shared/model/register';
import { CERTIFICATE_TRAININGS, PERSON_TRAINING_CODES, ROLE_CODES, TRAINING_CODES } from '../../shared/plan/schema';

const DAY = 86_400_000;
const FROM = Date.UTC(2015, 0, 1);

/** ISO dates from 2015 up to `until` (29 February included when the range has one). */
export function isoDate(until = '2030-12-31'): fc.Arbitrary<string> {
  const days = Math.floor((Date.parse(until) - FROM) / DAY);
  return fc
    .oneof(fc.integer({ min: 0, max: days }), fc.constantFrom(Math.floor((Date.UTC(2024, 1, 29) - FROM) / DAY)))
    .filter((d) => d <= days)
    .map((d) => new Date(FROM + d * DAY).toISOString().slice(0, 10));
}

const invalid = fc.record({ invalid: fc.string({ maxLength: 12 }) });
const number = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 400 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  invalid,
);

export function personArb(options: { until?: string } = {}): fc.Arbitrary<Person> {
  const date = isoDate(options.until);
  const completion = fc.oneof(fc.constant(null), date, fc.constant('done' as const), invalid);
  // A training cell may also be an exemption (rules.md §4.13), with or without a date (any date: one after
  // R is no date); lastRefresher has none.
  const training = fc.oneof(completion, fc.record({ exempt: fc.record({ date: fc.option(date, { nil: null }) }) }));
  const dateValue = fc.oneof(fc.constant(null), date, invalid);
  return fc
    .record(
      {
        personId: fc.oneof(fc.constant(null), fc.constantFrom('1', '2', ' 2 ', '3', '', '10234')),
        board: fc.oneof(fc.constant(null), fc.constantFrom('BOOR', 'boor ', 'Pabo HR', 'Wijzer')),
        school: fc.oneof(fc.constant(null), fc.constantFrom('A', ' a', 'B', 'De Kameleon', '')),
        roles: fc.array(fc.constantFrom(...ROLE_CODES), { maxLength: 4 }),
        unknownRoles: fc.array(fc.constantFrom('kartrekker', 'Kartrekker', 'geen', 'nvt', 'ICT-coördinator', ' '), { maxLength: 3 }),
        trainings: fc.dictionary(fc.constantFrom(...PERSON_TRAINING_CODES), training, { maxKeys: 6 }),
        certificates: fc.dictionary(fc.constantFrom(...CERTIFICATE_TRAININGS), fc.option(fc.boolean(), { nil: null }), { maxKeys: 2 }),
        lastRefresher: completion,
        roleStart: dateValue,
        velonRegistration: dateValue,
        students: number,
        graduates: number,
        secondAssessments: number,
        hoursGranted: number,
        meetings: number,
        pairedWith: fc.option(fc.boolean(), { nil: null }),
        coach: fc.option(fc.boolean(), { nil: null }),
      },
      { requiredKeys: ['roles'] },
    )
    .map((p) => PersonSchema.parse({ ref: '0', ...p }));
}

/** A sheet: its fields and people with distinct refs. */
export function sheetArb(options: { until?: string; maxPeople?: number } = {}) {
  return fc
    .record({
      fields: fc.subarray([...RULE_FIELDS]) as fc.Arbitrary<RuleField[]>,
      people: fc.array(personArb(options), { maxLength: options.maxPeople ?? 25 }),
    })
    .map(({ fields, people }) => ({ fields, people: people.map((p, i) => ({ ...p, ref: String(i + 2) })) }));
}

export function registerArb(options: { until?: string } = {}): fc.Arbitrary<RegisterRecord[]> {
  return fc.array(
    fc.record(
      {
        board: fc.constantFrom('BOOR', 'Wijzer'),
        personId: fc.constantFrom('1', '2', '3', '10234'),
        training: fc.constantFrom(...TRAINING_CODES),
        date: isoDate(options.until),
        certificate: fc.boolean(),
      },
      { requiredKeys: ['board', 'personId', 'training', 'date'] },
    ),
    { maxLength: 6 },
  );
}
