/**
 * Who may open a file the add-on made: people added one by one as viewers, and link
 * sharing, which stays off unless Settings turn it on for that client.
 */
type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;

/** One file's people, read and changed through one handle (one Drive lookup). */
export interface FileSharing {
  url(): string;
  /** The owner's email, lower-case ('' when Drive does not say). */
  ownerEmail(): string;
  isViewer(email: string): boolean;
  isEditor(email: string): boolean;
  addViewer(email: string): void;
  removeViewer(email: string): void;
  removeEditor(email: string): void;
}

/** Whether `email` is among `users`; Google addresses match whatever their case. */
function hasUser(users: GoogleAppsScript.Base.User[], email: string): boolean {
  const wanted = email.toLowerCase();
  return users.some((u) => u.getEmail().toLowerCase() === wanted);
}

/** The sharing handle of a file. */
export function fileSharing(file: File): FileSharing {
  return {
    url: () => file.getUrl(),
    ownerEmail: () => file.getOwner()?.getEmail().toLowerCase() ?? '',
    isViewer: (email) => hasUser(file.getViewers(), email),
    isEditor: (email) => hasUser(file.getEditors(), email),
    addViewer: (email) => void file.addViewer(email),
    removeViewer: (email) => void file.removeViewer(email),
    removeEditor: (email) => void file.removeEditor(email),
  };
}

/** Keeps the file private to the people it is shared with, or opens it to anyone with the link (view only); changes nothing already right. */
export function setLinkSharing(drive: DriveApp, fileId: string, anyoneWithLink: boolean): void {
  const file = drive.getFileById(fileId);
  const access = file.getSharingAccess();
  if (anyoneWithLink) {
    if (access !== drive.Access.ANYONE_WITH_LINK || file.getSharingPermission() !== drive.Permission.VIEW)
      file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
  } else if (access !== drive.Access.PRIVATE) {
    file.setSharing(drive.Access.PRIVATE, drive.Permission.NONE);
  }
}
