import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  OptionGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useRef, useState } from 'react';
import {
  CONFERENCES,
  describeConference,
  localCity,
  unverifiedNamesIn,
  type Language,
  type UnconfirmedName,
  type Body,
  type Conference,
} from '../core/conferences';
import { check } from '../core/engine';
import { markPlan, nextProposalId } from '../core/commands/mark';
import { reasonsPlan } from '../core/commands/reasons';
import { renumberPlan } from '../core/commands/renumber';
import { retagPlan } from '../core/commands/retag';
import { unconfirmedNames } from '../core/commands/unconfirmed';
import { suggestMarker } from '../core/commands/suggest-marker';
import { formatProposalId } from '../core/identifier';
import { MARKERS } from '../core/lexicon';
import type { Outline } from '../core/model';
import type { EditPlan } from '../core/plan';
import type { Result } from '../core/result';
import { readDocx } from '../docx/portable';
import type { DocxDocument } from '../docx/types';
import { newProposalDocx } from '../docx/new-proposal';
import { addedRecord, addRecordFile, recordSize, removeRecordFile } from './conference-file';
import { DocxInput } from './docx-input';
import { proposalName } from './grouping';
import { download } from './preview/download';
import { useT, type Translate } from './i18n';
import type { Session } from './use-session';

/** What the user should check about a city name an action writes. */
export const unconfirmedNote = (t: Translate, { city, name, missing }: UnconfirmedName): string =>
  t(missing ? 'missingName' : 'unconfirmedName', { name, city });

/** Regional groups that submit common proposals; a single country's symbol can be typed instead. */
export const SUBMITTERS = ['APT', 'ACP', 'AFCP', 'EUR', 'IAP', 'RCC', 'ARB'] as const;

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '8px 0 16px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'flex',
    gap: '8px',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    '& > *': { flex: '1 1 80px', minWidth: 0 },
  },
  // Fluent's inputs have a wide minimum width; a task pane is about 320 px wide.
  control: { minWidth: 0, width: '100%', boxSizing: 'border-box', '& input': { minWidth: 0, width: '100%' } },
  heading: { fontWeight: tokens.fontWeightSemibold, marginTop: '8px' },
  action: { alignSelf: 'flex-start' },
  why: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  notes: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground1,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

/** Drafting commands: each builds an edit plan in the core and hands it to the host. */
export function DraftTab({ session }: { session: Session }) {
  const styles = useStyles();
  // Bumped when the conference record changes: the forms that list conferences start afresh.
  const [record, setRecord] = useState(0);
  const outline = session.result?.outline;
  if (!outline || !session.snapshot) return null;
  return (
    <div>
      <MarkForm session={session} outline={outline} styles={styles} />
      <ReasonsForm session={session} outline={outline} styles={styles} />
      <RetagForm key={`retag-${record}`} session={session} styles={styles} />
      <RecordForm session={session} styles={styles} onChange={() => setRecord((n) => n + 1)} />
      <RenumberForm session={session} outline={outline} styles={styles} />
      {(session.hostKind === 'preview' || session.newProposalHere) && (
        <NewFromBaseForm key={`new-${record}`} session={session} styles={styles} />
      )}
    </div>
  );
}

/**
 * The conference record in use: the one Amend ships with, and a file a secretariat gives (the shape
 * `amend conferences --format json` writes and `--conferences` reads) to add a conference or move one,
 * kept until the pane is closed. The document is checked again against it.
 */
function RecordForm({
  session,
  styles,
  onChange,
}: {
  session: Session;
  styles: ReturnType<typeof useStyles>;
  onChange: () => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string>();
  const file = addedRecord();
  const changed = () => {
    // A target chosen from a file that is gone is no longer offered.
    if (session.conference && !CONFERENCES.includes(session.conference)) session.setConference(undefined);
    onChange();
    void session.recheck();
  };
  return (
    <section className={styles.form} aria-label={t('draftRecordTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftRecordTitle')}
      </Text>
      <Text size={200} data-record>
        {file
          ? t('recordWithFile', {
              count: recordSize(),
              name: file.name,
              conferences: file.conferences,
              cities: file.cities,
            })
          : t('recordBuiltIn', { count: recordSize() })}
      </Text>
      <DocxInput
        ref={input}
        accept=".json,application/json"
        testId="conference-file"
        onFile={(bytes, name) => {
          const added = addRecordFile(bytes, name);
          if (!added.ok) return setError(added.reason);
          setError(undefined);
          changed();
        }}
      />
      {error && (
        <Text role="alert" size={200}>
          {error}
        </Text>
      )}
      <div className={styles.buttons}>
        {/* Not while a change is under way: a Fix all checks every pass against one record. */}
        <Button ref={add} disabled={session.busy !== null} onClick={() => input.current?.click()}>
          {t('addRecordFile')}
        </Button>
        {file && (
          <Button
            disabled={session.busy !== null}
            onClick={() => {
              removeRecordFile();
              setError(undefined);
              changed();
              // This button goes with the file: focus stays in the form.
              add.current?.focus();
            }}
          >
            {t('removeRecordFile', { name: file.name })}
          </Button>
        )}
      </div>
      <Text size={200} className={styles.why}>
        {t('recordHint')}
      </Text>
    </section>
  );
}

/**
 * A command's button: enabled only when its plan can be applied and changes something; otherwise
 * disabled, with the reason beside it (and tied to it for screen readers).
 */
function Action({
  session,
  plan,
  label,
  onApply,
  notes = [],
}: {
  session: Session;
  plan: Result<EditPlan>;
  label: string;
  onApply?: () => void;
  /** What the user should check in what the action writes. */
  notes?: readonly string[];
}) {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  const notesId = useId();
  const why = !plan.ok ? plan.reason : plan.value.edits.length === 0 ? t('nothingToChange') : undefined;
  const shown = why === undefined ? notes : [];
  const describedBy = [why ? id : '', shown.length > 0 ? notesId : ''].filter(Boolean).join(' ');
  return (
    <>
      <Button
        className={styles.action}
        disabled={why !== undefined || session.busy !== null}
        aria-describedby={describedBy || undefined}
        onClick={() => {
          onApply?.();
          void session.apply(plan);
        }}
      >
        {label}
      </Button>
      {why && (
        <Text id={id} size={200} className={styles.why} data-why>
          {why}
        </Text>
      )}
      <Notes id={notesId} notes={shown} />
    </>
  );
}

/** What the user should check in what an action writes (a city name no ITU text confirms yet). */
function Notes({ id, notes }: { id: string; notes: readonly string[] }) {
  const styles = useStyles();
  if (notes.length === 0) return null;
  return (
    <div id={id} className={styles.notes} data-notes>
      {notes.map((note) => (
        <Text key={note} size={200} block>
          {note}
        </Text>
      ))}
    </div>
  );
}

type FormProps = { session: Session; outline: Outline; styles: ReturnType<typeof useStyles> };

function ProposalPicker({
  outline,
  value,
  onChange,
  label,
}: {
  outline: Outline;
  value: number;
  onChange: (i: number) => void;
  label: string;
}) {
  const t = useT();
  const styles = useStyles();
  const names = outline.proposals.map((p) => proposalName(p, t('proposalWithoutLine')));
  return (
    <Field label={label}>
      <Dropdown
        className={styles.control}
        value={names[value] ?? ''}
        selectedOptions={[String(value)]}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(Number(d.optionValue))}
      >
        {names.map((n, i) => (
          <Option key={i} value={String(i)} text={n}>
            {n}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function MarkForm({ session, outline, styles }: FormProps) {
  const t = useT();
  const snapshot = session.snapshot!;
  const candidates = outline.proposals.map((p, i) => ({ p, i })).filter(({ p }) => p.number);
  // The first resolution that still needs its line; when every one has it, nothing can be inserted.
  const firstUnmarked = candidates.find(({ p }) => p.paragraph === null);
  const [target, setTarget] = useState<number>(firstUnmarked?.i ?? candidates[0]?.i ?? 0);
  const proposal = outline.proposals[target];
  const [marker, setMarker] = useState<string | undefined>(undefined);
  const suggested = proposal ? suggestMarker(snapshot, proposal) : 'MOD';
  const known = outline.proposals.find((p) => p.id)?.id;
  const [submitter, setSubmitter] = useState<string>(known?.submitter ?? 'APT');
  const [document, setDocument] = useState<string>(known?.document ?? 'XX');
  const [addendum, setAddendum] = useState<string>(known?.addendum ?? '');
  const [sequence, setSequence] = useState<string>('');
  const series = {
    submitter: submitter.trim().toUpperCase(),
    document: document.trim(),
    addendum: addendum.trim() || undefined,
  };
  const next = useMemo(
    () => (series.submitter && series.document ? nextProposalId(outline, series).sequenceText : ''),
    [outline, series.submitter, series.document, series.addendum],
  );
  const id = `${series.submitter}/${series.document}${series.addendum ? `A${series.addendum}` : ''}/${sequence.trim() || next}`;
  const plan = useMemo(
    () =>
      !firstUnmarked
        ? { ok: false as const, reason: t('everyResolutionMarked') }
        : proposal?.paragraph !== null
          ? { ok: false as const, reason: t('resolutionMarked') }
          : markPlan(snapshot, outline, {
              id,
              marker: marker ?? suggested,
              resolution: proposal?.number?.resolution,
            }),
    [firstUnmarked, proposal, snapshot, outline, id, marker, suggested, t],
  );
  return (
    <section className={styles.form} aria-label={t('draftMarkTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftMarkTitle')}
      </Text>
      {candidates.length > 0 && (
        <ProposalPicker outline={outline} value={target} onChange={setTarget} label={t('resolution')} />
      )}
      <div className={styles.row}>
        <MarkerPicker value={marker ?? suggested} onChange={setMarker} />
        <Field label={t('submitter')}>
          <Combobox
            className={styles.control}
            freeform
            value={submitter}
            selectedOptions={[submitter]}
            onChange={(e) => setSubmitter(e.target.value)}
            onOptionSelect={(_, d) => d.optionValue && setSubmitter(d.optionValue)}
          >
            {SUBMITTERS.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Combobox>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('documentNo')}>
          <Input className={styles.control} value={document} onChange={(_, d) => setDocument(d.value)} />
        </Field>
        <Field label={t('addendum')}>
          <Input className={styles.control} value={addendum} onChange={(_, d) => setAddendum(d.value)} />
        </Field>
        <Field label={t('sequence')}>
          <Input
            className={styles.control}
            value={sequence}
            placeholder={next}
            onChange={(_, d) => setSequence(d.value)}
          />
        </Field>
      </div>
      <Text size={200} aria-live="polite">
        {next && <span>{t('suggestedSequence', { n: next })} · </span>}
        <code>{`${marker ?? suggested} ${id}`}</code>
      </Text>
      <Action session={session} plan={plan} label={t('insertProposalLine')} />
    </section>
  );
}

function ReasonsForm({ session, outline, styles }: FormProps) {
  const t = useT();
  const firstMissing = outline.proposals.findIndex((p) => !p.reasons);
  const [target, setTarget] = useState(Math.max(0, firstMissing));
  return (
    <section className={styles.form} aria-label={t('draftReasonsTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftReasonsTitle')}
      </Text>
      <ProposalPicker outline={outline} value={target} onChange={setTarget} label={t('proposal')} />
      <Action
        session={session}
        plan={reasonsPlan(session.snapshot!, outline, target)}
        label={t('insertReasons')}
      />
    </section>
  );
}

/** Every conference of the registry, body by body, the most recent first. */
function conferencesByBody(): { body: Body; conferences: { c: Conference; i: number }[] }[] {
  const bodies: Body[] = [];
  for (const c of CONFERENCES) if (!bodies.includes(c.body)) bodies.push(c.body);
  return bodies.map((body) => ({
    body,
    conferences: CONFERENCES.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.body === body)
      .sort((a, b) => b.c.year - a.c.year),
  }));
}

/** A proposal marker (MOD, ADD, SUP, NOC …). */
function MarkerPicker({ value, onChange }: { value: string; onChange: (marker: string) => void }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Field label={t('marker')}>
      <Dropdown
        className={styles.control}
        value={value}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}
      >
        {MARKERS.map((m) => (
          <Option key={m} value={m}>
            {m}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The target conference, by its index in the registry (-1: none chosen), grouped by body. */
function ConferencePicker({ choice, onChange }: { choice: number; onChange: (i: number) => void }) {
  const t = useT();
  const styles = useStyles();
  const groups = useMemo(conferencesByBody, []);
  const conference = choice >= 0 ? CONFERENCES[choice] : undefined;
  return (
    <Field label={t('targetConference')}>
      <Dropdown
        className={styles.control}
        value={conference ? describeConference(conference) : ''}
        selectedOptions={choice >= 0 ? [String(choice)] : []}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(Number(d.optionValue))}
      >
        {groups.map((g) => (
          <OptionGroup key={g.body} label={g.body}>
            {g.conferences.map(({ c, i }) => (
              <Option key={i} value={String(i)} text={describeConference(c)}>
                {describeConference(c)}
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}

function RetagForm({ session, styles }: { session: Session; styles: ReturnType<typeof useStyles> }) {
  const t = useT();
  const inferred = session.conference ?? session.result?.conference ?? undefined;
  const [choice, setChoice] = useState<number>(inferred ? CONFERENCES.indexOf(inferred) : -1);
  const conference = choice >= 0 ? CONFERENCES[choice] : undefined;
  const plan = useMemo(
    () =>
      conference && session.result
        ? retagPlan(session.snapshot!, session.result.outline, conference)
        : { ok: false as const, reason: t('pickConference') },
    [conference, session.result, session.snapshot, t],
  );
  return (
    <section className={styles.form} aria-label={t('draftRetagTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftRetagTitle')}
      </Text>
      <ConferencePicker choice={choice} onChange={setChoice} />
      <Action
        session={session}
        plan={plan}
        label={t('retag')}
        onApply={() => conference && session.setConference(conference)}
        notes={
          plan.ok && session.result
            ? unconfirmedNames(plan.value.edits, session.result.outline.language).map((n) =>
                unconfirmedNote(t, n),
              )
            : []
        }
      />
    </section>
  );
}

function RenumberForm({ session, outline, styles }: FormProps) {
  const t = useT();
  const [proposal, setProposal] = useState(0);
  const [section, setSection] = useState(0);
  const sections = outline.proposals[proposal]?.sections ?? [];
  return (
    <section className={styles.form} aria-label={t('draftRenumberTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftRenumberTitle')}
      </Text>
      <ProposalPicker
        outline={outline}
        value={proposal}
        onChange={(i) => {
          setProposal(i);
          setSection(0);
        }}
        label={t('proposal')}
      />
      <Field label={t('section')}>
        <Dropdown
          className={styles.control}
          value={sections[section]?.heading ?? ''}
          selectedOptions={[String(section)]}
          onOptionSelect={(_, d) => d.optionValue !== undefined && setSection(Number(d.optionValue))}
        >
          {sections.map((s, i) => (
            <Option key={i} value={String(i)} text={s.heading}>
              {s.heading}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Action
        session={session}
        plan={
          sections.length === 0
            ? { ok: false, reason: t('noSections') }
            : renumberPlan(session.snapshot!, outline, { proposal, section })
        }
        label={t('renumber')}
      />
    </section>
  );
}

/**
 * "New proposal from in-force text": pick the resolution as in force, say what the proposal does; the
 * preview downloads the proposal `amend new` would write (Track Changes on), Word puts it into the open
 * document, which must be empty, and switches Track Changes on.
 */
function NewFromBaseForm({ session, styles }: { session: Session; styles: ReturnType<typeof useStyles> }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  /** The in-force file picked, read once when picked: its language says how the city would be written. */
  const [file, setFile] = useState<{ name: string; base: Result<DocxDocument>; language?: Language }>();
  const pick = (bytes: Uint8Array, name: string) => {
    const base = readDocx(bytes, name);
    const language = base.ok ? check(base.value.snapshot, { rules: [] }).outline.language : undefined;
    setFile({ name, base, ...(language ? { language } : {}) });
  };
  const [resolution, setResolution] = useState('');
  const [marker, setMarker] = useState('MOD');
  const known = session.result?.outline.proposals.find((p) => p.id)?.id;
  const [id, setId] = useState(
    known ? formatProposalId({ ...known, sequence: 1, sequenceText: '1' }) : 'APT/XX/1',
  );
  const inferred = session.conference ?? session.result?.conference ?? undefined;
  const [choice, setChoice] = useState<number>(inferred ? CONFERENCES.indexOf(inferred) : -1);
  const [error, setError] = useState<string>();
  const conference = choice >= 0 ? CONFERENCES[choice] : undefined;
  const inWord = session.hostKind === 'word' ? session.newProposalHere : undefined;
  const notesId = useId();
  // A MOD's retag and an ADD's skeleton write the conference's city in the in-force text's language.
  const writesCity = /^(\(?MOD\)?|ADD\*?)$/.test(marker);
  const language = file?.language;
  const notes =
    writesCity && conference && language
      ? unverifiedNamesIn(localCity(conference.city, language), language).map((n) => unconfirmedNote(t, n))
      : [];
  const make = () => {
    if (!file) return;
    const base = file.base;
    if (inWord) {
      setError(undefined);
      const choice = { marker, id, ...(conference ? { conference } : {}) };
      void inWord(base, {
        ...choice,
        ...(resolution.trim() ? { resolution: resolution.trim() } : {}),
      });
      return;
    }
    const made = base.ok
      ? newProposalDocx(base.value, {
          marker,
          id,
          ...(conference ? { conference } : {}),
          ...(resolution.trim() ? { resolution: resolution.trim() } : {}),
          author: 'Amend',
          date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        })
      : base;
    if (!made.ok)
      return setError(
        made.reason.replace('(--conference WTSA-24)', '').replace('--resolution', t('resolution')),
      );
    setError(undefined);
    download(made.value.bytes, `${id.replace(/[^\w-]+/g, '-')}.docx`);
  };
  return (
    <section className={styles.form} aria-label={t('draftNewTitle')}>
      <Text as="h3" className={styles.heading}>
        {t('draftNewTitle')}
      </Text>
      <div className={styles.row}>
        <Field label={t('inForceFile')}>
          <Button onClick={() => input.current?.click()}>{file?.name ?? t('chooseFile')}</Button>
        </Field>
        <Field label={t('resolution')}>
          <Input className={styles.control} value={resolution} onChange={(_, d) => setResolution(d.value)} />
        </Field>
      </div>
      <DocxInput ref={input} testId="new-from-base-file" onFile={pick} />
      <div className={styles.row}>
        <MarkerPicker value={marker} onChange={setMarker} />
        <Field label={t('identifier')}>
          <Input className={styles.control} value={id} onChange={(_, d) => setId(d.value)} />
        </Field>
      </div>
      <ConferencePicker choice={choice} onChange={setChoice} />
      {error && (
        <Text role="alert" size={200}>
          {error}
        </Text>
      )}
      {inWord && (
        <Text size={200} className={styles.why}>
          {t('insertProposalHint')}
        </Text>
      )}
      <Button
        className={styles.action}
        disabled={!file || session.busy !== null}
        aria-describedby={notes.length > 0 ? notesId : undefined}
        onClick={make}
      >
        {inWord ? t('insertProposal') : t('downloadProposal')}
      </Button>
      <Notes id={notesId} notes={notes} />
    </section>
  );
}
