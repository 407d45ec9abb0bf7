import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportSiteTrack } from '../lib/cross-site/report-site-track';

/**
 * Reads the song on a music page the user switched on (a site in Options, or any origin from
 * the popup) and tells the background, which sets the badge. Registered at run time for the
 * granted sites and origins only (lib/cross-site/background/site-scripts.ts): no `matches` here, so WXT
 * adds no host permission. The work is in lib/cross-site/report-site-track.ts.
 */
export default defineContentScript({
  registration: 'runtime',
  main: reportSiteTrack,
});
