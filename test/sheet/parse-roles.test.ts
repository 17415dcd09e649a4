import { describe, expect, it } from 'vitest';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { isPaboBoard } from '../../shared/sheet/board';
import { mergeRoles, parseRolesText } from '../../shared/sheet/roles';

const roles = (text: string, pabo = false) => {
  const parsed = parseRolesText(text);
  return { roles: mergeRoles(parsed.roles, pabo), unknown: parsed.unknown };
};

describe('roles text (rules.md §6.3)', () => {
  it('merges a row\'s tokens: OB by board, each code once, alphabetical', () => {
    expect(mergeRoles(['WPB', 'OB', 'SO', 'WPB'], true)).toEqual(['OBI', 'SO', 'WPB']);
    expect(mergeRoles(['WPB', 'OB', 'SO', 'WPB'], false)).toEqual(['OBP', 'SO', 'WPB']);
    expect(mergeRoles(['OB'], true)).toEqual(['OBI']);
    expect(mergeRoles([], false)).toEqual([]);
  });

  it('splits on , ; / + & and line breaks', () => {
    expect(roles('WPB, SO; IO / Trainer + Coach & Intervisor\nStarter').roles).toEqual(
      ['COACH', 'INTERVISOR', 'IO', 'SO', 'STARTER', 'TRAINER', 'WPB'].sort(),
    );
  });

  it('splits on the word en', () => {
    expect(roles('werkplekbegeleider en schoolopleider').roles).toEqual(['SO', 'WPB']);
  });

  it('reads school- en instituutsopleiders as SO and IO', () => {
    expect(roles('school- en instituutsopleiders')).toEqual({ roles: ['IO', 'SO'], unknown: [] });
    expect(roles('School- en instituutsopleider, WPB')).toEqual({ roles: ['IO', 'SO', 'WPB'], unknown: [] });
  });

  it('matches plurals after removing a final s or en', () => {
    expect(roles('Werkplekbegeleiders').roles).toEqual(['WPB']);
    expect(roles('mentoren').roles).toEqual(['WPB']);
    expect(roles('startende leerkrachten').roles).toEqual(['STARTER']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(roles('ONDERZOEKSBEGELEIDER (praktijk)').roles).toEqual(['OBP']);
    expect(roles('Onderzoeksbegeleider – instituut').roles).toEqual(['OBI']);
  });

  it('knows every role synonym of §6.3', () => {
    const table: [string, string][] = [
      ['werkplekbegeleider', 'WPB'], ['wpb', 'WPB'], ['mentor', 'WPB'], ['praktijkbegeleider', 'WPB'],
      ['schoolopleider', 'SO'], ['so', 'SO'], ['instituutsopleider', 'IO'], ['io', 'IO'],
      ['onderzoeksbegeleider praktijk', 'OBP'], ['onderzoeksbegeleider school', 'OBP'],
      ['onderzoeksbegeleider instituut', 'OBI'], ['onderzoeksbegeleider pabo', 'OBI'],
      ['coach', 'COACH'], ['coach starters', 'COACH'], ['coach startende leerkrachten', 'COACH'],
      ['intervisor', 'INTERVISOR'], ['trainer', 'TRAINER'],
      ['startende leerkracht', 'STARTER'], ['starter', 'STARTER'], ['beginnende leerkracht', 'STARTER'],
      ['schoolleider', 'SCHOOLLEIDER'], ['directeur', 'SCHOOLLEIDER'], ['locatieleider', 'SCHOOLLEIDER'],
      ['programmaleider', 'PROGRAMMALEIDER'], ['programmamanager', 'PROGRAMMALEIDER'],
      ['programmaleiding', 'PROGRAMMALEIDING'], ['lid programmaleiding', 'PROGRAMMALEIDING'],
      ['opleidersgroep', 'OPLEIDERSGROEP'], ['stuurgroep', 'STUURGROEP'],
      ['bestuurder', 'BESTUURDER'], ['manager', 'BESTUURDER'],
    ];
    for (const [text, code] of table) expect(roles(text), text).toEqual({ roles: [code], unknown: [] });
  });

  it('reads OB and onderzoeksbegeleider as OBP, and as OBI at the pabo', () => {
    expect(roles('OB').roles).toEqual(['OBP']);
    expect(roles('onderzoeksbegeleider').roles).toEqual(['OBP']);
    expect(roles('OB', true).roles).toEqual(['OBI']);
    expect(roles('WPB; OB', true).roles).toEqual(['OBI', 'WPB']);
  });

  it('reads geen, -, n.v.t. and nvt as no role, raising nothing', () => {
    for (const none of ['geen', 'Geen', '-', 'n.v.t.', 'nvt', '  '])
      expect(roles(none), none).toEqual({ roles: [], unknown: [] });
  });

  it('keeps an unrecognised token as typed: WPB + vertrouwenspersoon', () => {
    expect(roles('WPB + vertrouwenspersoon')).toEqual({ roles: ['WPB'], unknown: ['vertrouwenspersoon'] });
  });

  it('keeps ICT-coördinator as typed, with no role', () => {
    expect(roles('ICT-coördinator')).toEqual({ roles: [], unknown: ['ICT-coördinator'] });
  });

  it('reads punctuation alone as nothing, but other text without letters as an unknown token', () => {
    expect(roles('--')).toEqual({ roles: [], unknown: [] });
    expect(roles('WPB, —')).toEqual({ roles: ['WPB'], unknown: [] });
    expect(roles('?')).toEqual({ roles: [], unknown: ['?'] });
    expect(roles('WPB; 🎓')).toEqual({ roles: ['WPB'], unknown: ['🎓'] });
  });

  it('lists a repeated role or unknown token once', () => {
    expect(roles('WPB, mentor, wpb; x, x')).toEqual({ roles: ['WPB'], unknown: ['x'] });
  });
});

describe('the pabo board (rules.md §2, §6.3)', () => {
  it('is a board whose name contains pabo or hogeschool rotterdam, or equals HR, any case', () => {
    for (const board of ['HR', 'hr', 'Hogeschool Rotterdam', 'Pabo', 'Pabo HR', 'PABO Hogeschool Rotterdam'])
      expect(isPaboBoard(bossPoPlan, board), board).toBe(true);
    for (const board of ['BOOR', 'Wijzer', 'HRM afdeling', 'Stichting PCBO', '', null])
      expect(isPaboBoard(bossPoPlan, board), String(board)).toBe(false);
  });
});
