import { couponOfLong, couponOf } from './src/backend/memory/runtime/hll/murmur3-128.ts';
console.log([1,2].map(v=>(couponOfLong(v)>>>0).toString(16)), ['a','bb'].map(s=>(couponOf(new TextEncoder().encode(s))>>>0).toString(16)), (couponOf(Uint8Array.from([1]))>>>0).toString(16));
