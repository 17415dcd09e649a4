// The one route table (interfaces.md §3): index.ts registers it with app.http for Azure, and the
// local host serves the very same table. Access rules follow the spec's "who" column.
import { z } from 'zod';
import { BoardName, PersonIdText, SchoolYearText } from '../../shared/api/common';
import { EvaluateRequestSchema } from '../../shared/api/evaluate';
import { parseAnyEvaluateRequest } from '../../shared/api/compact';
import { NeedsPutSchema } from '../../shared/api/needs';
import { RegisterListQuerySchema, RegisterPutSchema } from '../../shared/api/register';
import { paboOnly, paboOrStuurgroep, thatBoardOrPabo } from './auth/caller';
import { boardsWithRecords, evaluate, tooManyPeople } from './handlers/evaluate';
import { health } from './handlers/health';
import { getBoardNeeds } from './handlers/needs-board-get';
import { getNeeds } from './handlers/needs-get';
import { putNeeds } from './handlers/needs-put';
import { me } from './handlers/me';
import { getPlan } from './handlers/plan';
import { erasePerson } from './handlers/register-erase';
import { listRegister } from './handlers/register-list';
import { putRegister, tooManyRecords } from './handlers/register-put';
import { defineRoute, type RouteDef } from './http/types';

const YearParams = z.object({ schoolYear: SchoolYearText });
const YearBoardParams = z.object({ schoolYear: SchoolYearText, board: BoardName });
const BoardParams = z.object({ board: BoardName });
const PersonParams = z.object({ board: BoardName, personId: PersonIdText });

export const routes: readonly RouteDef[] = [
  defineRoute({ name: 'health', method: 'GET', route: 'health', access: 'anyone', handler: health }),
  defineRoute({ name: 'plan', method: 'GET', route: 'plan', access: 'caller', handler: getPlan }),
  defineRoute({ name: 'me', method: 'GET', route: 'me', access: 'caller', handler: me }),
  defineRoute({
    name: 'evaluate',
    method: 'POST',
    route: 'evaluate',
    access: 'caller',
    body: { schema: EvaluateRequestSchema, tooLarge: tooManyPeople, parse: parseAnyEvaluateRequest },
    early: boardsWithRecords,
    handler: evaluate,
  }),
  defineRoute({
    name: 'needsPut',
    method: 'PUT',
    route: 'needs/{schoolYear}/{board}',
    access: thatBoardOrPabo,
    params: YearBoardParams,
    body: { schema: NeedsPutSchema },
    handler: putNeeds,
  }),
  defineRoute({
    name: 'needsBoardGet',
    method: 'GET',
    route: 'needs/{schoolYear}/{board}',
    access: thatBoardOrPabo,
    params: YearBoardParams,
    handler: getBoardNeeds,
  }),
  defineRoute({
    name: 'needsGet',
    method: 'GET',
    route: 'needs/{schoolYear}',
    access: paboOrStuurgroep,
    params: YearParams,
    handler: getNeeds,
  }),
  defineRoute({
    name: 'registerPut',
    method: 'PUT',
    route: 'register/{board}/records',
    access: paboOnly,
    params: BoardParams,
    body: { schema: RegisterPutSchema, tooLarge: tooManyRecords },
    handler: putRegister,
  }),
  defineRoute({
    name: 'registerList',
    method: 'GET',
    route: 'register/{board}/records',
    access: thatBoardOrPabo,
    params: BoardParams,
    query: RegisterListQuerySchema,
    handler: listRegister,
  }),
  defineRoute({
    name: 'registerErase',
    method: 'DELETE',
    route: 'register/{board}/people/{personId}',
    access: paboOnly,
    params: PersonParams,
    handler: erasePerson,
  }),
];
