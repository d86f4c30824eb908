/**
 * The invoicing feature: the hourly (or on-demand) run that writes top-up invoices as a
 * Doc and a PDF, marking an invoice paid, and the hourly trigger. `invoiceClients` is the
 * pass the ledger runs after an authorization when Settings ask for it.
 */
export { invoiceClientNow, markInvoicePaid, type PaidResult, runAutomaticInvoicing } from './invoicing';
export { didSomething, type InvoiceView, type InvoicingRun, invoiceClients, invoiceView } from './invoicing-run';
export { getInvoicingStatus, INVOICING_HANDLER, type InvoicingStatus, installInvoicingTrigger, removeInvoicingTrigger } from './invoicing-trigger';
