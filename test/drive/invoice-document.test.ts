/**
 * The invoice written into a Google Doc on the emulator: the template's placeholders are
 * filled and `{{deductions}}` becomes the table, the built-in layout holds every field, user
 * text never becomes a placeholder or a replacement pattern, and either writer run again on
 * a half-written document ends with the same document.
 */
import { deductionRows, fillTemplate, placeholderValues, writeBuiltInLayout } from '../../src/drive/invoice-document';
import { anInvoiceContent } from '../../harness/builders';
import { emulatedApps } from '../../harness/emulated';

type Body = GoogleAppsScript.Document.Body;

const TEMPLATE = [
  'Invoice {{invoice_no}} of {{date}}',
  'To {{client}} <{{billing_email}}>',
  '{{hours}} h at {{rate}} {{currency}}: {{amount}} {{currency}}',
  '{{deductions}}',
  'Balance {{balance}} h, minimum {{minimum}} h',
];

/** A Doc body holding these paragraphs, and the document's app. */
function aBody(paragraphs: string[] = []) {
  const { documentApp } = emulatedApps();
  const body = documentApp.create('Invoice').getBody();
  paragraphs.forEach((text, i) => (i === 0 ? body.getParagraphs()[0].setText(text) : body.appendParagraph(text)));
  return { body, documentApp };
}

/** The body's children in order: a paragraph as its text, a table as its cells' texts. */
function shape(body: Body): (string | string[][])[] {
  const table = (t: GoogleAppsScript.Document.Table) =>
    Array.from({ length: t.getNumRows() }, (_, r) => Array.from({ length: t.getRow(r).getNumCells() }, (_, c) => t.getCell(r, c).getText()));
  const children: [number, string | string[][]][] = [
    ...body.getParagraphs().map((p): [number, string] => [body.getChildIndex(p), p.getText()]),
    ...body.getTables().map((t): [number, string[][]] => [body.getChildIndex(t), table(t)]),
  ];
  return children.sort(([a], [b]) => a - b).map(([, child]) => child);
}

/**
 * The body with replaceText as strict as Apps Script's, which reads `$` and `\` in the
 * replacement as Java's regular expressions do (the emulator writes them literally).
 */
function strictReplace(body: Body): Body {
  return new Proxy(body, {
    get(target, prop) {
      if (prop === 'replaceText')
        return (pattern: string, replacement: string) => {
          if (/[$\\]/.test(replacement)) throw new Error(`Illegal group reference in "${replacement}"`);
          return target.replaceText(pattern, replacement);
        };
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const DEDUCTIONS = [
  ['Date', 'Person', 'Description', 'Hours'],
  ['2026-02-16', 'Ann', 'Design review', '1.50'],
  ['2026-02-17', 'Ben', 'Reversed: Design review', '-0.50'],
  ['Total', '', '', '1.00'],
];

describe('fillTemplate', () => {
  it('fills every placeholder and puts the deductions table where {{deductions}} stood', () => {
    const { body } = aBody(TEMPLATE);
    fillTemplate(body, anInvoiceContent());
    expect(shape(body)).toEqual([
      'Invoice INV-2026-0007 of 2026-03-02',
      'To Acme <billing@acme.example>',
      '10.00 h at 85.50 EUR: 855.00 EUR',
      DEDUCTIONS,
      'Balance 0.75 h, minimum 2.00 h',
    ]);
  });

  it('ends with the same document when run again, also after a stop that left the placeholder behind its table', () => {
    const { body } = aBody(TEMPLATE);
    fillTemplate(body, anInvoiceContent());
    const done = shape(body);
    fillTemplate(body, anInvoiceContent());
    expect(shape(body)).toEqual(done);
    const stopped = aBody(TEMPLATE);
    stopped.body.insertTable(3, deductionRows(anInvoiceContent()));
    fillTemplate(stopped.body, anInvoiceContent());
    expect(shape(stopped.body)).toEqual(done);
  });

  it('keeps the last paragraph when {{deductions}} ends the document', () => {
    const { body } = aBody(['Invoice {{invoice_no}}', '{{deductions}}']);
    fillTemplate(body, anInvoiceContent());
    expect(shape(body)).toEqual(['Invoice INV-2026-0007', DEDUCTIONS, '']);
  });

  it('writes user text as text: no placeholder, no $ or \\ pattern, taken from a client’s name', () => {
    const { body } = aBody(TEMPLATE);
    const client = 'Cash $1 & {{amount}} \\1 $&';
    fillTemplate(strictReplace(body), anInvoiceContent({ client, lines: [{ date: '2026-02-16', person: '{{client}}', description: '$$', minutes: 60 }] }));
    const [, to, , table] = shape(body) as [string, string, string, string[][]];
    expect(to).toBe('To Cash $1 & {\u200B{amount}} \\1 $& <billing@acme.example>');
    expect(table[1]).toEqual(['2026-02-16', '{\u200B{client}}', '$$', '1.00']);
  });
});

describe('writeBuiltInLayout', () => {
  it('holds every field of the invoice, with the money in its currency', () => {
    const { body, documentApp } = aBody(['Something left over']);
    writeBuiltInLayout(body, anInvoiceContent(), documentApp);
    expect(shape(body)).toEqual([
      'Invoice INV-2026-0007',
      'Date: 2026-03-02',
      'Bill to: Acme <billing@acme.example>',
      [
        ['Description', 'Hours', 'Rate', 'Amount'],
        ['Prepaid hours (top-up)', '10.00', 'EUR 85.50', 'EUR 855.00'],
        ['Total', '', '', 'EUR 855.00'],
      ],
      'Your prepaid balance is 0.75 h, below the minimum of 2.00 h.',
      'Deductions since the last invoice',
      DEDUCTIONS,
    ]);
    expect(body.getParagraphs()[0].getHeading()).toBe(documentApp.ParagraphHeading.HEADING1);
    writeBuiltInLayout(body, anInvoiceContent(), documentApp);
    expect(shape(body)).toHaveLength(7);
  });

  it('leaves out who did the work and what it was when Settings hide them, and the email when there is none', () => {
    const { body, documentApp } = aBody();
    writeBuiltInLayout(body, anInvoiceContent({ showPerson: false, showDescription: false, billingEmail: '' }), documentApp);
    const children = shape(body);
    expect(children[2]).toBe('Bill to: Acme');
    expect(children[6]).toEqual([
      ['Date', 'Hours'],
      ['2026-02-16', '1.50'],
      ['2026-02-17', '-0.50'],
      ['Total', '1.00'],
    ]);
  });
});

describe('placeholderValues', () => {
  it('shows money without its code, which has {{currency}}', () => {
    expect(placeholderValues(anInvoiceContent({ amountCents: 123456 }))).toMatchObject({ amount: '1,234.56', rate: '85.50', currency: 'EUR', hours: '10.00' });
  });
});
