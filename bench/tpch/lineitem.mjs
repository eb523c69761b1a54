// A deterministic TPC-H `lineitem` generator following the specification's
// column rules (clause 4.2.3) for the columns queries 1 and 6 read: orders
// per SF (1.5M), 1–7 lines per order, dates from the order date, flags from
// the current date 1995-06-17, prices from the part key. Seeded, so every
// engine sees the same rows; not dbgen's exact stream (its answers differ
// from the published ones), and prices are doubles rather than decimals.
import { prng } from '../data.mjs';

const DAY = 86_400_000;
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const START = day('1992-01-01');
const END = day('1998-12-31');
const CURRENT = day('1995-06-17');

/** Column arrays; dates as days since the epoch. */
export function lineitem(sf, seed = 1) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const orders = Math.round(1_500_000 * sf);
  const parts = Math.round(200_000 * sf);
  const cols = { orderkey: [], quantity: [], extendedprice: [], discount: [], tax: [], returnflag: [], linestatus: [], shipdate: [] };
  for (let o = 1; o <= orders; o++) {
    const orderdate = int(START, END - 151);
    const lines = int(1, 7);
    for (let l = 0; l < lines; l++) {
      const partkey = int(1, parts);
      const retail = (90000 + (Math.floor(partkey / 10) % 20001) + 100 * (partkey % 1000)) / 100;
      const quantity = int(1, 50);
      const ship = orderdate + int(1, 121);
      const receipt = ship + int(1, 30);
      cols.orderkey.push(o);
      cols.quantity.push(quantity);
      cols.extendedprice.push(Math.round(quantity * retail * 100) / 100);
      cols.discount.push(int(0, 10) / 100);
      cols.tax.push(int(0, 8) / 100);
      cols.returnflag.push(receipt <= CURRENT ? (rnd() < 0.5 ? 'R' : 'A') : 'N');
      cols.linestatus.push(ship > CURRENT ? 'O' : 'F');
      cols.shipdate.push(ship);
    }
  }
  return { n: cols.orderkey.length, ...cols };
}

export const COLUMNS = ['orderkey', 'quantity', 'extendedprice', 'discount', 'tax', 'returnflag', 'linestatus', 'shipdate'];
export const isoDate = (days) => new Date(days * DAY).toISOString().slice(0, 10);
