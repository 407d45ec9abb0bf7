import { useState } from 'preact/hooks';
import { requestSiteAccess } from '../../lib/cross-site/site-access';
import { siteSwitches } from '../../lib/cross-site/site-switches';
import { SITES, type Site } from '../../lib/cross-site/sites';
import { enabledOriginsSetting, enabledSitesSetting, strictMatchingSetting } from '../../lib/storage-items';
import './cross-site.css';
import { useStorageItem } from '../hooks/use-storage-item';

/**
 * Options: the music sites where the badge shows the saved state (issues #9, #14), each asking
 * for its host permission as it is switched on; the other sites switched on from the popup
 * ("Enable on this site"), each with its own off switch; and "Strict matching".
 */
export function SiteSettings() {
  const enabled = useStorageItem(enabledSitesSetting);
  const origins = useStorageItem(enabledOriginsSetting);
  const strict = useStorageItem(strictMatchingSetting);
  const [error, setError] = useState<string | null>(null);
  if (enabled === undefined || origins === undefined || strict === undefined) return null;

  function switchOn(site: Site): void {
    setError(null);
    requestSiteAccess({ kind: 'site', site }, siteSwitches).then(
      (granted) => {
        if (!granted) setError(`${site.label} stays off: Tracklight needs permission to read its pages to find the song on them.`);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }

  return (
    <section class="site-settings" aria-labelledby="sites-title">
      <h2 id="sites-title">Other music sites</h2>
      <p class="muted">
        The toolbar badge shows ✓, ≈ or + on these sites too, matched against your cached library: no extra calls to
        Spotify. Each asks for permission to read that site’s pages when you switch it on; nothing is read elsewhere.
      </p>
      <ul class="site-list">
        {SITES.map((site) => (
          <li key={site.id}>
            <label>
              <input
                type="checkbox"
                name={`site-${site.id}`}
                checked={enabled.includes(site.id)}
                onChange={(event) => (event.currentTarget.checked ? switchOn(site) : void siteSwitches.switchOffSite(site.id))}
              />
              <strong>{site.label}</strong>
              <span class="muted">{site.pages}</span>
            </label>
          </li>
        ))}
      </ul>
      <h3 class="site-origins-title">Switched on from the popup</h3>
      {origins.length === 0 ? (
        <p class="muted">
          None. On another site’s page — Bandcamp on an artist’s own domain, a page that describes a song — open Tracklight and
          choose “Enable on this site”.
        </p>
      ) : (
        <ul class="site-list" data-enabled-origins>
          {origins.map((origin) => (
            <li key={origin} class="site-origin">
              <bdi>{new URL(origin).hostname}</bdi>
              <button type="button" onClick={() => void siteSwitches.switchOffOrigin(origin)} aria-label={`Turn off ${new URL(origin).hostname}`}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="strict-matching">
        <input
          type="checkbox"
          name="strict-matching"
          checked={strict}
          onChange={(event) => void strictMatchingSetting.setValue(event.currentTarget.checked)}
        />
        <strong>Strict matching</strong>
        <span class="muted">only the same title and artist once decorations are removed; nothing a spelling apart</span>
      </label>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
