import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SITES, type Site } from '../lib/matching/sites';
import { enabledSitesSetting, strictMatchingSetting } from '../lib/settings';
import './cross-site/cross-site.css';
import { useStorageItem } from './hooks/use-storage-item';

/**
 * Options: the music sites where the badge shows the saved state (issue #9), each asking for
 * its host permission as it is switched on, and "Strict matching".
 */
export function SiteSettings() {
  const enabled = useStorageItem(enabledSitesSetting);
  const strict = useStorageItem(strictMatchingSetting);
  const [error, setError] = useState<string | null>(null);
  if (enabled === undefined || strict === undefined) return null;

  function switchOn(site: Site): void {
    setError(null);
    // Firefox grants only from the click itself: the request comes before any await.
    browser.permissions.request({ permissions: ['scripting'], origins: [...site.origins] }).then(
      async (granted) => {
        if (!granted) {
          setError(`${site.label} stays off: Tracklight needs permission to read its pages to find the song on them.`);
          return;
        }
        const current = await enabledSitesSetting.getValue();
        await enabledSitesSetting.setValue([...new Set([...current, site.id])]);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }

  async function switchOff(site: Site): Promise<void> {
    setError(null);
    const current = await enabledSitesSetting.getValue();
    await enabledSitesSetting.setValue(current.filter((id) => id !== site.id));
    // Hosts granted at install (an enterprise policy, a test build) cannot be removed: the
    // site is off all the same, its content script unregistered by the background.
    await browser.permissions.remove({ origins: [...site.origins] }).catch(() => false);
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
                onChange={(event) => (event.currentTarget.checked ? switchOn(site) : void switchOff(site))}
              />
              <strong>{site.label}</strong>
              <span class="muted">{site.pages}</span>
            </label>
          </li>
        ))}
      </ul>
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
