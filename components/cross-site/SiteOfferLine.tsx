import type { SiteOffer } from '../../lib/cross-site/site-access';
import { t } from '../../lib/i18n';
import { Rich } from '../Rich';
import './cross-site.css';

interface SiteOfferLineProps {
  offer: SiteOffer | null;
  pending: boolean;
  error: string | null;
  onEnable(): void;
}

/**
 * "Enable on this site": a music site not switched on yet, or any other page whose song
 * Tracklight could read (schema.org or Open Graph song data, Bandcamp on an artist's domain).
 * One quiet line above the footer; the button asks for that site's (or that origin's)
 * permission, from the click.
 */
export function SiteOfferLine({ offer, pending, error, onEnable }: SiteOfferLineProps) {
  if (!offer && !error) return null;
  return (
    <section class="site-offer" data-site-offer={offer ? (offer.kind === 'site' ? offer.site.id : offer.origin) : undefined}>
      {offer && (
        <>
          <p class="site-offer-text muted">
            <Rich text={t('siteOffer.off')} parts={{ site: <bdi>{offer.kind === 'site' ? offer.site.label : new URL(offer.origin).hostname}</bdi> }} />
          </p>
          <button type="button" class="site-offer-enable" onClick={onEnable} disabled={pending}>
            {t('siteOffer.enable')}
          </button>
        </>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
