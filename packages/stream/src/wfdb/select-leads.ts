/** @module Choosing signals of a record by lead name or index. */
import { UsageError } from '@edge-ecg/core';
import type { WfdbHeader } from './header-types';

/** A lead by its name in the header (matched in any case, such as `mlii`) or 0-based index. */
export type LeadSelector = string | number;

/** The name a signal goes by: its description, or `signal N` when the header gives none. */
export function signalName(header: WfdbHeader, index: number): string {
  return header.signals[index]?.description || `signal ${index}`;
}

/**
 * The header indices of the selected leads, in the order given; all signals when `leads` is
 * undefined. A name shared by several signals selects the first.
 *
 * @throws UsageError when a name or index matches no signal of the record.
 */
export function resolveLeads(header: WfdbHeader, leads?: readonly LeadSelector[]): number[] {
  const names = header.signals.map((_, index) => signalName(header, index));
  if (leads === undefined) return names.map((_, index) => index);
  return leads.map((lead) => resolveLead(names, header.recordName, lead));
}

/**
 * The index of `lead` among a record's signal names.
 *
 * @throws UsageError when the name or index matches none of them.
 */
export function resolveLead(
  names: readonly string[],
  recordName: string,
  lead: LeadSelector,
): number {
  if (typeof lead === 'number') {
    if (Number.isInteger(lead) && lead >= 0 && lead < names.length) return lead;
    throw unknownLeadError(names, recordName, `Lead index ${lead}`);
  }
  const wanted = lead.trim().toLowerCase();
  const index = names.findIndex((name) => name.toLowerCase() === wanted);
  if (index >= 0) return index;
  throw unknownLeadError(names, recordName, `Lead ${JSON.stringify(lead)}`);
}

function unknownLeadError(names: readonly string[], recordName: string, lead: string) {
  const record = JSON.stringify(recordName);
  if (names.length === 0) {
    return new UsageError(`${lead} is not in record ${record}, which has no signals.`);
  }
  return new UsageError(
    `${lead} is not in record ${record}, whose signals are ${names.join(', ')}. ` +
      `Pass one of these names (in any case) or an index from 0 to ${names.length - 1}.`,
  );
}
