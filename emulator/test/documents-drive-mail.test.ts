import { renderDocumentHtml } from '..';
import { setup } from './fixture';

function services(fixture: ReturnType<typeof setup>) {
  const g = fixture.emu.globals as Record<string, never>;
  return {
    DocumentApp: g.DocumentApp as GoogleAppsScript.Document.DocumentApp,
    DriveApp: g.DriveApp as GoogleAppsScript.Drive.DriveApp,
    MailApp: g.MailApp as GoogleAppsScript.Mail.MailApp,
  };
}

describe('DocumentApp', () => {
  it('edits bodies, replaces text in paragraphs and tables, and exports only saved content', () => {
    const fixture = setup();
    const { DocumentApp, DriveApp } = services(fixture);
    const doc = DocumentApp.create('Report {{client}}');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    const body = doc.getBody();
    body.appendParagraph('Hours for {{client}}').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    const table = body.appendTable([
      ['Date', 'Hours'],
      ['{{date}}', '2'],
    ]);
    table.appendTableRow().appendTableCell('total <b>');
    body.appendHorizontalRule();
    body.appendPageBreak();
    body.replaceText('\\{\\{client\\}\\}', 'Acme & Co');
    body.replaceText('\\{\\{date\\}\\}', '2026-01-05');
    expect(body.getParagraphs()[1].getText()).toBe('Hours for Acme & Co');
    expect(table.getNumRows()).toBe(3);
    expect(table.getRow(1).getCell(0).getText()).toBe('2026-01-05');
    expect(body.getText()).toContain('Date\tHours');

    const file = DriveApp.getFileById(doc.getId());
    expect(file.getAs('application/pdf').getDataAsString()).not.toContain('Acme');
    doc.saveAndClose();
    const pdf = file.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Report {{client}}.pdf');
    const html = pdf.getDataAsString();
    expect(html).toContain('<h1>Hours for Acme &amp; Co</h1>');
    expect(html).toContain('<td>2026-01-05</td>');
    expect(html).toContain('total &lt;b&gt;');
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    expect(renderDocumentHtml(doc.getId())).toBe(html);
  });

  it('saves open documents at the end of an execution', () => {
    const fixture = setup();
    const { DocumentApp } = services(fixture);
    const id = fixture.emu.execution(() => {
      const doc = DocumentApp.create('Statement');
      doc.getBody().appendParagraph('Balance: 12h');
      return doc.getId();
    });
    expect(fixture.emu.files.content(id)).toContain('Balance: 12h');
    expect(DocumentApp.openById(id).getBody().getText()).toBe('\nBalance: 12h');
  });

  it('refuses unknown or trashed documents', () => {
    const fixture = setup();
    const { DocumentApp, DriveApp } = services(fixture);
    expect(() => DocumentApp.openById('nope')).toThrow("Document is missing (perhaps it was deleted, or you don't have read access?)");
    const doc = DocumentApp.create('Old');
    DriveApp.getFileById(doc.getId()).setTrashed(true);
    expect(() => DocumentApp.openById(doc.getId())).toThrow(/Document is missing/);
  });

  it('copies a document with its saved content', () => {
    const fixture = setup();
    const { DocumentApp, DriveApp } = services(fixture);
    const template = DocumentApp.create('Template');
    template.getBody().setText('Dear {{name}}');
    template.saveAndClose();
    const folder = DriveApp.createFolder('Invoices');
    const copy = DriveApp.getFileById(template.getId()).makeCopy('Invoice 1', folder);
    const doc = DocumentApp.openById(copy.getId());
    doc.getBody().replaceText('{{name}}'.replace(/[{}]/g, '\\$&'), 'Ann');
    expect(doc.getBody().getText()).toBe('Dear Ann');
    expect(folder.getFilesByName('Invoice 1').next().getId()).toBe(copy.getId());
    expect(copy.getParents().next().getName()).toBe('Invoices');
  });
});

describe('DriveApp', () => {
  it('finds, creates and moves files and folders', () => {
    const fixture = setup();
    const { DriveApp, DocumentApp } = services(fixture);
    expect(() => DriveApp.getFileById('missing')).toThrow(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
    expect(() => DriveApp.getFolderById('missing')).toThrow(/No item with the given ID/);
    const folder = DriveApp.createFolder('Exports');
    expect(DriveApp.getFolderById(folder.getId()).getName()).toBe('Exports');
    const csv = folder.createFile('hours.csv', 'a,b', 'text/csv');
    expect(csv.getMimeType()).toBe('text/csv');
    expect(csv.getBlob().getDataAsString()).toBe('a,b');
    const fromBlob = DriveApp.createFile(fixture.Utilities.newBlob('x', 'text/plain', 'note.txt'));
    expect(DriveApp.getFilesByName('note.txt').next().getId()).toBe(fromBlob.getId());
    fromBlob.moveTo(folder);
    const names: string[] = [];
    const files = folder.getFiles();
    while (files.hasNext()) names.push(files.next().getName());
    expect(names).toEqual(['hours.csv', 'note.txt']);
    expect(() => files.next()).toThrow(/iterator has reached the end/);
    expect(DriveApp.getFoldersByName('Exports').hasNext()).toBe(true);
    expect(DriveApp.getFileById(fixture.emu.spreadsheet.getId()).getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    expect(DriveApp.getFileById(fixture.emu.spreadsheet.getId()).getAs('application/pdf').getName()).toBe('Untitled spreadsheet.pdf');
    const doc = DocumentApp.create('D');
    expect(() => DriveApp.getFileById(doc.getId()).getAs('image/png')).toThrow(
      /Converting from application\/vnd.google-apps.document to image\/png is not supported/,
    );
  });

  it('records sharing', () => {
    const fixture = setup();
    const { DriveApp } = services(fixture);
    const file = DriveApp.createFile('statement.pdf', 'x', 'application/pdf');
    file.addViewer('client@acme.test').addEditor('pm@agency.test').addViewers(['a@acme.test', 'b@acme.test']);
    file.removeViewer('a@acme.test');
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect(file.getViewers().map((u) => u.getEmail())).toEqual(['client@acme.test', 'b@acme.test']);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['pm@agency.test']);
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual(['ANYONE_WITH_LINK', 'VIEW']);
    const record = fixture.emu.files.get(file.getId())!;
    expect(record.viewers).toEqual(['client@acme.test', 'b@acme.test']);
    expect(fixture.emu.files.sharingLog.map((e) => `${e.action}:${e.email ?? e.access}`)).toEqual([
      'addViewer:client@acme.test',
      'addEditor:pm@agency.test',
      'addViewer:a@acme.test',
      'addViewer:b@acme.test',
      'removeViewer:a@acme.test',
      'setSharing:ANYONE_WITH_LINK',
    ]);
    expect(() => file.addViewer('not-an-email')).toThrow('Invalid email: not-an-email');
    fixture.emu.spreadsheet.addEditor('pm@agency.test');
    expect(fixture.emu.spreadsheet.getEditors().map((u) => u.getEmail())).toEqual(['owner@agency.test', 'pm@agency.test']);
  });

  it('injects failures into chosen Drive calls', () => {
    const fixture = setup();
    const { DriveApp } = services(fixture);
    const folder = DriveApp.createFolder('F');
    fixture.emu.faults.failOn('DriveApp.getFolderById', 'We are sorry, a server error occurred.');
    expect(() => DriveApp.getFolderById(folder.getId())).toThrow('We are sorry, a server error occurred.');
    expect(() => DriveApp.getFolderById(folder.getId())).toThrow('We are sorry, a server error occurred.');
    fixture.emu.faults.clear();
    expect(DriveApp.getFolderById(folder.getId()).getName()).toBe('F');
  });
});

describe('MailApp', () => {
  it('records mail with attachments and enforces the daily quota', () => {
    const fixture = setup();
    const { MailApp } = services(fixture);
    fixture.emu.mailQuota = 2;
    const blob = fixture.Utilities.newBlob('PDF!', 'application/pdf', 'statement.pdf');
    MailApp.sendEmail('client@acme.test', 'Your statement', 'See attached', { attachments: [blob], name: 'Prepaid Time' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    MailApp.sendEmail({ to: 'pm@agency.test', subject: 'Low balance', body: '2h left', htmlBody: '<b>2h</b> left' });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('x@acme.test', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(fixture.emu.mail).toEqual([
      {
        to: 'client@acme.test',
        subject: 'Your statement',
        body: 'See attached',
        name: 'Prepaid Time',
        attachments: [{ name: 'statement.pdf', contentType: 'application/pdf', bytes: [...Buffer.from('PDF!')] }],
      },
      { to: 'pm@agency.test', subject: 'Low balance', body: '2h left', htmlBody: '<b>2h</b> left', attachments: [] },
    ]);
    expect(fixture.emu.calls.count('MailApp.sendEmail')).toBe(3);
  });
});
