/**
 * Friendly names for the types generated from ../api_schema.json
 * (src/api/generated/schema.ts, written by `npm run gen:types`, never edited by hand).
 */
import type { components, operations } from "./generated/schema";

type Schemas = components["schemas"];

export type Collectible = Schemas["Collectible"];
export type CollectibleRequest = Schemas["CollectibleRequest"];
export type CardDetails = Schemas["CardDetails"];
export type CardDetailsRequest = Schemas["CardDetailsRequest"];
export type PaginatedCollectibleList = Schemas["PaginatedCollectibleList"];
export type Me = Schemas["Me"];
export type VendorSummary = Schemas["VendorSummary"];
export type TokenPair = Schemas["TokenObtainPair"];
export type TokenRefresh = Schemas["TokenRefresh"];
export type LoginRequest = Schemas["TokenObtainPairRequest"];

export type Role = Schemas["RoleEnum"];
export type Condition = Schemas["ConditionEnum"];
export type Game = Schemas["GameEnum"];
export type Language = Schemas["LanguageEnum"];
export type MarketRegion = Schemas["MarketRegionEnum"];
export type Finish = Schemas["FinishEnum"];
export type GradingCompany = Schemas["GradingCompanyEnum"];

export type CollectibleListQuery = NonNullable<operations["collectibles_list"]["parameters"]["query"]>;
export type CollectibleOrdering = NonNullable<CollectibleListQuery["ordering"]>[number];
