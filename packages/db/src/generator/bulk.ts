/**
 * Writing generated rows in bulk: multi-row INSERTs through raw SQL inside the caller's
 * transaction, never the Prisma client row by row.
 */
import type { Prisma } from '../generated/prisma/client.js';
import type { GeneratedTable, GeneratedTables } from './rows.js';

/** How each generated table is written: its SQL name and the SQL type of every column of its rows. */
type Columns<Row> = { readonly [C in keyof Row]-?: string };
export type TableSpecs = {
  readonly [T in GeneratedTable]: { readonly table: string; readonly columns: Columns<GeneratedTables[T][number]> };
};

// Columns shared by the records filed in a commune (with the places it stood for on their date).
const IN_COMMUNE = { communeId: 'uuid', communeCode: 'text', placeCodes: 'text[]' } as const;
// Columns shared by the recognition records.
const DECISION = { decisionNumber: 'text', decisionDate: 'date', decisionIssuer: 'text' } as const;
const FILED = { unitId: 'uuid', unitCode: 'text', placeCodes: 'text[]', datasetId: 'uuid' } as const;
const COLLECTIVE = {
  collectiveKind: '"CollectiveKind"',
  organizationId: 'uuid',
  residentialAreaId: 'uuid',
  securityTeamId: 'uuid',
  personName: 'text',
  personRole: 'text',
} as const;

/** Every generated table, in the order they are written (parents before children). */
export const TABLES: TableSpecs = {
  residentialAreas: {
    table: 'ResidentialArea',
    columns: {
      id: 'uuid',
      name: 'text',
      kind: '"ResidentialAreaKind"',
      households: 'int',
      residents: 'int',
      validFrom: 'date',
      validTo: 'date',
      searchText: 'text',
      datasetId: 'uuid',
    },
  },
  residentialAreaPlacements: {
    table: 'ResidentialAreaPlacement',
    columns: {
      id: 'uuid',
      residentialAreaId: 'uuid',
      ...IN_COMMUNE,
      validFrom: 'date',
      validTo: 'date',
    },
  },
  organizations: {
    table: 'Organization',
    columns: {
      id: 'uuid',
      name: 'text',
      kind: '"OrganizationKind"',
      armedForces: 'boolean',
      enterpriseSize: '"EnterpriseSize"',
      schoolLevel: '"SchoolLevel"',
      validFrom: 'date',
      validTo: 'date',
      searchText: 'text',
      datasetId: 'uuid',
    },
  },
  organizationPlacements: {
    table: 'OrganizationPlacement',
    columns: {
      id: 'uuid',
      organizationId: 'uuid',
      ...IN_COMMUNE,
      validFrom: 'date',
      validTo: 'date',
    },
  },
  modelCatalogues: {
    table: 'ModelCatalogue',
    columns: { id: 'uuid', code: 'text', name: 'text', scope: '"CatalogueScope"', provinceCode: 'text', datasetId: 'uuid' },
  },
  modelTypes: {
    table: 'ModelType',
    columns: {
      id: 'uuid',
      catalogueId: 'uuid',
      code: 'text',
      name: 'text',
      category: '"ModelCategory"',
      hostKinds: '"HostKind"[]',
      searchText: 'text',
    },
  },
  models: {
    table: 'Model',
    columns: {
      id: 'uuid',
      name: 'text',
      modelTypeId: 'uuid',
      hostKind: '"HostKind"',
      residentialAreaId: 'uuid',
      communeId: 'uuid',
      organizationId: 'uuid',
      foundedOn: 'date',
      builtBy: '"ModelBuilder"',
      memberCount: 'int',
      datasetId: 'uuid',
    },
  },
  lifecycleEvents: {
    table: 'LifecycleEvent',
    columns: {
      id: 'uuid',
      modelId: 'uuid',
      kind: '"LifecycleEventKind"',
      date: 'date',
      seq: 'int',
      decisionNumber: 'text',
      decisionDate: 'date',
      decisionIssuer: 'text',
      note: 'text',
      recordedAt: 'timestamp(3)',
    },
  },
  modelMembers: {
    table: 'ModelMember',
    columns: {
      id: 'uuid',
      modelId: 'uuid',
      fullName: 'text',
      position: 'text',
      birthDate: 'date',
      citizenId: 'text',
      phone: 'text',
      address: 'text',
      joinedOn: 'date',
      leftOn: 'date',
    },
  },
  replicationPoints: {
    table: 'ReplicationPoint',
    columns: { id: 'uuid', sourceModelId: 'uuid', replicaModelId: 'uuid', replicatedOn: 'date' },
  },
  modelEvaluations: {
    table: 'ModelEvaluation',
    columns: {
      id: 'uuid',
      modelId: 'uuid',
      periodFrom: 'date',
      periodTo: 'date',
      evaluatedOn: 'date',
      outcome: '"ModelEffectiveness"',
      note: 'text',
    },
  },
  securityTeams: {
    table: 'SecurityTeam',
    columns: {
      id: 'uuid',
      name: 'text',
      ...IN_COMMUNE,
      establishedOn: 'date',
      dissolvedOn: 'date',
      datasetId: 'uuid',
    },
  },
  securityTeamAreas: { table: 'SecurityTeamArea', columns: { teamId: 'uuid', residentialAreaId: 'uuid' } },
  teamMembers: {
    table: 'TeamMember',
    columns: {
      id: 'uuid',
      teamId: 'uuid',
      fullName: 'text',
      birthDate: 'date',
      citizenId: 'text',
      phone: 'text',
      address: 'text',
      role: '"TeamRole"',
      joinedOn: 'date',
      leftOn: 'date',
      education: '"EducationLevel"',
      residentSince: 'date',
      cleanRecord: 'boolean',
      hasHealthCertificate: 'boolean',
      over70ApprovedByCommuneChairman: 'boolean',
    },
  },
  teamEvaluations: {
    table: 'TeamEvaluation',
    columns: { id: 'uuid', teamId: 'uuid', year: 'int', tasksAssigned: 'int', tasksCompleted: 'int', level: '"TeamEvaluationLevel"' },
  },
  teamMemberEvaluations: {
    table: 'TeamMemberEvaluation',
    columns: { id: 'uuid', memberId: 'uuid', year: 'int', tasksAssigned: 'int', tasksCompleted: 'int', level: '"TeamEvaluationLevel"' },
  },
  tips: {
    table: 'Tip',
    columns: {
      id: 'uuid',
      number: 'text',
      secretHash: 'text',
      category: 'text',
      communeId: 'uuid',
      placeCodes: 'text[]',
      occurredOn: 'date',
      bodyCiphertext: 'text',
      contactCiphertext: 'text',
      status: '"TipStatus"',
      receivedAt: 'timestamp(3)',
      datasetId: 'uuid',
    },
  },
  tipEvents: {
    table: 'TipEvent',
    columns: { id: 'uuid', tipId: 'uuid', status: '"TipStatus"', date: 'date', actor: 'text', note: 'text', createdAt: 'timestamp(3)' },
  },
  tipMessages: {
    table: 'TipMessage',
    columns: { id: 'uuid', tipId: 'uuid', author: '"TipAuthor"', officer: 'text', bodyCiphertext: 'text', createdAt: 'timestamp(3)' },
  },
  inspections: {
    table: 'Inspection',
    columns: {
      id: 'uuid',
      kind: '"InspectionKind"',
      subjectKind: '"InspectionSubjectKind"',
      unitId: 'uuid',
      unitCode: 'text',
      placeCodes: 'text[]',
      residentialAreaId: 'uuid',
      modelId: 'uuid',
      teamId: 'uuid',
      status: '"InspectionStatus"',
      plannedOn: 'date',
      team: 'text[]',
      purpose: 'text',
      inspectedOn: 'date',
      findings: 'text',
      rating: '"InspectionRating"',
      cancelledOn: 'date',
      cancelReason: 'text',
      datasetId: 'uuid',
    },
  },
  inspectionFollowUps: {
    table: 'InspectionFollowUp',
    columns: {
      id: 'uuid',
      inspectionId: 'uuid',
      seq: 'int',
      action: 'text',
      owner: 'text',
      dueOn: 'date',
      status: '"FollowUpStatus"',
      closedOn: 'date',
      note: 'text',
      placeCodes: 'text[]',
      setOn: 'date',
    },
  },
  outreachActivities: {
    table: 'OutreachActivity',
    columns: {
      id: 'uuid',
      ...IN_COMMUNE,
      residentialAreaId: 'uuid',
      heldOn: 'date',
      form: '"OutreachForm"',
      audiences: '"OutreachAudience"[]',
      participants: 'int',
      partners: '"PartnerKind"[]',
      topic: 'text',
      datasetId: 'uuid',
    },
  },
  reintegrationCases: {
    table: 'ReintegrationCase',
    columns: {
      id: 'uuid',
      ...IN_COMMUNE,
      residentialAreaId: 'uuid',
      returnedOn: 'date',
      status: '"ReintegrationStatus"',
      closedOn: 'date',
      personCiphertext: 'text',
      offenceCiphertext: 'text',
      datasetId: 'uuid',
    },
  },
  reintegrationMentors: {
    table: 'ReintegrationMentor',
    columns: { id: 'uuid', caseId: 'uuid', kind: '"MentorKind"', name: 'text', assignedOn: 'date' },
  },
  reintegrationNotes: {
    table: 'ReintegrationNote',
    columns: { id: 'uuid', caseId: 'uuid', notedOn: 'date', bodyCiphertext: 'text', author: 'text' },
  },
  keyAreas: {
    table: 'KeyArea',
    columns: {
      id: 'uuid',
      unitId: 'uuid',
      unitCode: 'text',
      placeCodes: 'text[]',
      category: '"KeyAreaCategory"',
      reason: 'text',
      validFrom: 'date',
      validTo: 'date',
      datasetId: 'uuid',
      ...DECISION,
    },
  },
  exemplars: {
    table: 'Exemplar',
    columns: {
      id: 'uuid',
      subjectKind: '"ExemplarSubjectKind"',
      modelId: 'uuid',
      level: '"AwardLevel"',
      periodFrom: 'date',
      periodTo: 'date',
      ...COLLECTIVE,
      ...DECISION,
      ...FILED,
    },
  },
  commendations: {
    table: 'Commendation',
    columns: {
      id: 'uuid',
      recipientKind: '"RecipientKind"',
      form: '"CommendationForm"',
      level: '"AwardLevel"',
      reason: 'text',
      forKind: '"CommendedKind"',
      modelId: 'uuid',
      exemplarId: 'uuid',
      ...COLLECTIVE,
      ...DECISION,
      ...FILED,
    },
  },
  influentialPeople: {
    table: 'InfluentialPerson',
    columns: {
      id: 'uuid',
      kind: '"InfluenceKind"',
      fullName: 'text',
      role: 'text',
      religion: '"Religion"',
      residentialAreaId: 'uuid',
      communeCode: 'text',
      placeCodes: 'text[]',
      validFrom: 'date',
      validTo: 'date',
    },
  },
  modelPartners: {
    table: 'ModelPartner',
    columns: { id: 'uuid', modelId: 'uuid', partnerKind: '"PartnerKind"', name: 'text', validFrom: 'date', validTo: 'date' },
  },
  assessments: {
    table: 'Assessment',
    columns: {
      id: 'uuid',
      kind: '"AssessmentKind"',
      year: 'int',
      unitKind: '"GradedUnitKind"',
      unitId: 'uuid',
      unitCode: 'text',
      placeCodes: 'text[]',
      residentialAreaId: 'uuid',
      organizationId: 'uuid',
      subjectKey: 'text',
      revision: 'int',
      status: '"AssessmentStatus"',
      facts: 'jsonb',
      verdict: 'jsonb',
      passed: 'boolean',
      ruleVersion: 'text',
      gradingConfigId: 'text',
      total: 'float8',
      maxTotal: 'float8',
      level: '"GradingLevel"',
      submittedOn: 'date',
      late: 'boolean',
      lateReason: 'text',
      reviewedOn: 'date',
      ...DECISION,
      correctsId: 'uuid',
      datasetId: 'uuid',
    },
  },
  assessmentSteps: {
    table: 'AssessmentStep',
    columns: {
      id: 'uuid',
      assessmentId: 'uuid',
      act: '"AssessmentAct"',
      status: '"AssessmentStatus"',
      on: 'date',
      actor: 'text',
      reason: 'text',
      before: 'jsonb',
    },
  },
};

/** Rows per INSERT statement (each statement carries its rows as one JSON parameter). */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Writes `rows` with multi-row INSERTs: each statement takes up to ROWS_PER_STATEMENT
 * rows as one JSON parameter and expands it with jsonb_to_recordset (plain PostgreSQL,
 * accepted by PGlite, Citus and YugabyteDB), which is far quicker than createMany here.
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly object[],
): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((c) => `"${c}"`).join(', ');
  const types = names.map((c) => `"${c}" ${columns[c]}`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT)));
  }
}
