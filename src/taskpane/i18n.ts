import { createContext, useContext } from 'react';

/** The languages the pane's own text is written in; the document's language is independent of it. */
export type UiLanguage = 'en' | 'fr' | 'es';

const en = {
  appTitle: 'Amend',
  tabIssues: 'Issues',
  tabOutline: 'Outline',
  tabDraft: 'Draft',
  recheck: 'Re-check',
  reading: 'Reading the document…',
  working: 'Working…',
  theme: 'Theme',
  themeAuto: 'Automatic',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeContrast: 'High contrast',
  dismiss: 'Dismiss',
  noIssues: 'No issues found.',
  issuesSummary: 'Errors: {errors} · Warnings: {warnings}',
  fix: 'Fix',
  fixAll: 'Fix all ({count})',
  fixedSummary:
    '{applied, plural, =0 {Nothing could be fixed.} one {Fixed # problem.} other {Fixed # problems.}} {remaining, plural, =0 {Nothing left to do.} one {# needs you.} other {# need you.}}',
  severityError: 'Error',
  severityWarning: 'Warning',
  paragraphN: '¶ {n}',
  beforeProposals: 'Before the first proposal',
  noSection: 'Outside sections',
  proposalWithoutLine: 'Resolution without a proposal line',
  selectHint: 'Select in the document',
  outlineEmpty: 'No proposal found in this document.',
  inserted: 'inserted',
  deleted: 'deleted',
  renumbered: 'was {label}',
  reasonsPresent: 'Reasons',
  reasonsMissing: 'No reasons',
  unplaced: 'Not placed: {reason}',
  draftMarkTitle: 'Insert a proposal line',
  marker: 'Marker',
  submitter: 'Submitter',
  documentNo: 'Document',
  addendum: 'Addendum',
  sequence: 'Sequence',
  suggestedSequence: 'Next free: {n}',
  resolution: 'Resolution',
  insertProposalLine: 'Insert proposal line',
  draftReasonsTitle: 'Reasons',
  insertReasons: 'Insert reasons paragraph',
  draftRetagTitle: 'Retag for a conference',
  targetConference: 'Target conference',
  retag: 'Retag',
  draftRenumberTitle: 'Renumber a section',
  section: 'Section',
  renumber: 'Renumber',
  proposal: 'Proposal',
  everyResolutionMarked: 'Every resolution already has a proposal line.',
  resolutionMarked: 'This resolution already has a proposal line: pick one without.',
  nothingToChange: 'Nothing to change: it is already done.',
  pickConference: 'Pick the target conference first.',
  noSections: 'This proposal has no section to renumber.',
  applied: 'Done: {title}',
  previewBanner: 'Preview — not connected to Word',
  previewHelp: 'A sample proposal in the browser. Open your own .docx or sideload the add-in into Word.',
  openDocx: 'Open .docx',
  downloadDocx: 'Download .docx',
  documentView: 'Document',
  changesBy: 'Tracked changes by',
  authorChanges: '{author} ({count})',
  changedBy: 'Changed by {authors}',
  insertedBy: 'Inserted by {author}',
  deletedBy: 'Deleted by {author}',
  unknownAuthor: 'Unknown author',
  loadingHost: 'Starting…',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const fr: Messages = {
  appTitle: 'Amend',
  tabIssues: 'Problèmes',
  tabOutline: 'Plan',
  tabDraft: 'Rédaction',
  recheck: 'Revérifier',
  reading: 'Lecture du document…',
  working: 'En cours…',
  theme: 'Thème',
  themeAuto: 'Automatique',
  themeLight: 'Clair',
  themeDark: 'Sombre',
  themeContrast: 'Contraste élevé',
  dismiss: 'Fermer',
  noIssues: 'Aucun problème trouvé.',
  issuesSummary: 'Erreurs : {errors} · Avertissements : {warnings}',
  fix: 'Corriger',
  fixAll: 'Tout corriger ({count})',
  fixedSummary:
    '{applied, plural, =0 {Rien n’a pu être corrigé.} one {# problème corrigé.} other {# problèmes corrigés.}} {remaining, plural, =0 {Plus rien à faire.} one {# demande votre intervention.} other {# demandent votre intervention.}}',
  severityError: 'Erreur',
  severityWarning: 'Avertissement',
  paragraphN: '¶ {n}',
  beforeProposals: 'Avant la première proposition',
  noSection: 'Hors section',
  proposalWithoutLine: 'Résolution sans ligne de proposition',
  selectHint: 'Sélectionner dans le document',
  outlineEmpty: 'Aucune proposition dans ce document.',
  inserted: 'inséré',
  deleted: 'supprimé',
  renumbered: 'anciennement {label}',
  reasonsPresent: 'Motifs',
  reasonsMissing: 'Pas de motifs',
  unplaced: 'Non placé : {reason}',
  draftMarkTitle: 'Insérer une ligne de proposition',
  marker: 'Symbole',
  submitter: 'Auteur',
  documentNo: 'Document',
  addendum: 'Addendum',
  sequence: 'Numéro',
  suggestedSequence: 'Prochain libre : {n}',
  resolution: 'Résolution',
  insertProposalLine: 'Insérer la ligne de proposition',
  draftReasonsTitle: 'Motifs',
  insertReasons: 'Insérer un paragraphe de motifs',
  draftRetagTitle: 'Mettre à jour pour une conférence',
  targetConference: 'Conférence cible',
  retag: 'Mettre à jour',
  draftRenumberTitle: 'Renuméroter une section',
  section: 'Section',
  renumber: 'Renuméroter',
  proposal: 'Proposition',
  everyResolutionMarked: 'Chaque résolution a déjà sa ligne de proposition.',
  resolutionMarked: 'Cette résolution a déjà sa ligne de proposition : choisissez-en une qui n’en a pas.',
  nothingToChange: 'Rien à changer : c’est déjà fait.',
  pickConference: 'Choisissez d’abord la conférence cible.',
  noSections: 'Cette proposition n’a pas de section à renuméroter.',
  applied: 'Fait : {title}',
  previewBanner: 'Aperçu — non connecté à Word',
  previewHelp:
    'Une proposition d’exemple dans le navigateur. Ouvrez votre .docx ou chargez le complément dans Word.',
  openDocx: 'Ouvrir un .docx',
  downloadDocx: 'Télécharger le .docx',
  documentView: 'Document',
  changesBy: 'Modifications suivies de',
  authorChanges: '{author} ({count})',
  changedBy: 'Modifié par {authors}',
  insertedBy: 'Inséré par {author}',
  deletedBy: 'Supprimé par {author}',
  unknownAuthor: 'Auteur inconnu',
  loadingHost: 'Démarrage…',
};

const es: Messages = {
  appTitle: 'Amend',
  tabIssues: 'Problemas',
  tabOutline: 'Esquema',
  tabDraft: 'Redacción',
  recheck: 'Volver a verificar',
  reading: 'Leyendo el documento…',
  working: 'Procesando…',
  theme: 'Tema',
  themeAuto: 'Automático',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  themeContrast: 'Contraste alto',
  dismiss: 'Cerrar',
  noIssues: 'No se encontraron problemas.',
  issuesSummary: 'Errores: {errors} · Advertencias: {warnings}',
  fix: 'Corregir',
  fixAll: 'Corregir todo ({count})',
  fixedSummary:
    '{applied, plural, =0 {No se pudo corregir nada.} one {# problema corregido.} other {# problemas corregidos.}} {remaining, plural, =0 {No queda nada por hacer.} one {# requiere su intervención.} other {# requieren su intervención.}}',
  severityError: 'Error',
  severityWarning: 'Advertencia',
  paragraphN: '¶ {n}',
  beforeProposals: 'Antes de la primera propuesta',
  noSection: 'Fuera de secciones',
  proposalWithoutLine: 'Resolución sin línea de propuesta',
  selectHint: 'Seleccionar en el documento',
  outlineEmpty: 'No hay propuestas en este documento.',
  inserted: 'insertado',
  deleted: 'suprimido',
  renumbered: 'antes {label}',
  reasonsPresent: 'Motivos',
  reasonsMissing: 'Sin motivos',
  unplaced: 'Sin ubicar: {reason}',
  draftMarkTitle: 'Insertar una línea de propuesta',
  marker: 'Símbolo',
  submitter: 'Autor',
  documentNo: 'Documento',
  addendum: 'Addéndum',
  sequence: 'Número',
  suggestedSequence: 'Siguiente libre: {n}',
  resolution: 'Resolución',
  insertProposalLine: 'Insertar línea de propuesta',
  draftReasonsTitle: 'Motivos',
  insertReasons: 'Insertar párrafo de motivos',
  draftRetagTitle: 'Actualizar para una conferencia',
  targetConference: 'Conferencia de destino',
  retag: 'Actualizar',
  draftRenumberTitle: 'Renumerar una sección',
  section: 'Sección',
  renumber: 'Renumerar',
  proposal: 'Propuesta',
  everyResolutionMarked: 'Todas las resoluciones ya tienen su línea de propuesta.',
  resolutionMarked: 'Esta resolución ya tiene su línea de propuesta: elija una que no la tenga.',
  nothingToChange: 'Nada que cambiar: ya está hecho.',
  pickConference: 'Elija primero la conferencia de destino.',
  noSections: 'Esta propuesta no tiene ninguna sección que renumerar.',
  applied: 'Hecho: {title}',
  previewBanner: 'Vista previa — sin conexión con Word',
  previewHelp: 'Una propuesta de ejemplo en el navegador. Abra su .docx o cargue el complemento en Word.',
  openDocx: 'Abrir .docx',
  downloadDocx: 'Descargar .docx',
  documentView: 'Documento',
  changesBy: 'Cambios controlados de',
  authorChanges: '{author} ({count})',
  changedBy: 'Modificado por {authors}',
  insertedBy: 'Insertado por {author}',
  deletedBy: 'Eliminado por {author}',
  unknownAuthor: 'Autor desconocido',
  loadingHost: 'Iniciando…',
};

export const MESSAGES: Record<UiLanguage, Messages> = { en, fr, es };

/** The pane's language for a BCP 47 tag (Office display language or navigator.language); English otherwise. */
export function pickLanguage(tag: string | undefined | null): UiLanguage {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'es' ? primary : 'en';
}

/** A translator: the message for a key with `{name}` placeholders filled. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * `{n, plural, =0 {…} one {…} other {…}}`, the ICU form translators know: the branch for the number by
 * the language's plural rules (French counts 0 and 1 as singular), `#` standing for the number.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export function translator(language: UiLanguage): Translate {
  const table = MESSAGES[language];
  const rules = new Intl.PluralRules(language);
  return (key, params) =>
    table[key]
      .replace(PLURAL, (whole, name: string, body: string) => {
        const n = Number(params?.[name]);
        if (!params || !(name in params) || Number.isNaN(n)) return whole;
        const branches = new Map([...body.matchAll(BRANCH)].map((m) => [m[1], m[2]]));
        const text = branches.get(`=${n}`) ?? branches.get(rules.select(n)) ?? branches.get('other') ?? '';
        return text.replace(/#/g, String(n));
      })
      .replace(/\{(\w+)\}/g, (whole, name: string) =>
        params && name in params ? String(params[name]) : whole,
      );
}

const I18nContext = createContext<Translate>(translator('en'));

/** Provides the translator to the components below. */
export const I18nProvider = I18nContext.Provider;

/** The current translator. */
export const useT = (): Translate => useContext(I18nContext);
