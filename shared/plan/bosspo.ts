// The professionaliseringsplan of Opleidingsschool Boss po as data. § numbers are the plan's sections
// (rules.md cites the same); `assumption: true` marks a default this product picked where the plan
// leaves a number open. The summary sheet lists every assumption.
import { loadPlan, type Param, type Plan } from './schema';

const plan = (value: number, planRef: string, label: string): Param => ({
  value,
  planRef,
  assumption: false,
  label,
});
const assumed = (value: number, label: string, planRef: string | null = null): Param => ({
  value,
  planRef,
  assumption: true,
  label,
});

const planCount = (value: number, who: string) => plan(value, '§5', `aantal ${who} volgens het plan`);

export const bossPoPlan: Plan = loadPlan({
  id: 'bosspo',
  version: '2026.1',
  name: 'Professionaliseringsplan Opleidingsschool Boss po',
  calendar: {
    weeksPerYear: assumed(40, 'schoolweken per schooljaar'),
    hoursPerDay: assumed(8, 'uren per dag ("1 dag per week")', '§5'),
  },
  roles: [
    { code: 'WPB', name: 'werkplekbegeleider', planCount: planCount(360, 'werkplekbegeleiders') },
    { code: 'SO', name: 'schoolopleider', planCount: planCount(25, 'schoolopleiders') },
    { code: 'IO', name: 'instituutsopleider', planCount: planCount(13, 'instituutsopleiders') },
    { code: 'OBP', name: 'onderzoeksbegeleider (praktijk)', planCount: planCount(16, 'onderzoeksbegeleiders praktijk') },
    { code: 'OBI', name: 'onderzoeksbegeleider (instituut)', planCount: planCount(15, 'onderzoeksbegeleiders instituut') },
    { code: 'COACH', name: 'coach startende leerkrachten', planCount: null },
    { code: 'INTERVISOR', name: 'intervisor', planCount: null },
    { code: 'TRAINER', name: 'trainer van de scholingen', planCount: planCount(5, 'trainers') },
    { code: 'STARTER', name: 'startende leerkracht', planCount: null },
    { code: 'SCHOOLLEIDER', name: 'schoolleider', planCount: null },
    { code: 'PROGRAMMALEIDER', name: 'programmaleider', planCount: planCount(1, 'programmaleiders') },
    { code: 'PROGRAMMALEIDING', name: 'lid programmaleiding', planCount: planCount(6, 'leden programmaleiding') },
    { code: 'OPLEIDERSGROEP', name: 'lid opleidersgroep', planCount: planCount(6, 'leden opleidersgroep') },
    { code: 'STUURGROEP', name: 'lid stuurgroep', planCount: null },
    { code: 'BESTUURDER', name: 'bestuurder / manager', planCount: null },
  ],
  trainings: [
    {
      code: 'WPB',
      name: 'Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders)',
      kind: 'core',
      format: '6 bijeenkomsten van 3 uur',
      certificate: true,
      pool: 'trainers',
      groups: {
        groupSize: assumed(16, 'groepsgrootte scholing werkplekbegeleiders'),
        sessions: plan(6, '§4', 'bijeenkomsten scholing werkplekbegeleiders'),
        hoursPerSession: plan(3, '§4', 'uren per bijeenkomst scholing werkplekbegeleiders'),
        trainersPerSession: assumed(1, 'trainers per bijeenkomst scholing werkplekbegeleiders'),
      },
      rounds: {
        perYear: plan(2, '§4', 'rondes per schooljaar scholing werkplekbegeleiders op de pabo ("jaarlijks twee maal")'),
        names: ['najaar', 'voorjaar'],
      },
      planRef: '§4',
    },
    {
      code: 'SOIO',
      name: 'Scholing school- en instituutsopleiders',
      kind: 'core',
      format: '6 bijeenkomsten van 3 uur, post-hbo, portfolio',
      certificate: true,
      pool: 'trainers',
      groups: {
        groupSize: assumed(16, 'groepsgrootte scholing school- en instituutsopleiders'),
        sessions: plan(6, '§4', 'bijeenkomsten scholing school- en instituutsopleiders'),
        hoursPerSession: plan(3, '§4', 'uren per bijeenkomst scholing school- en instituutsopleiders'),
        trainersPerSession: assumed(1, 'trainers per bijeenkomst scholing school- en instituutsopleiders'),
      },
      planRef: '§4',
    },
    {
      code: 'OB',
      name: 'Scholing onderzoeksbegeleiders',
      kind: 'core',
      format: '2 bijeenkomsten van 2,5 uur',
      certificate: false,
      pool: 'docent-onderzoekers',
      groups: {
        groupSize: assumed(12, 'groepsgrootte scholing onderzoeksbegeleiders'),
        sessions: plan(2, '§4', 'bijeenkomsten scholing onderzoeksbegeleiders'),
        hoursPerSession: plan(2.5, '§4', 'uren per bijeenkomst scholing onderzoeksbegeleiders'),
        trainersPerSession: assumed(1, 'docent-onderzoekers per bijeenkomst scholing onderzoeksbegeleiders'),
      },
      planRef: '§4',
    },
    {
      code: 'TRAINER',
      name: 'Inwerken trainer (meelopen met een ervaren trainer)',
      kind: 'optional',
      format: 'meelopen',
      certificate: false,
      pool: null,
      groups: null,
      planRef: '§4',
    },
    {
      code: 'INTERVISOR',
      name: 'Training intervisor (meelopen)',
      kind: 'optional',
      format: 'meelopen',
      certificate: false,
      pool: null,
      groups: null,
      planRef: '§4',
    },
    {
      code: 'INWERK',
      name: 'Inwerkprogramma startende leerkrachten',
      kind: 'optional',
      format: 'per bestuur',
      certificate: false,
      pool: null,
      groups: null,
      planRef: '§4',
    },
    {
      code: 'REFRESH',
      name: 'Opfrisbijeenkomst (driejaarlijkse update)',
      kind: 'refresher',
      format: '1 bijeenkomst van 3 uur',
      certificate: false,
      pool: 'trainers',
      groups: {
        groupSize: assumed(20, 'groepsgrootte opfrisbijeenkomst'),
        sessions: assumed(1, 'bijeenkomsten opfrisbijeenkomst'),
        hoursPerSession: assumed(3, 'uren per opfrisbijeenkomst'),
        trainersPerSession: assumed(1, 'trainers per opfrisbijeenkomst'),
      },
      planRef: '§4',
    },
  ],
  requirements: [
    { role: 'WPB', training: 'WPB', level: 'required', planRef: '§4' },
    { role: 'SO', training: 'SOIO', level: 'required', planRef: '§4' },
    { role: 'IO', training: 'SOIO', level: 'required', planRef: '§4' },
    { role: 'OBP', training: 'OB', level: 'required', planRef: '§4' },
    { role: 'TRAINER', training: 'TRAINER', level: 'advised', planRef: '§4' },
    { role: 'INTERVISOR', training: 'INTERVISOR', level: 'advised', planRef: '§4' },
    { role: 'STARTER', training: 'INWERK', level: 'required', planRef: '§4' },
  ],
  refresher: {
    roles: ['WPB', 'SO', 'IO', 'OBP', 'OBI'],
    basis: [
      { training: 'WPB', roles: ['WPB'] },
      { training: 'SOIO', roles: ['SO', 'IO'] },
      { training: 'OB', roles: ['OBP', 'OBI'] },
    ],
    cycleYears: plan(3, '§4', 'jaren tussen twee opfrisbijeenkomsten (driejaarlijks)'),
    planRef: '§4',
  },
  norms: [
    {
      role: 'WPB',
      parts: [{ kind: 'perCount', count: 'students', hoursEach: plan(20, '§5', 'uren per student per stageperiode') }],
      planRef: '§5',
    },
    { role: 'SO', parts: [{ kind: 'perWeek', hoursPerWeek: plan(4, '§5', 'uren per week schoolopleider') }], planRef: '§5' },
    { role: 'IO', parts: [{ kind: 'perWeek', hoursPerWeek: plan(4, '§5', 'uren per week instituutsopleider') }], planRef: '§5' },
    {
      role: 'OBP',
      parts: [
        {
          kind: 'perCount',
          count: 'graduates',
          hoursEach: plan(3, '§5', 'uren per afstudeerder onderzoeksbegeleider praktijk ("nader te bepalen")'),
        },
      ],
      planRef: '§5',
    },
    {
      role: 'OBI',
      parts: [
        { kind: 'perCount', count: 'graduates', hoursEach: plan(6, '§5', 'uren per afstudeerder onderzoeksbegeleider instituut') },
        { kind: 'perCount', count: 'secondAssessments', hoursEach: plan(2, '§5', 'uren per tweede beoordeling') },
      ],
      planRef: '§5',
    },
    {
      role: 'PROGRAMMALEIDER',
      parts: [{ kind: 'daysPerWeek', days: plan(1, '§5', 'dagen per week programmaleider') }],
      planRef: '§5',
    },
  ],
  pools: [
    { code: 'trainers', name: 'trainers', people: plan(5, '§5', 'aantal trainers van de pabo') },
    { code: 'docent-onderzoekers', name: 'docent-onderzoekers', people: null },
  ],
  pairing: { roles: ['SO', 'IO'], newWithinYears: assumed(1, '"nieuw" in de rol: korter dan dit aantal jaren', '§3'), planRef: '§3' },
  meetings: { roles: ['SO', 'IO'], minimumPerYear: plan(3, '§3', 'minimum aantal bijeenkomsten SO-IO per jaar'), planRef: '§3' },
  velon: { roles: ['SO', 'IO'], termYears: assumed(4, 'geldigheid VELON-registratie in jaren (na te gaan bij VELON)'), planRef: '§4' },
  starters: { roles: ['STARTER'], planRef: '§4' },
  exemptions: { planRef: '§2' },
  dueSoon: { lookaheadDays: assumed(90, 'dagen vooruit voor "binnenkort" (opfrisbijeenkomst of VELON-registratie)') },
  schools: { planRef: '§4' },
  paboBoards: { contains: ['pabo', 'hogeschool rotterdam'], equals: ['hr'] },
});
