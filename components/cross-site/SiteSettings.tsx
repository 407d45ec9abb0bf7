import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { requestSiteAccess } from '../../lib/cross-site/site-access';
import { siteSwitches } from '../../lib/cross-site/site-switches';
import { SITES, type Site, type SiteId } from '../../lib/cross-site/sites';
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
        if (!granted) setError(t('sites.permissionRefused', { site: site.label }));
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }

  return (
    <section class="site-settings" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sites.title')}</h2>
      <p class="muted">{t('sites.intro')}</p>
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
              <span class="muted">{siteReads(site.id)}</span>
            </label>
          </li>
        ))}
      </ul>
      <h3 class="site-origins-title">{t('sites.originsTitle')}</h3>
      {origins.length === 0 ? (
        <p class="muted">{t('sites.originsNone')}</p>
      ) : (
        <ul class="site-list" data-enabled-origins>
          {origins.map((origin) => (
            <li key={origin} class="site-origin">
              <bdi>{new URL(origin).hostname}</bdi>
              <button
                type="button"
                onClick={() => void siteSwitches.switchOffOrigin(origin)}
                aria-label={t('sites.turnOffOrigin', { host: new URL(origin).hostname })}
              >
                {t('sites.turnOff')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="strict-matching">
        <input type="checkbox" name="strict-matching" checked={strict} onChange={(event) => void strictMatchingSetting.setValue(event.currentTarget.checked)} />
        <strong>{t('sites.strict')}</strong>
        <span class="muted">{t('sites.strictDetail')}</span>
      </label>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** What Tracklight reads on each site, in the UI's language (`Site.reads` is the English, for code). */
function siteReads(id: SiteId): string {
  switch (id) {
    case 'youtube':
      return t('sites.reads.youtube');
    case 'youtube-music':
      return t('sites.reads.youtubeMusic');
    case 'bandcamp':
      return t('sites.reads.bandcamp');
    case 'lastfm':
      return t('sites.reads.lastfm');
    case 'genius':
      return t('sites.reads.genius');
    case 'soundcloud':
      return t('sites.reads.soundcloud');
    case 'apple-music':
      return t('sites.reads.appleMusic');
    case 'deezer':
      return t('sites.reads.deezer');
    case 'tidal':
      return t('sites.reads.tidal');
  }
}
