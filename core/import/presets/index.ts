import type { Preset } from '../mapping';
import { alibaba } from './alibaba';
import { alibaba1688 } from './alibaba1688';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { generic } from './generic';
import { lazada } from './lazada';
import { onlineRetail } from './onlineRetail';
import { shopee } from './shopee';
import { shopify } from './shopify';
import { taobao } from './taobao';
import { woocommerce } from './woocommerce';

/** Built-in presets in auto-detection tie-break order (generic last: it matches loosely). */
export const BUILT_IN_PRESETS: readonly Preset[] = [
  taobao,
  alibaba1688,
  alibaba,
  aliexpress,
  amazon,
  ebay,
  etsy,
  shopee,
  lazada,
  shopify,
  woocommerce,
  onlineRetail,
  generic,
];

export function getPreset(id: string): Preset | undefined {
  return BUILT_IN_PRESETS.find((p) => p.id === id);
}
