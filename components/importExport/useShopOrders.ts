import { useEffect, useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import { useChangeSignal } from '../ui/useChangeSignal';

/**
 * Orders the shop holds now (undefined while loading). Zero means a first import: the shop
 * currency may still follow the file.
 */
export function useShopOrders(): number | undefined {
  const [orders, setOrders] = useState<number>();
  const load = () => {
    request('getOverview', {})
      .then((o) => setOrders(o.orders))
      .catch(() => {});
  };
  useEffect(load, []);
  useChangeSignal((c) => {
    if (c.kinds.includes('buyers') || c.kinds.includes('settings')) load();
  });
  return orders;
}
