/**
 * The rows the data generators write (the demo, seedDemo, and the national-scale data,
 * seedNational), one interface per table, columns named as in the Prisma schema and
 * dates as yyyy-mm-dd. Plain data: the generators are pure, bulk.ts writes the rows.
 */
import type {
  AwardLevel,
  CatalogueScope,
  CommendationForm,
  KeyAreaCategory,
  Religion,
  InspectionKind,
  InspectionRating,
  MentorKind,
  OutreachAudience,
  OutreachForm,
  PartnerKind,
  ReintegrationStatus,
  EducationLevel,
  EnterpriseSize,
  HostKind,
  IsoDate,
  LifecycleEventKind,
  ModelBuilder,
  ModelCategory,
  ModelEffectiveness,
  OrganizationKind,
  ResidentialAreaKind,
  SchoolLevel,
  TeamEvaluationLevel,
  TeamRole,
  TipStatus,
} from '@antq/core';

type Id = string;
type Day = IsoDate;

/** Makes a generated row's id: the same UUID for the same kind of row and key (and seed). */
export type Uuid = (kind: string, key: string) => string;

export interface AssessmentRow {
  id: Id;
  kind: 'RECOGNITION' | 'GRADING';
  year: number;
  unitKind: 'RESIDENTIAL_AREA' | 'COMMUNE' | 'DISTRICT' | 'AGENCY' | 'ENTERPRISE' | 'SCHOOL';
  unitId: Id;
  unitCode: string;
  placeCodes: string[];
  residentialAreaId: Id | null;
  organizationId: Id | null;
  subjectKey: string;
  revision: number;
  status: 'DRAFT' | 'SUBMITTED' | 'SENT_BACK' | 'REVIEWED' | 'DECIDED';
  facts: unknown;
  verdict: unknown;
  passed: boolean | null;
  ruleVersion: string;
  gradingConfigId: string | null;
  total: number | null;
  maxTotal: number | null;
  level: 'EXCELLENT' | 'GOOD' | 'AVERAGE' | 'WEAK' | null;
  submittedOn: Day | null;
  late: boolean;
  lateReason: string | null;
  reviewedOn: Day | null;
  decisionNumber: string | null;
  decisionDate: Day | null;
  decisionIssuer: string | null;
  correctsId: Id | null;
  datasetId: Id;
}
export interface AssessmentStepRow {
  id: Id;
  assessmentId: Id;
  act: 'DRAFT' | 'SUBMIT' | 'SEND_BACK' | 'REVIEW' | 'DECIDE' | 'CORRECT' | 'RECORD';
  status: AssessmentRow['status'];
  on: Day;
  actor: string;
  reason: string | null;
  before: unknown;
}
export interface DatasetRow {
  id: Id;
  kind: 'DEMO' | 'NATIONAL';
  name: string;
  seed: number;
  parameters: unknown;
  summary: unknown;
}
export interface ResidentialAreaRow {
  id: Id;
  name: string;
  kind: ResidentialAreaKind;
  households: number;
  residents: number;
  validFrom: Day | null;
  validTo: Day | null;
  searchText: string;
  datasetId: Id;
}
export interface PlacementRow {
  id: Id;
  communeId: Id;
  communeCode: string;
  placeCodes: string[];
  validFrom: Day | null;
  validTo: Day | null;
}
export interface ResidentialAreaPlacementRow extends PlacementRow {
  residentialAreaId: Id;
}
export interface OrganizationRow {
  id: Id;
  name: string;
  kind: OrganizationKind;
  armedForces: boolean | null;
  enterpriseSize: EnterpriseSize | null;
  schoolLevel: SchoolLevel | null;
  validFrom: Day | null;
  validTo: Day | null;
  searchText: string;
  datasetId: Id;
}
export interface OrganizationPlacementRow extends PlacementRow {
  organizationId: Id;
}
export interface ModelCatalogueRow {
  id: Id;
  code: string;
  name: string;
  scope: CatalogueScope;
  provinceCode: string | null;
  datasetId: Id;
}
export interface ModelTypeRow {
  id: Id;
  catalogueId: Id;
  code: string;
  name: string;
  category: ModelCategory;
  hostKinds: HostKind[];
  searchText: string;
}
export interface ModelRow {
  id: Id;
  name: string;
  modelTypeId: Id;
  hostKind: HostKind;
  residentialAreaId: Id | null;
  communeId: Id | null;
  organizationId: Id | null;
  foundedOn: Day;
  builtBy: ModelBuilder;
  memberCount: number | null;
  datasetId: Id;
}
export interface LifecycleEventRow {
  id: Id;
  modelId: Id;
  kind: LifecycleEventKind;
  date: Day;
  seq: number;
  decisionNumber: string | null;
  decisionDate: Day | null;
  decisionIssuer: string | null;
  note: string | null;
  recordedAt: string;
}
export interface ModelMemberRow {
  id: Id;
  modelId: Id;
  fullName: string;
  position: string;
  birthDate: Day;
  citizenId: string;
  phone: string;
  address: string;
  joinedOn: Day;
  leftOn: Day | null;
}
export interface ReplicationPointRow {
  id: Id;
  sourceModelId: Id;
  replicaModelId: Id;
  replicatedOn: Day;
}
export interface ModelEvaluationRow {
  id: Id;
  modelId: Id;
  periodFrom: Day;
  periodTo: Day;
  evaluatedOn: Day;
  outcome: ModelEffectiveness;
  note: string | null;
}
export interface SecurityTeamRow {
  id: Id;
  name: string;
  communeId: Id;
  communeCode: string;
  placeCodes: string[];
  establishedOn: Day;
  dissolvedOn: Day | null;
  datasetId: Id;
}
export interface SecurityTeamAreaRow {
  teamId: Id;
  residentialAreaId: Id;
}
export interface TeamMemberRow {
  id: Id;
  teamId: Id;
  fullName: string;
  birthDate: Day;
  citizenId: string;
  phone: string;
  address: string;
  role: TeamRole;
  joinedOn: Day;
  leftOn: Day | null;
  education: EducationLevel;
  residentSince: Day | null;
  cleanRecord: boolean;
  hasHealthCertificate: boolean;
  over70ApprovedByCommuneChairman: boolean;
}
export interface TeamEvaluationRow {
  id: Id;
  teamId: Id;
  year: number;
  tasksAssigned: number;
  tasksCompleted: number;
  level: TeamEvaluationLevel;
}
export interface TeamMemberEvaluationRow {
  id: Id;
  memberId: Id;
  year: number;
  tasksAssigned: number;
  tasksCompleted: number;
  level: TeamEvaluationLevel;
}

/** A tip with its texts already sealed (see SealText): the generator never holds a key. */
export interface TipRow {
  id: Id;
  number: string;
  secretHash: string;
  category: string;
  communeId: Id;
  placeCodes: string[];
  occurredOn: Day;
  bodyCiphertext: string;
  contactCiphertext: string | null;
  status: TipStatus;
  receivedAt: string;
  datasetId: Id;
}
export interface TipEventRow {
  id: Id;
  tipId: Id;
  status: TipStatus;
  date: Day;
  actor: string;
  note: string | null;
  createdAt: string;
}
export interface TipMessageRow {
  id: Id;
  tipId: Id;
  author: 'INFORMANT' | 'OFFICER';
  officer: string | null;
  bodyCiphertext: string;
  createdAt: string;
}

export interface InspectionRow {
  id: Id;
  kind: InspectionKind;
  subjectKind: 'UNIT' | 'RESIDENTIAL_AREA' | 'MODEL' | 'SECURITY_TEAM';
  unitId: Id;
  unitCode: string;
  placeCodes: string[];
  residentialAreaId: Id | null;
  modelId: Id | null;
  teamId: Id | null;
  status: 'PLANNED' | 'DONE' | 'CANCELLED';
  plannedOn: Day;
  team: string[];
  purpose: string | null;
  inspectedOn: Day | null;
  findings: string | null;
  rating: InspectionRating | null;
  cancelledOn: Day | null;
  cancelReason: string | null;
  datasetId: Id;
}
export interface FollowUpRow {
  id: Id;
  inspectionId: Id;
  seq: number;
  action: string;
  owner: string;
  dueOn: Day;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  closedOn: Day | null;
  note: string | null;
  placeCodes: string[];
  setOn: Day;
}
export interface OutreachRow {
  id: Id;
  communeId: Id;
  communeCode: string;
  placeCodes: string[];
  residentialAreaId: Id | null;
  heldOn: Day;
  form: OutreachForm;
  audiences: OutreachAudience[];
  participants: number;
  partners: PartnerKind[];
  topic: string;
  datasetId: Id;
}
/** A re-integration case with its personal data already sealed (see generator/activities.ts). */
export interface ReintegrationCaseRow {
  id: Id;
  communeId: Id;
  communeCode: string;
  placeCodes: string[];
  residentialAreaId: Id | null;
  returnedOn: Day;
  status: ReintegrationStatus;
  closedOn: Day | null;
  personCiphertext: string;
  offenceCiphertext: string;
  datasetId: Id;
}
export interface ReintegrationMentorRow {
  id: Id;
  caseId: Id;
  kind: MentorKind;
  name: string;
  assignedOn: Day;
}
export interface ReintegrationNoteRow {
  id: Id;
  caseId: Id;
  notedOn: Day;
  bodyCiphertext: string;
  author: string;
}

/** The record and column a sealed text belongs to (the server binds each sealed value to its place). */
export interface Decision {
  decisionNumber: string;
  decisionDate: IsoDate;
  decisionIssuer: string;
}
export interface Filed {
  unitId: Id;
  unitCode: string;
  placeCodes: string[];
  datasetId: Id;
}
export type Collective = {
  organizationId: Id | null;
  residentialAreaId: Id | null;
  securityTeamId: Id | null;
  collectiveKind: 'RESIDENTIAL_AREA' | 'SECURITY_TEAM' | null;
};
export type Person = { personName: string | null; personRole: string | null };

export interface ExemplarRow extends Decision, Filed, Collective, Person {
  id: Id;
  subjectKind: 'MODEL' | 'COLLECTIVE' | 'INDIVIDUAL';
  modelId: Id | null;
  level: AwardLevel;
  periodFrom: IsoDate;
  periodTo: IsoDate;
}
export interface CommendationRow extends Decision, Filed, Collective, Person {
  id: Id;
  recipientKind: 'COLLECTIVE' | 'INDIVIDUAL';
  form: CommendationForm;
  level: AwardLevel;
  reason: string;
  forKind: 'MODEL' | 'EXEMPLAR' | null;
  modelId: Id | null;
  exemplarId: Id | null;
}
export interface KeyAreaRow extends Decision {
  id: Id;
  unitId: Id;
  unitCode: string;
  placeCodes: string[];
  category: KeyAreaCategory;
  reason: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  datasetId: Id;
}
export interface InfluentialPersonRow {
  id: Id;
  kind: 'RELIGIOUS_DIGNITARY' | 'REPUTABLE_PERSON';
  fullName: string;
  role: string;
  religion: Religion | null;
  residentialAreaId: Id;
  communeCode: string;
  placeCodes: string[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
}
export interface ModelPartnerRow {
  id: Id;
  modelId: Id;
  partnerKind: PartnerKind;
  name: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface RecognitionRows {
  keyAreas: KeyAreaRow[];
  exemplars: ExemplarRow[];
  commendations: CommendationRow[];
  influentialPeople: InfluentialPersonRow[];
  modelPartners: ModelPartnerRow[];
}

export type SealTarget =
  | { readonly column: 'Tip.text' | 'Tip.contact'; readonly tipNumber: string }
  | { readonly column: 'TipMessage.text'; readonly tipId: string };

/**
 * Seals a confidential text for storage in `target` as the server does (AES-256-GCM with its
 * data key, bound to the record and column): supplied by the caller, so that generated
 * tips open with the server's key and this package never holds a key.
 */
export type SealText = (plaintext: string, target: SealTarget) => string;

/** Every table a generator writes, in an order that satisfies the foreign keys. */
export interface GeneratedTables {
  residentialAreas: ResidentialAreaRow[];
  residentialAreaPlacements: ResidentialAreaPlacementRow[];
  organizations: OrganizationRow[];
  organizationPlacements: OrganizationPlacementRow[];
  modelCatalogues: ModelCatalogueRow[];
  modelTypes: ModelTypeRow[];
  models: ModelRow[];
  lifecycleEvents: LifecycleEventRow[];
  modelMembers: ModelMemberRow[];
  replicationPoints: ReplicationPointRow[];
  modelEvaluations: ModelEvaluationRow[];
  securityTeams: SecurityTeamRow[];
  securityTeamAreas: SecurityTeamAreaRow[];
  teamMembers: TeamMemberRow[];
  teamEvaluations: TeamEvaluationRow[];
  teamMemberEvaluations: TeamMemberEvaluationRow[];
  tips: TipRow[];
  tipEvents: TipEventRow[];
  tipMessages: TipMessageRow[];
  inspections: InspectionRow[];
  inspectionFollowUps: FollowUpRow[];
  outreachActivities: OutreachRow[];
  reintegrationCases: ReintegrationCaseRow[];
  reintegrationMentors: ReintegrationMentorRow[];
  reintegrationNotes: ReintegrationNoteRow[];
  keyAreas: KeyAreaRow[];
  exemplars: ExemplarRow[];
  commendations: CommendationRow[];
  influentialPeople: InfluentialPersonRow[];
  modelPartners: ModelPartnerRow[];
  assessments: AssessmentRow[];
  assessmentSteps: AssessmentStepRow[];
}

/** The movement's activities among the generated tables (the demo writes them apart from its other rows). */
export const ACTIVITY_TABLES = [
  'inspections',
  'inspectionFollowUps',
  'outreachActivities',
  'reintegrationCases',
  'reintegrationMentors',
  'reintegrationNotes',
] as const;
export type ActivityTable = (typeof ACTIVITY_TABLES)[number];

/** The recognition records among the generated tables (the demo writes them apart too). */
export const RECOGNITION_TABLES = ['keyAreas', 'exemplars', 'commendations', 'influentialPeople', 'modelPartners'] as const;
export type RecognitionTable = (typeof RECOGNITION_TABLES)[number];

/** The year's assessments among the generated tables (the demo writes them apart too). */
export const ASSESSMENT_TABLES = ['assessments', 'assessmentSteps'] as const;
export type AssessmentTable = (typeof ASSESSMENT_TABLES)[number];

/** A table a generator writes. */
export type GeneratedTable = keyof GeneratedTables;
