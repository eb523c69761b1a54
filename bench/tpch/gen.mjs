// A deterministic TPC-H data generator for the tables queries 1, 3, 5, 6, 10
// and 18 read: region, nation, supplier, customer, orders, lineitem. It follows
// the specification's cardinalities and value rules (clause 4.2.3): SF × 10,000
// suppliers, 150,000 customers, 1,500,000 orders (sparse keys: 8 of every 32),
// 1–7 lines per order; customers whose key is a multiple of 3 place no order;
// dates from the order date; flags from the current date 1995-06-17; prices
// from the part key; supplier keys from the part key's four suppliers; order
// status and total price from the order's lines. Seeded, so every engine sees
// the same rows. Not dbgen's exact stream (so its answers differ from the
// published ones); prices are doubles rather than decimals, and text columns
// (addresses, comments) are random words rather than the spec's grammar.
import { prng } from '../data.mjs';

const DAY = 86_400_000;
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const START = day('1992-01-01');
const END = day('1998-12-31');
const CURRENT = day('1995-06-17');

export const isoDate = (days) => new Date(days * DAY).toISOString().slice(0, 10);

export const REGIONS = ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'];
/** The spec's 25 nations with their region keys (clause 4.2.3). */
export const NATIONS = [
  ['ALGERIA', 0], ['ARGENTINA', 1], ['BRAZIL', 1], ['CANADA', 1], ['EGYPT', 4], ['ETHIOPIA', 0], ['FRANCE', 3],
  ['GERMANY', 3], ['INDIA', 2], ['INDONESIA', 2], ['IRAN', 4], ['IRAQ', 4], ['JAPAN', 2], ['JORDAN', 4],
  ['KENYA', 0], ['MOROCCO', 0], ['MOZAMBIQUE', 0], ['PERU', 1], ['CHINA', 2], ['ROMANIA', 3],
  ['SAUDI ARABIA', 4], ['VIETNAM', 2], ['RUSSIA', 3], ['UNITED KINGDOM', 3], ['UNITED STATES', 1],
];
const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'];
const PRIORITIES = ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'];
const WORDS = ('furiously carefully quickly slyly blithely ironic final regular express pending special bold even ' +
  'silent unusual requests deposits packages accounts instructions theodolites foxes pinto beans dependencies ' +
  'asymptotes platelets courts sleep wake haggle nag use cajole detect boost').split(' ');
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,';

/** The column names each table's generated arrays carry, in schema order, with their SQL types. */
export const SCHEMAS = {
  region: [['r_regionkey', 'INT'], ['r_name', 'STRING']],
  nation: [['n_nationkey', 'INT'], ['n_name', 'STRING'], ['n_regionkey', 'INT']],
  supplier: [['s_suppkey', 'LONG'], ['s_name', 'STRING'], ['s_nationkey', 'INT'], ['s_acctbal', 'DOUBLE']],
  customer: [
    ['c_custkey', 'LONG'], ['c_name', 'STRING'], ['c_address', 'STRING'], ['c_nationkey', 'INT'], ['c_phone', 'STRING'],
    ['c_acctbal', 'DOUBLE'], ['c_mktsegment', 'STRING'], ['c_comment', 'STRING'],
  ],
  orders: [
    ['o_orderkey', 'LONG'], ['o_custkey', 'LONG'], ['o_orderstatus', 'STRING'], ['o_totalprice', 'DOUBLE'],
    ['o_orderdate', 'DATE'], ['o_orderpriority', 'STRING'], ['o_shippriority', 'INT'],
  ],
  lineitem: [
    ['l_orderkey', 'LONG'], ['l_partkey', 'LONG'], ['l_suppkey', 'LONG'], ['l_linenumber', 'INT'], ['l_quantity', 'DOUBLE'],
    ['l_extendedprice', 'DOUBLE'], ['l_discount', 'DOUBLE'], ['l_tax', 'DOUBLE'], ['l_returnflag', 'STRING'],
    ['l_linestatus', 'STRING'], ['l_shipdate', 'DATE'], ['l_commitdate', 'DATE'], ['l_receiptdate', 'DATE'],
  ],
};

function table(name, n) {
  const cols = { n };
  for (const [c, type] of SCHEMAS[name]) {
    cols[c] = type === 'STRING' ? new Array(n) : type === 'DOUBLE' ? new Float64Array(n) : new Int32Array(n);
  }
  return cols;
}

/** All six tables at scale factor `sf`, column-major; dates as days since the epoch. */
export function generate(sf, seed = 1) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const money = (lo, hi) => int(lo * 100, hi * 100) / 100; // two decimals, uniform
  const vstring = (lo, hi) => {
    let s = '';
    for (let i = int(lo, hi); i > 0; i--) s += ALNUM[Math.floor(rnd() * ALNUM.length)];
    return s;
  };
  const text = (lo, hi) => {
    const len = int(lo, hi);
    let s = pick(WORDS);
    while (s.length < len) s += ' ' + pick(WORDS);
    return s.slice(0, len);
  };
  const phone = (nation) => `${nation + 10}-${int(100, 999)}-${int(100, 999)}-${int(1000, 9999)}`;

  const region = table('region', 5);
  REGIONS.forEach((r, i) => ((region.r_regionkey[i] = i), (region.r_name[i] = r)));
  const nation = table('nation', 25);
  NATIONS.forEach(([name, r], i) => ((nation.n_nationkey[i] = i), (nation.n_name[i] = name), (nation.n_regionkey[i] = r)));

  const S = Math.max(1, Math.round(10_000 * sf));
  const supplier = table('supplier', S);
  for (let i = 0; i < S; i++) {
    supplier.s_suppkey[i] = i + 1;
    supplier.s_name[i] = `Supplier#${String(i + 1).padStart(9, '0')}`;
    supplier.s_nationkey[i] = int(0, 24);
    supplier.s_acctbal[i] = money(-999.99, 9999.99);
  }

  const C = Math.max(3, Math.round(150_000 * sf));
  const customer = table('customer', C);
  for (let i = 0; i < C; i++) {
    const nk = int(0, 24);
    customer.c_custkey[i] = i + 1;
    customer.c_name[i] = `Customer#${String(i + 1).padStart(9, '0')}`;
    customer.c_address[i] = vstring(10, 40);
    customer.c_nationkey[i] = nk;
    customer.c_phone[i] = phone(nk);
    customer.c_acctbal[i] = money(-999.99, 9999.99);
    customer.c_mktsegment[i] = pick(SEGMENTS);
    customer.c_comment[i] = text(29, 116);
  }

  const O = Math.max(1, Math.round(1_500_000 * sf));
  const P = Math.max(1, Math.round(200_000 * sf));
  const orders = table('orders', O);
  const cap = O * 7;
  const li = {};
  for (const [c, type] of SCHEMAS.lineitem) li[c] = type === 'STRING' ? new Array(cap) : type === 'DOUBLE' ? new Float64Array(cap) : new Int32Array(cap);
  let n = 0;
  for (let o = 0; o < O; o++) {
    const orderkey = Math.floor(o / 8) * 32 + (o % 8) + 1; // only the first 8 of every 32 keys
    let custkey;
    do custkey = int(1, C);
    while (custkey % 3 === 0);
    const orderdate = int(START, END - 151);
    const lines = int(1, 7);
    let total = 0;
    let shipped = 0;
    for (let l = 1; l <= lines; l++, n++) {
      const partkey = int(1, P);
      const supp = int(0, 3);
      const retail = (90000 + (Math.floor(partkey / 10) % 20001) + 100 * (partkey % 1000)) / 100;
      const quantity = int(1, 50);
      const price = Math.round(quantity * retail * 100) / 100;
      const discount = int(0, 10) / 100;
      const tax = int(0, 8) / 100;
      const ship = orderdate + int(1, 121);
      const receipt = ship + int(1, 30);
      li.l_orderkey[n] = orderkey;
      li.l_partkey[n] = partkey;
      li.l_suppkey[n] = ((partkey + supp * (Math.floor(S / 4) + Math.floor((partkey - 1) / S))) % S) + 1;
      li.l_linenumber[n] = l;
      li.l_quantity[n] = quantity;
      li.l_extendedprice[n] = price;
      li.l_discount[n] = discount;
      li.l_tax[n] = tax;
      li.l_returnflag[n] = receipt <= CURRENT ? (rnd() < 0.5 ? 'R' : 'A') : 'N';
      li.l_linestatus[n] = ship > CURRENT ? 'O' : 'F';
      li.l_shipdate[n] = ship;
      li.l_commitdate[n] = orderdate + int(30, 90);
      li.l_receiptdate[n] = receipt;
      total += price * (1 + tax) * (1 - discount);
      if (ship > CURRENT) shipped++;
    }
    orders.o_orderkey[o] = orderkey;
    orders.o_custkey[o] = custkey;
    orders.o_orderstatus[o] = shipped === lines ? 'O' : shipped === 0 ? 'F' : 'P';
    orders.o_totalprice[o] = Math.round(total * 100) / 100;
    orders.o_orderdate[o] = orderdate;
    orders.o_orderpriority[o] = pick(PRIORITIES);
    orders.o_shippriority[o] = 0;
  }
  const lineitem = { n };
  for (const [c] of SCHEMAS.lineitem) lineitem[c] = li[c].slice(0, n);
  return { region, nation, supplier, customer, orders, lineitem };
}

/** `name type, ...` for createDataFrame / CREATE TABLE. */
export const ddl = (name, sqlType = (t) => t) => SCHEMAS[name].map(([c, t]) => `${c} ${sqlType(t)}`).join(', ');

/** Rows of one table as arrays, dates as ISO strings (for engines that take rows). */
export function rowsOf(cols, name) {
  const schema = SCHEMAS[name];
  const out = new Array(cols.n);
  for (let i = 0; i < cols.n; i++) out[i] = schema.map(([c, t]) => (t === 'DATE' ? isoDate(cols[c][i]) : cols[c][i]));
  return out;
}
