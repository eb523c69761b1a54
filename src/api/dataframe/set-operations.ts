/**
 * The set operations of DataFrame (union, unionByName, intersect, subtract,
 * exceptAll, ...): two plans combined into one SetOperation node.
 */
import { requireDataFrame } from './require-dataframe.js';
import { plan } from '../../plan/nodes.js';
import type { DataFrame } from '../dataframe.js';

export function unionByName(df: DataFrame, other: DataFrame, allowMissingColumns: boolean): DataFrame {
  requireDataFrame('other', other);
  return df.withPlan(plan('SetOperation', { op: 'union', all: true, left: df.plan, right: other.plan, byName: true, allowMissingColumns }));
}

export function setOperation(df: DataFrame, op: 'union' | 'intersect' | 'except', all: boolean, other: DataFrame): DataFrame {
  requireDataFrame('other', other);
  return df.withPlan(plan('SetOperation', { op, all, left: df.plan, right: other.plan }));
}
