// The usage text of `npm run check` (interfaces.md §2), in a module of its own: `check --help` prints it
// without loading the command line's parser and its schemas (cli/check.ts).
export const USAGE = `Gebruik (usage):
  npm run --silent check -- <werkmap.xlsx|.xlsm> [meer.xlsx ...] [opties]

Opties:
  --date JJJJ-MM-DD      peildatum (standaard vandaag)
  --year JJJJ-JJJJ       schooljaar van de planning (standaard het schooljaar van --date)
  --board NAAM           bestuur voor werkbladen zonder kolom Bestuur
  --sheet NAAM           alleen dit werkblad (herhaalbaar)
  --map "Kop=veld"       kolomtoewijzing overschrijven (herhaalbaar); "Kop=" negeert de kolom
  --out BESTAND.xlsx     uitvoerwerkmap (alleen bij één invoer)
  --json                 alleen het rapport als JSON op stdout
  --api URL              beoordelen via de HTTP-API (sleutel uit BOSSPO_API_KEY)
  --submit               met --api en --board: de scholingsbehoefte opslaan voor dat bestuur en schooljaar

Uitvoer: <naam>.gecontroleerd.xlsx naast de invoer (een .xlsm blijft .xlsm, met zijn macro's); de invoer
wordt nooit gewijzigd.
Exitcodes: 0 gecontroleerd, 1 invoer onleesbaar, 2 verkeerd gebruik.`;
