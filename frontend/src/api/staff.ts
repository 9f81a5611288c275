/** The shop's staff (owners change it) and its history. */
import { z } from "@/lib/zod";

import { http } from "./http";
import { getParsed } from "./parsed";
import { parseResponse } from "./schemas";
import { roleEnumValues } from "./generated/schema";

export const staffMemberSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  role: z.enum(roleEnumValues),
  is_active: z.boolean(),
  invitation_pending: z.boolean(),
  last_login: z.string().nullable(),
  date_joined: z.string(),
});

const invitationSchema = z.object({
  uid: z.string(),
  token: z.string(),
  path: z.string(),
  expires_in_days: z.number().int(),
});

const invitedSchema = z.object({ member: staffMemberSchema, invitation: invitationSchema });

const shopChangeSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  actor: z.string().nullable(),
  member_username: z.string(),
  old_value: z.string(),
  new_value: z.string(),
});

export type StaffMember = z.output<typeof staffMemberSchema>;
export type Invitation = z.output<typeof invitationSchema>;
export type ShopChange = z.output<typeof shopChangeSchema>;
export type Role = StaffMember["role"];

export const listStaff = (signal?: AbortSignal) => getParsed(z.array(staffMemberSchema), "/staff/", { signal });

export const staffHistory = (signal?: AbortSignal) => getParsed(z.array(shopChangeSchema), "/staff/history/", { signal });

export async function inviteMember(body: { username: string; email: string; role: Role }) {
  return parseResponse(invitedSchema, (await http.post<unknown>("/staff/", body)).data);
}

export async function changeMember(id: number, change: { role?: Role; is_active?: boolean }) {
  return parseResponse(staffMemberSchema, (await http.patch<unknown>(`/staff/${id}/`, change)).data);
}

export async function removeMember(id: number): Promise<void> {
  await http.delete(`/staff/${id}/`);
}

export async function renewInvitation(id: number) {
  return parseResponse(invitationSchema, (await http.post<unknown>(`/staff/${id}/invitation/`)).data);
}

const shopSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  contact_email: z.string(),
  default_currency: z.string(),
  time_zone: z.string(),
  low_stock_threshold: z.number().int(),
});

export type ShopSettings = z.output<typeof shopSchema>;
export type ShopSettingsChange = Partial<Omit<ShopSettings, "id" | "slug">>;

export const getShop = (signal?: AbortSignal) => getParsed(shopSchema, "/shop/", { signal });

export async function changeShop(change: ShopSettingsChange) {
  return parseResponse(shopSchema, (await http.patch<unknown>("/shop/", change)).data);
}
