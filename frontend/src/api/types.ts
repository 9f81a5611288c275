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
export type PasswordChangeRequest = Schemas["PasswordChangeRequest"];
export type NewSessionTokens = Schemas["TokenPair"];
export type UserSummary = Schemas["UserSummary"];

export type StockAdjustmentRequest = Schemas["StockAdjustmentRequest"];
export type StockMovement = Schemas["StockMovement"];
export type StockConflict = Schemas["StockConflict"];
export type PaginatedStockMovementList = Schemas["PaginatedStockMovementList"];
export type HistoryEntry = Schemas["HistoryEntry"];
export type PaginatedHistoryEntryList = Schemas["PaginatedHistoryEntryList"];
export type PreconditionFailed = Schemas["PreconditionFailed"];

export type BulkRequest = Schemas["BulkRequestRequest"];
export type BulkChanges = Schemas["BulkChangesRequest"];
export type BulkResult = Schemas["BulkResult"];
export type BulkRejected = Schemas["BulkRejected"];
export type BulkItemResult = Schemas["BulkItemResult"];

export type ImportBatch = Schemas["ImportBatch"];
export type ImportRow = Schemas["ImportRow"];
export type ImportConflict = Schemas["ImportConflict"];
export type PaginatedImportBatchList = Schemas["PaginatedImportBatchList"];
export type PaginatedImportRowList = Schemas["PaginatedImportRowList"];

export type Printing = Schemas["Printing"];
export type CardSet = Schemas["CardSet"];
export type CardSetBrief = Schemas["CardSetBrief"];
export type PaginatedPrintingList = Schemas["PaginatedPrintingList"];
export type PaginatedCardSetList = Schemas["PaginatedCardSetList"];
export type PrintingListQuery = NonNullable<operations["catalog_printings_list"]["parameters"]["query"]>;

export type Role = Schemas["RoleEnum"];
export type Condition = Schemas["ConditionEnum"];
export type Game = Schemas["GameEnum"];
export type Language = Schemas["LanguageEnum"];
export type MarketRegion = Schemas["MarketRegionEnum"];
export type Finish = Schemas["FinishEnum"];
export type GradingCompany = Schemas["GradingCompanyEnum"];
export type MovementReason = Schemas["MovementReasonEnum"];
export type ImportFormat = Schemas["ImportFormatEnum"];
export type ImportMode = Schemas["ImportModeEnum"];
export type ImportStatus = Schemas["ImportStatusEnum"];
export type ImportOutcome = Schemas["ImportRowOutcomeEnum"];

export type CollectibleListQuery = NonNullable<operations["collectibles_list"]["parameters"]["query"]>;
export type CollectibleOrdering = NonNullable<CollectibleListQuery["ordering"]>[number];
export type ExportFormat = NonNullable<NonNullable<operations["collectibles_export_retrieve"]["parameters"]["query"]>["format"]>;
