import { createHash } from 'node:crypto';
import { MANIFEST_TYPES, OCI_INDEX, placeholderIndex } from '../../lib/oci';
import { type RegistrySession, registryFailure } from './session';

// Deleting from a registry: a manifest by digest, and one tag without the manifest it points at
// (which another tag may hold). Clean-up removes a closed ref's tags with it; the multi-platform
// merge removes the tags its legs pushed under.

/** Deletes share the session's bound. */
const SESSION_TIMEOUT_MS = 30000;

/**
 * `DELETE /v2/<name>/manifests/<digest>`. A refusal (405: deletes disabled, 401/403: no right) is
 * returned as a reason; 404 (gone already) counts as deleted.
 */
export async function deleteManifest(session: RegistrySession, digest: string): Promise<string | null> {
  try {
    const res = await session.send(`${session.origin}/v2/${session.name.repository}/manifests/${digest}`, {
      method: 'DELETE',
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok || res.status === 404) return null;
    const why =
      res.status === 405
        ? 'the registry does not allow deletes (HTTP 405)'
        : res.status === 401 || res.status === 403
          ? `the credentials may not delete (HTTP ${res.status})${session.deniedHint()}`
          : `HTTP ${res.status}`;
    return `${session.where} refused to delete a manifest of ${session.name.repository}: ${why}`;
  } catch (e) {
    return registryFailure(e, {
      where: session.where,
      doing: 'deleting a manifest',
      timeoutMs: SESSION_TIMEOUT_MS,
      redact: session.redact,
    });
  }
}

/** Registries seen refusing `DELETE /v2/<name>/manifests/<tag>`: asked once per session. */
const noTagDelete = new WeakSet<RegistrySession>();

const manifestUrl = (session: RegistrySession, reference: string) =>
  `${session.origin}/v2/${session.name.repository}/manifests/${encodeURIComponent(reference)}`;

/** A refusal of the credentials as a reason; null when the answer is not one. */
function deniedReason(session: RegistrySession, status: number, doing: string): string | null {
  if (status !== 401 && status !== 403) return null;
  return `${session.where} refused to ${doing} in ${session.name.repository}: the credentials may not (HTTP ${status})${session.deniedHint()}`;
}

/**
 * `PUT` of the placeholder index (lib/oci.ts) to `tag`: the tag leaves the manifest it shared.
 * Returns the placeholder's digest, or a reason.
 */
export async function moveTagToPlaceholder(
  session: RegistrySession,
  tag: string,
  removed: string,
): Promise<{ digest: string } | { reason: string }> {
  const body = placeholderIndex(removed);
  const res = await session.send(manifestUrl(session, tag), {
    method: 'PUT',
    headers: { 'Content-Type': OCI_INDEX },
    body,
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return { digest: `sha256:${createHash('sha256').update(body).digest('hex')}` };
  const reason =
    deniedReason(session, res.status, `move the tag ${tag}`) ??
    `${session.where} answered HTTP ${res.status} to moving the tag ${tag} of ${session.name.repository}`;
  return { reason };
}

/**
 * Removes one tag and leaves the manifest it points at (`shared`), which a kept tag holds. Where
 * the registry deletes tags (OCI distribution 1.1: `DELETE /v2/<name>/manifests/<tag>`), that;
 * elsewhere (distribution 2.x answers 400) the tag is moved to a placeholder of its own, which is
 * then deleted by digest. A registry that took the tag's DELETE for the manifest's is caught by
 * asking for the manifest after it: a reason, and later tags are moved first. Returns a reason
 * when it could not.
 */
export async function removeTag(
  session: RegistrySession,
  tag: string,
  removed: string,
  shared: string,
): Promise<string | null> {
  try {
    if (!noTagDelete.has(session)) {
      const res = await session.send(manifestUrl(session, tag), { method: 'DELETE' });
      await res.arrayBuffer().catch(() => undefined);
      const denied = deniedReason(session, res.status, `delete the tag ${tag}`);
      if (denied) return denied;
      if (res.ok) return await sharedManifestLeft(session, tag, shared);
      noTagDelete.add(session);
    }
    const moved = await moveTagToPlaceholder(session, tag, removed);
    if ('reason' in moved) return moved.reason;
    return await deleteManifest(session, moved.digest);
  } catch (e) {
    return registryFailure(e, {
      where: session.where,
      doing: `removing the tag ${tag}`,
      timeoutMs: SESSION_TIMEOUT_MS,
      redact: session.redact,
    });
  }
}

/** After a tag's DELETE: null when the manifest it shared is still there, else a reason. */
async function sharedManifestLeft(
  session: RegistrySession,
  tag: string,
  shared: string,
): Promise<string | null> {
  const res = await session.send(manifestUrl(session, shared), {
    method: 'HEAD',
    headers: { Accept: MANIFEST_TYPES },
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status !== 404) return null;
  noTagDelete.add(session);
  return `${session.where} deleted the manifest ${shared} of ${session.name.repository} with the tag ${tag}: the tags that shared it are gone too (their next build writes them again); later tags are moved to a placeholder first`;
}
