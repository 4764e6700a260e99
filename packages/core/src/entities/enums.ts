/**
 * Every closed set of values in the movement's vocabulary, as `as const` arrays (for zod,
 * GraphQL enums and iteration) with the matching string-literal union types. Their
 * Vietnamese and English labels live in `../labels.ts`.
 */

/** Kinds of residential area (khu dân cư): thôn, làng, ấp, bản, buôn, phum, sóc, khóm, tổ dân phố, khu phố, xóm. */
export const RESIDENTIAL_AREA_KINDS = ['THON', 'LANG', 'AP', 'BAN', 'BUON', 'PHUM', 'SOC', 'XOM', 'KHOM', 'TO_DAN_PHO', 'KHU_PHO'] as const;
/** A kind of residential area. */
export type ResidentialAreaKind = (typeof RESIDENTIAL_AREA_KINDS)[number];

/** Kinds of organization that take part in the movement: agencies, enterprises, schools. */
export const ORGANIZATION_KINDS = ['AGENCY', 'ENTERPRISE', 'SCHOOL'] as const;
/** A kind of organization. */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Enterprise size classes (Decree 80/2021/NĐ-CP): small and micro ones are outside Circular 124. */
export const ENTERPRISE_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
/** An enterprise size class. */
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** Levels of educational institution; a school spanning levels is given its highest one. */
export const SCHOOL_LEVELS = [
  'NURSERY',
  'PRESCHOOL',
  'PRIMARY',
  'LOWER_SECONDARY',
  'UPPER_SECONDARY',
  'CONTINUING_EDUCATION',
  'VOCATIONAL',
  'HIGHER_EDUCATION',
] as const;
/** A level of educational institution. */
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** What a model can be built in: a residential area, a commune, an organization. */
export const HOST_KINDS = ['RESIDENTIAL_AREA', 'COMMUNE', 'ORGANIZATION'] as const;
/** A kind of model host. */
export type HostKind = (typeof HOST_KINDS)[number];

/** Categories of model type (an open-ended list in practice, closed here with `OTHER`). */
export const MODEL_CATEGORIES = [
  'CRIME_PREVENTION',
  'SELF_MANAGEMENT',
  'MEDIATION',
  'TRAFFIC_ORDER',
  'FIRE_PREVENTION',
  'RELIGION',
  'ECONOMY',
  'OTHER',
] as const;
/** A category of model type. */
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

/** Where a model-type catalogue comes from: the national one or one province's. */
export const CATALOGUE_SCOPES = ['NATIONAL', 'PROVINCIAL'] as const;
/** The scope of a catalogue. */
export type CatalogueScope = (typeof CATALOGUE_SCOPES)[number];

/** Who built a model: the police, or others with the police's guidance. */
export const MODEL_BUILDERS = ['POLICE', 'FATHERLAND_FRONT', 'MASS_ORGANIZATION', 'RESIDENTS', 'AGENCY_SECURITY_UNIT', 'OTHER'] as const;
/** Who built a model. */
export type ModelBuilder = (typeof MODEL_BUILDERS)[number];

/** States of a model's lifecycle, in their usual order. */
export const MODEL_STATES = ['PROPOSED', 'SURVEYED', 'APPROVED', 'ESTABLISHED', 'ACTIVE', 'SUSPENDED', 'DISSOLVED'] as const;
/** A state of a model. */
export type ModelState = (typeof MODEL_STATES)[number];

/** Events that move a model between states (see `lifecycle/transitions.ts`). */
export const LIFECYCLE_EVENT_KINDS = ['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE', 'SUSPEND', 'RESUME', 'DISSOLVE'] as const;
/** A kind of lifecycle event. */
export type LifecycleEventKind = (typeof LIFECYCLE_EVENT_KINDS)[number];

/** Outcome of a periodic evaluation of a model. */
export const MODEL_EFFECTIVENESS = ['EFFECTIVE', 'NOT_EFFECTIVE'] as const;
/** Whether a model was evaluated effective. */
export type ModelEffectiveness = (typeof MODEL_EFFECTIVENESS)[number];

/** What an exemplar (điển hình tiên tiến) is: a model, a collective or an individual. */
export const EXEMPLAR_SUBJECT_KINDS = ['MODEL', 'COLLECTIVE', 'INDIVIDUAL'] as const;
/** The kind of an exemplar. */
export type ExemplarSubjectKind = (typeof EXEMPLAR_SUBJECT_KINDS)[number];

/** The level of the authority that recognises an exemplar or grants a commendation. */
export const AWARD_LEVELS = ['COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY', 'GOVERNMENT', 'STATE'] as const;
/** An award level. */
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/** Kinds of unit graded under QĐ 510 and recognised under Circular 124 (districts only before 2025-07-01). */
export const GRADED_UNIT_KINDS = ['RESIDENTIAL_AREA', 'COMMUNE', 'DISTRICT', 'AGENCY', 'ENTERPRISE', 'SCHOOL'] as const;
/** A kind of graded unit. */
export type GradedUnitKind = (typeof GRADED_UNIT_KINDS)[number];

/** Levels of the movement's grading (QĐ 510): xuất sắc, khá, trung bình, yếu. */
export const GRADING_LEVELS = ['EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK'] as const;
/** A grading level, best first. */
export type GradingLevel = (typeof GRADING_LEVELS)[number];

/** Roles in a security team: tổ trưởng, tổ phó, tổ viên. */
export const TEAM_ROLES = ['LEADER', 'DEPUTY', 'MEMBER'] as const;
/** A role in a security team. */
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Levels of the yearly team evaluation (Guidance 01/HD-BCA-V05), best first. */
export const TEAM_EVALUATION_LEVELS = ['EXCELLENT', 'GOOD', 'COMPLETE', 'NOT_COMPLETE'] as const;
/** A team-evaluation level. */
export type TeamEvaluationLevel = (typeof TEAM_EVALUATION_LEVELS)[number];

/** Education attained, lowest first. */
export const EDUCATION_LEVELS = ['NONE', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'POST_SECONDARY'] as const;
/** An education level. */
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** What a team-size rule pack counts: residents or households. */
export const TEAM_SIZE_BASES = ['RESIDENTS', 'HOUSEHOLDS'] as const;
/** The population measure of a team-size rule pack. */
export type TeamSizeBasis = (typeof TEAM_SIZE_BASES)[number];

/** Legal status of a rule pack: in force, or a draft not yet adopted. */
export const RULE_PACK_STATUSES = ['IN_FORCE', 'DRAFT'] as const;
/** The status of a rule pack. */
export type RulePackStatus = (typeof RULE_PACK_STATUSES)[number];

/** Serious events listed by Circular 124/2021/TT-BCA that bar recognition. */
export const SERIOUS_EVENT_KINDS = [
  'ANTI_PARTY_OR_ANTI_STATE_ACTIVITY',
  'SEPARATIST_ACTIVITY',
  'SABOTAGE',
  'ILLEGAL_RELIGION',
  'PROLONGED_DISPUTE',
  'INCITEMENT',
  'OTHER_LISTED_EVENT',
] as const;
/** A serious event that bars "An toàn về ANTT" recognition. */
export type SeriousEventKind = (typeof SERIOUS_EVENT_KINDS)[number];

/** Kinds of inspection (kiểm tra): planned, thematic, unannounced. */
export const INSPECTION_KINDS = ['PLANNED', 'THEMATIC', 'UNANNOUNCED'] as const;
/** A kind of inspection. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** What an inspection looked at. */
export const INSPECTION_SUBJECT_KINDS = ['UNIT', 'RESIDENTIAL_AREA', 'ORGANIZATION', 'MODEL', 'SECURITY_TEAM'] as const;
/** The kind of an inspection's subject. */
export type InspectionSubjectKind = (typeof INSPECTION_SUBJECT_KINDS)[number];

/** Status of an inspection's follow-up action (củng cố, kiện toàn). */
export const FOLLOW_UP_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
/** A follow-up status. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** States of an inspection: planned, then done (with findings and a rating) or cancelled. */
export const INSPECTION_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
/** An inspection status. */
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** The rating an inspection gives its subject: tốt, khá, trung bình, yếu (best first). */
export const INSPECTION_RATINGS = ['GOOD', 'FAIR', 'AVERAGE', 'WEAK'] as const;
/** An inspection rating. */
export type InspectionRating = (typeof INSPECTION_RATINGS)[number];

/** A follow-up's state on a date: its stored status, or OVERDUE when open past its due date (derived, never stored). */
export const FOLLOW_UP_STATES = ['OPEN', 'OVERDUE', 'DONE', 'CANCELLED'] as const;
/** A follow-up's state on a date. */
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** Forms of outreach (tuyên truyền). */
export const OUTREACH_FORMS = [
  'MEETING',
  'LOUDSPEAKER',
  'LEAFLET',
  'SOCIAL_MEDIA',
  'FESTIVAL_DAY',
  'DOOR_TO_DOOR',
  'PERFORMANCE',
  'OTHER',
] as const;
/** A form of outreach. */
export type OutreachForm = (typeof OUTREACH_FORMS)[number];

/** Audiences of outreach. */
export const OUTREACH_AUDIENCES = [
  'RESIDENTS',
  'STUDENTS',
  'RELIGIOUS_FOLLOWERS',
  'WORKERS',
  'ETHNIC_MINORITIES',
  'YOUTH',
  'OTHER',
] as const;
/** An outreach audience. */
export type OutreachAudience = (typeof OUTREACH_AUDIENCES)[number];

/** Partners that coordinate with the police in the movement. */
export const PARTNER_KINDS = [
  'FATHERLAND_FRONT',
  'YOUTH_UNION',
  'WOMENS_UNION',
  'VETERANS_ASSOCIATION',
  'FARMERS_ASSOCIATION',
  'ARMY',
  'BORDER_GUARD',
  'OTHER',
] as const;
/** A partner kind. */
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** How a tip (tố giác, tin báo) reached the police. */
export const TIP_CHANNELS = ['IN_PERSON', 'PHONE', 'HOTLINE', 'ONLINE', 'MAIL'] as const;
/** A tip channel. */
export type TipChannel = (typeof TIP_CHANNELS)[number];

/** Handling status of a tip. */
export const TIP_STATUSES = ['RECEIVED', 'VERIFYING', 'FORWARDED', 'RESOLVED', 'REJECTED'] as const;
/** A tip status. */
export type TipStatus = (typeof TIP_STATUSES)[number];

/** What a tip is about. */
export const TIP_CATEGORIES = [
  'DRUGS',
  'THEFT',
  'GAMBLING',
  'VIOLENCE',
  'FRAUD',
  'SMUGGLING',
  'PUBLIC_ORDER',
  'NATIONAL_SECURITY',
  'OTHER',
] as const;
/** A tip category. */
export type TipCategory = (typeof TIP_CATEGORIES)[number];

/** Status of a re-integration case (cảm hóa, giáo dục người lầm lỗi). */
export const REINTEGRATION_STATUSES = ['ONGOING', 'COMPLETED', 'REOFFENDED', 'MOVED_AWAY', 'CLOSED'] as const;
/** A re-integration status. */
export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];

/** Who mentors a person in re-integration. */
export const MENTOR_KINDS = ['FAMILY', 'ORGANIZATION', 'SECURITY_TEAM', 'POLICE', 'OTHER'] as const;
/** A mentor kind. */
export type MentorKind = (typeof MENTOR_KINDS)[number];

/** Who receives a commendation: a collective or an individual. */
export const RECIPIENT_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
/** A recipient kind. */
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Forms of commendation (khen thưởng). */
export const COMMENDATION_FORMS = ['CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'EMULATION_FLAG', 'MEDAL', 'OTHER'] as const;
/** A commendation form. */
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];

/** Why a unit is a key area (địa bàn trọng điểm). */
export const KEY_AREA_CATEGORIES = ['NATIONAL_SECURITY', 'CRIME', 'SOCIAL_EVILS', 'RELIGION', 'ETHNIC', 'BORDER', 'OTHER'] as const;
/** A key-area category. */
export type KeyAreaCategory = (typeof KEY_AREA_CATEGORIES)[number];

/** What a collective exemplar or commendation names: an organization, a residential area or a security team. */
export const COLLECTIVE_KINDS = ['ORGANIZATION', 'RESIDENTIAL_AREA', 'SECURITY_TEAM'] as const;
/** A kind of collective. */
export type CollectiveKind = (typeof COLLECTIVE_KINDS)[number];

/** People of influence engaged in the movement: religious dignitaries (chức sắc) and reputable people (người có uy tín). */
export const INFLUENCE_KINDS = ['RELIGIOUS_DIGNITARY', 'REPUTABLE_PERSON'] as const;
/** A kind of person of influence. */
export type InfluenceKind = (typeof INFLUENCE_KINDS)[number];

/** Religions recognised in Vietnam that dignitaries most often belong to; `OTHER` for the rest. */
export const RELIGIONS = ['BUDDHISM', 'CATHOLICISM', 'PROTESTANTISM', 'CAODAISM', 'HOA_HAO_BUDDHISM', 'ISLAM', 'OTHER'] as const;
/** A religion. */
export type Religion = (typeof RELIGIONS)[number];
