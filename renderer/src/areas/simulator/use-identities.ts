import { useEffect, useState } from 'react';
import { useSim } from './sim-context';

export type Identity = { value: string; label: string };

const ROOT: Identity = { value: 'root', label: 'root (루트 사용자)' };

/** Who can act in this account: root, its IAM users and its roles, read (unrecorded) again whenever the account changes. */
export function useIdentities(): Identity[] {
  const { client, revision } = useSim();
  const [identities, setIdentities] = useState<Identity[]>([ROOT]);
  useEffect(() => {
    let live = true;
    void Promise.all([
      client.request({ kind: 'inspect', action: 'iam:ListUsers', params: {}, region: 'us-east-1' }),
      client.request({ kind: 'inspect', action: 'iam:ListRoles', params: {}, region: 'us-east-1' }),
    ]).then(([users, roles]) => {
      if (!live) return;
      const u = ((users.response?.['Users'] as { UserName: string }[] | undefined) ?? []).map((x) => ({ value: x.UserName, label: `${x.UserName} (IAM 사용자)` }));
      const r = ((roles.response?.['Roles'] as { RoleName: string }[] | undefined) ?? []).map((x) => ({ value: `role:${x.RoleName}`, label: `${x.RoleName} (역할 세션, AssumeRole 후)` }));
      const next = [ROOT, ...u, ...r];
      // Most calls change no user or role: keeping the same list spares every caller picker a render.
      setIdentities((prev) => (prev.length === next.length && prev.every((p, i) => p.value === next[i]!.value && p.label === next[i]!.label) ? prev : next));
    });
    return () => {
      live = false;
    };
  }, [client, revision]);
  return identities;
}
