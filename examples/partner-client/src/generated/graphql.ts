/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Level of an administrative unit. Districts existed until 2025-06-30. */
export type AdminLevel =
  /** Xã, phường, thị trấn, đặc khu */
  | 'COMMUNE'
  /** Huyện, quận, thị xã, thành phố thuộc tỉnh (until 2025-06-30) */
  | 'DISTRICT'
  /** Tỉnh, thành phố trực thuộc trung ương */
  | 'PROVINCE';

/** The language of a text the API writes. */
export type Language =
  /** English */
  | 'EN'
  /** Tiếng Việt */
  | 'VI';

export type LifecycleEventKind =
  | 'ACTIVATE'
  | 'APPROVE'
  | 'DISSOLVE'
  | 'ESTABLISH'
  | 'PROPOSE'
  | 'RESUME'
  | 'SURVEY'
  | 'SUSPEND';

/** How a unit passed into another on a reorganisation. */
export type LineageKind =
  /** All of the predecessor went into the successor. */
  | 'FULL'
  /** Part of the predecessor went into the successor. */
  | 'PARTIAL';

export type ModelState =
  | 'ACTIVE'
  | 'APPROVED'
  | 'DISSOLVED'
  | 'ESTABLISHED'
  | 'PROPOSED'
  | 'SURVEYED'
  | 'SUSPENDED';

/** Thôn, làng, ấp, bản, buôn, phum, sóc, xóm, khóm, tổ dân phố, khu phố. */
export type ResidentialAreaKind =
  | 'AP'
  | 'BAN'
  | 'BUON'
  | 'KHOM'
  | 'KHU_PHO'
  | 'LANG'
  | 'PHUM'
  | 'SOC'
  | 'THON'
  | 'TO_DAN_PHO'
  | 'XOM';

export type SubmitTipInput = {
  category: TipCategory;
  /** How to reach you, and who you are, if you wish. Encrypted; only shown to officers through a recorded reveal. */
  contact?: string | null | undefined;
  /** When it happened; today if not given. */
  occurredOn?: string | null | undefined;
  /** What happened (10 to 5000 characters). */
  text: string;
  /** The 5-digit code of the commune where it happened. */
  unitCode: string;
};

export type TipCategory =
  | 'DRUGS'
  | 'FRAUD'
  | 'GAMBLING'
  | 'NATIONAL_SECURITY'
  | 'OTHER'
  | 'PUBLIC_ORDER'
  | 'SMUGGLING'
  | 'THEFT'
  | 'VIOLENCE';

export type FindAdminUnitsQueryVariables = Exact<{
  search: string;
  asOf?: string | null | undefined;
  level?: AdminLevel | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FindAdminUnitsQuery = { __typename: 'Query', adminUnits: { __typename: 'AdminUnitConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'AdminUnitEdge', node: { __typename: 'AdminUnit', code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, parent: { __typename: 'AdminUnit', code: string, fullName: string } | null, successors: Array<{ __typename: 'LineageLink', kind: LineageKind, date: string, unit: { __typename: 'AdminUnit', code: string, fullName: string } }> } }> } };

export type UnitCoverageQueryVariables = Exact<{
  unitCode: string;
  asOf?: string | null | undefined;
  lineage?: boolean | null | undefined;
  figuresOn?: string | null | undefined;
}>;


export type UnitCoverageQuery = { __typename: 'Query', coverage: { __typename: 'Coverage', asOf: string, figuresOn: string, residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, unit: { __typename: 'AdminUnit', code: string, fullName: string }, byChild: Array<{ __typename: 'Coverage', residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, unit: { __typename: 'AdminUnit', code: string, fullName: string } }>, byModelType: Array<{ __typename: 'ModelTypeCoverage', activeModels: number, residentialAreas: number, modelType: { __typename: 'ModelType', code: string, name: string } }>, lineage: { __typename: 'CoverageLineage', partial: { __typename: 'CoverageFigures', residentialAreas: number, residentialAreasWithActiveModel: number }, partialCommunes: Array<{ __typename: 'CoveragePartialCommune', commune: { __typename: 'AdminUnit', code: string, fullName: string } }> } | null } };

export type ModelDetailsQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type ModelDetailsQuery = { __typename: 'Query', node:
    | { __typename: 'AdminUnit' }
    | { __typename: 'Assessment' }
    | { __typename: 'AuditEntry' }
    | { __typename: 'Commendation' }
    | { __typename: 'Exemplar' }
    | { __typename: 'InfluentialPerson' }
    | { __typename: 'Inspection' }
    | { __typename: 'InspectionFollowUp' }
    | { __typename: 'KeyArea' }
    | { __typename: 'LifecycleEvent' }
    | { __typename: 'Model', id: string, name: string, foundedOn: string, builtBy: string, hostKind: string, state: ModelState | null, memberCount: number | null, modelType: { __typename: 'ModelType', code: string, name: string, category: string, catalogue: { __typename: 'ModelCatalogue', code: string, name: string } }, residentialArea: { __typename: 'ResidentialArea', id: string, name: string, commune: { __typename: 'AdminUnit', code: string, fullName: string } | null } | null, events: Array<{ __typename: 'LifecycleEvent', kind: LifecycleEventKind, date: string, decisionNumber: string | null }>, latestEvaluation: { __typename: 'ModelEvaluation', outcome: string, periodFrom: string, periodTo: string } | null }
    | { __typename: 'ModelCatalogue' }
    | { __typename: 'ModelEvaluation' }
    | { __typename: 'ModelMember' }
    | { __typename: 'ModelType' }
    | { __typename: 'Organization' }
    | { __typename: 'OutreachActivity' }
    | { __typename: 'ReintegrationCase' }
    | { __typename: 'ReplicationPoint' }
    | { __typename: 'ResidentialArea' }
    | { __typename: 'SecurityTeam' }
    | { __typename: 'TeamEvaluation' }
    | { __typename: 'TeamMember' }
    | { __typename: 'Tip' }
   | null };

export type ModelsPageQueryVariables = Exact<{
  unitCode: string;
  asOf?: string | null | undefined;
  modelTypeId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ModelsPageQuery = { __typename: 'Query', models: { __typename: 'QueryModelsConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'QueryModelsConnectionEdge', node: { __typename: 'Model', id: string, name: string, hostKind: string, state: ModelState | null, modelType: { __typename: 'ModelType', id: string, code: string, name: string } } }> } };

export type MovementReportQueryVariables = Exact<{
  unitCode: string;
  asOf?: string | null | undefined;
  language?: Language | null | undefined;
}>;


export type MovementReportQuery = { __typename: 'Query', movementReport: string };

export type ResidentialAreasPageQueryVariables = Exact<{
  unitCode: string;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ResidentialAreasPageQuery = { __typename: 'Query', residentialAreas: { __typename: 'QueryResidentialAreasConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'QueryResidentialAreasConnectionEdge', node: { __typename: 'ResidentialArea', id: string, name: string, kind: ResidentialAreaKind, households: number | null, isDemo: boolean, commune: { __typename: 'AdminUnit', code: string, fullName: string } | null, models: { __typename: 'ResidentialAreaModelsConnection', totalCount: number, edges: Array<{ __typename: 'ResidentialAreaModelsConnectionEdge', node: { __typename: 'Model', id: string, name: string, state: ModelState | null, modelType: { __typename: 'ModelType', code: string, name: string } } }> } } }> } };

export type SubmitTipMutationVariables = Exact<{
  input: SubmitTipInput;
}>;


export type SubmitTipMutation = { __typename: 'Mutation', submitTip: { __typename: 'SubmitTipPayload', result:
      | { __typename: 'NotFoundError', code: string, messageVi: string, messageEn: string }
      | { __typename: 'TipReceipt', tipNumber: string, secret: string }
      | { __typename: 'ValidationError', code: string, messageVi: string, messageEn: string, fields: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
     } };


export const FindAdminUnitsDocument = {"__meta__":{"hash":"8427f3a22f931839d44afc7ce472ca035b26a58a3d23bb05f502780a8dc8bc5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindAdminUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"successors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FindAdminUnitsQuery, FindAdminUnitsQueryVariables>;
export const UnitCoverageDocument = {"__meta__":{"hash":"6919d341b1cd88604239da716ed2f09daaeec9c47bb8ddfc640363183b35a03c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"figuresOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"lineage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineage"}}},{"kind":"Argument","name":{"kind":"Name","value":"figuresOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"figuresOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"figuresOn"}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreas"}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreasWithActiveModel"}},{"kind":"Field","name":{"kind":"Name","value":"activeModels"}},{"kind":"Field","name":{"kind":"Name","value":"modelTypes"}},{"kind":"Field","name":{"kind":"Name","value":"byChild"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreas"}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreasWithActiveModel"}},{"kind":"Field","name":{"kind":"Name","value":"activeModels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byModelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeModels"}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreas"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residentialAreas"}},{"kind":"Field","name":{"kind":"Name","value":"residentialAreasWithActiveModel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partialCommunes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitCoverageQuery, UnitCoverageQueryVariables>;
export const ModelDetailsDocument = {"__meta__":{"hash":"039b8d582a5921cdfec5ca9e244a09f5d87ed16ecbc7c63ef9d4038d28902a75"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"foundedOn"}},{"kind":"Field","name":{"kind":"Name","value":"builtBy"}},{"kind":"Field","name":{"kind":"Name","value":"hostKind"}},{"kind":"Field","name":{"kind":"Name","value":"state"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"modelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"residentialArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestEvaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"periodFrom"}},{"kind":"Field","name":{"kind":"Name","value":"periodTo"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ModelDetailsQuery, ModelDetailsQueryVariables>;
export const ModelsPageDocument = {"__meta__":{"hash":"1521fcc673a7d5a99f1f169cff2bc9b834131a4b345ba18a2f9ea79ae45963b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"modelTypeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"modelTypeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"modelTypeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostKind"}},{"kind":"Field","name":{"kind":"Name","value":"state"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]},{"kind":"Field","name":{"kind":"Name","value":"modelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ModelsPageQuery, ModelsPageQueryVariables>;
export const MovementReportDocument = {"__meta__":{"hash":"bea2bdbdc1e272d871b1b6e314702e64ef324efe3d061846005ad98b59841971"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MovementReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movementReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}]}]}}]} as unknown as DocumentNode<MovementReportQuery, MovementReportQueryVariables>;
export const ResidentialAreasPageDocument = {"__meta__":{"hash":"5d77a6b306eb4021c1ff9f9797b94dc6b384f3b28227edbdf3dcb8d7f8c15717"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResidentialAreasPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residentialAreas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"modelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResidentialAreasPageQuery, ResidentialAreasPageQueryVariables>;
export const SubmitTipDocument = {"__meta__":{"hash":"b1f0a3d8cf5924527c0be2d8619713f832ac77301533d464eee80d4370118ce1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitTip"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitTipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitTip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TipReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tipNumber"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"messageVi"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"messageVi"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitTipMutation, SubmitTipMutationVariables>;