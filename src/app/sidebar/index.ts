/**
 * The sidebar feature: opening the sidebar and the one read (`getSidebarData`) that fills
 * every panel. It only reads, through the other features' views; the sidebar's actions
 * call the other features' use cases directly.
 */
export { showSidebar } from './show-sidebar';
export { type ClientTotal, type EntryPreview, getSidebarData, type SidebarData, type SidebarFilter } from './sidebar-data';
export { type ClientView, clientView, type EntryDetails, type EntryView, entryDetails } from './sidebar-views';
