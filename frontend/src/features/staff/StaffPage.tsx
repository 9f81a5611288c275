import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, UserPlus } from "lucide-react";
import { type SubmitEvent, useState } from "react";

import { ApiError } from "@/api/errors";
import {
  type Invitation,
  type Role,
  type ShopSettings,
  type StaffMember,
  changeMember,
  changeShop,
  getShop,
  inviteMember,
  listStaff,
  removeMember,
  renewInvitation,
  staffHistory,
} from "@/api/staff";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { LoadError } from "@/components/LoadError";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { staffKeys } from "@/lib/queryKeys";
import { useMe } from "@/lib/session";
import { roleLabels } from "@/lib/vocabulary";

const CHANGE_LABELS: Record<string, string> = {
  member_invited: "invited",
  invitation_renewed: "renewed the invitation of",
  invitation_accepted: "accepted the invitation:",
  role_changed: "changed the role of",
  member_deactivated: "deactivated",
  member_reactivated: "reactivated",
  member_removed: "removed",
  settings_changed: "changed the shop's",
};

const errorText = (error: unknown) => (error instanceof ApiError ? error.message : "Something went wrong.");

/** The link the owner hands the new member: shown once, with a copy button. */
function InvitationLink({ invitation, username }: { invitation: Invitation; username: string }) {
  const url = `${window.location.origin}${invitation.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <Alert role="status">
      <AlertDescription className="grid gap-2">
        <p>
          Give <strong>{username}</strong> this link to set their password. It works once, for {invitation.expires_in_days} days, and
          is not shown again.
        </p>
        <div className="flex gap-2">
          <Input readOnly aria-label={`Invitation link for ${username}`} value={url} onFocus={(event) => event.target.select()} />
          <Button
            variant="outline"
            onClick={() => {
              void navigator.clipboard.writeText(url).then(() => setCopied(true));
            }}
          >
            <Copy aria-hidden />
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

function InviteForm({ onInvited }: { onInvited: (invitation: Invitation, username: string) => void }) {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const invite = useMutation({
    mutationFn: inviteMember,
    onSuccess: async (result) => {
      onInvited(result.invitation, result.member.username);
      setUsername("");
      setEmail("");
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
  });
  const fields = invite.error instanceof ApiError ? invite.error.fields : undefined;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    invite.mutate({ username: username.trim(), email: email.trim(), role });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a member" className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start">
      <FormField id="invite-username" label="Username" error={fields?.username?.join(" ")}>
        <Input autoComplete="off" value={username} onChange={(event) => setUsername(event.target.value)} />
      </FormField>
      <FormField id="invite-email" label="E-mail (optional)" error={fields?.email?.join(" ")}>
        <Input type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
      </FormField>
      <FormField id="invite-role" label="Role">
        <NativeSelect value={role} onChange={(event) => setRole(event.target.value as Role)}>
          <LabelledOptions labels={roleLabels} />
        </NativeSelect>
      </FormField>
      <Button type="submit" className="sm:mt-6" disabled={invite.isPending}>
        <UserPlus aria-hidden />
        {invite.isPending ? "Adding…" : "Add member"}
      </Button>
      {invite.isError && !fields && <p className="text-sm text-destructive sm:col-span-4">{errorText(invite.error)}</p>}
    </form>
  );
}

function MemberStatus({ member }: { member: StaffMember }) {
  if (!member.is_active) return <Badge variant="outline">Deactivated</Badge>;
  if (member.invitation_pending) return <Badge variant="secondary">Invited</Badge>;
  return <Badge>Active</Badge>;
}

/** An owner's controls for one member: role, (de)activation, a new link, removal. */
function MemberControls({ member, isSelf, onInvitation }: { member: StaffMember; isSelf: boolean; onInvitation: (invitation: Invitation) => void }) {
  const queryClient = useQueryClient();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: staffKeys.all });
  const change = useMutation({ mutationFn: (body: { role?: Role; is_active?: boolean }) => changeMember(member.id, body), onSettled: refresh });
  const remove = useMutation({ mutationFn: () => removeMember(member.id), onSuccess: () => setConfirmRemove(false), onSettled: refresh });
  const renew = useMutation({ mutationFn: () => renewInvitation(member.id), onSuccess: onInvitation });
  const error = change.error ?? renew.error;
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect
          aria-label={`Role of ${member.username}`}
          value={member.role}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ role: event.target.value as Role })}
        >
          <LabelledOptions labels={roleLabels} />
        </NativeSelect>
        <Button variant="outline" size="sm" disabled={change.isPending} onClick={() => change.mutate({ is_active: !member.is_active })}>
          {member.is_active ? "Deactivate" : "Reactivate"}
        </Button>
        {member.invitation_pending && member.is_active && (
          <Button variant="outline" size="sm" disabled={renew.isPending} onClick={() => renew.mutate()}>
            New link
          </Button>
        )}
        <ConfirmDialog
          open={confirmRemove}
          onOpenChange={setConfirmRemove}
          trigger={
            <Button variant="ghost" size="sm">
              Remove
            </Button>
          }
          title={`Remove ${member.username}${isSelf ? " (you)" : ""} from the shop?`}
          description="Their sessions end at once; their account stays, attached to no shop."
          confirmLabel="Remove"
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
        >
          {remove.isError && <p className="text-sm text-destructive">{errorText(remove.error)}</p>}
        </ConfirmDialog>
      </div>
      {error && <p className="text-sm text-destructive">{errorText(error)}</p>}
    </div>
  );
}

/** The shop's own settings: owners edit them, everyone else reads them. */
function ShopSettingsForm({ shop, editable }: { shop: ShopSettings; editable: boolean }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: shop.name,
    contact_email: shop.contact_email,
    default_currency: shop.default_currency,
    time_zone: shop.time_zone,
    low_stock_threshold: String(shop.low_stock_threshold),
  });
  const save = useMutation({
    mutationFn: () => changeShop({ ...values, low_stock_threshold: Number(values.low_stock_threshold) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: staffKeys.shop() });
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : undefined;
  const field = (key: keyof typeof values, label: string, hint?: string) => (
    <FormField id={`shop-${key}`} label={label} hint={hint} error={fields?.[key]?.join(" ")}>
      <Input
        readOnly={!editable}
        value={values[key]}
        onChange={(event) => {
          setValues((current) => ({ ...current, [key]: event.target.value }));
          save.reset();
        }}
      />
    </FormField>
  );
  return (
    <form
      aria-label="Shop settings"
      noValidate
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {field("name", "Shop name")}
      {field("contact_email", "Contact e-mail")}
      {field("default_currency", "Default currency", "New items are priced in it; existing items keep theirs.")}
      {field("time_zone", "Time zone", "An IANA name, e.g. Europe/Berlin.")}
      {field("low_stock_threshold", "Running low at", "Items in stock at or below this quantity.")}
      {editable && (
        <div className="flex items-end gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
          <span role="status" className="text-sm text-muted-foreground">
            {save.isSuccess ? "Saved." : ""}
          </span>
        </div>
      )}
      {save.isError && !fields && <p className="text-sm text-destructive">{errorText(save.error)}</p>}
    </form>
  );
}

function ShopCard({ editable }: { editable: boolean }) {
  const shop = useQuery({ queryKey: staffKeys.shop(), queryFn: ({ signal }) => getShop(signal) });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Shop</CardTitle>
        <CardDescription>{editable ? "Changes are recorded in the history below." : "Only owners change these."}</CardDescription>
      </CardHeader>
      <CardContent>
        {shop.isError ? (
          <p className="text-sm text-destructive">{errorText(shop.error)}</p>
        ) : shop.data ? (
          <ShopSettingsForm key={JSON.stringify(shop.data)} shop={shop.data} editable={editable} />
        ) : (
          <Skeleton className="h-24" />
        )}
      </CardContent>
    </Card>
  );
}

function HistoryCard() {
  const history = useQuery({ queryKey: staffKeys.history(), queryFn: ({ signal }) => staffHistory(signal) });
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Every change to the shop's staff, and who made it.</CardDescription>
      </CardHeader>
      <CardContent>
        {history.isError ? (
          <p className="text-sm text-destructive">{errorText(history.error)}</p>
        ) : !history.data ? (
          <Skeleton className="h-16" />
        ) : history.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No changes yet.</p>
        ) : (
          <ol aria-label="Staff history" className="grid gap-2 text-sm">
            {history.data.map((change) => (
              <li key={change.id}>
                <span className="text-muted-foreground">{formatDateTime(change.at)}</span> · <strong>{change.actor ?? "someone"}</strong>{" "}
                {CHANGE_LABELS[change.kind] ?? change.kind} <strong>{change.member_username}</strong>
                {change.old_value || change.new_value ? ` (${[change.old_value, change.new_value].filter(Boolean).join(" → ")})` : ""}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

export default function StaffPage() {
  const me = useMe().data;
  const isOwner = me?.role === "owner";
  const staff = useQuery({ queryKey: staffKeys.list(), queryFn: ({ signal }) => listStaff(signal) });
  const [shown, setShown] = useState<{ invitation: Invitation; username: string } | null>(null);
  return (
    <div className="grid gap-4">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Staff and shop</h1>
        <p className="text-sm text-muted-foreground">
          {isOwner ? "Who works in the shop, and what each may do." : "Who works in the shop. Only owners change it."}
        </p>
      </div>
      {isOwner && (
        <Card>
          <CardHeader>
            <CardTitle>Add a member</CardTitle>
            <CardDescription>They get a one-time link to set their own password; you never see it.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <InviteForm onInvited={(invitation, username) => setShown({ invitation, username })} />
            {shown && <InvitationLink invitation={shown.invitation} username={shown.username} />}
          </CardContent>
        </Card>
      )}
      {staff.isError ? (
        <LoadError title="The staff could not be loaded." error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <div className="rounded-lg border bg-card p-2">
          <Table aria-label="Staff">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Member</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Last sign-in</TableHead>
                <TableHead>{isOwner ? "Role and access" : "Role"}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(staff.data ?? []).map((member) => (
                <TableRow key={member.id}>
                  <TableCell>
                    <span className="font-medium">{member.username}</span>
                    {member.email && <span className="block text-xs text-muted-foreground">{member.email}</span>}
                  </TableCell>
                  <TableCell>
                    <MemberStatus member={member} />
                  </TableCell>
                  <TableCell className="text-muted-foreground">{member.last_login ? formatDateTime(member.last_login) : "Never"}</TableCell>
                  <TableCell>
                    {isOwner ? (
                      <MemberControls
                        member={member}
                        isSelf={member.id === me.id}
                        onInvitation={(invitation) => setShown({ invitation, username: member.username })}
                      />
                    ) : (
                      roleLabels[member.role]
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ShopCard editable={isOwner} />
      {isOwner && <HistoryCard />}
    </div>
  );
}
