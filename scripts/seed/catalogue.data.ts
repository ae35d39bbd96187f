/**
 * The demo shop's catalogue: a home, kitchen and outdoor retailer. Prices are list prices in euro cents
 * (VAT included, so orders carry no separate tax line). `popularity` weights what people buy.
 */

export interface CatalogueProduct {
  sku: string;
  name: string;
  category: string;
  priceMinor: number;
  popularity: number;
  /** Kept in the catalogue for old orders, no longer sold. */
  discontinued?: boolean;
}

export const CURRENCY = 'EUR';

export const CATALOGUE: readonly CatalogueProduct[] = [
  {
    sku: 'COF-001',
    name: 'Single-origin coffee beans 250 g',
    category: 'Coffee',
    priceMinor: 1290,
    popularity: 10,
  },
  { sku: 'COF-002', name: 'Espresso blend 1 kg', category: 'Coffee', priceMinor: 2990, popularity: 7 },
  { sku: 'COF-003', name: 'Pour-over starter kit', category: 'Coffee', priceMinor: 4490, popularity: 4 },
  { sku: 'COF-004', name: 'Burr coffee grinder', category: 'Coffee', priceMinor: 12900, popularity: 3 },
  { sku: 'COF-005', name: 'Espresso machine Pro', category: 'Coffee', priceMinor: 44900, popularity: 1 },
  { sku: 'COF-006', name: 'Paper filters (100)', category: 'Coffee', priceMinor: 499, popularity: 9 },
  { sku: 'KIT-001', name: 'Cast-iron skillet 28 cm', category: 'Kitchen', priceMinor: 5490, popularity: 5 },
  { sku: 'KIT-002', name: 'Chef knife 20 cm', category: 'Kitchen', priceMinor: 8900, popularity: 4 },
  { sku: 'KIT-003', name: 'Bamboo cutting board', category: 'Kitchen', priceMinor: 2490, popularity: 6 },
  { sku: 'KIT-004', name: 'Stainless saucepan set', category: 'Kitchen', priceMinor: 13900, popularity: 2 },
  { sku: 'KIT-005', name: 'Glass food containers (6)', category: 'Kitchen', priceMinor: 3490, popularity: 6 },
  { sku: 'KIT-006', name: 'Silicone baking mat', category: 'Kitchen', priceMinor: 1490, popularity: 5 },
  { sku: 'KIT-007', name: 'Stand mixer', category: 'Kitchen', priceMinor: 34900, popularity: 1 },
  { sku: 'KIT-008', name: 'Spice jar set', category: 'Kitchen', priceMinor: 2990, popularity: 4 },
  { sku: 'HOM-001', name: 'Linen bed sheet set', category: 'Home', priceMinor: 8990, popularity: 4 },
  { sku: 'HOM-002', name: 'Wool throw blanket', category: 'Home', priceMinor: 6990, popularity: 4 },
  { sku: 'HOM-003', name: 'Scented candle', category: 'Home', priceMinor: 1990, popularity: 8 },
  { sku: 'HOM-004', name: 'Ceramic vase', category: 'Home', priceMinor: 3990, popularity: 3 },
  { sku: 'HOM-005', name: 'Cotton bath towels (4)', category: 'Home', priceMinor: 4990, popularity: 5 },
  { sku: 'HOM-006', name: 'LED desk lamp', category: 'Home', priceMinor: 5990, popularity: 3 },
  { sku: 'HOM-007', name: 'Storage baskets (3)', category: 'Home', priceMinor: 3290, popularity: 4 },
  { sku: 'OUT-001', name: 'Hiking backpack 30 l', category: 'Outdoor', priceMinor: 9990, popularity: 3 },
  { sku: 'OUT-002', name: 'Insulated water bottle', category: 'Outdoor', priceMinor: 2990, popularity: 8 },
  { sku: 'OUT-003', name: 'Camping stove', category: 'Outdoor', priceMinor: 7490, popularity: 2 },
  { sku: 'OUT-004', name: 'Two-person tent', category: 'Outdoor', priceMinor: 19900, popularity: 1 },
  { sku: 'OUT-005', name: 'Rain jacket', category: 'Outdoor', priceMinor: 12900, popularity: 3 },
  { sku: 'OUT-006', name: 'Picnic blanket', category: 'Outdoor', priceMinor: 3490, popularity: 3 },
  { sku: 'ELE-001', name: 'Wireless earbuds', category: 'Electronics', priceMinor: 7990, popularity: 4 },
  { sku: 'ELE-002', name: 'Bluetooth speaker', category: 'Electronics', priceMinor: 5990, popularity: 3 },
  { sku: 'ELE-003', name: 'Smart plug (2)', category: 'Electronics', priceMinor: 2990, popularity: 4 },
  { sku: 'ELE-004', name: 'Power bank 10,000 mAh', category: 'Electronics', priceMinor: 3490, popularity: 5 },
  { sku: 'ELE-005', name: 'E-reader', category: 'Electronics', priceMinor: 12990, popularity: 2 },
  { sku: 'CAR-001', name: 'Natural soap bar', category: 'Personal care', priceMinor: 599, popularity: 9 },
  { sku: 'CAR-002', name: 'Shampoo bar', category: 'Personal care', priceMinor: 899, popularity: 7 },
  { sku: 'CAR-003', name: 'Hand cream', category: 'Personal care', priceMinor: 1290, popularity: 6 },
  {
    sku: 'CAR-004',
    name: 'Bamboo toothbrush (4)',
    category: 'Personal care',
    priceMinor: 999,
    popularity: 7,
  },
  { sku: 'GFT-001', name: 'Gift card 25 EUR', category: 'Gifts', priceMinor: 2500, popularity: 3 },
  { sku: 'GFT-002', name: 'Gift box "Morning ritual"', category: 'Gifts', priceMinor: 5900, popularity: 3 },
  {
    sku: 'GFT-003',
    name: 'Advent calendar',
    category: 'Gifts',
    priceMinor: 4900,
    popularity: 2,
    discontinued: true,
  },
];
