/**
 * What the sidebar's Invoicing section shows, read in the sidebar's one load: whether
 * hourly invoicing is on and what its last run did (`getInvoicingStatus`), with its
 * times as the spreadsheet's time zone reads them, and the invoices not yet paid. The
 * `Invoices` sheet is read once; when it cannot be read (missing, or a header renamed)
 * the section says why and the rest of the sidebar still loads.
 */
import type { Services } from '../../services/ports';
import { dayOf } from '../../services/calendar-day';
import { InvoicesRepository } from '../../sheets/invoices.repository';
import { SchemaError } from '../../sheets/table';
import { invoiceView, type InvoiceView } from '../invoicing';
import { getInvoicingStatus, type InvoicingStatus } from '../invoicing';

/** An unpaid invoice: `Open`, or `Pending` (a stopped run left it; the next run finishes it). */
export interface OpenInvoice extends InvoiceView {
  /** The invoice date, `yyyy-MM-dd` in the spreadsheet's time zone ('' when the cell holds none). */
  day: string;
}

export interface SidebarInvoicing {
  status: InvoicingStatus;
  /** When the trigger was turned on and when invoicing last ran, `yyyy-MM-dd HH:mm` there ('' for never). */
  installedAt: string;
  lastRunAt: string;
  /** Unpaid invoices in sheet order. */
  open: OpenInvoice[];
  /** Why the Invoices sheet could not be read; '' when it could. */
  problem: string;
}

function localTime(services: Services, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : services.formatDate(time, 'yyyy-MM-dd HH:mm');
}

function openInvoices(services: Services): { open: OpenInvoice[]; problem: string } {
  try {
    const rows = InvoicesRepository.read(services.spreadsheet).rows.filter((r) => r.status === 'Open' || r.status === 'Pending');
    return { open: rows.map((r) => ({ ...invoiceView(r), day: r.date === null ? '' : dayOf(services, r.date) })), problem: '' };
  } catch (error) {
    if (error instanceof SchemaError) return { open: [], problem: error.message };
    throw error;
  }
}

export function sidebarInvoicing(services: Services): SidebarInvoicing {
  const status = getInvoicingStatus(services);
  return {
    status,
    installedAt: localTime(services, status.installedAt),
    lastRunAt: status.lastRun ? localTime(services, status.lastRun.at) : '',
    ...openInvoices(services),
  };
}
