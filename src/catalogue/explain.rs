//! `mentorbook explain RULE`: what each rule enforces, why, exactly when it fires, and a passing
//! and a failing example.
//!
//! The texts paraphrase the program's guidelines: the project does not copy their sentences.
//! Every text has the same sections, in this order: `Guideline:`, `Why:`, `Fires when:`,
//! `Points at:`, `Settings:` (only for rules with a program.toml parameter), `Passes:` and
//! `Fails:`. Bodies are indented two spaces, example files four.
//!
//! The examples are precise enough to be placed into a program and checked, and
//! tests/it/explain.rs does so for every rule. Each file of an example starts with a line
//! `# ` and its path inside records/ (`# people/dana-whitfield.yaml`), then the keys that
//! matter: they replace those keys of a valid record, every other key stays as it was (a
//! Markdown record shows its front matter between `---` lines, then its body if that
//! matters). After the path a line may say more: `(as of 2026-03-10)` is the day the example
//! is checked on (else 2026-11-30); `# no PATH` is a file or folder that does not exist;
//! `# FOLDER/ holds only FILE, FILE` lists all of a folder's files; any other words are a
//! note, and a `# ` line that names no file is a remark. The failing example is the passing
//! one with its own changes made.

use super::Rule;

/// The explanation of a rule, in our own words.
pub fn explanation(rule: Rule) -> &'static str {
    match rule {
        Rule::Yaml => YAML,
        Rule::Schema => SCHEMA,
        Rule::Layout => LAYOUT,
        Rule::Reference => REFERENCE,
        Rule::Role => ROLE,
        Rule::SelfMentoring => SELF_MENTORING,
        Rule::Membership => MEMBERSHIP,
        Rule::PublicLibrary => PUBLIC_LIBRARY,
        Rule::MentorLibraryYears => MENTOR_LIBRARY_YEARS,
        Rule::MentorFieldYears => MENTOR_FIELD_YEARS,
        Rule::MentorSeniority => MENTOR_SENIORITY,
        Rule::MentorCapacity => MENTOR_CAPACITY,
        Rule::Duration => DURATION,
        Rule::Status => STATUS,
        Rule::Dissolution => DISSOLUTION,
        Rule::AgreementMissing => AGREEMENT_MISSING,
        Rule::AgreementUnsigned => AGREEMENT_UNSIGNED,
        Rule::AgreementTerms => AGREEMENT_TERMS,
        Rule::MeetingCadence => MEETING_CADENCE,
        Rule::MeetingMode => MEETING_MODE,
        Rule::MeetingDate => MEETING_DATE,
        Rule::WorkingHoursApproval => WORKING_HOURS_APPROVAL,
        Rule::Expenses => EXPENSES,
        Rule::MenteeAgenda => MENTEE_AGENDA,
        Rule::EvaluationMissing => EVALUATION_MISSING,
        Rule::EvaluationQuarter => EVALUATION_QUARTER,
        Rule::EvaluationCompliance => EVALUATION_COMPLIANCE,
        Rule::EvaluationRepresentative => EVALUATION_REPRESENTATIVE,
        Rule::PrivateId => PRIVATE_ID,
    }
}

const YAML: &str = r"Guideline:
  None of the program's own: this is the ground rule of the records format. A record
  has to be readable before any guideline can be checked against it.

Why:
  A file the tool cannot read hides whatever it should have shown. The file still counts
  as present (an agreement that does not parse is not 'missing', a broken meeting log
  still counts as a meeting on its file name's date), but no rule reads its contents
  until it is fixed.

Fires when:
  A .yaml file, or the front matter of a .md record, is not valid YAML (a key given twice
  included); a Markdown record does not start with a `---` line; or its front matter
  block is never closed by a second `---` line.

Points at:
  That file, at the line and column where the parser gave up; a duplicate key at its
  second occurrence; a missing or unclosed front matter block at 1:1. Lines count every
  line of the file, so in a Markdown record the first key is on line 2.

Passes:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: telephone
    topics: [Preparing a grant application]
    ---
    Notes.

Fails:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: telephone
    topics: [Preparing a grant application
    ---
    (the list is never closed: reported at the line where the parser stopped)
";

const SCHEMA: &str = r"Guideline:
  None of the program's own: the records format (records.md) fixes which keys each kind
  of record has, and what their values look like.

Why:
  The rules read keys by name. A misspelt key would be silently ignored and a missing
  date could let a check pass by default, so every record is held to its shape first.

Fires when:
  A required key is missing (a key with no value, `key:` or `key: null`, counts as
  missing); a key is not one this kind of record has (the closest known key is
  suggested); a value has the wrong type; a value is not one of the listed choices; or a
  date is not a real YYYY-MM-DD date. Keys required by role are checked here too: mentors
  and mentees need `public_library` and `membership`, mentors also `library_since`,
  `field` and `field_since`.

Points at:
  The offending key (also a required key written without a value); a missing top-level
  key at 1:1, a missing key inside a block at that block's key.

Passes:
    # people/dana-whitfield.yaml
    name: Dana Whitfield
    roles: [mentor]
    public_library: current
    membership:
      number: MLA-00000
      expires: 2027-06-30
    library_since: 2014-03-01
    field: Youth services
    field_since: 2019-09-01

Fails:
    # people/dana-whitfield.yaml
    name: Dana Whitfield
    roles: [mentor]
    public_library: currently         # not one of current, former, planned, none
    membership:
      number: MLA-00000               # `expires` is missing: reported at `membership`
    libary_since: 2014-03-01          # unknown key: did you mean `library_since`?
    field: Youth services
    field_since: 2019-02-30           # not a real date
";

const LAYOUT: &str = r"Guideline:
  None of the program's own: the records format puts every record in one place, and the
  file or folder name is the record's id (a meeting's date, an evaluation's quarter).

Why:
  A file in the wrong place, or under a name the tool cannot read, would be skipped
  without a word: its meeting would not count and its evaluation would look missing.

Fires when:
  A file or folder under records/ is not where the layout allows, or its name is not a
  valid id, date or quarter. Ids are 1 to 64 characters of a-z, 0-9 and `-`, starting
  with a letter or digit; only `.yaml` and `.md` are used; README.md files and dot-files
  are ignored. A misplaced folder is one error and its contents are not read. A
  relationship folder without relationship.yaml is an error on that missing path.

Points at:
  That file (or the missing relationship.yaml), at 1:1.

Passes:
    # people/dana-whitfield.yaml
    # relationships/r-2026-014/relationship.yaml
    # relationships/r-2026-014/meetings/2026-02-15.md
    # relationships/r-2026-014/meetings/2026-02-15-2.md   (a second that day)
    # relationships/r-2026-014/evaluations/2026-Q1.yaml

Fails:
    # people/dana-whitfield.yml                           (rename to .yaml)
    # people/Dana.yaml                                    (ids are lower case)
    # relationships/r-2026-014/Meetings/                  (the folder is meetings/)
    # relationships/r-2026-014/meetings/2026-13-01.md     (no month 13)
    # relationships/r-2026-014/evaluations/2026-Q5.yaml   (quarters are Q1 to Q4)
";

const REFERENCE: &str = r"Guideline:
  A mentoring relationship joins two enrolled participants, and each quarterly evaluation
  is carried out by a program representative; each of them has a record in people/.

Why:
  Every eligibility check needs the person's record. A mistyped id would let a pair slip
  past all of them, so a name that leads nowhere is reported first.

Fires when:
  A relationship's `mentor` or `mentee`, or an evaluation's `representative`, is not the
  id of a file in people/. A person file that fails to parse still exists for this rule.

Points at:
  The referring file (relationship.yaml or the evaluation), at the key.

Passes:
    # people/dana-whitfield.yaml exists
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield

Fails:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfeld             # there is no people/dana-whitfeld.yaml
";

const ROLE: &str = r"Guideline:
  The program has three roles: mentees who seek guidance, mentors who give it, and the
  program representative who evaluates each relationship every quarter.

Why:
  Each role brings its own requirements (a mentor's experience, a mentee's membership),
  and the record only carries the keys for the roles it lists. Someone named as a mentor
  but not listed as one would escape the mentor checks.

Fires when:
  A relationship's mentor does not list `mentor` in `roles`, its mentee does not list
  `mentee`, or an evaluation's representative does not list `representative`.

Points at:
  The referring file (relationship.yaml or the evaluation), at the key.

Passes:
    # people/sam-ortiz.yaml
    roles: [mentee]
    # relationships/r-2026-014/relationship.yaml
    mentee: sam-ortiz

Fails:
    # people/sam-ortiz.yaml
    roles: [representative]
    # relationships/r-2026-014/relationship.yaml
    mentee: sam-ortiz                 # sam-ortiz is not listed as a mentee
";

const SELF_MENTORING: &str = r"Guideline:
  Mentoring pairs a member of staff with a different, more experienced professional.

Why:
  A relationship with the same person on both sides is a slip in the record, and it would
  satisfy the meeting and evaluation checks without any mentoring taking place.

Fires when:
  A relationship's `mentor` and `mentee` are the same person id.

Points at:
  relationship.yaml, at `mentee`.

Passes:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    mentee: sam-ortiz

Fails:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    mentee: dana-whitfield
";

const MEMBERSHIP: &str = r"Guideline:
  Only members of the association that runs the program (program.toml's `association`)
  may take part, as mentor or as mentee.

Why:
  The program is a benefit of membership; a relationship whose participant has let their
  membership lapse is outside it.

Fires when:
  The mentor or the mentee of a relationship has no membership recorded; or its
  `expires` date is before the relationship's `start`; or, for a relationship with
  `status: active`, before the as-of date. Expiring on either of those days still passes.
  Checked for every relationship, whatever its status.

Points at:
  The person's file, at `expires`, or at 1:1 when no membership is recorded; once per
  relationship, naming it.

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    mentee: sam-ortiz
    start: 2026-01-15
    status: active
    # people/sam-ortiz.yaml
    membership:
      number: MLA-00000
      expires: 2026-11-30             # still a member on the as-of date

Fails:
    # people/sam-ortiz.yaml
    membership:
      number: MLA-00000
      expires: 2026-10-31             # lapsed before 2026-11-30, still active
";

const PUBLIC_LIBRARY: &str = r"Guideline:
  The program is for people with a tie to public libraries: those who work in one now,
  used to, or mean to. Mentors and mentees alike.

Why:
  The program exists to grow public library careers; a participant with no link to a
  public library is outside its reach.

Fires when:
  The mentor or the mentee of a relationship has `public_library: none`. The values
  `current`, `former` and `planned` all pass. Checked for every relationship, whatever
  its status.

Points at:
  The person's file, at `public_library`; once per relationship, naming it.

Passes:
    # people/sam-ortiz.yaml
    public_library: planned

Fails:
    # people/sam-ortiz.yaml
    public_library: none
";

const MENTOR_LIBRARY_YEARS: &str = r"Guideline:
  A mentor brings a minimum amount of library experience: five years, unless the program
  sets another figure.

Why:
  The mentee is promised guidance from someone who knows the work well; the minimum is
  measured on the day the relationship starts.

Fires when:
  The mentor's `library_since` plus `mentor_min_library_years` years falls after the
  relationship's `start`. A year is twelve months; when the month has no such day, the
  month's last day is used (2024-02-29 + 1 year = 2025-02-28). Reaching the minimum on
  the start day itself passes.

Points at:
  The mentor's file, at `library_since`; once per relationship, naming it.

Settings:
  program.toml [rules] mentor_min_library_years (default 5).

Passes:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    start: 2026-01-15
    # people/dana-whitfield.yaml
    library_since: 2021-01-15         # five years exactly on the start day

Fails:
    # people/dana-whitfield.yaml
    library_since: 2021-01-16         # five years only on 2026-01-16, a day too late
";

const MENTOR_FIELD_YEARS: &str = r"Guideline:
  A mentor has spent a minimum time in the field they work in now: three years, unless
  the program sets another figure.

Why:
  Advice about a specialism is worth most from someone established in it; like the
  library minimum, it is measured on the day the relationship starts.

Fires when:
  The mentor's `field_since` plus `mentor_min_field_years` years falls after the
  relationship's `start`. A year is twelve months, clamped to the month's last day when
  needed (2024-02-29 + 1 year = 2025-02-28). Reaching the minimum on the start day passes.

Points at:
  The mentor's file, at `field_since`; once per relationship, naming it.

Settings:
  program.toml [rules] mentor_min_field_years (default 3).

Passes:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    start: 2026-01-15
    # people/dana-whitfield.yaml
    field_since: 2023-01-15           # three years exactly on the start day

Fails:
    # people/dana-whitfield.yaml
    field_since: 2023-01-16           # three years only on 2026-01-16
";

const MENTOR_SENIORITY: &str = r"Guideline:
  The mentee looks for a mentor who is further along than they are.

Why:
  Seniority is more than years in libraries (a mentor may bring experience from
  elsewhere), so this is a warning for the committee to look at, not an error. A program
  can raise it to an error or turn it off under [severity].

Fires when:
  The mentee's `library_since` is earlier than the mentor's (both dates recorded). The
  same date passes.

Points at:
  relationship.yaml, at `mentor`.

Settings:
  program.toml [severity] mentor-seniority = error | warning | off (default warning).

Passes:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    mentee: sam-ortiz
    # people/dana-whitfield.yaml (the mentor)
    library_since: 2014-03-01
    # people/sam-ortiz.yaml (the mentee)
    library_since: 2020-09-01

Fails:
    # people/sam-ortiz.yaml (the mentee)
    library_since: 2010-05-01         # in libraries longer than the mentor
";

const MENTOR_CAPACITY: &str = r"Guideline:
  Not one of the written guidelines: a limit a program may set so that each mentor has
  the time their mentees need for support and feedback.

Why:
  A mentor spread over too many mentees cannot keep up the monthly contact the program
  expects. With the default of 0 there is no limit and the rule never fires.

Fires when:
  `max_active_mentees_per_mentor` is above 0 and, on the as-of date, a mentor has more
  relationships than that with `status: active` whose open period (start to close date,
  both included) contains the as-of date. The extra ones are the later ones in id order.

Points at:
  Each extra relationship's relationship.yaml, at `mentor`.

Settings:
  program.toml [rules] max_active_mentees_per_mentor (default 0: no limit).

Passes:
    # program.toml
    [rules]
    max_active_mentees_per_mentor = 2
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    status: active
    # relationships/r-2026-015/relationship.yaml
    mentor: dana-whitfield
    status: active

Fails:
    # as above, and a third:
    # relationships/r-2026-021/relationship.yaml
    mentor: dana-whitfield            # reported here, on r-2026-021
    status: active
";

const DURATION: &str = r"Guideline:
  A mentoring relationship runs for a year at most.

Why:
  The program is designed as a fixed term, so that mentors can commit with a clear end in
  sight and the committee can plan the next intake.

Fires when:
  `end` is before `start`, or after `start` plus `max_relationship_months` months. When
  the month has no such day, its last day is used (2026-01-31 + 1 month = 2026-02-28).
  Ending exactly on start plus the maximum passes.

Points at:
  relationship.yaml, at `end`.

Settings:
  program.toml [rules] max_relationship_months (default 12).

Passes:
    # relationships/r-2026-014/relationship.yaml
    start: 2026-01-15
    end: 2027-01-15                   # exactly twelve months: the last allowed day

Fails:
    # relationships/r-2026-014/relationship.yaml
    start: 2026-01-15
    end: 2027-01-16                   # one day over the year
";

const STATUS: &str = r"Guideline:
  A relationship either runs its term or is ended early by a party; the records say
  which, so the committee knows which pairs are still meeting.

Why:
  Status drives the meeting and membership checks and the dashboard. A relationship left
  `active` after its end date, or marked `completed` before it has ended, misleads both.

Fires when:
  `status: active` but the as-of date is after `end`; `status: completed` but `end` is
  after the as-of date; or `start` is after the as-of date and the status is not
  `active` (a relationship that has not begun is recorded as active). Reported once, even
  when several of these hold.

Points at:
  relationship.yaml, at `status`.

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    start: 2026-01-15
    end: 2026-11-30
    status: active                    # the end day itself is still active

Fails:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    start: 2026-01-15
    end: 2026-10-31
    status: active                    # ended a month ago: mark it completed
";

const DISSOLUTION: &str = r"Guideline:
  Either party may end the relationship early during the program when there is good
  reason, but should talk to the mentoring committee about it first.

Why:
  The committee needs to know when a pair parts and who ended it, and the committee's
  first contact should come before the relationship ends, not after.

Fires when:
  `status: dissolved` has no `dissolution` block (and then only this rule fires: rules
  that need the close date skip the relationship); a `dissolution` block is on a
  relationship that is not dissolved (reported once, its dates are not checked); the
  dissolution `date` is not between `start` and `end`, both included; or
  `committee_contacted` is after the dissolution `date`. Contact on the same day passes.

Points at:
  relationship.yaml, at the key at fault (`status`, `dissolution`, `date` or
  `committee_contacted`).

Passes:
    # relationships/r-2026-014/relationship.yaml
    start: 2026-01-15
    end: 2027-01-14
    status: dissolved
    dissolution:
      date: 2026-06-01
      by: mentee
      committee_contacted: 2026-05-20

Fails:
    # relationships/r-2026-014/relationship.yaml
    status: dissolved
    dissolution:
      date: 2026-06-01
      by: mentee
      committee_contacted: 2026-06-03 # the committee heard only after it ended
";

const AGREEMENT_MISSING: &str = r"Guideline:
  Both parties sign a formal mentoring agreement that sets out the terms of their
  relationship.

Why:
  The agreement is where the pair commits to the program's terms (confidentiality,
  voluntary participation, who pays, how often they meet); without it nothing was agreed.

Fires when:
  A relationship whose `start` is on or before the as-of date has no agreement.md. An
  agreement that fails to parse is not missing (`yaml` or `schema` reports it instead).
  A relationship that has not started yet owes no agreement.

Points at:
  relationship.yaml, at 1:1.

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    start: 2026-01-15
    # relationships/r-2026-014/agreement.md

Fails:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    start: 2026-01-15
    # no relationships/r-2026-014/agreement.md
";

const AGREEMENT_UNSIGNED: &str = r"Guideline:
  The agreement is signed by both mentor and mentee, and it frames the relationship, so
  it is signed before the pair starts meeting.

Why:
  Meeting under terms nobody has signed defeats the point of the agreement; a signature
  dated in the future has not happened yet.

Fires when:
  A party's signature date (`signed.mentor` or `signed.mentee`) is after the first
  meeting, or after the as-of date. The first meeting is the earliest meeting file of the
  relationship, whatever its date. Signing on the day of the first meeting passes.

Points at:
  agreement.md, at `signed.mentor` or `signed.mentee` (in a Markdown record the first
  key after `---` is on line 2).

Passes:
    # relationships/r-2026-014/meetings/2026-01-20.md is the first meeting
    # relationships/r-2026-014/agreement.md
    ---
    signed:
      mentor: 2026-01-10
      mentee: 2026-01-20              # the same day as the first meeting
    ---

Fails:
    # relationships/r-2026-014/agreement.md
    ---
    signed:
      mentor: 2026-01-10
      mentee: 2026-01-21              # the day after the first meeting
    ---
";

const AGREEMENT_TERMS: &str = r"Guideline:
  The agreement repeats the program's ground rules: the relationship stays confidential,
  both take part of their own free will, the participants pay their own way, they meet
  at least monthly, and they meet in one of the ways the program allows.

Why:
  An agreement that departs from the program's terms commits the pair to something the
  program does not allow.

Fires when:
  `confidentiality` or `voluntary` is not `true`; `expenses` is not `participants`;
  `meeting_frequency` is `quarterly` (less often than monthly); or an entry of
  `meeting_modes` is not in the program's `meeting_modes`.

Points at:
  agreement.md, at the key at fault; for `meeting_modes`, at the entry that is not
  allowed.

Settings:
  program.toml [rules] meeting_modes (default in-person, telephone, email).

Passes:
    # relationships/r-2026-014/agreement.md
    ---
    signed: {mentor: 2026-01-10, mentee: 2026-01-12}
    meeting_frequency: monthly
    meeting_modes: [in-person, email]
    confidentiality: true
    voluntary: true
    expenses: participants
    ---

Fails:
    # relationships/r-2026-014/agreement.md
    ---
    meeting_frequency: quarterly      # less often than monthly
    meeting_modes: [in-person, video] # video is not one of the program's modes
    expenses: program                 # the program does not pay
    ---
";

const MEETING_CADENCE: &str = r"Guideline:
  Mentor and mentee stay in regular contact: they meet at least once a month.

Why:
  Regular meetings are what make the relationship work; a long silence is the first sign
  that a pair needs the committee's help.

Fires when:
  There is a gap of more than `meeting_max_gap_months` months in the chain: `start`, then
  each meeting in date order, then the earlier of the close date (the dissolution date
  when dissolved, else `end`) and the as-of date. A meeting dated after the previous point
  plus the gap is late. When the final point is after the last meeting (or the start)
  plus the gap, a meeting is overdue. Only meetings within start..close and not after the
  as-of date count; a meeting with a `meeting-date` error is not in the chain. A month
  later is the same day, or the month's last day when it has no such day (2026-01-31 + 1
  month = 2026-02-28).

Points at:
  A late meeting's file, at 1:1; when the next meeting is overdue, relationship.yaml,
  at 1:1.

Settings:
  program.toml [rules] meeting_max_gap_months (default 1).

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-03-10)
    start: 2026-01-15
    # relationships/r-2026-014/meetings/ holds only 2026-02-15.md
    # (exactly one month after the start: the last on-time day; the next is due by 03-15)

Fails:
    # relationships/r-2026-014/relationship.yaml (as of 2026-03-10)
    start: 2026-01-15
    # relationships/r-2026-014/meetings/ holds only 2026-02-16.md
    # (one day late: reported on meetings/2026-02-16.md; with no meeting at all, as of
    # 2026-03-10, it is reported on relationship.yaml)
";

const MEETING_MODE: &str = r"Guideline:
  Meetings take place face to face, by telephone or by email, or in the other ways the
  program lists.

Why:
  The program decides which channels count as a meeting; the log records one of them so
  that the agreed ways of meeting can be checked.

Fires when:
  A meeting's `mode` is not one of the program's `meeting_modes`.

Points at:
  The meeting file, at `mode`.

Settings:
  program.toml [rules] meeting_modes (default in-person, telephone, email).

Passes:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: telephone
    ---

Fails:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: video                       # not in meeting_modes unless the program adds it
    ---
";

const MEETING_DATE: &str = r"Guideline:
  Meetings belong to the relationship's term within the program, and the log records
  meetings that have happened.

Why:
  A meeting dated outside the relationship, or in the future, is almost always a typo in
  the file name, and it would throw off the meeting cadence.

Fires when:
  A meeting's date (from its file name) is before `start`, after the close date (the
  dissolution date when dissolved, else `end`), or after the as-of date. The start and
  close days themselves pass. A meeting file that fails to parse is still checked by its
  name.

Points at:
  The meeting file, at 1:1.

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-11-30)
    start: 2026-01-15
    end: 2027-01-14
    # relationships/r-2026-014/meetings/2026-01-15.md   (the start day)

Fails:
    # relationships/r-2026-014/meetings/2026-01-14.md   (the day before the start)
    # relationships/r-2026-014/meetings/2026-12-05.md   (after the as-of date)
";

const WORKING_HOURS_APPROVAL: &str = r"Guideline:
  Meetings normally happen in the participants' own time; meeting during working hours
  needs the Library Service Manager's agreement.

Why:
  Working time belongs to the employer, so the manager agrees beforehand; recording who
  agreed and when shows the approval came before the meeting.

Fires when:
  A meeting has `working_hours: true` but no `manager_approval`, or its
  `manager_approval.date` is after the meeting's date. Approval on the meeting day passes.

Points at:
  The meeting file, at `working_hours` (no approval) or `manager_approval` (approved too
  late).

Passes:
    # relationships/r-2026-014/meetings/2026-02-10.md
    ---
    mode: in-person
    working_hours: true
    manager_approval:
      by: Jordan Lee
      date: 2026-02-10
    ---

Fails:
    # relationships/r-2026-014/meetings/2026-02-10.md
    ---
    mode: in-person
    working_hours: true
    manager_approval:
      by: Jordan Lee
      date: 2026-02-12                # approved two days after the meeting
    ---
";

const EXPENSES: &str = r"Guideline:
  Mentor and mentee pay their own costs; neither the program nor its committee covers
  them.

Why:
  The program has no budget for meetings; a cost recorded against anyone else is a claim
  the program cannot meet.

Fires when:
  An expense's `paid_by` is anything other than `mentor` or `mentee`.

Points at:
  The meeting file, at that expense's `paid_by`.

Passes:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: in-person
    expenses:
      - amount: 12.50
        paid_by: mentee
    ---

Fails:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: in-person
    expenses:
      - amount: 12.50
        paid_by: committee
    ---
";

const MENTEE_AGENDA: &str = r"Guideline:
  The mentee leads the relationship, coming to each meeting with prepared topics:
  problems, questions and situations to talk through.

Why:
  A mentee who drives the conversation gets more from it. A log without topics may just
  be a hurried note, so this is a warning; a program can raise it to an error or turn it
  off under [severity].

Fires when:
  A meeting file has no `topics`, or an empty list.

Points at:
  The meeting file, at 1:1.

Settings:
  program.toml [severity] mentee-agenda = error | warning | off (default warning).

Passes:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: telephone
    topics:
      - Presenting a budget to the board
    ---

Fails:
    # relationships/r-2026-014/meetings/2026-02-15.md
    ---
    mode: telephone
    topics: []                        # nothing prepared (or no `topics` at all)
    ---
";

const EVALUATION_MISSING: &str = r"Guideline:
  Each relationship is evaluated every quarter by a program representative, and the
  mentor takes part.

Why:
  The quarterly evaluation is how the committee learns that a pair is stuck before the
  year is over; a quarter without one went unchecked.

Fires when:
  For a calendar quarter (Q1 Jan-Mar, Q2 Apr-Jun, Q3 Jul-Sep, Q4 Oct-Dec) whose last day
  lies within the relationship's start..close, and whose last day plus
  `evaluation_grace_days` is before the as-of date, there is no evaluations/YYYY-Qn.yaml.
  A quarter the relationship does not reach the end of is not owed. An evaluation file
  that fails to parse still covers its quarter.

Points at:
  relationship.yaml, at 1:1: one diagnostic for each missing quarter, naming it.

Settings:
  program.toml [rules] evaluation_grace_days (default 30).

Passes:
    # relationships/r-2026-014/relationship.yaml (as of 2026-05-01)
    start: 2026-01-15
    # relationships/r-2026-014/evaluations/2026-Q1.yaml exists
    # (without it, as of 2026-04-30 still passes: 03-31 + 30 days is not yet past)

Fails:
    # relationships/r-2026-014/relationship.yaml (as of 2026-05-01)
    start: 2026-01-15
    # no relationships/r-2026-014/evaluations/2026-Q1.yaml: 2026-Q1 is missing
";

const EVALUATION_QUARTER: &str = r"Guideline:
  The quarterly evaluation covers a quarter of the relationship and takes place at the
  end of it, not long after.

Why:
  An evaluation filed under the wrong quarter leaves the real one looking done, and one
  dated far from its quarter says little about it.

Fires when:
  An evaluation's quarter (from its file name) ends on a day outside the relationship's
  start..close; or its `date` is before the quarter's first day, after the quarter's last
  day plus `evaluation_grace_days`, or after the as-of date.

Points at:
  The evaluation file: at `date` when the date is at fault, else at 1:1.

Settings:
  program.toml [rules] evaluation_grace_days (default 30).

Passes:
    # relationships/r-2026-014/relationship.yaml
    start: 2026-01-15
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    date: 2026-04-30                  # 03-31 + 30 days: the last allowed day

Fails:
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    date: 2026-05-01                  # one day past the grace period
    # relationships/r-2026-014/evaluations/2025-Q4.yaml
    # (2025-12-31 is before the start: no such quarter in this relationship)
";

const EVALUATION_COMPLIANCE: &str = r"Guideline:
  Mentors take part in the quarterly evaluation run by the program representative.

Why:
  The evaluation is the program's only regular view into a relationship; it needs the
  mentor's side. The mentee's participation is recorded too, but the duty is the
  mentor's, so only the mentor's is checked.

Fires when:
  An evaluation has `mentor_participated: false`.

Points at:
  The evaluation file, at `mentor_participated`.

Passes:
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    representative: pat-kim
    date: 2026-04-08
    mentor_participated: true
    mentee_participated: true
    rating: on-track

Fails:
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    mentor_participated: false
";

const EVALUATION_REPRESENTATIVE: &str = r"Guideline:
  The quarterly evaluation comes from a program representative, someone outside the pair.

Why:
  An evaluation is an independent look at the relationship; a party to it cannot give
  that, even if they also hold the representative role.

Fires when:
  An evaluation's `representative` is the relationship's mentor or mentee.

Points at:
  The evaluation file, at `representative`.

Passes:
    # relationships/r-2026-014/relationship.yaml
    mentor: dana-whitfield
    mentee: sam-ortiz
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    representative: pat-kim

Fails:
    # relationships/r-2026-014/evaluations/2026-Q1.yaml
    representative: dana-whitfield    # the mentor evaluating their own relationship
";

const PRIVATE_ID: &str = r"Guideline:
  What passes between mentor and mentee stays private, always; that includes who is in
  the program, unless they have agreed to be shown.

Why:
  A relationship's id is published: it is part of the dashboard's addresses. An id built
  from a person's name would reveal them even though the dashboard hides their record.

Fires when:
  A relationship id contains the id, or a word of the name (a run of three or more
  letters), of its mentor or mentee whose `publish` is not `true`. Matching ignores case.
  Use neutral ids such as r-2026-014.

Points at:
  relationship.yaml, at 1:1; once per relationship.

Passes:
    # people/sam-ortiz.yaml
    name: Sam Ortiz
    publish: false                    # or no `publish` at all
    # relationships/r-2026-014/relationship.yaml
    mentee: sam-ortiz

Fails:
    # relationships/ortiz-2026/relationship.yaml
    mentee: sam-ortiz                 # the id contains `ortiz`, and Sam has not consented
";

#[cfg(test)]
mod tests {
    use super::explanation;
    use crate::catalogue::ALL;

    #[test]
    fn every_rule_has_an_explanation_with_both_examples() {
        for &rule in ALL {
            let text = explanation(rule);
            assert!(!text.trim().is_empty(), "{} has no explanation", rule.id());
            for section in ["Guideline:", "Why:", "Fires when:", "Points at:"] {
                assert!(text.contains(section), "{}: no {section}", rule.id());
            }
            assert!(text.contains("Passes"), "{}: no passing example", rule.id());
            assert!(text.contains("Fails"), "{}: no failing example", rule.id());
        }
    }

    #[test]
    fn sections_come_in_order() {
        for &rule in ALL {
            let text = explanation(rule);
            let at = |section: &str| text.find(&format!("\n{section}\n"));
            let order = ["Why:", "Fires when:", "Points at:", "Passes:", "Fails:"].map(at);
            assert!(text.starts_with("Guideline:\n"), "{}", rule.id());
            assert!(order.iter().all(Option::is_some), "{}", rule.id());
            assert!(order.is_sorted(), "{}: sections out of order", rule.id());
        }
    }

    #[test]
    fn lines_fit_a_terminal() {
        for &rule in ALL {
            for line in explanation(rule).lines() {
                assert!(line.chars().count() <= 90, "{}: {line}", rule.id());
            }
        }
    }
}
