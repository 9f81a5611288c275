/**
 * Labels for the API's enums. `Record<Enum, string>` makes `tsc` fail when the
 * generated types gain or lose a value, so these never drift from the contract.
 */
import type {
  Condition,
  Finish,
  Game,
  GradingCompany,
  ImportFormat,
  ImportMode,
  ImportOutcome,
  ImportStatus,
  Language,
  MarketRegion,
  MovementReason,
  Role,
} from "@/api/types";

export const conditionLabels: Record<Condition, string> = {
  M: "Mint",
  NM: "Near Mint",
  LP: "Lightly Played",
  MP: "Moderately Played",
  HP: "Heavily Played",
  DMG: "Damaged",
};

export const gameLabels: Record<Game, string> = {
  pokemon: "Pokémon",
  mtg: "Magic: The Gathering",
  yugioh: "Yu-Gi-Oh!",
  onepiece: "One Piece",
  lorcana: "Disney Lorcana",
  sports: "Sports",
  other: "Other",
};

export const languageLabels: Record<Language, string> = {
  EN: "English",
  JA: "Japanese",
  DE: "German",
  FR: "French",
  IT: "Italian",
  ES: "Spanish",
  PT: "Portuguese",
  KO: "Korean",
  ZH: "Chinese",
  RU: "Russian",
};

export const marketRegionLabels: Record<MarketRegion, string> = {
  NA: "North America",
  EU: "Europe",
  JP: "Japan",
  KR: "Korea",
  CN: "China",
  ASIA: "Asia (other)",
  LATAM: "Latin America",
  OCE: "Oceania",
  GLOBAL: "Global",
};

export const finishLabels: Record<Finish, string> = {
  normal: "Normal",
  foil: "Foil",
  reverse_holo: "Reverse holo",
  holo: "Holo",
  etched: "Etched",
  other: "Other",
};

export const gradingCompanyLabels: Record<GradingCompany, string> = {
  PSA: "PSA",
  BGS: "Beckett (BGS)",
  CGC: "CGC",
  SGC: "SGC",
};

export const movementReasonLabels: Record<MovementReason, string> = {
  sale: "Sale",
  purchase: "Purchase",
  return: "Customer return",
  correction: "Correction",
  damage: "Damaged or lost",
  import: "Import",
  other: "Other",
};

export const importFormatLabels: Record<ImportFormat, string> = {
  omnistock: "Omni-Stock CSV",
  tcgplayer: "TCGplayer seller export",
  deckbox: "Deckbox",
  moxfield: "Moxfield",
  manabox: "ManaBox",
  cardmarket: "Cardmarket stock file",
};

export const importModeLabels: Record<ImportMode, string> = {
  set: "Set quantities to the file's",
  add: "Add the file's quantities",
};

export const importStatusLabels: Record<ImportStatus, string> = {
  preview: "Preview",
  committed: "Committed",
  rolled_back: "Rolled back",
};

export const importOutcomeLabels: Record<ImportOutcome, string> = {
  create: "Create",
  update: "Update",
  unchanged: "Unchanged",
  error: "Error",
};

export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  viewer: "Viewer",
};
