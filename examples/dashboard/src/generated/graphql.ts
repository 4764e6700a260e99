/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type FiguresFragment = { residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number };

export type UnitCoverageQueryVariables = Exact<{
  code: string;
  asOf: string;
}>;


export type UnitCoverageQuery = { coverage: { residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, unit: { code: string, name: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, parent: { code: string, fullName: string, parent: { code: string, fullName: string } | null } | null }, byChild: Array<{ residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, unit: { code: string, name: string, fullName: string, level: AdminLevel } }>, byModelType: Array<{ activeModels: number, residentialAreas: number, modelType: { id: string, name: string, category: string } }> } };

export type TerritoryCoverageQueryVariables = Exact<{
  code: string;
  asOf: string;
  figuresOn: string;
}>;


export type TerritoryCoverageQuery = { coverage: { residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, lineage: { partial: { residentialAreas: number, residentialAreasWithActiveModel: number }, partialCommunes: Array<{ commune: { code: string, fullName: string } }> } | null } };

export type ReportTextQueryVariables = Exact<{
  code: string;
  asOf: string;
  language: Language;
}>;


export type ReportTextQuery = { movementReport: string };

export type NationalCoverageQueryVariables = Exact<{
  asOf: string;
}>;


export type NationalCoverageQuery = { nationalCoverage: { residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, byProvince: Array<{ residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number, unit: { code: string, name: string, fullName: string, level: AdminLevel } }> } };

export type SecurityTeamsQueryVariables = Exact<{
  code: string;
  asOf: string;
  after?: string | null | undefined;
}>;


export type SecurityTeamsQuery = { securityTeams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, establishedOn: string, areas: Array<{ id: string, name: string }>, members: { totalCount: number } } }> } };

export type ResidentialAreasQueryVariables = Exact<{
  code: string;
  asOf: string;
  after?: string | null | undefined;
}>;


export type ResidentialAreasQuery = { residentialAreas: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: ResidentialAreaKind, households: number | null, residents: number | null, models: { totalCount: number } } }> } };

export type ResidentialAreaQueryVariables = Exact<{
  id: string | number;
  asOf: string;
}>;


export type ResidentialAreaQuery = { node:
    | { id: string, name: string, kind: ResidentialAreaKind, households: number | null, residents: number | null, validFrom: string | null, commune: { code: string, fullName: string, parent: { code: string, fullName: string } | null } | null, models: { totalCount: number, edges: Array<{ node: { id: string, name: string, foundedOn: string, builtBy: string, memberCount: number | null, state: ModelState | null, modelType: { name: string } } }> } }
    | Record<PropertyKey, never>
   | null };

export type OfficerUnitQueryVariables = Exact<{
  code: string;
}>;


export type OfficerUnitQuery = { adminUnit: { code: string, fullName: string } | null };

export type SearchUnitsQueryVariables = Exact<{
  search: string;
  asOf?: string | null | undefined;
}>;


export type SearchUnitsQuery = { adminUnits: { totalCount: number, edges: Array<{ node: { code: string, fullName: string, level: AdminLevel, parent: { fullName: string, parent: { fullName: string } | null } | null } }> } };

export type LineageUnitFragment = { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null };

export type UnitLineageQueryVariables = Exact<{
  code: string;
  on: string;
}>;


export type UnitLineageQuery = { adminUnit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, predecessors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, predecessors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, predecessors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null } }> } }> } }>, successors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, successors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null, successors: Array<{ date: string, kind: LineageKind, unit: { code: string, fullName: string, level: AdminLevel, validFrom: string | null, validTo: string | null } }> } }> } }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FiguresFragmentDoc = new TypedDocumentString(`
    fragment Figures on Coverage {
  residentialAreas
  residentialAreasWithActiveModel
  activeModels
  modelTypes
}
    `, {"fragmentName":"Figures"}) as unknown as TypedDocumentString<FiguresFragment, unknown>;
export const LineageUnitFragmentDoc = new TypedDocumentString(`
    fragment LineageUnit on AdminUnit {
  code
  fullName
  level
  validFrom
  validTo
}
    `, {"fragmentName":"LineageUnit"}) as unknown as TypedDocumentString<LineageUnitFragment, unknown>;
export const UnitCoverageDocument = new TypedDocumentString(`
    query UnitCoverage($code: String!, $asOf: Date!) {
  coverage(unitCode: $code, asOf: $asOf) {
    ...Figures
    unit {
      code
      name
      fullName
      level
      validFrom
      validTo
      parent {
        code
        fullName
        parent {
          code
          fullName
        }
      }
    }
    byChild {
      ...Figures
      unit {
        code
        name
        fullName
        level
      }
    }
    byModelType {
      activeModels
      residentialAreas
      modelType {
        id
        name
        category
      }
    }
  }
}
    fragment Figures on Coverage {
  residentialAreas
  residentialAreasWithActiveModel
  activeModels
  modelTypes
}`) as unknown as TypedDocumentString<UnitCoverageQuery, UnitCoverageQueryVariables>;
export const TerritoryCoverageDocument = new TypedDocumentString(`
    query TerritoryCoverage($code: String!, $asOf: Date!, $figuresOn: Date!) {
  coverage(unitCode: $code, asOf: $asOf, lineage: true, figuresOn: $figuresOn) {
    ...Figures
    lineage {
      partial {
        residentialAreas
        residentialAreasWithActiveModel
      }
      partialCommunes {
        commune {
          code
          fullName
        }
      }
    }
  }
}
    fragment Figures on Coverage {
  residentialAreas
  residentialAreasWithActiveModel
  activeModels
  modelTypes
}`) as unknown as TypedDocumentString<TerritoryCoverageQuery, TerritoryCoverageQueryVariables>;
export const ReportTextDocument = new TypedDocumentString(`
    query ReportText($code: String!, $asOf: Date!, $language: Language!) {
  movementReport(unitCode: $code, asOf: $asOf, language: $language)
}
    `) as unknown as TypedDocumentString<ReportTextQuery, ReportTextQueryVariables>;
export const NationalCoverageDocument = new TypedDocumentString(`
    query NationalCoverage($asOf: Date!) {
  nationalCoverage(asOf: $asOf) {
    residentialAreas
    residentialAreasWithActiveModel
    activeModels
    modelTypes
    byProvince {
      ...Figures
      unit {
        code
        name
        fullName
        level
      }
    }
  }
}
    fragment Figures on Coverage {
  residentialAreas
  residentialAreasWithActiveModel
  activeModels
  modelTypes
}`) as unknown as TypedDocumentString<NationalCoverageQuery, NationalCoverageQueryVariables>;
export const SecurityTeamsDocument = new TypedDocumentString(`
    query SecurityTeams($code: String!, $asOf: Date!, $after: String) {
  securityTeams(unitCode: $code, asOf: $asOf, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        establishedOn
        areas {
          id
          name
        }
        members {
          totalCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityTeamsQuery, SecurityTeamsQueryVariables>;
export const ResidentialAreasDocument = new TypedDocumentString(`
    query ResidentialAreas($code: String!, $asOf: Date!, $after: String) {
  residentialAreas(unitCode: $code, asOf: $asOf, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
        households
        residents
        models(first: 1) {
          totalCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResidentialAreasQuery, ResidentialAreasQueryVariables>;
export const ResidentialAreaDocument = new TypedDocumentString(`
    query ResidentialArea($id: ID!, $asOf: Date!) {
  node(id: $id) {
    ... on ResidentialArea {
      id
      name
      kind
      households
      residents
      validFrom
      commune(asOf: $asOf) {
        code
        fullName
        parent {
          code
          fullName
        }
      }
      models(first: 100) {
        totalCount
        edges {
          node {
            id
            name
            foundedOn
            builtBy
            memberCount
            state(asOf: $asOf)
            modelType {
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResidentialAreaQuery, ResidentialAreaQueryVariables>;
export const OfficerUnitDocument = new TypedDocumentString(`
    query OfficerUnit($code: String!) {
  adminUnit(code: $code) {
    code
    fullName
  }
}
    `) as unknown as TypedDocumentString<OfficerUnitQuery, OfficerUnitQueryVariables>;
export const SearchUnitsDocument = new TypedDocumentString(`
    query SearchUnits($search: String!, $asOf: Date) {
  adminUnits(search: $search, asOf: $asOf, first: 8) {
    totalCount
    edges {
      node {
        code
        fullName
        level
        parent {
          fullName
          parent {
            fullName
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchUnitsQuery, SearchUnitsQueryVariables>;
export const UnitLineageDocument = new TypedDocumentString(`
    query UnitLineage($code: String!, $on: Date!) {
  adminUnit(code: $code, asOf: $on) {
    ...LineageUnit
    predecessors {
      date
      kind
      unit {
        ...LineageUnit
        predecessors {
          date
          kind
          unit {
            ...LineageUnit
            predecessors {
              date
              kind
              unit {
                ...LineageUnit
              }
            }
          }
        }
      }
    }
    successors {
      date
      kind
      unit {
        ...LineageUnit
        successors {
          date
          kind
          unit {
            ...LineageUnit
            successors {
              date
              kind
              unit {
                ...LineageUnit
              }
            }
          }
        }
      }
    }
  }
}
    fragment LineageUnit on AdminUnit {
  code
  fullName
  level
  validFrom
  validTo
}`) as unknown as TypedDocumentString<UnitLineageQuery, UnitLineageQueryVariables>;